package cn.onewindow.core.common;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The platform's one retry policy for optimistic writes: a bounded number of attempts with "full jitter" backoff (the
 * pause before attempt n+1 is uniform in [0, min(cap, base·2^(n-1))] ms), so that writers who lost a race spread out
 * instead of colliding again. Used for every read-then-conditional-write loop (a {@link ConcurrentUpdateException}
 * means: read again, decide again, write again) and for store transactions cancelled for a transient reason.
 *
 * <p>When the attempts are used up, the last failure is thrown unchanged: for a lost race that is the typed 409
 * {@code CONCURRENT_UPDATE}. A failure the predicate does not accept is thrown at once. The pause is taken through an
 * injectable {@link Sleeper} and the jitter through an injectable source, so tests run without waiting.
 */
public final class RetryPolicy {
    /** Pauses the calling thread. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /**
     * Attempts in all. A conditional write fails only when another write to the record succeeded since it was read,
     * so n writers at one moment need at most n attempts each; 12 covers a joint case's departments, the window, the
     * agent and the system acting at once.
     */
    public static final int DEFAULT_MAX_ATTEMPTS = 12;
    public static final long DEFAULT_BASE_MILLIS = 5;
    public static final long DEFAULT_CAP_MILLIS = 200;

    private static final RetryPolicy STANDARD = new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_BASE_MILLIS,
            DEFAULT_CAP_MILLIS, Thread::sleep, bound -> ThreadLocalRandom.current().nextLong(bound + 1));

    private final int maxAttempts;
    private final long baseMillis;
    private final long capMillis;
    private final Sleeper sleeper;
    private final LongUnaryOperator jitter;

    /**
     * @param jitter given an inclusive upper bound {@code b ≥ 0}, returns a value in [0, b]
     */
    public RetryPolicy(int maxAttempts, long baseMillis, long capMillis, Sleeper sleeper, LongUnaryOperator jitter) {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        if (baseMillis < 0 || capMillis < baseMillis) {
            throw new IllegalArgumentException("need 0 <= base <= cap: " + baseMillis + ", " + capMillis);
        }
        this.maxAttempts = maxAttempts;
        this.baseMillis = baseMillis;
        this.capMillis = capMillis;
        this.sleeper = Objects.requireNonNull(sleeper);
        this.jitter = Objects.requireNonNull(jitter);
    }

    /** The policy every service and store uses. */
    public static RetryPolicy standard() {
        return STANDARD;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** The same policy with another sleeper (tests). */
    public RetryPolicy withSleeper(Sleeper s) {
        return new RetryPolicy(maxAttempts, baseMillis, capMillis, s, jitter);
    }

    /** The upper bound of the pause after the given failed attempt (1-based): min(cap, base·2^(attempt-1)). */
    public long ceilingAfter(int attempt) {
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long ceiling = baseMillis << shift;
        return ceiling < 0 || ceiling > capMillis ? capMillis : ceiling;
    }

    /** The pause after the given failed attempt: uniform in [0, {@link #ceilingAfter}] (full jitter). */
    public long delayAfter(int attempt) {
        long ceiling = ceilingAfter(attempt);
        long d = jitter.applyAsLong(ceiling);
        return Math.max(0, Math.min(ceiling, d));
    }

    /** Runs {@code body}, again after a pause while it fails on a lost race, at most {@link #maxAttempts} times. */
    public <T> T onConflict(Supplier<T> body) {
        return run(body, ConcurrentUpdateException::is);
    }

    /** {@link #onConflict(Supplier)} for a body without a result. */
    public void onConflict(Runnable body) {
        onConflict(() -> {
            body.run();
            return null;
        });
    }

    /**
     * Runs {@code body}; when it throws something {@code retryable} accepts, pauses and runs it again, at most
     * {@link #maxAttempts} times in all; then (or for any other failure) the failure is thrown as it is.
     */
    public <T> T run(Supplier<T> body, Predicate<RuntimeException> retryable) {
        for (int attempt = 1; ; attempt++) {
            try {
                return body.get();
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts || !retryable.test(e)) throw e;
                try {
                    sleeper.sleep(delayAfter(attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
