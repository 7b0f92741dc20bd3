package cn.onewindow.core.ports;

/**
 * What claiming an {@code Idempotency-Key} for a request found.
 *
 * @param state    {@code CLAIMED}: this request is the first (or takes over an abandoned claim) and runs;
 *                 {@code COMPLETED}: the first request finished, {@code response} is its result to replay;
 *                 {@code IN_PROGRESS}: the first request with this key is still running;
 *                 {@code MISMATCH}: the key was used for a different request
 * @param response the stored result when {@code COMPLETED}, else null
 */
public record RequestClaim(State state, StoredResponse response) {
    public enum State { CLAIMED, COMPLETED, IN_PROGRESS, MISMATCH }

    /** The first result of a request: its status, content type, {@code Location} (or null) and body. */
    public record StoredResponse(int status, String contentType, String location, String body) {
    }
}
