package cn.onewindow.sdk;

/**
 * Options of one call. Today: the idempotency key of a write. Without one the SDK generates a random key per call
 * (kept across that call's retries); give your own when the same logical write may be sent again by a later call,
 * for example after a restart: the server then does it once and answers the repeats with the first result.
 */
public final class RequestOptions {
    private static final RequestOptions NONE = new RequestOptions(null);

    private final String idempotencyKey;

    private RequestOptions(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    /** @return no options: a generated idempotency key */
    public static RequestOptions none() {
        return NONE;
    }

    /**
     * @param key 1 to 128 visible ASCII characters, unique per caller and write (a UUID, or your own record id)
     * @return options with that idempotency key
     */
    public static RequestOptions idempotencyKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 128) {
            throw new IllegalArgumentException("an idempotency key has 1 to 128 characters");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= 32 || c >= 127) {
                throw new IllegalArgumentException("an idempotency key has visible ASCII characters only");
            }
        }
        return new RequestOptions(key);
    }

    /** @return the idempotency key, or {@code null} to have one generated */
    public String idempotencyKey() {
        return idempotencyKey;
    }
}
