package cn.onewindow.memory.usecase;


import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;
import cn.onewindow.core.access.Tokens;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.ports.CallerDirectory;
import cn.onewindow.core.service.CallerService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.onewindow.memory.usecase.Fixtures.ADMIN;
import static cn.onewindow.memory.usecase.Fixtures.FRIDAY_10_SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deactivated caller stays deactivated whatever happens to it next (rotation, change, demo seeding), even when a
 * rotation races the deactivation, until an administrator reactivates it — against dynoxide.
 */
public abstract class CallerLifecycleScenarios extends OnPlatform {
    private Services platform;
    private CallerService callers;

    @BeforeAll
    void setUp() {
        platform = seeded(Fixtures.fixed(FRIDAY_10_SHANGHAI));
        callers = platform.callerService;
    }

    CallerService.Issued agent(String id) {
        return callers.create(ADMIN, new CallerService.Spec(id, Role.AGENT, "代办员" + id, null, DemoData.CITY,
                DemoData.VILLAGE_POINT, null));
    }

    boolean authenticates(String token) {
        try {
            platform.authenticator.authenticate("Bearer " + token);
            return true;
        } catch (DomainException e) {
            assertEquals("INVALID_TOKEN", e.code());
            return false;
        }
    }

    @Test
    void rotationOfADeactivatedCallerIsRefusedAndLeavesItInactive() {
        String token = agent("lc-rotate").token();
        callers.deactivate(ADMIN, "lc-rotate");
        assertFalse(authenticates(token));
        DomainException e = assertThrows(DomainException.class, () -> callers.rotate(ADMIN, "lc-rotate"));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals("CALLER_DEACTIVATED", e.code());
        CallerDirectory.Account a = callers.get(ADMIN, "lc-rotate");
        assertFalse(a.active());
        assertFalse(authenticates(token));
    }

    @Test
    void aChangeOrADemoSeedingKeepsADeactivatedCallerInactive() {
        String token = agent("lc-change").token();
        callers.deactivate(ADMIN, "lc-change");
        callers.change(ADMIN, "lc-change", new CallerService.Spec(null, null, "改名", null, null,
                DemoData.VILLAGE_POINT_2, null));
        CallerDirectory.Account a = callers.get(ADMIN, "lc-change");
        assertFalse(a.active());
        assertEquals("改名", a.caller().name());
        assertFalse(authenticates(token));

        // a demo caller deactivated, then the local system restarts on its kept data (the seeder runs again)
        Caller agent = DemoData.callers().get("demo-agent-2");
        assertTrue(authenticates("demo-agent-2"));
        callers.deactivate(ADMIN, agent.id());
        platform.seed(FRIDAY_10_SHANGHAI);
        assertFalse(callers.get(ADMIN, agent.id()).active());
        assertFalse(authenticates("demo-agent-2"));
        platform.callers.put(Tokens.hash("demo-agent-2"), agent);
        assertFalse(authenticates("demo-agent-2"), "a re-import never reactivates");
    }

    @Test
    void onlyAnExplicitReactivationMakesItActiveAgainWithANewTokenAndIsRecorded() {
        String old = agent("lc-react").token();
        DomainException notInactive = assertThrows(DomainException.class,
                () -> callers.reactivate(ADMIN, "lc-react", "测试"));
        assertEquals("CALLER_ACTIVE", notInactive.code());
        callers.deactivate(ADMIN, "lc-react");
        callers.deactivate(ADMIN, "lc-react"); // again: nothing more happens
        DomainException noReason = assertThrows(DomainException.class,
                () -> callers.reactivate(ADMIN, "lc-react", " "));
        assertEquals(DomainException.Kind.VALIDATION, noReason.kind());
        assertThrows(DomainException.class, () -> callers.reactivate(Fixtures.WINDOW, "lc-react", "越权"));

        CallerService.Issued back = callers.reactivate(ADMIN, "lc-react", "误停用，经核实恢复");
        assertTrue(back.account().active());
        assertTrue(authenticates(back.token()));
        assertFalse(authenticates(old), "the revoked token stays revoked");
        List<CallerDirectory.LifecycleEvent> events = back.account().lifecycle();
        assertEquals(List.of("DEACTIVATED", "REACTIVATED"), events.stream().map(CallerDirectory.LifecycleEvent::event)
                .toList());
        assertEquals(ADMIN.id(), events.get(1).by());
        assertEquals(FRIDAY_10_SHANGHAI, events.get(1).at());
        assertEquals("误停用，经核实恢复", events.get(1).reason());
        assertEquals(FRIDAY_10_SHANGHAI, back.account().deactivatedAt());
        // the record survives later writes
        String rotated = callers.rotate(ADMIN, "lc-react").token();
        assertEquals(2, callers.get(ADMIN, "lc-react").lifecycle().size());
        assertTrue(authenticates(rotated));
        assertFalse(authenticates(back.token()));
    }

    /** N threads rotate while one deactivates: the caller ends inactive and no token it was ever given works. */
    @Test
    void aDeactivationRacingRotationsLeavesNoActiveToken() throws Exception {
        for (int round = 0; round < 3; round++) {
            String id = "lc-race-" + round;
            long delay = 5L * round;
            ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();
            tokens.add(agent(id).token());
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            List<String> refusals = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 4; i++) {
                        try {
                            tokens.add(callers.rotate(ADMIN, id).token());
                        } catch (DomainException e) {
                            synchronized (refusals) {
                                refusals.add(e.code());
                            }
                        }
                    }
                    return null;
                }));
            }
            futures.add(pool.submit(() -> {
                start.await();
                Thread.sleep(delay);
                callers.deactivate(ADMIN, id);
                return null;
            }));
            start.countDown();
            for (Future<?> f : futures) f.get(60, TimeUnit.SECONDS);
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));

            assertFalse(callers.get(ADMIN, id).active(), "round " + round);
            for (String token : tokens) assertFalse(authenticates(token), "round " + round + ": a token still works");
            assertTrue(refusals.stream().allMatch(c -> c.equals("CALLER_DEACTIVATED") || c.equals("CONCURRENT_UPDATE")),
                    refusals.toString());
            assertEquals(Optional.empty(), platform.callers.byTokenHash(Tokens.hash(tokens.peek())));
        }
    }
}
