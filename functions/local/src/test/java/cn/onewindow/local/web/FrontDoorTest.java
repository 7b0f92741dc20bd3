package cn.onewindow.local.web;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The front door over real HTTP on loopback: static web apps from a directory (headers, content types, cache rules,
 * SPA fallback, traversal), and /v1 passed unchanged to an upstream standing in for the API host (which answers
 * what it received), and the plain page when no web app is built.
 */
class FrontDoorTest {
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    @TempDir
    static Path web;
    static HttpServer upstream;
    static FrontDoor door;
    static final AtomicReference<String> received = new AtomicReference<>();
    static final String INDEX = "<!doctype html><title>综合受理</title><div id=app></div>";

    @BeforeAll
    static void start() throws IOException {
        Files.createDirectories(web.resolve("console/assets"));
        Files.writeString(web.resolve("console/index.html"), INDEX);
        Files.writeString(web.resolve("console/assets/index-3f9a1c2b.js"), "console.log('x');".repeat(100));
        Files.writeString(web.resolve("console/assets/index-Bq7k_x9Z.css"), "body{margin:0}");
        Files.writeString(web.resolve("console/assets/logo.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
        Files.write(web.resolve("console/assets/icon-a1b2c3d4.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        Files.write(web.resolve("console/assets/font-a1b2c3d4.woff2"), new byte[]{'w', 'O', 'F', '2'});
        Files.writeString(web.resolve("console/manifest.webmanifest"), "{\"name\":\"console\"}");
        Files.writeString(web.resolve("console/config.json"), "{}");
        Files.writeString(web.resolve("secret.txt"), "outside any app");
        Files.createDirectories(web.resolve("terminal"));
        Files.writeString(web.resolve("terminal/index.html"), "<!doctype html><title>村级终端</title>");
        Files.writeString(web.resolve("terminal/sw.js"), "self.addEventListener('fetch', () => {});");
        Files.writeString(web.resolve("terminal/manifest.webmanifest"), "{\"name\":\"terminal\"}");
        Files.createDirectories(web.resolve("pad"));
        Files.writeString(web.resolve("pad/index.html"), "<!doctype html><title>服务评价</title>");
        Files.writeString(web.resolve("pad/sw.js"), "self.addEventListener('fetch', () => {});");

        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        upstream.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            received.set(ex.getRequestMethod() + " " + ex.getRequestURI() + "\n"
                    + "authorization=" + ex.getRequestHeaders().getFirst("Authorization") + "\n"
                    + "cookie=" + ex.getRequestHeaders().getFirst("Cookie") + "\n"
                    + "csrf=" + ex.getRequestHeaders().getFirst("X-CSRF-Token") + "\n"
                    + "idempotency=" + ex.getRequestHeaders().getFirst("Idempotency-Key") + "\n"
                    + "body=" + new String(body, StandardCharsets.UTF_8));
            ex.getResponseHeaders().add("Set-Cookie", "ow_session=abc; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=28800");
            ex.getResponseHeaders().add("Set-Cookie", "other=1; Path=/");
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.getResponseHeaders().set("X-Frame-Options", "SAMEORIGIN"); // the front door's own wins
            byte[] out = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(201, out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        });
        upstream.start();
        door = FrontDoor.start(0, URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()),
                WebContent.directory(web));
    }

    @AfterAll
    static void stop() {
        if (door != null) door.close();
        if (upstream != null) upstream.stop(0);
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(door.baseUri() + path));
        if (headers.length > 0) b.headers(headers);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static void assertSecurityHeaders(HttpResponse<?> r) {
        FrontDoor.SECURITY_HEADERS.forEach((name, value) ->
                assertEquals(List.of(value), r.headers().allValues(name), name + " on " + r.uri()));
    }

    @Test
    void rootRedirectsToTheConsoleAndAnAppServesItsIndexWithoutCaching() throws Exception {
        HttpResponse<byte[]> root = get("/");
        assertEquals(302, root.statusCode());
        assertEquals("/console/", root.headers().firstValue("Location").orElseThrow());
        assertSecurityHeaders(root);
        HttpResponse<byte[]> app = get("/console/");
        assertEquals(200, app.statusCode());
        assertEquals(INDEX, text(app));
        assertEquals("text/html; charset=utf-8", app.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-cache", app.headers().firstValue("Cache-Control").orElseThrow());
        assertSecurityHeaders(app);
        assertEquals(302, get("/console").statusCode());
        assertTrue(text(get("/terminal/")).contains("村级终端"));
    }

    @Test
    void unknownPathsWithoutAnExtensionFallBackToTheirAppsIndex() throws Exception {
        for (String p : List.of("/console/cases/330110-2025-000123", "/console/desk", "/console/a/b/c")) {
            HttpResponse<byte[]> r = get(p);
            assertEquals(200, r.statusCode(), p);
            assertEquals(INDEX, text(r), p);
            assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElseThrow());
        }
        assertTrue(text(get("/terminal/ledger/2025-04")).contains("村级终端"));
        assertEquals(404, get("/console/assets/missing-12345678.js").statusCode(), "a missing file is no page");
        assertEquals(404, get("/nothing-here/page").statusCode(), "no such app");
        HttpResponse<byte[]> missing = get("/console/missing.css");
        assertEquals(404, missing.statusCode());
        assertSecurityHeaders(missing);
    }

    @Test
    void filesHaveTheirContentTypesAndHashedAssetsAreImmutable() throws Exception {
        Map<String, String> types = Map.of(
                "/console/assets/index-3f9a1c2b.js", "text/javascript; charset=utf-8",
                "/console/assets/index-Bq7k_x9Z.css", "text/css; charset=utf-8",
                "/console/assets/logo.svg", "image/svg+xml",
                "/console/assets/icon-a1b2c3d4.png", "image/png",
                "/console/assets/font-a1b2c3d4.woff2", "font/woff2",
                "/console/manifest.webmanifest", "application/manifest+json",
                "/console/config.json", "application/json");
        for (Map.Entry<String, String> e : types.entrySet()) {
            HttpResponse<byte[]> r = get(e.getKey());
            assertEquals(200, r.statusCode(), e.getKey());
            assertEquals(e.getValue(), r.headers().firstValue("Content-Type").orElseThrow(), e.getKey());
            assertSecurityHeaders(r);
        }
        assertEquals(FrontDoor.IMMUTABLE, get("/console/assets/index-3f9a1c2b.js").headers()
                .firstValue("Cache-Control").orElseThrow());
        assertEquals(FrontDoor.IMMUTABLE, get("/console/assets/index-Bq7k_x9Z.css").headers()
                .firstValue("Cache-Control").orElseThrow());
        assertEquals("no-cache", get("/console/assets/logo.svg").headers().firstValue("Cache-Control").orElseThrow(),
                "no hash in the name");
        assertEquals("no-cache", get("/console/manifest.webmanifest").headers().firstValue("Cache-Control")
                .orElseThrow());
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, get("/console/assets/icon-a1b2c3d4.png").body());
    }

    /**
     * The terminal's service worker is a script at the app's root (so its scope is /terminal/), never cached by the
     * browser's HTTP cache (a new version is found on the next visit), allowed by the CSP (worker-src and
     * manifest-src fall back to default-src 'self').
     */
    @Test
    void theTerminalsServiceWorkerAndManifestAreScriptAndManifestWithoutCaching() throws Exception {
        HttpResponse<byte[]> sw = get("/terminal/sw.js");
        assertEquals(200, sw.statusCode());
        assertEquals("text/javascript; charset=utf-8", sw.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-cache", sw.headers().firstValue("Cache-Control").orElseThrow());
        assertSecurityHeaders(sw);
        String csp = sw.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.startsWith("default-src 'self';") && !csp.contains("worker-src")
                && !csp.contains("manifest-src"), csp);
        HttpResponse<byte[]> manifest = get("/terminal/manifest.webmanifest");
        assertEquals("application/manifest+json", manifest.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-cache", manifest.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void textIsGzippedForClientsThatAcceptIt() throws Exception {
        HttpResponse<byte[]> plain = get("/console/assets/index-3f9a1c2b.js");
        HttpResponse<byte[]> zipped = get("/console/assets/index-3f9a1c2b.js", "Accept-Encoding", "gzip");
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElseThrow());
        assertTrue(zipped.body().length < plain.body().length);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertArrayEquals(plain.body(), in.readAllBytes());
        }
    }

