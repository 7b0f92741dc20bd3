package cn.onewindow.memory.contract;

import cn.onewindow.core.ports.SessionStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;

import static cn.onewindow.memory.contract.ContractFixtures.T0;
import static cn.onewindow.memory.contract.ContractFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link SessionStore} guarantees: a user name belongs to one caller, every write that depends on what
 * was read (failure counter, lock, credential id, idle mark) happens only while that is unchanged, and a password
 * change moves the one kept session onto the new credential.
 */
public abstract class SessionStoreContract {

    protected abstract SessionStore sessions();

    private String user(String callerId) {
        String username = unique("user");
        assertTrue(sessions().setCredential(callerId, username, "hash-1", "cred-1", T0));
        return username;
    }

    private SessionStore.Session session(String callerId, String username, String credentialId) {
        SessionStore.Session s = new SessionStore.Session(unique("token"), callerId, username, credentialId, T0, T0,
                T0.plus(Duration.ofHours(12)), false);
        sessions().createSession(s);
        return s;
    }

    @Test
    void aUserNameBelongsToOneCallerAndAChangedNameDropsTheOldOne() {
        String caller = unique("caller");
        String name = user(caller);
        assertEquals(Optional.of(new SessionStore.Credential(name, caller, "hash-1", "cred-1", 0, null)),
                sessions().credential(name));
        assertEquals(Optional.of(name), sessions().usernameOf(caller));
        assertFalse(sessions().setCredential(unique("caller"), name, "hash-x", "cred-x", T0), "taken by another");
        assertEquals("hash-1", sessions().credential(name).orElseThrow().passwordHash());

        String renamed = unique("user");
        assertTrue(sessions().setCredential(caller, renamed, "hash-2", "cred-2", T0.plusSeconds(1)));
        assertEquals(Optional.empty(), sessions().credential(name));
        assertEquals(Optional.of(renamed), sessions().usernameOf(caller));
        assertEquals(Optional.empty(), sessions().usernameOf(unique("caller")));
    }

    @Test
    void aFailureIsRecordedOnlyOnTheCounterAndCredentialRead() {
        String name = user(unique("caller"));
        assertTrue(sessions().recordFailure(name, "cred-1", 0, 1, null));
        assertFalse(sessions().recordFailure(name, "cred-1", 0, 1, null), "another try counted meanwhile");
        assertFalse(sessions().recordFailure(name, "cred-other", 1, 2, null), "the password was changed meanwhile");
        Instant lock = T0.plus(Duration.ofMinutes(15));
        assertTrue(sessions().recordFailure(name, "cred-1", 1, 5, lock));
        assertEquals(5, sessions().credential(name).orElseThrow().failures());
        assertEquals(lock, sessions().credential(name).orElseThrow().lockedUntil());

        assertFalse(sessions().resetFailures(name, "cred-1", lock.minusSeconds(1)), "still locked");
        assertTrue(sessions().resetFailures(name, "cred-1", lock));
        assertEquals(0, sessions().credential(name).orElseThrow().failures());
        assertNull(sessions().credential(name).orElseThrow().lockedUntil());
    }

    @Test
    void twentyConcurrentFailuresOnTheSameReadCountOnce() throws Exception {
        String name = user(unique("caller"));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        int won = 0;
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return sessions().recordFailure(name, "cred-1", 0, 1, null);
                }));
            }
            start.countDown();
            for (Future<Boolean> f : results) if (f.get(60, TimeUnit.SECONDS)) won++;
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, won);
        assertEquals(1, sessions().credential(name).orElseThrow().failures());
    }

    @Test
    void aSessionIsTouchedOnlyFromTheMarkReadAndEndsWhenRevoked() {
        String caller = unique("caller");
        String name = user(caller);
        SessionStore.Session s = session(caller, name, "cred-1");
        assertEquals(Optional.of(s), sessions().session(s.tokenHash()));
        assertEquals(Optional.empty(), sessions().session(unique("token")));

        sessions().touch(s.tokenHash(), T0, T0.plusSeconds(90));
        sessions().touch(s.tokenHash(), T0, T0.plusSeconds(100)); // read the old mark: changes nothing
        assertEquals(T0.plusSeconds(90), sessions().session(s.tokenHash()).orElseThrow().lastSeenAt());

        sessions().revoke(s.tokenHash());
        sessions().revoke(unique("token")); // nothing to revoke: no error
        assertTrue(sessions().session(s.tokenHash()).orElseThrow().revoked());
        sessions().touch(s.tokenHash(), T0.plusSeconds(90), T0.plusSeconds(200));
        assertEquals(T0.plusSeconds(90), sessions().session(s.tokenHash()).orElseThrow().lastSeenAt(),
                "an ended session is not touched");
    }

    @Test
    void aPasswordChangeMovesTheKeptSessionOnlyFromTheCredentialRead() {
        String caller = unique("caller");
        String name = user(caller);
        SessionStore.Session kept = session(caller, name, "cred-1");
        SessionStore.Session other = session(caller, name, "cred-1");
        assertTrue(sessions().recordFailure(name, "cred-1", 0, 2, null));

        assertFalse(sessions().changePassword(name, "cred-stale", "hash-2", "cred-2", kept.tokenHash(),
                T0.plusSeconds(5)));
        assertTrue(sessions().changePassword(name, "cred-1", "hash-2", "cred-2", kept.tokenHash(), T0.plusSeconds(5)));
        SessionStore.Credential c = sessions().credential(name).orElseThrow();
        assertEquals(List.of("hash-2", "cred-2", "0"), List.of(c.passwordHash(), c.credentialId(),
                String.valueOf(c.failures())));
        assertEquals("cred-2", sessions().session(kept.tokenHash()).orElseThrow().credentialId());
        assertEquals("cred-1", sessions().session(other.tokenHash()).orElseThrow().credentialId(),
                "every other session stays on the old credential (and is over)");
        assertFalse(sessions().changePassword(name, "cred-1", "hash-3", "cred-3", kept.tokenHash(),
                T0.plusSeconds(6)), "a second change from the same read");
    }
}
