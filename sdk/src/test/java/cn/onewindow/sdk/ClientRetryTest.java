package cn.onewindow.sdk;

import cn.onewindow.sdk.model.Applicant;
import cn.onewindow.sdk.model.Channel;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.ServiceCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static cn.onewindow.sdk.StubServer.json;
import static cn.onewindow.sdk.StubServer.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retries, backoff and error mapping against an in-JVM HTTP server. */
class ClientRetryTest {
    static final String CASE = "{\"id\":\"C1\",\"status\":\"ACCEPTED\",\"version\":1}";
    static final NewCase APPLICATION = NewCase.builder().itemCode("330100-XK-0101").channel(Channel.WINDOW)
            .applicant(Applicant.person("王五", "330110198003150022", "13812345678"))
            .materials(Material.of("M01")).build();

    StubServer server;
    final List<Long> sleeps = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        server = new StubServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    OneWindowClient client(RetryPolicy policy) {
        return client(policy, Duration.ofSeconds(10));
    }

    OneWindowClient client(RetryPolicy policy, Duration readTimeout) {
        return OneWindowClient.builder().baseUrl(server.url()).token("demo-window").retryPolicy(policy)
                .readTimeout(readTimeout).userAgent("test/1.0")
                .sleeper(ms -> {
                    sleeps.add(ms);
                    Thread.sleep(Math.min(ms, 20));
                })
                .random(RetryPolicyTest.fixed(0.0)).build();
    }

    static RetryPolicy fast(int attempts) {
        return RetryPolicy.builder().maxAttempts(attempts).initialBackoff(Duration.ofMillis(100)).jitter(0).build();
    }

    @Test
    void aWriteIsRetriedOn5xxWithTheSameIdempotencyKey() {
        server.then(problem(503, "UNAVAILABLE")).then(new StubServer.Answer(502, "<html>bad gateway</html>"))
                .then(json(201, CASE));
        ServiceCase c = client(fast(5)).cases().submit(APPLICATION);
        assertEquals("C1", c.id());
        assertEquals(3, server.received.size());
        String key = server.received.get(0).header("Idempotency-Key");
        assertNotNull(key);
        for (StubServer.Received r : server.received) {
            assertEquals(key, r.header("Idempotency-Key"));
            assertEquals("Bearer demo-window", r.header("Authorization"));
            assertTrue(r.header("User-Agent").startsWith("test/1.0 onewindow-sdk-java/"), r.header("User-Agent"));
            assertEquals(server.received.get(0).header("X-Request-Id"), r.header("X-Request-Id"));
            assertEquals(server.received.get(0).body, r.body);
        }
        assertEquals(java.util.Arrays.asList(100L, 200L), sleeps, "exponential backoff");
    }

    @Test
    void aGivenIdempotencyKeyIsSent() {
        server.then(json(201, CASE).header("Idempotent-Replayed", "true"));
        ServiceCase c = client(fast(3)).cases().submit(APPLICATION, RequestOptions.idempotencyKey("terminal-7-0042"));
        assertEquals("terminal-7-0042", server.received.get(0).header("Idempotency-Key"));
        assertTrue(c.replayed());
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() {
        server.then(problem(429, "RATE_LIMITED").header("Retry-After", "3")).then(json(200, CASE));
        client(fast(3)).cases().get("C1");
        assertEquals(2, server.received.size());
        assertEquals(Collections.singletonList(3000L), sleeps);
    }

    @Test
    void aRetryAfterLongerThanThePolicyWaitsEndsTheCall() {
        server.then(problem(429, "RATE_LIMITED").header("Retry-After", "3600"));
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> client(fast(3)).cases().get("C1"));
        assertEquals(Duration.ofHours(1), e.retryAfter());
        assertEquals(1, server.received.size());
    }

