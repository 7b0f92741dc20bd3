package cn.onewindow.sdk.it;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.sdk.CaseQuery;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.RetryPolicy;
import cn.onewindow.sdk.TransportException;
import cn.onewindow.sdk.model.Applicant;
import cn.onewindow.sdk.model.CaseStatus;
import cn.onewindow.sdk.model.Channel;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.ServiceCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retries over a weak link: a proxy between the SDK and the real local system drops connections, holds answers
 * back past the read timeout, and answers 503/429 with Retry-After. Writes stay exactly-once through the
 * idempotency key the SDK keeps across the retries of one call.
 */
@ExtendWith(LocalPlatform.class)
class FaultInjectionTest {
    FaultyProxy proxy;

    @BeforeEach
    void start() throws IOException {
        proxy = new FaultyProxy(LocalPlatform.port());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
    }

    OneWindowClient agentThroughProxy(Duration readTimeout) {
        return OneWindowClient.builder().baseUrl(proxy.url()).token("demo-agent").userAgent("village-terminal/1.0")
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(readTimeout)
                .retryPolicy(RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofMillis(100))
                        .maxBackoff(Duration.ofSeconds(1)).build())
                .build();
    }

    static NewCase felling(Applicant villager) {
        return NewCase.builder().itemCode(DemoData.ITEM_TREE_FELLING).channel(Channel.VILLAGE_AGENT)
                .applicant(villager)
                .materials(Material.of("M01"), Material.of("M02"), Material.of("M03"), Material.of("M04")).build();
    }

    /** How many cases the server holds for this applicant (read directly, not through the proxy). */
    static long casesOf(Applicant villager) {
        return LocalPlatform.client("demo-agent").cases()
                .list(CaseQuery.builder().itemCode(DemoData.ITEM_TREE_FELLING).pageSize(100).build()).stream()
                .filter(c -> villager.name().equals(c.applicant().name())).count();
    }

    @Test
    void droppedConnectionsAreRetried() {
        proxy.then(FaultyProxy.Fault.drop()).then(FaultyProxy.Fault.drop());
        Applicant villager = LocalPlatform.villager();
        ServiceCase c = agentThroughProxy(Duration.ofSeconds(20)).cases().submit(felling(villager));
        assertEquals(CaseStatus.ACCEPTED, c.status());
        // (the JDK's HttpURLConnection may reconnect once by itself within an attempt, so count at least)
        assertTrue(proxy.connections.get() >= 3, "connections " + proxy.connections.get());
        assertEquals(1, proxy.forwarded.get(), "the dropped attempts never reached the server");
        assertEquals(1, casesOf(villager));
    }

    @Test
    void anAnswerLostToATimeoutIsReplayedNotDoneTwice() {
        // the server does the write; its answer is held back past the client's read timeout
        proxy.then(FaultyProxy.Fault.delayAnswer(7000));
        Applicant villager = LocalPlatform.villager();
        long t0 = System.nanoTime();
        ServiceCase c = agentThroughProxy(Duration.ofSeconds(3)).cases().submit(felling(villager));
        assertTrue(System.nanoTime() - t0 >= 3_000_000_000L, "the first attempt timed out");
        assertTrue(c.replayed(), "the retry with the same key got the first answer");
        assertTrue(proxy.forwarded.get() >= 2, "the attempts reached the server: " + proxy.forwarded.get());
        assertEquals(1, casesOf(villager), "and the server made one case");
        assertEquals(c.id(), LocalPlatform.client("demo-agent").cases().get(c.id()).id());
    }

    @Test
    void aSlowAnswerWithinTheTimeoutIsNotRetried() {
        proxy.then(FaultyProxy.Fault.delayAnswer(300));
        ServiceCase c = agentThroughProxy(Duration.ofSeconds(10)).cases().submit(felling(LocalPlatform.villager()));
        assertFalse(c.replayed());
        assertEquals(1, proxy.forwarded.get());
    }

    @Test
    void unavailableAndRateLimitedAnswersAreRetriedAfterRetryAfter() {
        proxy.then(FaultyProxy.Fault.answer(503, 1)).then(FaultyProxy.Fault.answer(429, 1));
        Applicant villager = LocalPlatform.villager();
        long t0 = System.nanoTime();
        ServiceCase c = agentThroughProxy(Duration.ofSeconds(20)).cases().submit(felling(villager));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 2000, "waited Retry-After twice: " + ms + " ms");
        assertEquals(CaseStatus.ACCEPTED, c.status());
        assertTrue(proxy.connections.get() >= 3);
        assertEquals(1, proxy.forwarded.get());
        assertEquals(1, casesOf(villager));
    }

    @Test
    void aLinkThatStaysDownEndsInATransportErrorWithTheKeyToRetryWith() {
        proxy.dropAll(true);
        Applicant villager = LocalPlatform.villager();
        OneWindowClient terminal = agentThroughProxy(Duration.ofSeconds(5));
        TransportException e = assertThrows(TransportException.class, () -> terminal.cases().submit(felling(villager)));
        assertEquals(5, e.attempts());
        assertEquals("CONNECTION_FAILED", e.code());
        assertEquals(0, casesOf(villager));
        proxy.dropAll(false);

        // later, the link is back: the same write with the same key
        ServiceCase c = terminal.cases().submit(felling(villager),
                cn.onewindow.sdk.RequestOptions.idempotencyKey(e.idempotencyKey()));
        assertEquals(CaseStatus.ACCEPTED, c.status());
        assertEquals(1, casesOf(villager));
    }
}
