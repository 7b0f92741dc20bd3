package cn.onewindow.web.it;

import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.local.LocalSystem;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The real local system (dynoxide, ElasticMQ, the packaged functions as child JVMs, demo data and users) with its
 * front door serving the built web apps at {@code /console/} and the API at {@code /v1} on the same origin; started
 * ONCE for the whole module and closed at its end. Journeys isolate themselves by their own cases; the one journey
 * that locks an account ({@link SignInJourneyTest}) locks a user no other journey signs in as.
 */
public final class LocalConsole implements BeforeAllCallback {
    /** Friday 2025-04-25 10:00 in Shanghai, the clock of every local function at start. */
    public static final Instant CLOCK_START = Instant.parse("2025-04-25T02:00:00Z");

    private static volatile Running running;

    private record Running(LocalSystem system, int port) implements AutoCloseable {
        @Override
        public void close() {
            system.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // no browser, no journey: do not pay for a local system the class would skip anyway
        Chrome.requireInstalled();
        running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, k -> start(), Running.class);
    }

    private static Running start() {
        Path root = Path.of(System.getProperty("onewindow.root", "..")).toAbsolutePath().normalize();
        int port = Integer.getInteger("onewindow.webtests.port", 0);
        if (port == 0) {
            port = freePort();
        }
        long t0 = System.nanoTime();
        try {
            LocalSystem.Options d = LocalSystem.Options.defaults(root).withPort(port).withClockStart(CLOCK_START)
                    .withInstances(1, 1).withScheduleEvery(Duration.ofMinutes(5));
            Path logs = Path.of("target", "local-logs").toAbsolutePath();
            LocalSystem s = LocalSystem.start(new LocalSystem.Options(d.root(), d.port(), d.dataDirectory(),
                    d.clockStart(), d.apiInstances(), d.workerInstances(), d.relayEvery(), d.stage(), logs,
                    d.adminPort()));
            Running r = new Running(s, port);
            running = r;
            warmUp();
            System.out.printf("[web-tests] local system on port %d ready after %.1f s%n", port,
                    (System.nanoTime() - t0) / 1e9);
            return r;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the local system (are functions/intake-api and "
                    + "functions/workers packaged? `./mvnw -B verify` builds them before this module)", e);
        }
    }

    /** The first requests to a fresh function JVM are slow (class loading, JIT): pay for them before the journeys. */
    private static void warmUp() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String path : new String[]{"/console/", "/v1/catalog/items", "/v1/sessions/current"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Authorization", "Bearer demo-window").timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (path.equals("/console/") && r.statusCode() != 200) {
                throw new IllegalStateException("the front door does not serve the console: GET /console/ -> "
                        + r.statusCode());
            }
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String baseUrl() {
        return "http://localhost:" + running.port();
    }

    /** The console's address, e.g. {@code console("signin")}. */
    public static String console(String path) {
        return baseUrl() + "/console/" + path;
    }

    public static LocalSystem system() {
        return running.system();
    }

    /** An SDK client for a demo token, the way a department system or terminal would build one. */
    public static cn.onewindow.sdk.OneWindowClient client(String token) {
        return cn.onewindow.sdk.OneWindowClient.builder().baseUrl(baseUrl()).token(token).userAgent("web-tests")
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(30)).build();
    }

    /** The caller a demo user signs in as (same id, role and scope as its demo token). */
    public static Caller callerOfUser(String username) {
        String id = DemoData.users().get(username);
        if (id == null) {
            throw new IllegalArgumentException("not a demo user: " + username);
        }
        return DemoData.callers().values().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo caller " + id));
    }
}
