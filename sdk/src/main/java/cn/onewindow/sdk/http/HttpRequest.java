package cn.onewindow.sdk.http;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP request as the SDK sends it through a {@link Transport}. Immutable. */
public final class HttpRequest {
    private final String method;
    private final URI uri;
    private final Map<String, String> headers;
    private final byte[] body;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    /**
     * @param method HTTP method
     * @param uri absolute URI
     * @param headers request headers
     * @param body body bytes, or {@code null}
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout how long to wait for the response (between bytes)
     */
    public HttpRequest(String method, URI uri, Map<String, String> headers, byte[] body, Duration connectTimeout,
                       Duration readTimeout) {
        this.method = method;
        this.uri = uri;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body == null ? null : body.clone();
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** @return the HTTP method, e.g. {@code GET} or {@code POST} */
    public String method() {
        return method;
    }

    /** @return the absolute URI */
    public URI uri() {
        return uri;
    }

    /** @return the headers to send (name → value) */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * @param name a header name (case-insensitive)
     * @return its value, or {@code null}
     */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    /** @return a copy of the body, or {@code null} */
    public byte[] body() {
        return body == null ? null : body.clone();
    }

    /** @return the connect timeout */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the read timeout */
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
