package cn.onewindow.sdk;

import cn.onewindow.sdk.model.Problem;

/**
 * The caller may not do this (403), e.g. {@code FORBIDDEN}, {@code CHANNEL_NOT_ALLOWED}, {@code OUT_OF_CITY}. Not retried.
 */
public class ForbiddenException extends OneWindowException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem the server's problem
     * @param idempotencyKey the idempotency key of the write, or {@code null}
     * @param attempts how many times the request was sent
     * @param cause the underlying exception, or {@code null}
     */
    public ForbiddenException(Problem problem, String idempotencyKey, int attempts, Throwable cause) {
        super(problem, idempotencyKey, attempts, cause);
    }
}
