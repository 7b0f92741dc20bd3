package cn.onewindow.sdk;

import cn.onewindow.sdk.model.Problem;

import java.time.Duration;

/** Too many requests (429), still so after the retries, or with a {@code Retry-After} longer than the policy waits. */
public class RateLimitedException extends OneWindowException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * @param problem the server's problem
     * @param idempotencyKey the idempotency key of the write, or {@code null}
     * @param attempts how many times the request was sent
     * @param retryAfter the server's {@code Retry-After}, or {@code null}
     */
    public RateLimitedException(Problem problem, String idempotencyKey, int attempts, Duration retryAfter) {
        super(problem, idempotencyKey, attempts, null);
        this.retryAfter = retryAfter;
    }

    /** @return how long the server asked to wait, or {@code null} when it did not say */
    public Duration retryAfter() {
        return retryAfter;
    }
}
