package cn.onewindow.sdk.it;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.sdk.CaseQuery;
import cn.onewindow.sdk.FlushResult;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.Outbox;
import cn.onewindow.sdk.PendingWrite;
import cn.onewindow.sdk.RetryPolicy;
import cn.onewindow.sdk.TransportException;
import cn.onewindow.sdk.model.Applicant;
import cn.onewindow.sdk.model.CaseStatus;
import cn.onewindow.sdk.model.Channel;
import cn.onewindow.sdk.model.DecisionOutcome;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.ServiceCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A village terminal that queues writes while offline, is restarted, and sends them when the link is back: in
 * order, each exactly once, also when a write went out but its file was not removed before the process stopped.
 */
@ExtendWith(LocalPlatform.class)
class OfflineOutboxTest {

    @TempDir
    Path outboxDir;

    static NewCase felling(Applicant villager, boolean complete) {
        NewCase.Builder b = NewCase.builder().itemCode(DemoData.ITEM_TREE_FELLING).channel(Channel.VILLAGE_AGENT)
                .applicant(villager);
        return complete ? b.materials(Material.of("M01"), Material.of("M02"), Material.of("M03"), Material.of("M04"))
                .build() : b.materials(Material.of("M01")).build();
    }

    OneWindowClient terminal(String baseUrl) {
        return OneWindowClient.builder().baseUrl(baseUrl).token("demo-agent").userAgent("village-terminal/1.0")
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(20)).outbox(outboxDir)
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(50)).build())
                .build();
    }

    static long casesOf(Applicant villager) {
        return LocalPlatform.client("demo-agent").cases()
                .list(CaseQuery.builder().itemCode(DemoData.ITEM_TREE_FELLING).pageSize(100).build()).stream()
                .filter(c -> villager.name().equals(c.applicant().name())).count();
    }

    @Test
    void writesQueuedOfflineSurviveARestartAndGoOutInOrderExactlyOnce() throws Exception {
        OneWindowClient agent = LocalPlatform.client("demo-agent");
        OneWindowClient window = LocalPlatform.client("demo-window");
        // online, earlier: a case whose result is ready, and one still waiting for materials
        Applicant ready = LocalPlatform.villager();
        ServiceCase a = agent.cases().submit(felling(ready, true));
        window.cases().decide(a.id(), DecisionOutcome.APPROVE, null);
        window.cases().issueResult(a.id(), null);
        ServiceCase waiting = agent.cases().submit(felling(LocalPlatform.villager(), false));
        assertEquals(CaseStatus.AWAITING_MATERIALS, waiting.status());

        // offline in the village: nothing listens at this address
        String down = "http://127.0.0.1:" + LocalPlatform.freePort();
        Applicant newcomer = LocalPlatform.villager();
        Outbox offline = terminal(down).outbox();
        PendingWrite submit = offline.submit(felling(newcomer, true));
        PendingWrite deliverA = offline.deliver(a.id(), ready.name() + "本人", "签字");
        PendingWrite deliverWaiting = offline.deliver(waiting.id(), "村民", null); // the server will refuse it
        FlushResult tried = offline.flush();
        assertTrue(tried.stoppedBy() instanceof TransportException);
        assertEquals(3, tried.remaining());
        assertEquals(0, casesOf(newcomer));

        // the terminal is restarted; the link is back
        Outbox restarted = terminal(LocalPlatform.baseUrl()).outbox();
        List<PendingWrite> pending = restarted.pending();
        assertEquals(List.of(submit.sequence(), deliverA.sequence(), deliverWaiting.sequence()),
                pending.stream().map(PendingWrite::sequence).collect(Collectors.toList()));
        assertEquals(submit.idempotencyKey(), pending.get(0).idempotencyKey());
        Map<Path, byte[]> files = snapshot(outboxDir.resolve("pending"));

        FlushResult flushed = restarted.flush();
        assertTrue(flushed.isComplete(), flushed.toString());
        assertEquals(2, flushed.sent().size());
        ServiceCase created = flushed.sent().get(0).serviceCase();
        assertEquals(CaseStatus.ACCEPTED, created.status());
        assertEquals(newcomer.name(), created.applicant().name());
        assertEquals(CaseStatus.DELIVERED, flushed.sent().get(1).serviceCase().status());
        assertEquals(1, flushed.failed().size());
        assertEquals("ILLEGAL_TRANSITION", restarted.failed().get(0).failure().code());
        assertTrue(restarted.pending().isEmpty());
        assertEquals(CaseStatus.DELIVERED, agent.cases().get(a.id()).status());
        assertEquals(1, casesOf(newcomer));

        // as if the process had stopped after sending but before removing the files: they go out again,
        // and the server answers with the first results instead of doing the writes twice
        for (Map.Entry<Path, byte[]> f : files.entrySet()) {
            if (!f.getKey().getFileName().toString().startsWith(String.format("%012d", deliverWaiting.sequence()))) {
                Files.write(f.getKey(), f.getValue());
            }
        }
        assertEquals(2, restarted.pending().size());
        FlushResult again = restarted.flush();
        assertEquals(2, again.sent().size());
        assertTrue(again.sent().get(0).replayed());
        assertTrue(again.sent().get(1).replayed());
        assertEquals(created.id(), again.sent().get(0).serviceCase().id());
        assertEquals(1, casesOf(newcomer), "exactly one case for the villager");
        assertFalse(restarted.failed().isEmpty());
    }

    static Map<Path, byte[]> snapshot(Path dir) throws Exception {
        Map<Path, byte[]> m = new HashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.collect(Collectors.toList())) m.put(p, Files.readAllBytes(p));
        }
        return m;
    }
}
