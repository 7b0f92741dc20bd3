package cn.onewindow.sdk;

import cn.onewindow.sdk.internal.HttpEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    /** A "random" source that always returns the same value. */
    static Random fixed(double value) {
        return new Random() {
            private static final long serialVersionUID = 1L;

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void delaysGrowExponentiallyUpToTheCap() {
        RetryPolicy p = RetryPolicy.builder().initialBackoff(Duration.ofMillis(100)).multiplier(2)
                .maxBackoff(Duration.ofMillis(1000)).jitter(0).build();
        long[] expected = {100, 200, 400, 800, 1000, 1000};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], p.delayBefore(i + 1, null, new Random()).toMillis(), "after attempt " + (i + 1));
        }
    }

    @Test
    void jitterTakesAtMostItsShareOff() {
        RetryPolicy p = RetryPolicy.builder().initialBackoff(Duration.ofMillis(1000)).jitter(0.5).build();
        assertEquals(1000, p.delayBefore(1, null, fixed(0.0)).toMillis());
        assertEquals(500, p.delayBefore(1, null, fixed(0.999999)).toMillis(), 1);
        Random r = new Random(42);
        for (int i = 0; i < 1000; i++) {
            long d = p.delayBefore(2, null, r).toMillis();
            assertTrue(d >= 1000 && d <= 2000, "delay " + d);
        }
    }

    @Test
    void retryAfterIsHonouredAndBounded() {
        RetryPolicy p = RetryPolicy.builder().initialBackoff(Duration.ofMillis(100)).jitter(0)
                .maxRetryAfter(Duration.ofSeconds(30)).build();
        assertEquals(5000, p.delayBefore(1, Duration.ofSeconds(5), new Random()).toMillis());
        assertEquals(100, p.delayBefore(1, Duration.ofMillis(10), new Random()).toMillis(), "never shorter than backoff");
        assertTrue(p.waitsFor(Duration.ofSeconds(30)));
        assertFalse(p.waitsFor(Duration.ofSeconds(31)));
        assertTrue(p.waitsFor(null));
    }

    @Test
    void retryAfterHeaderIsReadAsSecondsOrDate() {
        assertEquals(Duration.ofSeconds(7), HttpEngine.retryAfter("7"));
        assertEquals(Duration.ZERO, HttpEngine.retryAfter("-3"));
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        long s = HttpEngine.retryAfter(inTenSeconds).getSeconds();
        assertTrue(s >= 8 && s <= 10, "seconds " + s);
        assertNull(HttpEngine.retryAfter("soon"));
        assertNull(HttpEngine.retryAfter(null));
    }

    @Test
    void onlyPassingFailuresAreRetried() {
        assertTrue(HttpEngine.retryable(429, "RATE_LIMITED"));
        assertTrue(HttpEngine.retryable(500, "INTERNAL_ERROR"));
        assertTrue(HttpEngine.retryable(503, null));
        assertTrue(HttpEngine.retryable(409, "IDEMPOTENCY_IN_PROGRESS"));
        assertTrue(HttpEngine.retryable(409, "CONCURRENT_UPDATE"));
        assertFalse(HttpEngine.retryable(409, "ILLEGAL_TRANSITION"));
        for (int s : new int[]{400, 401, 403, 404, 405, 408, 413, 415, 422}) {
            assertFalse(HttpEngine.retryable(s, "X"), "status " + s);
        }
    }

    @Test
    void invalidPoliciesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxAttempts(0).build());
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().jitter(1.5).build());
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().multiplier(0.5).build());
        assertEquals(1, RetryPolicy.none().maxAttempts());
    }
}
