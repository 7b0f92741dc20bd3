package cn.onewindow.aws;

import cn.onewindow.core.cases.Suspension;
import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.cases.usecase.CaseCommands;
import cn.onewindow.core.service.NotificationRelay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.onewindow.aws.Fixtures.FRIDAY_10_SHANGHAI;
import static cn.onewindow.aws.Fixtures.WINDOW;
import static cn.onewindow.aws.Fixtures.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notification outbox: written with the change, sent by the relay with retry, phone numbers masked in the log. */
@ExtendWith(LocalDynamo.class)
class NotificationOutboxStoreTest {

    @Test
    void clockChangesAndDeadlinesNotifyOnceThroughTheOutboxWithMaskedPhones(LocalDynamo.Tables tables,
                                                                           @TempDir Path dir) throws Exception {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        Platform p = tables.seededPlatform(clock);
        String id = p.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, "王建国"), null)
                .snapshot().id();
        String phone = p.caseService.get(WINDOW, id).applicant().phone();
        clock.advance(Duration.ofHours(1));
        p.caseService.suspend(WINDOW, id, new CaseCommands.Suspend(Suspension.Kind.EXPERT_REVIEW, "专家评审"), null);
        clock.advance(Duration.ofHours(1));
        p.caseService.resume(WINDOW, id, new CaseCommands.Resume(null), null);
        p.caseService.extend(WINDOW, id, new CaseCommands.Extend(3, "补充论证"), null);
        // suspended Friday 11:00–12:00 (60 working minutes): due Friday 05-16 10:00; extended 3 working days: due
        // Wednesday 05-21 18:00, warning point Tuesday 05-20 18:00
        assertEquals(Instant.parse("2025-05-21T10:00:00Z"), p.caseService.get(WINDOW, id).dueAt());
        clock.advanceTo(Instant.parse("2025-05-21T02:00:00Z"));
        assertEquals(1, p.deadlineChecker.run().warnings());

        // the outbox holds no phone number (the relay addresses the SMS from the case when it sends it)
        List<String> outbox = tables.client().query(q -> q.tableName(tables.casesTable())
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :n)")
                        .expressionAttributeValues(java.util.Map.of(
                                ":pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CASE#" + id),
                                ":n", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("NOTIFY#"))))
                .items().stream().map(i -> i.get("doc").s()).toList();
        assertEquals(5, outbox.size());
        assertTrue(outbox.stream().noneMatch(d -> d.contains(phone)), String.join("\n", outbox));

        Path log = dir.resolve("sms.log");
        NotificationRelay relay = new NotificationRelay(p.cases, new LogNotificationSink(log), clock);
        int sent = relay.run(Duration.ofDays(40));
        // suspension, resumption, extension → applicant; warning → window + department (no agent on this case)
        assertEquals(5, sent);
        List<String> lines = Files.readAllLines(log);
        assertEquals(5, lines.size());
        assertEquals(3, lines.stream().filter(l -> l.contains("\"to\":\"APPLICANT\"")).count());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"kind\":\"WARNING\"") && l.contains("\"to\":\"WINDOW\"")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"kind\":\"EXTENDED\"") && l.contains("2025年5月21日 18:00")),
                String.join("\n", lines));
        String all = String.join("\n", lines);
        assertFalse(all.contains(phone), "no phone number in clear in the log");
        assertTrue(all.contains(phone.substring(0, 3) + "****" + phone.substring(7)), all);

        assertEquals(0, relay.run(Duration.ofDays(40)), "sent notifications leave the outbox");
        assertEquals(5, Files.readAllLines(log).size());
    }

    @Test
    void aFailingSinkLeavesTheNotificationForTheNextRun(LocalDynamo.Tables tables) {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        Platform p = tables.seededPlatform(clock);
        String id = p.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, "李秀英"), null)
                .snapshot().id();
        p.caseService.suspend(WINDOW, id, new CaseCommands.Suspend(Suspension.Kind.TESTING, "检测"), null);
        AtomicInteger calls = new AtomicInteger();
        List<Notification> delivered = new java.util.ArrayList<>();
        NotificationRelay flaky = new NotificationRelay(p.cases, n -> {
            if (calls.incrementAndGet() == 1) throw new IllegalStateException("gateway down");
            delivered.add(n);
        }, clock);
        assertEquals(0, flaky.run(Duration.ofDays(1)));
        assertEquals(1, flaky.run(Duration.ofDays(1)), "retried on the next run");
        assertEquals(0, flaky.run(Duration.ofDays(1)));
        assertEquals(1, delivered.size());
        assertEquals(Notification.Kind.SUSPENDED, delivered.get(0).kind());
        assertEquals(id, delivered.get(0).caseId());
    }
}
