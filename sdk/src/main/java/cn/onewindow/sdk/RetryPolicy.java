package cn.onewindow.sdk;

import java.time.Duration;
import java.util.Random;

/**
 * When and how often the client sends a request again. Immutable and thread-safe.
 *
 * <p>Retried: connection failures and timeouts, {@code 429 Too Many Requests}, every {@code 5xx}, and the two
 * passing conflicts {@code 409 IDEMPOTENCY_IN_PROGRESS} and {@code 409 CONCURRENT_UPDATE}. Never retried: any other
 * {@code 4xx}. Writes are safe to retry because every write carries an idempotency key that stays the same across
 * the retries of one call.
 *
 * <p>Delays grow exponentially: before attempt {@code n+1} the client waits {@code initialBackoff × multiplier^(n-1)},
 * at most {@code maxBackoff}, less a random share of up to {@code jitter} of it (so that many terminals that lost
 * the link at once do not come back at once). A {@code Retry-After} from the server is honoured: the client waits
 * at least that long, and gives up at once when it is longer than {@code maxRetryAfter}.
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final double jitter;
    private final Duration maxRetryAfter;

    private RetryPolicy(Builder b) {
        if (b.maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (b.multiplier < 1.0) throw new IllegalArgumentException("multiplier must be at least 1");
        if (b.jitter < 0.0 || b.jitter > 1.0) throw new IllegalArgumentException("jitter must be within 0..1");
        if (b.initialBackoff.isNegative() || b.maxBackoff.isNegative() || b.maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.multiplier = b.multiplier;
        this.jitter = b.jitter;
        this.maxRetryAfter = b.maxRetryAfter;
    }

    /**
     * @return 5 attempts, 500 ms initial backoff doubling up to 20 s, jitter 0.5, {@code Retry-After} honoured up to
     *         2 minutes
     */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** @return a policy that sends every request once */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /** @return a builder starting from {@link #defaults()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return how many times a request is sent at most (1 = no retries) */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return delay before the first retry (before jitter) */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** @return the longest delay between two attempts (before {@code Retry-After}) */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** @return growth factor of the delay */
    public double multiplier() {
        return multiplier;
    }

    /** @return share of the delay that is random, 0..1 */
    public double jitter() {
        return jitter;
    }

    /** @return the longest {@code Retry-After} the client waits; a longer one ends the retries at once */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * The delay before the next attempt.
     *
     * @param failedAttempts how many attempts were made so far (1 after the first failure)
     * @param retryAfter the server's {@code Retry-After}, or {@code null}
     * @param random source of the jitter
     * @return how long to wait
     */
    public Duration delayBefore(int failedAttempts, Duration retryAfter, Random random) {
        double base = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        base = Math.min(base, (double) maxBackoff.toMillis());
        long delay = (long) (base * (1.0 - jitter * random.nextDouble()));
        if (retryAfter != null && retryAfter.toMillis() > delay) delay = retryAfter.toMillis();
        return Duration.ofMillis(delay);
    }

    /**
     * @param retryAfter the server's {@code Retry-After}
     * @return whether the client is willing to wait that long
     */
    public boolean waitsFor(Duration retryAfter) {
        return retryAfter == null || retryAfter.compareTo(maxRetryAfter) <= 0;
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", multiplier=" + multiplier + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter
                + '}';
    }

    /** Builds a {@link RetryPolicy}; starts from the defaults. */
    public static final class Builder {
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(20);
        private double multiplier = 2.0;
        private double jitter = 0.5;
        private Duration maxRetryAfter = Duration.ofMinutes(2);

        private Builder() {
        }

        /** @param n attempts in all, at least 1 @return this builder */
        public Builder maxAttempts(int n) {
            this.maxAttempts = n;
            return this;
        }

        /** @param d delay before the first retry @return this builder */
        public Builder initialBackoff(Duration d) {
            this.initialBackoff = d;
            return this;
        }

        /** @param d longest delay between attempts @return this builder */
        public Builder maxBackoff(Duration d) {
            this.maxBackoff = d;
            return this;
        }

        /** @param m growth factor, at least 1 @return this builder */
        public Builder multiplier(double m) {
            this.multiplier = m;
            return this;
        }

        /** @param j random share of each delay, 0 (none) to 1 (full jitter) @return this builder */
        public Builder jitter(double j) {
            this.jitter = j;
            return this;
        }

        /** @param d longest {@code Retry-After} to wait for @return this builder */
        public Builder maxRetryAfter(Duration d) {
            this.maxRetryAfter = d;
            return this;
        }

        /** @return the policy */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
