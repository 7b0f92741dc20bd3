package cn.onewindow.sdk.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URLConnection;
import java.util.Map;

/**
 * The default {@link Transport}: {@code java.net.HttpURLConnection} (Java 8 has no other HTTP client in the JDK).
 * Connections are kept alive and reused by the JDK. Bodies are sent with a fixed length (streaming mode), which
 * keeps the JDK from re-sending a POST whose answer it lost; it may still reconnect once by itself when a connection
 * fails before the request got through. Harmless either way: every write carries its idempotency key.
 */
public final class UrlConnectionTransport implements Transport {
    /** The header a PATCH is sent with, as a POST (see {@link #execute}). */
    public static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";

    @Override
    public HttpResponse execute(HttpRequest request) throws IOException {
        URLConnection c = request.uri().toURL().openConnection();
        if (!(c instanceof HttpURLConnection)) throw new IOException("not an HTTP URL: " + request.uri());
        HttpURLConnection conn = (HttpURLConnection) c;
        try {
            // HttpURLConnection knows no PATCH: it goes as POST with X-HTTP-Method-Override, which the API honours
            boolean patch = "PATCH".equals(request.method());
            conn.setRequestMethod(patch ? "POST" : request.method());
            if (patch) conn.setRequestProperty(METHOD_OVERRIDE, "PATCH");
            conn.setConnectTimeout(millis(request.connectTimeout()));
            conn.setReadTimeout(millis(request.readTimeout()));
            conn.setInstanceFollowRedirects(false);
            conn.setUseCaches(false);
            for (Map.Entry<String, String> h : request.headers().entrySet()) {
                conn.setRequestProperty(h.getKey(), h.getValue());
            }
            byte[] body = request.body();
            if (body != null) {
                conn.setDoOutput(true);
                conn.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = conn.getOutputStream()) {
                    out.write(body);
                }
            }
            int status;
            try {
                status = conn.getResponseCode();
            } catch (java.net.HttpRetryException e) {
                // a 401 to a request sent in streaming mode: the JDK gives the status but not the body
                return new HttpResponse(e.responseCode(), null, null);
            }
            InputStream in = status >= 400 ? conn.getErrorStream() : conn.getInputStream();
            byte[] bytes = in == null ? new byte[0] : readAll(in);
            return new HttpResponse(status, conn.getHeaderFields(), bytes);
        } catch (IOException e) {
            conn.disconnect();
            throw e;
        }
    }

    private static int millis(java.time.Duration d) {
        if (d == null) return 0;
        long ms = d.toMillis();
        return ms > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.max(1, ms);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (InputStream s = in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = s.read(buf)) != -1) out.write(buf, 0, n);
            return out.toByteArray();
        }
    }
}
