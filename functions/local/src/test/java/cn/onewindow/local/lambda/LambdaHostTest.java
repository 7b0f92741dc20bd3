package cn.onewindow.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class LambdaHostTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LambdaHost host;

    @BeforeAll
    static void start() {
        host = Baseline.host("baseline").instances(2).environment("GREETING", "ni hao").start();
        System.out.println("baseline startup times (JVM start -> first /next poll): " + host.startupTimes());
    }

    @AfterAll
    static void stop() {
        if (host == null) {
            return;
        }
        List<Long> pids = host.pids();
        host.close();
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "child JVM " + pid + " outlived close()");
        }
    }

    @Test
    void echoesTheEventWithAFieldAdded() throws Exception {
        assertEquals(2, host.readyInstances());
        assertEquals(2, host.startupTimes().size());

        JsonNode out = JSON.readTree(host.invoke("{\"hello\":\"world\",\"n\":42}"));

        assertEquals("world", out.get("hello").asText());
        assertEquals(42, out.get("n").asInt());
        assertEquals("onewindow-baseline-lambda", out.get("echoedBy").asText());
        assertTrue(out.get("requestId").asText().length() > 8, "the handler got a Lambda context");
        assertTrue(host.pids().contains(out.get("pid").asLong()), "answered by one of the host's JVMs");
    }

    @Test
    void recordsEachInvocationsHandlerDurationLikeLambdasReportLine() {
        host.drainDurationsMillis();
        long t0 = System.nanoTime();
        host.invoke("{\"sleepMillis\":300}");
        double roundTrip = (System.nanoTime() - t0) / 1e6;

        List<Double> durations = host.drainDurationsMillis();

        assertEquals(1, durations.size(), "one invocation, one duration: " + durations);
        assertTrue(durations.get(0) >= 300 && durations.get(0) <= roundTrip,
                "the handler's own time (" + durations.get(0) + " ms) lies between its sleep and the round trip ("
                        + roundTrip + " ms)");
        assertTrue(host.drainDurationsMillis().isEmpty(), "drained");
    }

    @Test
    void twoInstancesAnswerConcurrentInvocations() throws Exception {
        String slow = "{\"sleepMillis\":2500}";
        long t0 = System.nanoTime();
        CompletableFuture<String> a = host.invokeAsync(slow);
        CompletableFuture<String> b = host.invokeAsync(slow);
        JsonNode ra = JSON.readTree(a.join());
        JsonNode rb = JSON.readTree(b.join());
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertNotEquals(ra.get("pid").asLong(), rb.get("pid").asLong(), "each instance took one invocation");
        assertTrue(took.toMillis() < 4500, "ran side by side, not one after the other (5 s): " + took);
    }

    @Test
    void aFunctionErrorIsReportedAsLambdaReportsIt() throws Exception {
        LambdaInvocationException e = assertThrows(LambdaInvocationException.class,
                () -> host.invoke("{\"Records\":[{\"messageId\":\"m-1\",\"body\":\"please crash\"}]}"));

        assertEquals(500, e.status());
        JsonNode error = JSON.readTree(e.body());
        assertEquals("java.lang.IllegalStateException", error.get("errorType").asText());
        assertTrue(error.get("errorMessage").asText().contains("m-1"));
        assertTrue(error.get("stackTrace").isArray());
        // the environment survives a handled error
        assertEquals("world", JSON.readTree(host.invoke("{\"hello\":\"world\"}")).get("hello").asText());
        assertEquals(0, host.restarts());
    }

    @Test
    void childrenGetTheLambdaEnvironmentAndLogToFiles() throws Exception {
        for (Path log : host.logFiles()) {
            assertTrue(Files.exists(log), "log file " + log);
        }
        String log = Files.readString(host.logFiles().get(0));
        assertTrue(log.contains("started in"), "Quarkus boot is in the instance log:\n" + log);
        assertTrue(host.runtimeApi().endsWith(":" + host.port() + "/_lambda_"));
    }

    @Test
    void httpFlavourTurnsPlainHttpIntoApiGatewayEvents() throws Exception {
        try (LambdaHost http = Baseline.host("baseline-http").flavour(LambdaHost.Flavour.HTTP).start()) {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(URI.create(http.baseUri() + "/api/v1/cases?page=2"))
                            .header("Authorization", "Bearer t").GET().build(),
                            HttpResponse.BodyHandlers.ofString());

            assertEquals(200, response.statusCode());
            assertEquals("application/json", response.headers().firstValue("content-type").orElse(""));
            JsonNode event = JSON.readTree(response.body());
            assertEquals("/api/v1/cases", event.get("rawPath").asText());
            assertEquals("page=2", event.get("rawQueryString").asText());
            assertEquals("GET", event.at("/requestContext/http/method").asText());
            assertEquals("onewindow-baseline-lambda", event.get("echoedBy").asText());
            // a direct invoke still goes to the function as a raw event
            assertEquals("x", JSON.readTree(http.invoke("{\"a\":\"x\"}")).get("a").asText());
        }
    }

    @Test
    void anInstanceThatTimesOutIsReplaced() throws Exception {
        try (LambdaHost fn = Baseline.host("baseline-timeout").timeout(Duration.ofSeconds(1)).start()) {
            long firstPid = fn.pids().get(0);

            LambdaInvocationException e = assertThrows(LambdaInvocationException.class,
                    () -> fn.invoke("{\"sleepMillis\":5000}"));
            assertEquals(500, e.status());
            assertTrue(e.body().contains("Sandbox.Timedout"), e.body());

            Baseline.await("a new execution environment", Duration.ofSeconds(60),
                    () -> fn.restarts() == 1 && fn.readyInstances() == 1);
            assertNotEquals(firstPid, fn.pids().get(0));
            assertEquals("y", JSON.readTree(fn.invoke("{\"a\":\"y\"}")).get("a").asText());
        }
    }

    @Test
    void aFastJarPackageIsRefusedWithAReason(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("quarkus-app"));
        Files.writeString(dir.resolve("quarkus-app/quarkus-run.jar"), "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LambdaHost.builder("fast", dir).logDirectory(dir.resolve("logs")).start());
        assertTrue(e.getMessage().contains("legacy-jar"), e.getMessage());
    }
}
