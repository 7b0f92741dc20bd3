package cn.onewindow.core.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The one retry policy: how often it tries, how long it waits, and what it throws when it gives up. */
class RetryPolicyTest {

    private static ConcurrentUpdateException lostRace() {
        return new ConcurrentUpdateException("同时修改", "changed meanwhile");
    }

    @Test
    void aLostRaceIsTriedAgainUntilItPassesWithAPauseBeforeEachRetry() {
        List<Long> pauses = new ArrayList<>();
        RetryPolicy policy = new RetryPolicy(5, 10, 1000, pauses::add, bound -> bound);
        AtomicInteger calls = new AtomicInteger();
        String result = policy.onConflict(() -> {
            if (calls.incrementAndGet() < 4) throw lostRace();
            return "written";
        });
        assertEquals("written", result);
        assertEquals(4, calls.get());
        assertEquals(List.of(10L, 20L, 40L), pauses, "exponential ceilings, here taken at their top");
    }

    @Test
    void afterTheLastAttemptTheTypedConflictIsThrownAs409() {
        List<Long> pauses = new ArrayList<>();
        RetryPolicy policy = new RetryPolicy(3, 5, 200, pauses::add, bound -> 0);
        AtomicInteger calls = new AtomicInteger();
        ConcurrentUpdateException last = lostRace();
        ConcurrentUpdateException thrown = assertThrows(ConcurrentUpdateException.class, () -> policy.onConflict(() -> {
            calls.incrementAndGet();
            throw calls.get() == 3 ? last : lostRace();
        }));
        assertSame(last, thrown, "the last failure, unchanged");
        assertEquals("CONCURRENT_UPDATE", thrown.code());
        assertEquals(DomainException.Kind.CONFLICT, thrown.kind());
        assertEquals(3, calls.get());
        assertEquals(2, pauses.size(), "no pause after the last attempt");
    }

    @Test
    void anyOtherFailureIsThrownAtOnceWithoutRetrying() {
        List<Long> pauses = new ArrayList<>();
        RetryPolicy policy = new RetryPolicy(10, 5, 200, pauses::add, bound -> bound);
        AtomicInteger calls = new AtomicInteger();
        DomainException closed = DomainException.illegalState("CASE_CLOSED", "已办结", "closed");
        assertSame(closed, assertThrows(DomainException.class, () -> policy.onConflict(() -> {
            calls.incrementAndGet();
            throw closed;
        })));
        assertEquals(1, calls.get());
        assertTrue(pauses.isEmpty());
        // a conflict of another kind (a business rule, not a lost race) is not retried either
        DomainException taken = DomainException.conflict("ALREADY_RATED", "已评价", "rated");
        calls.set(0);
        assertThrows(DomainException.class, () -> policy.onConflict(() -> {
            calls.incrementAndGet();
            throw taken;
        }));
        assertEquals(1, calls.get());
    }

    @Test
    void anInterruptedPauseStopsRetryingKeepsTheInterruptAndThrowsTheConflict() {
        RetryPolicy policy = new RetryPolicy(10, 5, 200, ms -> { throw new InterruptedException(); }, b -> b);
        AtomicInteger calls = new AtomicInteger();
        try {
            assertThrows(ConcurrentUpdateException.class, () -> policy.onConflict(() -> {
                calls.incrementAndGet();
                throw lostRace();
            }));
            assertEquals(1, calls.get());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theStandardPolicyIsBoundedAndItsPausesStayUnderTheCap() {
        RetryPolicy standard = RetryPolicy.standard();
        assertEquals(RetryPolicy.DEFAULT_MAX_ATTEMPTS, standard.maxAttempts());
        List<Long> pauses = new ArrayList<>();
        RetryPolicy counted = standard.withSleeper(pauses::add);
        AtomicInteger calls = new AtomicInteger();
        assertThrows(ConcurrentUpdateException.class, () -> counted.onConflict(() -> {
            calls.incrementAndGet();
            throw lostRace();
        }));
        assertEquals(RetryPolicy.DEFAULT_MAX_ATTEMPTS, calls.get());
        assertEquals(RetryPolicy.DEFAULT_MAX_ATTEMPTS - 1, pauses.size());
        long worst = 0;
        for (int i = 0; i < pauses.size(); i++) {
            long p = pauses.get(i);
            assertTrue(p >= 0 && p <= standard.ceilingAfter(i + 1), "pause " + p + " after attempt " + (i + 1));
            worst += standard.ceilingAfter(i + 1);
        }
        assertTrue(worst <= 2_000, "the whole retry stays within two seconds at worst: " + worst);
    }

    @Test
    void aStoreCodedConflictFromAnOlderAdapterCountsAsALostRace() {
        assertTrue(ConcurrentUpdateException.is(DomainException.conflict("CONCURRENT_UPDATE", "x", "x")));
        assertTrue(!ConcurrentUpdateException.is(DomainException.illegalState("CONCURRENT_UPDATE", "x", "x")));
        assertTrue(!ConcurrentUpdateException.is(new IllegalStateException("CONCURRENT_UPDATE")));
    }

    /** Full jitter: every pause lies in [0, min(cap, base·2^(n-1))], the ceiling never falls and never passes the cap. */
    @Property(tries = 300)
    void pausesStayWithinTheJitterBounds(@ForAll @IntRange(min = 1, max = 80) int attempt,
                                         @ForAll @LongRange(min = 0, max = 50) long base,
                                         @ForAll @LongRange(min = 0, max = 5_000) long extra,
                                         @ForAll @LongRange(min = -10, max = Long.MAX_VALUE) long drawn) {
        long cap = base + extra;
        RetryPolicy policy = new RetryPolicy(3, base, cap, ms -> { }, bound -> drawn);
        long ceiling = policy.ceilingAfter(attempt);
        assertTrue(ceiling >= 0 && ceiling <= cap);
        assertTrue(ceiling >= Math.min(cap, base), "never below the first ceiling");
        assertTrue(policy.ceilingAfter(attempt + 1) >= ceiling, "the ceiling never falls");
        if (attempt <= 20) assertEquals(Math.min(cap, base << (attempt - 1)), ceiling);
        long pause = policy.delayAfter(attempt);
        assertTrue(pause >= 0 && pause <= ceiling, "pause " + pause + " within [0, " + ceiling + "]");
    }

    /** The standard jitter really spreads: over many draws the pauses cover the low and the high half. */
    @Test
    void theStandardJitterSpreadsOverTheWholeRange() {
        RetryPolicy standard = RetryPolicy.standard();
        int attempt = 5;
        long ceiling = standard.ceilingAfter(attempt);
        boolean low = false;
        boolean high = false;
        for (int i = 0; i < 2_000; i++) {
            long d = standard.delayAfter(attempt);
            assertTrue(d >= 0 && d <= ceiling);
            low |= d < ceiling / 4;
            high |= d > ceiling * 3 / 4;
        }
        assertTrue(low && high, "full jitter reaches both ends of [0, " + ceiling + "]");
    }
}
