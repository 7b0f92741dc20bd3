package cn.onewindow.memory;

import cn.onewindow.core.ports.RateCounter;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Try counters in memory, counted atomically and capped at the DynamoDB adapter's cap; a counter is forgotten an
 * hour after its window ends (the DynamoDB table's TTL), checked when the next window's counter is touched.
 */
public final class MemoryRateCounter implements RateCounter {
    static final long CAP = 1000;
    private final Map<String, long[]> counters = new HashMap<>();

    @Override
    public synchronized long increment(String key, Instant windowEnd) {
        long expires = windowEnd.getEpochSecond() + 3600;
        counters.values().removeIf(c -> c[1] < windowEnd.getEpochSecond() - 3600);
        long[] c = counters.computeIfAbsent(key, k -> new long[]{0, expires});
        if (c[0] < CAP) c[0]++;
        c[1] = expires;
        return c[0];
    }
}
