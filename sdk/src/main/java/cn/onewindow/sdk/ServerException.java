package cn.onewindow.sdk;

import cn.onewindow.sdk.model.Problem;

/**
 * The server failed (5xx) and kept failing through every retry.
 */
public class ServerException extends OneWindowException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem the server's problem
     * @param idempotencyKey the idempotency key of the write, or {@code null}
     * @param attempts how many times the request was sent
     * @param cause the underlying exception, or {@code null}
     */
    public ServerException(Problem problem, String idempotencyKey, int attempts, Throwable cause) {
        super(problem, idempotencyKey, attempts, cause);
    }
}
