package cn.onewindow.sdk.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One HTTP response as a {@link Transport} returns it. Immutable; header names are case-insensitive. */
public final class HttpResponse {
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    /**
     * @param status HTTP status code
     * @param headers response headers (name → values); a {@code null} name (the status line) is ignored
     * @param body body bytes, or {@code null}
     */
    public HttpResponse(int status, Map<String, List<String>> headers, byte[] body) {
        this.status = status;
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() == null) continue;
                List<String> values = h.get(e.getKey());
                if (values == null) h.put(e.getKey(), values = new ArrayList<>());
                if (e.getValue() != null) values.addAll(e.getValue());
            }
        }
        this.headers = Collections.unmodifiableMap(h);
        this.body = body == null ? new byte[0] : body.clone();
    }

    /** @return the HTTP status code */
    public int status() {
        return status;
    }

    /** @return every header (case-insensitive names) */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * @param name header name (case-insensitive)
     * @return its first value, or {@code null}
     */
    public String header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** @return a copy of the body (empty when there was none) */
    public byte[] body() {
        return body.clone();
    }

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "HTTP " + status + " (" + body.length + " bytes)";
    }
}
