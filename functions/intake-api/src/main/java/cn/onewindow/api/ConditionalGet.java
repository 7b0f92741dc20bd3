package cn.onewindow.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Answers for polled reads (the hall board's queue, the PAD's rating requests): the {@code ETag} is a digest of the
 * representation, and a request whose {@code If-None-Match} names it (weak or strong, or {@code *}) gets {@code 304}
 * with no body. Both answers say {@code Cache-Control: no-cache}: a cache must ask again every time.
 */
final class ConditionalGet {
    private ConditionalGet() {
    }

    /**
     * @param entity         what a 200 carries
     * @param representation the bytes the ETag is computed from (the entity, or the part of it that matters)
     */
    static Response answer(Object entity, byte[] representation, String ifNoneMatch) {
        String etag = etag(representation);
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t).anyMatch(t -> t.equals(etag) || t.equals("*"))) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .build();
        }
        return Response.ok(entity).header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }

    static String etag(byte[] representation) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(representation);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(d, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
