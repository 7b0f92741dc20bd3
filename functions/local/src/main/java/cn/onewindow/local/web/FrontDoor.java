package cn.onewindow.local.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The local stand-in of the CloudFront distribution: one origin on the public port for the web apps and the API.
 * {@code /v1/*} and {@code /q/*} (OpenAPI) are passed unchanged (method, path, query, headers, body; every response
 * header back, each {@code Set-Cookie} included) to the API function's host on an internal loopback port; every
 * other path is a static file of a web app:
 * <ul>
 *   <li>{@code /} redirects to {@code /console/}; {@code /<app>} to {@code /<app>/}; {@code /<app>/} is
 *   {@code <app>/index.html};</li>
 *   <li>a path under an app whose last segment has no file extension and names no file is that app's
 *   {@code index.html} (SPA history routing); a missing file with an extension is 404;</li>
 *   <li>content-hashed files under {@code assets/} are cached for a year ({@code immutable}), everything else is
 *   {@code no-cache}; text types are gzipped for clients that accept it;</li>
 *   <li>{@code ..}, {@code .} segments, backslashes and any percent-encoded character in a static path are 404;</li>
 *   <li>every response, static or proxied, carries {@link #SECURITY_HEADERS} (the template's
 *   ResponseHeadersPolicy).</li>
 * </ul>
 * Without any built web app, {@code /} answers a short plain page saying so.
 */
public final class FrontDoor implements AutoCloseable {
    public static final Map<String, String> SECURITY_HEADERS;

    static {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; "
                + "base-uri 'self'; frame-ancestors 'none'; form-action 'self'");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Frame-Options", "DENY");
        h.put("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
        SECURITY_HEADERS = java.util.Collections.unmodifiableMap(h);
    }

    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    public static final String DEFAULT_APP = "console";
    static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"),
            Map.entry("webmanifest", "application/manifest+json"), Map.entry("json", "application/json"),
            Map.entry("map", "application/json"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("wasm", "application/wasm"), Map.entry("mp3", "audio/mpeg"), Map.entry("wav", "audio/wav"));
    private static final Set<String> COMPRESSIBLE = Set.of("html", "js", "mjs", "css", "svg", "json", "map", "txt",
            "webmanifest", "ico", "wasm");
    /** A file name with a build hash before its extension, e.g. {@code index-3f9a1c2b.js}, {@code app.BxY_12ab.css}. */
    private static final Pattern HASHED = Pattern.compile(".*[.-][A-Za-z0-9_-]{8,}\\.[A-Za-z0-9]+");
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._~/@+-]*");
    /** Not passed on in either direction (hop-by-hop), or set by the HTTP clients and servers themselves. */
    private static final Set<String> HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
            "expect", "http2-settings");
    private static final long MAX_BODY = 4L * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService pool;
    private final HttpClient client;
    private final URI api;
    private final WebContent content;

    private FrontDoor(int port, URI api, WebContent content) throws IOException {
        this.api = api;
        this.content = content;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "front-door-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).executor(pool)
                .build();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    /**
     * @param port    the public port (0 = any free one)
     * @param api     the API function's host, e.g. {@code http://127.0.0.1:41234}
     * @param content the built web apps
     */
    public static FrontDoor start(int port, URI api, WebContent content) throws IOException {
        return new FrontDoor(port, api, content);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public WebContent content() {
        return content;
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            SECURITY_HEADERS.forEach(ex.getResponseHeaders()::set);
            if (path == null) path = "/";
            if (path.equals("/v1") || path.startsWith("/v1/") || path.startsWith("/q/")) {
                proxy(ex);
            } else {
                serve(ex, path);
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or the response was already under way: nothing more to send
        }
    }

    // ------------------------------------------------------------------ the API

    private void proxy(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes((int) MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            send(ex, 413, "application/problem+json", problem(413, "BODY_TOO_LARGE", "the request body is too large"),
                    false);
            return;
        }
        String query = ex.getRequestURI().getRawQuery();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.toString() + ex.getRequestURI().getRawPath()
                        + (query == null ? "" : "?" + query))).timeout(Duration.ofSeconds(120))
                .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
            if (HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) continue;
            for (String v : h.getValue()) b.header(h.getKey(), v);
        }
        b.header("X-Forwarded-Host", Optional.ofNullable(ex.getRequestHeaders().getFirst("Host")).orElse(""));
        b.header("X-Forwarded-Proto", "http");
        HttpResponse<byte[]> r;
        try {
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(ex, 502, "application/problem+json", problem(502, "API_UNREACHABLE", "the API did not answer"), false);
            return;
        } catch (IOException e) {
            send(ex, 502, "application/problem+json", problem(502, "API_UNREACHABLE", "the API did not answer"), false);
            return;
        }
        Headers out = ex.getResponseHeaders();
        r.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (HOP.contains(lower) || lower.equals(":status")) return;
            if (SECURITY_HEADERS.keySet().stream().anyMatch(s -> s.equalsIgnoreCase(name))) return;
            for (String v : values) out.add(name, v);
        });
        byte[] bytes = r.body();
        boolean noBody = ex.getRequestMethod().equals("HEAD") || r.statusCode() == 204 || r.statusCode() == 304
                || bytes.length == 0;
        ex.sendResponseHeaders(r.statusCode(), noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        }
    }

    // ------------------------------------------------------------------ the web apps

    private void serve(HttpExchange ex, String path) throws IOException {
        String method = ex.getRequestMethod();
        boolean head = method.equals("HEAD");
        if (!head && !method.equals("GET")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            send(ex, 405, "text/plain; charset=utf-8", bytes("405 method not allowed\n"), head);
            return;
        }
        if (path.equals("/")) {
            if (content.read(DEFAULT_APP + "/index.html").isEmpty()) {
                ex.getResponseHeaders().set("Cache-Control", "no-cache");
                send(ex, 200, "text/plain; charset=utf-8", bytes("The web apps were not built.\n"
                        + "网页应用尚未构建。Build the web module (it packages onewindow-web/ on the classpath), or start"
                        + " with -Donewindow.web.dir=<its build output>.\nThe API is at /v1 (OpenAPI: /q/openapi).\n"),
                        head);
                return;
            }
            redirect(ex, "/" + DEFAULT_APP + "/");
            return;
        }
        if (!SAFE_PATH.matcher(path).matches() || path.contains("//")) {
            notFound(ex, head);
            return;
        }
        String[] segments = path.substring(1).split("/", -1);
        for (String s : segments) {
            if (s.equals(".") || s.equals("..")) {
                notFound(ex, head);
                return;
            }
        }
        String app = segments[0];
        if (segments.length == 1) { // "/console": the app's root with a slash
            if (content.read(app + "/index.html").isPresent()) {
                redirect(ex, "/" + app + "/");
            } else {
                notFound(ex, head);
            }
            return;
        }
        String rel = path.substring(1);
        String last = segments[segments.length - 1];
        Optional<byte[]> file = last.isEmpty() ? Optional.empty() : content.read(rel);
        String name = last;
        if (file.isEmpty() && (last.isEmpty() || !last.contains("."))) {
            file = content.read(app + "/index.html"); // the app's root, or history routing inside it
            name = "index.html";
        }
        if (file.isEmpty()) {
            notFound(ex, head);
            return;
        }
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = TYPES.getOrDefault(ext, "application/octet-stream");
        boolean hashed = rel.contains("/assets/") && HASHED.matcher(name).matches();
        ex.getResponseHeaders().set("Cache-Control", hashed ? IMMUTABLE : "no-cache");
        byte[] body = file.get();
        String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
        if (COMPRESSIBLE.contains(ext) || type.startsWith("text/")) {
            ex.getResponseHeaders().set("Vary", "Accept-Encoding");
            if (accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip") && body.length > 512) {
                ex.getResponseHeaders().set("Content-Encoding", "gzip");
                body = gzip(body);
            }
        }
        send(ex, 200, type, body, head);
    }

    private static void redirect(HttpExchange ex, String to) throws IOException {
        ex.getResponseHeaders().set("Location", to);
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(302, -1);
    }

    private static void notFound(HttpExchange ex, boolean head) throws IOException {
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        send(ex, 404, "text/plain; charset=utf-8", bytes("404 not found\n"), head);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body, boolean head) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        if (head) {
            ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    private static byte[] gzip(byte[] in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 3 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(in);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] problem(int status, String code, String detail) {
        return bytes("{\"type\":\"about:blank\",\"status\":" + status + ",\"code\":\"" + code + "\",\"detail\":\""
                + detail + "\"}");
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
