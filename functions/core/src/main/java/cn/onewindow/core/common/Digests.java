package cn.onewindow.core.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one SHA-256 of the platform: lower-case hex of the digest of a string's UTF-8 bytes. Used for stored
 * credential hashes ({@code Tokens}) and ids derived from a caller and an idempotency key (evaluation batches).
 * Keyed hashes (pseudonyms) use HMAC in {@code Pseudonyms}, not this.
 */
public final class Digests {
    private Digests() {
    }

    public static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
