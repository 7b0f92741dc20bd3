package cn.onewindow.sdk;

import cn.onewindow.sdk.model.Problem;

/**
 * The request was invalid (400): see {@link #fieldErrors()} for the fields. Not retried.
 */
public class ValidationException extends OneWindowException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem the server's problem
     * @param idempotencyKey the idempotency key of the write, or {@code null}
     * @param attempts how many times the request was sent
     * @param cause the underlying exception, or {@code null}
     */
    public ValidationException(Problem problem, String idempotencyKey, int attempts, Throwable cause) {
        super(problem, idempotencyKey, attempts, cause);
    }
}
