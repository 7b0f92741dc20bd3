package cn.onewindow.sdk;

import cn.onewindow.sdk.model.Problem;

/**
 * The request conflicts with the current state (409), e.g. {@code ILLEGAL_TRANSITION}, {@code TASK_ALREADY_DECIDED}, {@code TOLERABLE_MATERIALS_OUTSTANDING}. Only the passing conflicts {@code IDEMPOTENCY_IN_PROGRESS} and {@code CONCURRENT_UPDATE} are retried; this is thrown when they persist or for any other conflict.
 */
public class ConflictException extends OneWindowException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem the server's problem
     * @param idempotencyKey the idempotency key of the write, or {@code null}
     * @param attempts how many times the request was sent
     * @param cause the underlying exception, or {@code null}
     */
    public ConflictException(Problem problem, String idempotencyKey, int attempts, Throwable cause) {
        super(problem, idempotencyKey, attempts, cause);
    }
}