    @Test
    void fourHundredsAreNeverRetried() {
        int[] statuses = {400, 403, 404, 409, 422}; // 401: see the next test
        Class<?>[] types = {ValidationException.class, ForbiddenException.class,
                NotFoundException.class, ConflictException.class, UnprocessableException.class};
        for (int i = 0; i < statuses.length; i++) {
            server.received.clear();
            server.then(problem(statuses[i], "CODE_" + statuses[i]));
            OneWindowException e = assertThrows(OneWindowException.class,
                    () -> client(fast(5)).cases().deliver("C1", "本人", null));
            assertEquals(types[i], e.getClass());
            assertEquals(statuses[i], e.status());
            assertEquals("CODE_" + statuses[i], e.code());
            assertEquals("中文", e.messageZh());
            assertEquals("english", e.messageEn());
            assertEquals("req-1", e.requestId());
            assertEquals(1, e.attempts());
            assertNotNull(e.idempotencyKey());
            assertEquals(1, server.received.size(), "status " + statuses[i] + " is not retried");
        }
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void unauthorizedWritesAreReportedEvenWithoutABody() {
        server.then(problem(401, "INVALID_TOKEN").header("WWW-Authenticate", "Bearer"));
        UnauthorizedException e = assertThrows(UnauthorizedException.class,
                () -> client(fast(3)).cases().deliver("C1", "本人", null));
        assertEquals(401, e.status());
        assertTrue(e.code().equals("INVALID_TOKEN") || e.code().equals("UNAUTHORIZED"), e.code());
        assertEquals(1, server.received.size());
    }

    @Test
    void passingConflictsAreRetried() {
        server.then(problem(409, "IDEMPOTENCY_IN_PROGRESS")).then(json(200, CASE));
        assertEquals("C1", client(fast(3)).cases().deliver("C1", "本人", null).id());
        assertEquals(2, server.received.size());
    }

    @Test
    void validationErrorsCarryTheFields() {
        server.then(json(400, "{\"status\":400,\"code\":\"VALIDATION_FAILED\",\"messageZh\":\"请求有误\","
                + "\"messageEn\":\"invalid\",\"errors\":[{\"field\":\"applicant.idNumber\",\"code\":\"INVALID_CHECKSUM\","
                + "\"messageZh\":\"校验位错误\",\"messageEn\":\"bad checksum\"}]}"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> client(fast(3)).cases().submit(APPLICATION));
        assertEquals("applicant.idNumber", e.fieldErrors().get(0).field());
        assertEquals("INVALID_CHECKSUM", e.fieldErrors().get(0).code());
        assertTrue(e.getMessage().contains("applicant.idNumber"), e.getMessage());
        assertNotNull(e.requestId(), "the SDK's own request id when the server gave none");
    }

    @Test
    void serverErrorsAreThrownAfterTheLastAttempt() {
        server.otherwise(new StubServer.Answer(500, "oops"));
        ServerException e = assertThrows(ServerException.class, () -> client(fast(3)).cases().get("C1"));
        assertEquals(3, e.attempts());
        assertEquals(3, server.received.size());
        assertEquals("INTERNAL_ERROR", e.code());
    }

    @Test
    void readTimeoutsAreRetried() {
        server.then(json(200, CASE).delay(3000)).then(json(200, CASE));
        ServiceCase c = client(fast(3), Duration.ofMillis(1000)).cases().get("C1");
        assertEquals("C1", c.id());
        assertEquals(2, server.received.size());
    }

    @Test
    void connectionFailuresAreRetriedThenReported() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        OneWindowClient c = OneWindowClient.builder().baseUrl("http://127.0.0.1:" + port).token("t")
                .retryPolicy(fast(4)).sleeper(sleeps::add).random(new Random(1)).build();
        TransportException e = assertThrows(TransportException.class, () -> c.cases().withdraw("C1", "不办了"));
        assertEquals(4, e.attempts());
        assertEquals("CONNECTION_FAILED", e.code());
        assertEquals(0, e.status());
        assertNotNull(e.idempotencyKey());
        assertEquals(3, sleeps.size());
    }

    @Test
    void realBackoffTimingWithJitterStaysWithinBounds() {
        server.then(problem(503, "X")).then(problem(503, "X")).then(json(200, CASE));
        OneWindowClient c = OneWindowClient.builder().baseUrl(server.url()).retryPolicy(RetryPolicy.builder()
                .maxAttempts(3).initialBackoff(Duration.ofMillis(200)).jitter(0.5).build()).build();
        long t0 = System.nanoTime();
        c.cases().get("C1");
        long gap1 = (server.received.get(1).atNanos - server.received.get(0).atNanos) / 1_000_000;
        long gap2 = (server.received.get(2).atNanos - server.received.get(1).atNanos) / 1_000_000;
        assertTrue(gap1 >= 100 && gap1 < 1000, "first gap " + gap1);
        assertTrue(gap2 >= 200 && gap2 < 1500, "second gap " + gap2);
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
    }

    @Test
    void aSupervisorReissuesAPickUpCodeAndALockedCodeIsATypedConflict() {
        server.then(json(200, "{\"id\":\"C1\",\"status\":\"RESULT_READY\",\"version\":7}"))
                .then(problem(409, "PICKUP_CODE_LOCKED"));
        OneWindowClient c = client(fast(3));
        assertEquals("RESULT_READY", c.cases().reissuePickupCode("C1").status().name());
        assertEquals("POST", server.received.get(0).method);
        assertEquals("/v1/cases/C1/pickup-code", server.received.get(0).uri);
        assertNotNull(server.received.get(0).header("Idempotency-Key"));
        ConflictException locked = assertThrows(ConflictException.class,
                () -> c.cases().deliverWithPickupCode("C1", "张三丰", "123456"));
        assertEquals("PICKUP_CODE_LOCKED", locked.code());
        assertEquals(2, server.received.size(), "a conflict is not retried");
    }
}
