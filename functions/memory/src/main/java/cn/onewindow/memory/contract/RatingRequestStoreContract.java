package cn.onewindow.memory.contract;

import cn.onewindow.core.evaluation.WindowRatingRequest;
import cn.onewindow.core.ports.RatingRequestStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link RatingRequestStore} guarantees: one request per case, replaced only while the stored one is the
 * one the writer read (by its request time and case), so of concurrent writers exactly one wins; a window lists its
 * requests from a time on, oldest first, up to a limit, and a request moved to another window leaves the first
 * window's list; a PAD is bound to one window at a time.
 */
public abstract class RatingRequestStoreContract {

    protected abstract RatingRequestStore requests();

    private static WindowRatingRequest request(String caseId, String windowId, Instant at) {
        return new WindowRatingRequest(caseId, windowId, "1号窗口 综合受理窗口", "330110-ZX", "window-001", "李*",
                "企业设立登记", "张*", "A001", at);
    }

    @Test
    void aCaseHasOneRequestReplacedOnlyFromTheOneReadAndWindowsListTheirsOldestFirst() {
        String window = unique("W");
        String caseId = unique("C");
        WindowRatingRequest first = request(caseId, window, T0);
        assertTrue(requests().save(first, null));
        assertFalse(requests().save(request(caseId, window, T0.plusSeconds(1)), null), "one request per case");
        assertEquals(Optional.of(first), requests().request(caseId));
        assertEquals(Optional.empty(), requests().request(unique("C")));

        WindowRatingRequest again = request(caseId, window, T0.plusSeconds(30));
        assertFalse(requests().save(again, request(caseId, window, T0.plusSeconds(5))), "not the stored one");
        assertEquals(Optional.of(first), requests().request(caseId));
        assertTrue(requests().save(again, first));
        assertEquals(Optional.of(again), requests().request(caseId));

        WindowRatingRequest older = request(unique("C"), window, T0.plusSeconds(10));
        WindowRatingRequest newest = request(unique("C"), window, T0.plusSeconds(50));
        assertTrue(requests().save(newest, null));
        assertTrue(requests().save(older, null));
        assertTrue(requests().save(request(unique("C"), unique("W"), T0.plusSeconds(20)), null));
        assertEquals(List.of(older, again, newest), requests().pending(window, T0, 10));
        assertEquals(List.of(older, again), requests().pending(window, T0, 2), "at most the limit");
        assertEquals(List.of(again, newest), requests().pending(window, T0.plusSeconds(30), 10), "from `since` on");
        assertEquals(List.of(), requests().pending(window, T0.plusSeconds(51), 10));

        // the request asked again at another window leaves the first window's list
        String other = unique("W");
        WindowRatingRequest moved = request(caseId, other, T0.plusSeconds(60));
        assertTrue(requests().save(moved, again));
        assertEquals(List.of(older, newest), requests().pending(window, T0, 10));
        assertEquals(List.of(moved), requests().pending(other, T0, 10));
    }

    @Test
    void ofConcurrentWritersFromTheSameReadExactlyOneWins() throws Exception {
        String window = unique("W");
        String caseId = unique("C");
        WindowRatingRequest read = request(caseId, window, T0);
        assertTrue(requests().save(read, null));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Boolean> wins = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                WindowRatingRequest mine = request(caseId, window, T0.plusSeconds(1 + i));
                results.add(pool.submit(() -> {
                    start.await();
                    return requests().save(mine, read);
                }));
            }
            start.countDown();
            for (Future<Boolean> f : results) wins.add(f.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, wins.stream().filter(w -> w).count(), wins.toString());
        int winner = wins.indexOf(true);
        assertEquals(T0.plusSeconds(1 + winner), requests().request(caseId).orElseThrow().requestedAt());
        assertEquals(1, requests().pending(window, T0, 10).size(), "one request listed");
    }

    @Test
    void aPadIsBoundToOneWindowAtATime() {
        String pad = unique("pad");
        assertEquals(Optional.empty(), requests().boundWindow(pad));
        String w1 = unique("W");
        String w2 = unique("W");
        requests().bind(pad, w1);
        assertEquals(Optional.of(w1), requests().boundWindow(pad));
        requests().bind(pad, w2);
        assertEquals(Optional.of(w2), requests().boundWindow(pad));
        assertEquals(Optional.empty(), requests().boundWindow(unique("pad")));
    }
}
