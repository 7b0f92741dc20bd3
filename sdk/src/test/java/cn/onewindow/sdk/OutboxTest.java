package cn.onewindow.sdk;

import cn.onewindow.sdk.model.Material;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.onewindow.sdk.StubServer.json;
import static cn.onewindow.sdk.StubServer.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxTest {
    static final String CASE = "{\"id\":\"C1\",\"status\":\"ACCEPTED\",\"version\":1}";

    @TempDir
    Path dir;
    StubServer server;
    String offline;

    @BeforeEach
    void start() throws IOException {
        server = new StubServer();
        try (ServerSocket s = new ServerSocket(0)) {
            offline = "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    OneWindowClient client(String url) {
        return OneWindowClient.builder().baseUrl(url).token("demo-agent").outbox(dir)
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(1)).build())
                .build();
    }

    /** Three writes of a village terminal, queued without a link. */
    List<PendingWrite> queueThree(Outbox o) {
        List<PendingWrite> w = new ArrayList<>();
        w.add(o.submit(ClientRetryTest.APPLICATION));
        w.add(o.supplement("C1", Arrays.asList(Material.of("M03"))));
        w.add(o.deliver("C1", "王五本人", "签字"));
        return w;
    }

    @Test
    void queuedWritesSurviveARestartAndGoOutInOrderEachOnce() {
        List<PendingWrite> queued = queueThree(client(offline).outbox());

        // a new process: a new client on the same directory
        Outbox after = client(server.url()).outbox();
        List<PendingWrite> pending = after.pending();
        assertEquals(3, pending.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(queued.get(i).sequence(), pending.get(i).sequence());
            assertEquals(queued.get(i).idempotencyKey(), pending.get(i).idempotencyKey());
            assertEquals(queued.get(i).path(), pending.get(i).path());
        }
        assertEquals("submit 330100-XK-0101", pending.get(0).description());

        server.otherwise(json(200, CASE));
        FlushResult r = after.flush();
        assertTrue(r.isComplete());
        assertNull(r.stoppedBy());
        assertEquals(3, r.sent().size());
        assertEquals("C1", r.sent().get(0).serviceCase().id());
        assertEquals(Arrays.asList("/v1/cases", "/v1/cases/C1/materials", "/v1/cases/C1/delivery"),
                Arrays.asList(server.received.get(0).uri, server.received.get(1).uri, server.received.get(2).uri));
        for (int i = 0; i < 3; i++) {
            assertEquals(queued.get(i).idempotencyKey(), server.received.get(i).header("Idempotency-Key"));
            assertEquals("Bearer demo-agent", server.received.get(i).header("Authorization"));
        }
        assertTrue(server.received.get(1).body.contains("\"M03\""));
        assertTrue(after.pending().isEmpty());

        assertEquals(0, after.flush().sent().size());
        assertEquals(3, server.received.size(), "nothing is sent twice");
    }

    @Test
    void aFlushWithoutALinkKeepsEverything() {
        Outbox o = client(offline).outbox();
        queueThree(o);
        FlushResult r = o.flush();
        assertFalse(r.isComplete());
        assertEquals(3, r.remaining());
        assertTrue(r.stoppedBy() instanceof TransportException);
        assertEquals(3, o.pending().size());
    }

    @Test
    void aServerErrorStopsTheFlushAndKeepsTheOrder() {
        Outbox o = client(server.url()).outbox();
        queueThree(o);
        server.then(json(201, CASE)).otherwise(problem(503, "UNAVAILABLE"));
        FlushResult r = o.flush();
        assertEquals(1, r.sent().size());
        assertEquals(2, r.remaining());
        assertTrue(r.stoppedBy() instanceof ServerException);
        assertEquals("/v1/cases/C1/materials", o.pending().get(0).path());
    }

    @Test
    void aRefusedWriteIsSetAsideAndTheRestGoesOut() {
        Outbox o = client(server.url()).outbox();
        queueThree(o);
        server.then(json(201, CASE)).then(problem(409, "ILLEGAL_TRANSITION")).then(json(200, CASE));
        FlushResult r = o.flush();
        assertTrue(r.isComplete());
        assertEquals(2, r.sent().size());
        assertEquals(1, r.failed().size());
        List<PendingWrite> failed = o.failed();
        assertEquals(1, failed.size());
        assertEquals("ILLEGAL_TRANSITION", failed.get(0).failure().code());
        assertEquals(409, failed.get(0).failure().status());
        assertTrue(o.discard(failed.get(0)));
        assertTrue(o.failed().isEmpty());
    }

    @Test
    void aWriteSentButNotRemovedGoesOutAgainWithTheSameKey() throws IOException {
        Outbox o = client(server.url()).outbox();
        PendingWrite w = o.deliver("C1", "王五本人", null);
        Path file = dir.resolve("pending").resolve(String.format("%012d.json", w.sequence()));
        byte[] copy = Files.readAllBytes(file);
        server.then(json(200, CASE)).then(json(200, CASE).header("Idempotent-Replayed", "true"));
        assertEquals(1, o.flush().sent().size());
        Files.write(file, copy); // as if the process had stopped before removing the file
        FlushResult again = o.flush();
        assertTrue(again.sent().get(0).replayed());
        assertEquals(server.received.get(0).header("Idempotency-Key"), server.received.get(1).header("Idempotency-Key"));
    }

    @Test
    void sequenceNumbersOnlyGrow() {
        Outbox o = client(server.url()).outbox();
        server.otherwise(json(200, CASE));
        long first = o.deliver("C1", "a", null).sequence();
        o.flush();
        long second = client(server.url()).outbox().deliver("C1", "b", null).sequence();
        assertTrue(second > first);
    }

    @Test
    void concurrentWritersGetDistinctPlaces() throws Exception {
        Outbox o = client(offline).outbox();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<PendingWrite>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "C" + i;
            futures.add(pool.submit(() -> o.deliver(id, "x", null)));
        }
        Set<Long> seqs = new HashSet<>();
        for (Future<PendingWrite> f : futures) seqs.add(f.get().sequence());
        pool.shutdown();
        assertEquals(40, seqs.size());
        assertEquals(40, o.pending().size());
    }

    @Test
    void leftoversOfAnInterruptedWriteAreIgnored() throws IOException {
        Outbox o = client(offline).outbox();
        o.deliver("C1", "x", null);
        Files.write(dir.resolve("pending").resolve("000000000099.json.1.tmp"), "{\"seq\":".getBytes());
        Outbox reopened = client(offline).outbox();
        assertEquals(1, reopened.pending().size());
        assertFalse(Files.exists(dir.resolve("pending").resolve("000000000099.json.1.tmp")));
    }

    @Test
    void theOutboxIsOptIn() {
        OneWindowClient c = OneWindowClient.builder().baseUrl(server.url()).build();
        assertThrows(IllegalStateException.class, c::outbox);
        assertNotNull(client(offline).outbox().directory());
    }
}
