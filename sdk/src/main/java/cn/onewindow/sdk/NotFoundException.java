package cn.onewindow.sdk;

import cn.onewindow.sdk.model.Problem;

/**
 * No such case, task or item, or not one the caller may see (404), e.g. {@code CASE_NOT_FOUND}. Not retried.
 */
public class NotFoundException extends OneWindowException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem the server's problem
     * @param idempotencyKey the idempotency key of the write, or {@code null}
     * @param attempts how many times the request was sent
     * @param cause the underlying exception, or {@code null}
     */
    public NotFoundException(Problem problem, String idempotencyKey, int attempts, Throwable cause) {
        super(problem, idempotencyKey, attempts, cause);
    }
}
