package cn.onewindow.sdk.http;

import java.io.IOException;

/**
 * The hook through which the SDK sends HTTP requests. The default, {@link UrlConnectionTransport}, uses
 * {@code java.net.HttpURLConnection}; supply your own (for example one backed by the HTTP client your system
 * already uses, or one that goes through a proxy) with {@code OneWindowClient.Builder#transport}.
 *
 * <p>An implementation must be thread-safe, must return every HTTP answer (including 4xx and 5xx) as an
 * {@link HttpResponse}, and must throw an {@link IOException} when no answer arrived: a connection failure, or a
 * {@link java.net.SocketTimeoutException} when the connect or read timeout of the request passed. The SDK
 * retries according to its {@code RetryPolicy}; a transport should not retry on its own (should it send a request
 * twice, the idempotency key keeps a write from being done twice).
 */
public interface Transport {
    /**
     * @param request the request
     * @return the server's answer
     * @throws IOException when there was no answer
     */
    HttpResponse execute(HttpRequest request) throws IOException;
}
