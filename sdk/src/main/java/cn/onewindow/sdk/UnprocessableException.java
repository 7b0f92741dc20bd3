package cn.onewindow.sdk;

import cn.onewindow.sdk.model.Problem;

/**
 * The request was well-formed but cannot be processed (422), e.g. {@code UNKNOWN_ITEM}, an extension beyond the law's limit, or {@code IDEMPOTENCY_KEY_REUSED} (the same key with a different body). Not retried.
 */
public class UnprocessableException extends ValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem the server's problem
     * @param idempotencyKey the idempotency key of the write, or {@code null}
     * @param attempts how many times the request was sent
     * @param cause the underlying exception, or {@code null}
     */
    public UnprocessableException(Problem problem, String idempotencyKey, int attempts, Throwable cause) {
        super(problem, idempotencyKey, attempts, cause);
    }
}
