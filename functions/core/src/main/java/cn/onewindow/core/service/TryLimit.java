package cn.onewindow.core.service;

import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.ports.RateCounter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A try limit on a fixed window: at most {@code max} tries per key in each window of length {@code window}, counted
 * atomically by a {@link RateCounter} (concurrent tries each count once). Past the limit a try gets 429
 * {@code RATE_LIMITED} with the seconds until the window ends. Keys must already be pseudonymous (no address, user
 * name or case secret in clear: the counter is stored).
 *
 * @param name what is limited (part of every counter key, so two limits never share a counter)
 */
public record TryLimit(String name, int max, Duration window, String messageZh) {

    public TryLimit {
        if (max < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a try limit needs max >= 1 and a positive window");
        }
    }

    /**
     * Counts one try for {@code key} now.
     *
     * @throws DomainException.RateLimited past the limit
     */
    public void charge(RateCounter counters, String key, Clock clock) {
        Instant now = clock.instant();
        long length = window.toSeconds();
        long index = now.getEpochSecond() / length;
        Instant windowEnd = Instant.ofEpochSecond((index + 1) * length);
        if (counters.increment(name + "#" + key + "#" + index, windowEnd) > max) {
            long retryAfter = Math.max(1, windowEnd.getEpochSecond() - now.getEpochSecond());
            throw new DomainException.RateLimited(messageZh, retryAfter);
        }
    }
}
