package cn.onewindow.sdk;

import cn.onewindow.sdk.model.Problem;

/**
 * The token is missing, unknown or expired (401: {@code MISSING_TOKEN}, {@code INVALID_TOKEN}). Not retried.
 */
public class UnauthorizedException extends OneWindowException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem the server's problem
     * @param idempotencyKey the idempotency key of the write, or {@code null}
     * @param attempts how many times the request was sent
     * @param cause the underlying exception, or {@code null}
     */
    public UnauthorizedException(Problem problem, String idempotencyKey, int attempts, Throwable cause) {
        super(problem, idempotencyKey, attempts, cause);
    }
}
