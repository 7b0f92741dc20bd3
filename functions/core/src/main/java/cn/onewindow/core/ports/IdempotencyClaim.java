package cn.onewindow.core.ports;

/**
 * @param scopeKey    caller id + operation + the client's Idempotency-Key
 * @param requestHash hash of the request body, to tell a retry from a different request reusing the key
 */
public record IdempotencyClaim(String scopeKey, String requestHash) {
}
