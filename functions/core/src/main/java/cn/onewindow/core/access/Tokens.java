package cn.onewindow.core.access;

import cn.onewindow.core.common.Digests;

/** Credentials are stored as SHA-256 hashes only; this is the one place that hashes them. */
public final class Tokens {
    private Tokens() {
    }

    public static String hash(String token) {
        return Digests.sha256Hex(token);
    }
}
