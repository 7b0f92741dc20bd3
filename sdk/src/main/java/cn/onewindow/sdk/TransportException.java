package cn.onewindow.sdk;

import cn.onewindow.sdk.model.Problem;

/**
 * No answer arrived (connection refused or reset, DNS failure, timeout), through every retry. A write may or may
 * not have been done by the server: send it again with the same {@link #idempotencyKey()} (or queue it in the
 * outbox with it) and the server does it at most once. {@link #status()} is 0; {@link #code()} is {@code TIMEOUT}
 * or {@code CONNECTION_FAILED}.
 */
public class TransportException extends OneWindowException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem a problem made up by the SDK (status 0)
     * @param idempotencyKey the idempotency key of the write, or {@code null}
     * @param attempts how many times the request was sent
     * @param cause the last I/O exception
     */
    public TransportException(Problem problem, String idempotencyKey, int attempts, Throwable cause) {
        super(problem, idempotencyKey, attempts, cause);
    }

    /** @return whether the last attempt ended by a timeout (the server may have done the write) */
    public boolean isTimeout() {
        return "TIMEOUT".equals(code());
    }
}
