package cn.onewindow.core.ports;

import java.time.Instant;

/**
 * Fixed-window counters for try limits (progress queries per case number and per client address). The increment is
 * atomic (no read-then-write), so concurrent tries are each counted once; a counter expires after its window.
 */
public interface RateCounter {
    /**
     * Adds one try to {@code key}'s counter of the window that ends at {@code windowEnd}, and returns the count with
     * it included.
     */
    long increment(String key, Instant windowEnd);
}
