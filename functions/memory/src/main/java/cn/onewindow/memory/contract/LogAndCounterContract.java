package cn.onewindow.memory.contract;

import cn.onewindow.core.ports.AccessLog;
import cn.onewindow.core.ports.RateCounter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.onewindow.memory.contract.ContractFixtures.T0;
import static cn.onewindow.memory.contract.ContractFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every {@link AccessLog} and {@link RateCounter} guarantees: reads of a clear identity listed per case oldest
 * first, sign-in events per UTC day; try counters that count every concurrent try exactly once, per key.
 */
public abstract class LogAndCounterContract {

    protected abstract AccessLog accessLog();

    protected abstract RateCounter counters();

    @Test
    void identityReadsAreListedPerCaseOldestFirst() {
        String caseId = unique("C");
        AccessLog.Entry later = new AccessLog.Entry(caseId, "window-001", "WINDOW", "330110-ZX", "330110-ZX",
                T0.plusSeconds(60), "GET /v1/cases/{id}");
        AccessLog.Entry first = new AccessLog.Entry(caseId, "supervisor-001", "SUPERVISOR", null, null, T0,
                "GET /v1/cases/{id}");
        accessLog().record(later);
        accessLog().record(first);
        accessLog().record(new AccessLog.Entry(unique("C"), "window-001", "WINDOW", null, null, T0, "x"));
        assertEquals(List.of(first, later), accessLog().of(caseId));
        assertEquals(List.of(), accessLog().of(unique("C")));
    }

    @Test
    void signInEventsAreListedByTheirUtcDay() {
        // a day of its own for this test: far from other tests' events
        java.time.Instant day = T0.plus(Duration.ofDays(800 + Math.floorMod(unique("d").hashCode(), 500)))
                .truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        String user = unique("user-key");
        AccessLog.SignInEvent failed = new AccessLog.SignInEvent("SIGN_IN_FAILED", null, user, day.plusSeconds(5));
        AccessLog.SignInEvent in = new AccessLog.SignInEvent("SIGN_IN", "window-001", user, day.plusSeconds(9));
        AccessLog.SignInEvent nextDay = new AccessLog.SignInEvent("SIGN_OUT", "window-001", user,
                day.plus(Duration.ofDays(1)));
        accessLog().record(in);
        accessLog().record(nextDay);
        accessLog().record(failed);
        LocalDate utcDay = LocalDate.ofInstant(day, java.time.ZoneOffset.UTC);
        assertEquals(List.of(failed, in), accessLog().signIns(utcDay).stream()
                .filter(e -> user.equals(e.userKey())).toList());
        assertEquals(List.of(nextDay), accessLog().signIns(utcDay.plusDays(1)).stream()
                .filter(e -> user.equals(e.userKey())).toList());
    }

    @Test
    void everyTryIsCountedOncePerKeyEvenWhenConcurrent() throws Exception {
        String key = unique("progress#case");
        java.time.Instant windowEnd = T0.plus(Duration.ofHours(1));
        assertEquals(1, counters().increment(key, windowEnd));
        assertEquals(2, counters().increment(key, windowEnd));
        assertEquals(1, counters().increment(unique("progress#case"), windowEnd), "another key counts apart");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Long> counts = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return counters().increment(key, windowEnd);
                }));
            }
            start.countDown();
            for (Future<Long> f : results) counts.add(f.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(java.util.stream.LongStream.rangeClosed(3, 18).boxed().toList(), counts.stream().sorted().toList(),
                "each try saw its own count");
    }
}
