package cn.onewindow.core.ports;

/**
 * @param scopeKey    caller id + operation + the client's Idempotency-Key
 * @param requestHash keyed hash of the request body, to tell a retry from a different request reusing the key
 * @param earlierHashes the same body's hashes under previous secrets (rotation)
 */
public record IdempotencyClaim(String scopeKey, String requestHash, java.util.List<String> earlierHashes) {
    public IdempotencyClaim {
        earlierHashes = earlierHashes == null ? java.util.List.of() : java.util.List.copyOf(earlierHashes);
    }

    public IdempotencyClaim(String scopeKey, String requestHash) {
        this(scopeKey, requestHash, java.util.List.of());
    }

    /**
     * Whether a stored fingerprint is this request's: under the current secret, or under a previous one (the
     * fingerprint is a keyed HMAC of the body, see {@code Pseudonyms}; a retry after a rotation is still a retry).
     */
    public boolean sameRequestAs(String storedHash) {
        return requestHash.equals(storedHash) || earlierHashes.contains(storedHash);
    }
}
