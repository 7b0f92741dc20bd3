package cn.onewindow.memory.contract;

import cn.onewindow.core.ports.IdempotencyStore;
import cn.onewindow.core.ports.RequestClaim;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.onewindow.memory.contract.ContractFixtures.T0;
import static cn.onewindow.memory.contract.ContractFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What every {@link IdempotencyStore} guarantees for the API's {@code Idempotency-Key} claims: exactly one of
 * concurrent requests runs, a replay gets the first result, another request with the key is refused, a claim left
 * by a request that died is taken over after its lease, a released claim runs again.
 */
public abstract class RequestClaimContract {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final RequestClaim.StoredResponse CREATED = new RequestClaim.StoredResponse(201,
            "application/json", "/v1/cases/C-1", "{\"id\":\"C-1\"}");

    protected abstract IdempotencyStore idempotency();

    private RequestClaim.State claim(String key, String digest, Instant now) {
        return idempotency().claimRequest(key, digest, now, LEASE).state();
    }

    @Test
    void theFirstRunsARepeatWaitsAndAfterCompletionGetsTheFirstResult() {
        String key = unique("K");
        assertEquals(RequestClaim.State.CLAIMED, claim(key, "d1", T0));
        assertEquals(RequestClaim.State.IN_PROGRESS, claim(key, "d1", T0.plusSeconds(1)));
        assertEquals(RequestClaim.State.MISMATCH, claim(key, "d2", T0.plusSeconds(1)));

        idempotency().completeRequest(key, "d1", CREATED, T0.plusSeconds(2));
        RequestClaim replay = idempotency().claimRequest(key, "d1", T0.plusSeconds(3), LEASE);
        assertEquals(RequestClaim.State.COMPLETED, replay.state());
        assertEquals(CREATED, replay.response());
        assertEquals(RequestClaim.State.MISMATCH, claim(key, "d2", T0.plus(Duration.ofDays(1))));
        assertEquals(RequestClaim.State.COMPLETED, claim(key, "d1", T0.plus(Duration.ofDays(1))),
                "a completed claim is never taken over");
    }

    @Test
    void anAbandonedClaimIsTakenOverAfterItsLeaseByTheSameRequestOnly() {
        String key = unique("K");
        assertEquals(RequestClaim.State.CLAIMED, claim(key, "d1", T0));
        assertEquals(RequestClaim.State.IN_PROGRESS, claim(key, "d1", T0.plus(LEASE).minusMillis(1)));
        assertEquals(RequestClaim.State.MISMATCH, claim(key, "d2", T0.plus(LEASE).plusSeconds(1)));
        assertEquals(RequestClaim.State.CLAIMED, claim(key, "d1", T0.plus(LEASE).plusSeconds(1)));
    }

    @Test
    void aReleasedClaimRunsAgainAndOnlyItsOwnRequestReleasesIt() {
        String key = unique("K");
        assertEquals(RequestClaim.State.CLAIMED, claim(key, "d1", T0));
        idempotency().releaseRequest(key, "d2");
        assertEquals(RequestClaim.State.IN_PROGRESS, claim(key, "d1", T0.plusSeconds(1)), "not released by another");
        idempotency().releaseRequest(key, "d1");
        assertEquals(RequestClaim.State.CLAIMED, claim(key, "d1", T0.plusSeconds(2)));

        idempotency().completeRequest(key, "d1", CREATED, T0.plusSeconds(3));
        idempotency().releaseRequest(key, "d1");
        assertEquals(RequestClaim.State.COMPLETED, claim(key, "d1", T0.plusSeconds(4)), "a result is never released");
    }

    @Test
    void completingAClaimThatIsNotOursStoresNothing() {
        String key = unique("K");
        idempotency().completeRequest(key, "d1", CREATED, T0);
        assertEquals(RequestClaim.State.CLAIMED, claim(key, "d1", T0.plusSeconds(1)));
        RequestClaim other = idempotency().claimRequest(unique("K"), "d1", T0, LEASE);
        assertNull(other.response());
    }

    @Test
    void aResultTooLargeToKeepReleasesTheClaim() {
        String key = unique("K");
        assertEquals(RequestClaim.State.CLAIMED, claim(key, "d1", T0));
        idempotency().completeRequest(key, "d1", new RequestClaim.StoredResponse(200, "application/json", null,
                "x".repeat(300_001)), T0.plusSeconds(1));
        assertEquals(RequestClaim.State.CLAIMED, claim(key, "d1", T0.plusSeconds(2)));
    }

    @Test
    void tenSimultaneousClaimsOfOneKeyLetExactlyOneRun() throws Exception {
        String key = unique("K");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RequestClaim.State>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return claim(key, "d1", T0);
                }));
            }
            start.countDown();
            int claimed = 0;
            for (Future<RequestClaim.State> f : results) {
                RequestClaim.State s = f.get();
                if (s == RequestClaim.State.CLAIMED) claimed++;
                else assertEquals(RequestClaim.State.IN_PROGRESS, s);
            }
            assertEquals(1, claimed);
        } finally {
            pool.shutdownNow();
        }
    }
}
