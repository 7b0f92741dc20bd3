package cn.onewindow.sdk.it;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.local.LocalSystem;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.RetryPolicy;
import cn.onewindow.sdk.model.Applicant;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The real local system (dynoxide, ElasticMQ, the packaged intake API and workers as child JVMs, demo data),
 * started ONCE for the whole test run and closed at its end; every test class that uses this extension shares it.
 * Tests isolate themselves by their own cases (unique applicant names) rather than by a fresh system.
 */
public final class LocalPlatform implements BeforeAllCallback {
    /** Friday 2025-04-25 10:00 in Shanghai. */
    public static final Instant CLOCK_START = Instant.parse("2025-04-25T02:00:00Z");

    private static volatile Running running;

    /** The started system; closed by JUnit when the run ends. */
    static final class Running implements AutoCloseable {
        final LocalSystem system;
        final int port;
        /** The sizes of the log files before the system started (what earlier runs wrote is not scanned). */
        final java.util.Map<Path, Long> logsBefore;

        Running(LocalSystem system, int port, java.util.Map<Path, Long> logsBefore) {
            this.system = system;
            this.port = port;
            this.logsBefore = logsBefore;
        }

        @Override
        public void close() {
            system.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, k -> start(), Running.class);
    }

    private static Running start() {
        Path root = Path.of(System.getProperty("onewindow.root", "..")).toAbsolutePath().normalize();
        int port = freePort();
        long t0 = System.nanoTime();
        try {
            // one API and one worker instance (the tests send one request at a time), timers every 5 minutes:
            // the least CPU for a test machine; the API is the same packaged function either way
            LocalSystem.Options d = LocalSystem.Options.defaults(root).withPort(port).withClockStart(CLOCK_START)
                    .withInstances(1, 1).withScheduleEvery(Duration.ofMinutes(5));
            // this module's own log directory: other runs of the local system on this machine use the default one
            Path logs = Path.of("target", "local-logs").toAbsolutePath();
            java.util.Map<Path, Long> logsBefore = cn.onewindow.local.PiiScanner.sizes(logs);
            LocalSystem s = LocalSystem.start(new LocalSystem.Options(d.root(), d.port(), d.dataDirectory(),
                    d.clockStart(), d.apiInstances(), d.workerInstances(), d.relayEvery(), d.stage(),
                    logs, d.adminPort()));
            System.out.printf("[sdk-tests] local system started in %.1f s on port %d%n",
                    (System.nanoTime() - t0) / 1e9, port);
            Running r = new Running(s, port, logsBefore);
            running = r;
            warmUp();
            System.out.printf("[sdk-tests] warmed up after %.1f s%n", (System.nanoTime() - t0) / 1e9);
            return r;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the local system (did `mvn install -DskipTests` package "
                    + "functions/intake-api and functions/workers?)", e);
        }
    }

    /** The first requests to a fresh function JVM are slow (class loading, JIT): pay for them before the tests. */
    private static void warmUp() {
        OneWindowClient window = client("demo-window");
        window.catalog().items();
        window.cases().submit(cn.onewindow.sdk.model.NewCase.builder().itemCode(DemoData.ITEM_EIA_FILING)
                .channel(cn.onewindow.sdk.model.Channel.WINDOW).applicant(company())
                .materials(cn.onewindow.sdk.model.Material.of("M01"), cn.onewindow.sdk.model.Material.of("M02"),
                        cn.onewindow.sdk.model.Material.of("M03")).build());
        window.cases().list(cn.onewindow.sdk.CaseQuery.builder().pageSize(5).build()).firstPage();
        try {
            window.cases().get("WARM-UP");
        } catch (cn.onewindow.sdk.NotFoundException expected) {
            // the error path is warm too
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int port() {
        return running.port;
    }

    public static String baseUrl() {
        return "http://localhost:" + running.port;
    }

    public static LocalSystem system() {
        return running.system;
    }

    /** The sizes of the local system's log files before it started, for {@code PiiScanner#scanLocalSystem}. */
    static java.util.Map<Path, Long> logsBefore() {
        return running.logsBefore;
    }

    /** A client for a demo caller, the way a department system or terminal would build one. */
    public static OneWindowClient client(String token) {
        return builder(token).build();
    }

    public static OneWindowClient.Builder builder(String token) {
        if (!DemoData.callers().containsKey(token) && !token.startsWith("bad")) {
            throw new IllegalArgumentException("not a demo token: " + token);
        }
        return OneWindowClient.builder().baseUrl(baseUrl()).token(token).userAgent("sdk-tests")
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(30))
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(100)).build());
    }

    /** A villager with a unique name (valid resident ID and phone from the examples). */
    public static Applicant villager() {
        return Applicant.person("测试村民-" + UUID.randomUUID().toString().substring(0, 8), "330110198003150022",
                "13812345678");
    }

    /** A company with a unique name. */
    public static Applicant company() {
        return Applicant.company("杭州测试科技有限公司-" + UUID.randomUUID().toString().substring(0, 8),
                "91330110MA2B3C4D5E", "0571-88888888");
    }
}