    @Test
    void traversalAndEncodedPathsAre404() throws Exception {
        for (String p : List.of("/console/%2e%2e/secret.txt", "/console/..%2fsecret.txt", "/console/%2E%2E%2Fsecret.txt",
                "/console/assets/%2e%2e/%2e%2e/secret.txt", "/console/..%5csecret.txt", "/%2e%2e/etc/passwd")) {
            HttpResponse<byte[]> r = get(p);
            assertEquals(404, r.statusCode(), p);
            assertSecurityHeaders(r);
        }
        // literal dot segments, sent as they are (a client library could normalise them away)
        for (String p : List.of("/console/../secret.txt", "/console/./index.html", "/console/assets/../../secret.txt",
                "/../secret.txt")) {
            assertTrue(raw("GET " + p + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .startsWith("HTTP/1.1 404"), p);
        }
        // a backslash is no legal URI character: the HTTP server refuses the request line itself
        assertTrue(raw("GET /console\\..\\secret.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .matches("(?s)HTTP/1.1 40[04].*"));
        assertEquals(404, get("/secret.txt").statusCode(), "a file outside any app is no app");
    }

    @Test
    void onlyGetAndHeadAreServed() throws Exception {
        HttpResponse<byte[]> post = HTTP.send(HttpRequest.newBuilder(URI.create(door.baseUri() + "/console/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(405, post.statusCode());
        HttpResponse<byte[]> head = HTTP.send(HttpRequest.newBuilder(URI.create(door.baseUri() + "/console/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
    }

    @Test
    void v1ReachesTheApiUnchangedWithAuthorizationCookieAndCsrfAndEverySetCookieComesBack() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(door.baseUri()
                        + "/v1/cases/330110-2025-000001/decision?x=1&y=%E4%B8%AD"))
                .header("Authorization", "Bearer demo-window").header("Cookie", "ow_session=tok; theme=dark")
                .header("X-CSRF-Token", "k1:abc").header("Idempotency-Key", "idem-1")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"APPROVE\"}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(201, r.statusCode());
        assertEquals("{\"ok\":true}", text(r));
        assertEquals("POST /v1/cases/330110-2025-000001/decision?x=1&y=%E4%B8%AD\n"
                + "authorization=Bearer demo-window\ncookie=ow_session=tok; theme=dark\ncsrf=k1:abc\n"
                + "idempotency=idem-1\nbody={\"outcome\":\"APPROVE\"}", received.get());
        assertEquals(List.of("ow_session=abc; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=28800",
                "other=1; Path=/"), r.headers().allValues("Set-Cookie"));
        assertSecurityHeaders(r);
        // the OpenAPI document goes to the API too
        assertEquals(201, get("/q/openapi").statusCode());
        assertTrue(received.get().startsWith("GET /q/openapi"));
        // a GET with a cookie only
        get("/v1/sessions/current", "Cookie", "ow_session=tok2");
        assertEquals("GET /v1/sessions/current\nauthorization=null\ncookie=ow_session=tok2\ncsrf=null\n"
                + "idempotency=null\nbody=", received.get());
    }

    @Test
    void withoutAnyBuiltWebAppTheRootSaysSo() throws Exception {
        try (FrontDoor empty = FrontDoor.start(0, URI.create("http://127.0.0.1:9"), WebContent.none())) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(empty.baseUri() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals("text/plain; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(r.body().contains("The web apps were not built"), r.body());
            assertSecurityHeaders(r);
            assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(empty.baseUri() + "/console/")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(empty.baseUri() + "/v1/items"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(502, api.statusCode(), "the API host is not there");
        }
    }

    @Test
    void theClasspathSourceServesFilesButNotDirectories() {
        WebContent cp = WebContent.classpath(new java.net.URLClassLoader(new java.net.URL[]{toUrl(web.getParent())},
                null) {
            @Override
            public java.net.URL getResource(String name) {
                // the temporary directory stands in for a jar's onewindow-web/ prefix
                return name.startsWith(WebContent.CLASSPATH_PREFIX)
                        ? super.getResource(web.getFileName() + "/" + name.substring(WebContent.CLASSPATH_PREFIX.length()))
                        : null;
            }
        });
        assertEquals(INDEX, new String(cp.read("console/index.html").orElseThrow(), StandardCharsets.UTF_8));
        assertTrue(cp.read("console/assets").isEmpty(), "a directory is no file");
        assertTrue(cp.read("console/nothing.js").isEmpty());
    }

    static java.net.URL toUrl(Path p) {
        try {
            return p.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", door.port())) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void thePadsServiceWorkerIsServedAsScriptFromItsScopeAndNeverCachedStale() throws Exception {
        HttpResponse<byte[]> r = get("/pad/sw.js");
        assertEquals(200, r.statusCode());
        // a service worker must come as JavaScript from its own scope (/pad/), same origin (script-src 'self'),
        // and be revalidated on every check so a new release's worker is picked up
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(text(r).contains("addEventListener('fetch'"));
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertSecurityHeaders(r);
    }
}
