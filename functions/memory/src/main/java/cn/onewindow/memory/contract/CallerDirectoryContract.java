package cn.onewindow.memory.contract;

import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;
import cn.onewindow.core.ports.CallerDirectory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.onewindow.memory.contract.ContractFixtures.T0;
import static cn.onewindow.memory.contract.ContractFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link CallerDirectory} guarantees: a caller is found by its active token's hash only, rotation revokes
 * the previous token at once, a deactivated caller stays inactive through changes, seeding and rotations, and only
 * a reactivation (with a new token, recorded) brings it back.
 */
public abstract class CallerDirectoryContract {

    protected abstract CallerDirectory callers();

    private static Caller agent(String id) {
        return new Caller(id, Role.AGENT, "代办员 " + id, "330110-ZX", "330100", "330110-T01-V01", null);
    }

    private String created(String id) {
        String token = unique("hash");
        callers().create(agent(id), token, T0);
        return token;
    }

    private static void assertConflict(String code, Runnable r) {
        DomainException e = assertThrows(DomainException.class, r::run);
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals(code, e.code());
    }

    @Test
    void aCreatedCallerIsFoundByItsTokenHashAndListedWithItsAccount() {
        String id = unique("agent");
        String token = created(id);
        assertEquals(Optional.of(agent(id)), callers().byTokenHash(token));
        assertEquals(Optional.empty(), callers().byTokenHash(unique("hash")));
        CallerDirectory.Account a = callers().account(id).orElseThrow();
        assertTrue(a.active());
        assertEquals(T0, a.tokenIssuedAt());
        assertEquals(List.of(), a.lifecycle());
        assertTrue(callers().accounts().stream().anyMatch(x -> x.caller().id().equals(id)));
        List<String> ids = callers().accounts().stream().map(x -> x.caller().id()).toList();
        assertEquals(ids.stream().sorted().toList(), ids, "by id");
        assertConflict("CALLER_EXISTS", () -> callers().create(agent(id), unique("hash"), T0));
    }

    @Test
    void rotationRevokesThePreviousTokenAtOnce() {
        String id = unique("agent");
        String old = created(id);
        String next = unique("hash");
        callers().rotate(id, next, T0.plusSeconds(60));
        assertEquals(Optional.empty(), callers().byTokenHash(old));
        assertEquals(Optional.of(agent(id)), callers().byTokenHash(next));
        assertEquals(T0.plusSeconds(60), callers().account(id).orElseThrow().tokenIssuedAt());
    }

    @Test
    void aDeactivatedCallerStaysInactiveThroughChangesSeedingAndRotations() {
        String id = unique("agent");
        String token = created(id);
        callers().deactivate(id, T0.plusSeconds(10), "admin-001");
        callers().deactivate(id, T0.plusSeconds(20), "admin-001"); // again: nothing more happens
        assertEquals(Optional.empty(), callers().byTokenHash(token));
        assertConflict("CALLER_DEACTIVATED", () -> callers().rotate(id, unique("hash"), T0.plusSeconds(30)));

        Caller renamed = new Caller(id, Role.AGENT, "改名", "330110-ZX", "330100", "330110-T01-V02", null);
        callers().update(renamed);
        callers().put(token, renamed);
        callers().put(unique("hash"), renamed);
        CallerDirectory.Account a = callers().account(id).orElseThrow();
        assertFalse(a.active());
        assertEquals("改名", a.caller().name());
        assertEquals(T0.plusSeconds(10), a.deactivatedAt());
        assertEquals(List.of("DEACTIVATED"), a.lifecycle().stream().map(CallerDirectory.LifecycleEvent::event)
                .toList());
        assertEquals(Optional.empty(), callers().byTokenHash(token));
    }

    @Test
    void onlyAReactivationBringsACallerBackWithANewTokenAndIsRecorded() {
        String id = unique("agent");
        String old = created(id);
        assertConflict("CALLER_ACTIVE", () -> callers().reactivate(id, unique("hash"), T0, "admin-001", "x"));
        callers().deactivate(id, T0.plusSeconds(10), "admin-001");
        String back = unique("hash");
        callers().reactivate(id, back, T0.plusSeconds(20), "admin-002", "误停用，经核实恢复");

        assertEquals(Optional.of(agent(id)), callers().byTokenHash(back));
        assertEquals(Optional.empty(), callers().byTokenHash(old), "the revoked token stays revoked");
        CallerDirectory.Account a = callers().account(id).orElseThrow();
        assertTrue(a.active());
        assertEquals(List.of(new CallerDirectory.LifecycleEvent("DEACTIVATED", T0.plusSeconds(10), "admin-001", null),
                new CallerDirectory.LifecycleEvent("REACTIVATED", T0.plusSeconds(20), "admin-002",
                        "误停用，经核实恢复")), a.lifecycle());
        callers().rotate(id, unique("hash"), T0.plusSeconds(30));
        assertEquals(2, callers().account(id).orElseThrow().lifecycle().size(), "the record survives later writes");
    }

    @Test
    void seedingAnActiveCallerReplacesItsToken() {
        String id = unique("agent");
        String old = created(id);
        String seeded = unique("hash");
        callers().put(seeded, agent(id));
        assertEquals(Optional.of(agent(id)), callers().byTokenHash(seeded));
        assertEquals(Optional.empty(), callers().byTokenHash(old));
    }

    /** Eight threads rotate while one deactivates: the caller ends inactive and no token it was given works. */
    @Test
    void aDeactivationRacingRotationsLeavesNoActiveToken() throws Exception {
        String id = unique("agent");
        List<String> tokens = new java.util.concurrent.CopyOnWriteArrayList<>(List.of(created(id)));
        List<String> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 3; i++) {
                        String next = unique("hash");
                        try {
                            callers().rotate(id, next, T0.plusSeconds(5));
                            tokens.add(next);
                        } catch (DomainException e) {
                            refusals.add(e.code());
                        }
                    }
                    return null;
                }));
            }
            futures.add(pool.submit(() -> {
                start.await();
                callers().deactivate(id, T0.plusSeconds(6), "admin-001");
                return null;
            }));
            start.countDown();
            for (Future<?> f : futures) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertFalse(callers().account(id).orElseThrow().active());
        for (String token : tokens) assertEquals(Optional.empty(), callers().byTokenHash(token));
        assertTrue(refusals.stream().allMatch(c -> c.equals("CALLER_DEACTIVATED") || c.equals("CONCURRENT_UPDATE")),
                refusals.toString());
    }
}
