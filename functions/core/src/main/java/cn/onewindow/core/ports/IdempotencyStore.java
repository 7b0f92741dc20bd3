package cn.onewindow.core.ports;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency of writes. A case write records its result together with the change ({@link #findRecord}); every
 * write request is also claimed as a whole by the API before it runs ({@link #claimRequest}), judged by a digest
 * of the whole canonical request, so a replay gets the first result and a different request with the same key is
 * refused.
 */
public interface IdempotencyStore {
    Optional<IdempotencyRecord> findRecord(String scopeKey);

    /**
     * Claims {@code key} for a request with {@code digest} (a conditional put: exactly one concurrent request
     * wins). A claim left {@code IN_PROGRESS} past its lease (the request died) is taken over by the same request.
     */
    RequestClaim claimRequest(String key, String digest, Instant now, Duration lease);

    /** Records the claimed request's result, for every replay. */
    void completeRequest(String key, String digest, RequestClaim.StoredResponse response, Instant now);

    /** Gives a claim up (the request failed): a retry with the key runs again. */
    void releaseRequest(String key, String digest);
}
