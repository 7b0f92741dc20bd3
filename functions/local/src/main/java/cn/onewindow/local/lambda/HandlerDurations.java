package cn.onewindow.local.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Handler durations in nanoseconds reported with each {@code /response} (header
 * {@value LocalLambdaRuntime#DURATION_HEADER}), kept only once somebody asked for them (a long-running local system
 * that nobody measures keeps none); bounded, oldest dropped.
 */
final class HandlerDurations {
    private static final int MAX_KEPT = 1_000_000;

    private volatile boolean keep;
    private final ConcurrentLinkedQueue<Long> durations = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();

    /** Whether {@link #record(String)} keeps anything yet (the header need not be read otherwise). */
    boolean keeping() {
        return keep;
    }

    /** One response's duration header (null when absent; a malformed one is ignored). */
    void record(String nanos) {
        if (!keep || nanos == null) {
            return;
        }
        try {
            durations.add(Long.parseLong(nanos));
            if (count.incrementAndGet() > MAX_KEPT) {
                durations.poll();
                count.decrementAndGet();
            }
        } catch (NumberFormatException ignored) {
            // not ours to judge: the response itself is still handled
        }
    }

    /** The durations since the last call, in milliseconds, forgotten here; the first call starts the recording. */
    List<Double> drainMillis() {
        keep = true;
        List<Double> out = new ArrayList<>();
        for (Long d; (d = durations.poll()) != null; ) {
            count.decrementAndGet();
            out.add(d / 1e6);
        }
        return out;
    }
}
