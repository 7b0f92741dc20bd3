package cn.onewindow.aws.evaluation;

import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.catalog.MaterialRequirement;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.cases.usecase.CaseCommands;
import cn.onewindow.core.service.DeadlineChecker;
import cn.onewindow.core.service.EvaluationForwarder;
import cn.onewindow.core.service.NotificationRelay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static cn.onewindow.aws.evaluation.EvaluationRig.TERMINAL;
import static cn.onewindow.aws.evaluation.EvaluationRig.WINDOW;
import static cn.onewindow.aws.evaluation.EvaluationRig.rating;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edges of time against dynoxide with the simulated clock and the shipped 2025 calendar: a same-day case
 * accepted after hours before a holiday, a warning re-armed by an extension, and a ten-day outage of the deadline
 * checker and the outbox relays after which everything due is handled exactly once.
 */
@ExtendWith(LocalDynamo.class)
class TimeEdgesStoreTest {
    static final Duration LOOK_BACK = Duration.ofDays(2);

    private static long count(List<HistoryEntry> h, String event) {
        return h.stream().filter(e -> e.event().equals(event)).count();
    }

    private static Map<String, AttributeValue> item(LocalDynamo.Tables tables, String caseId, String sk) {
        return tables.client().getItem(b -> b.tableName(tables.casesTable()).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("CASE#" + caseId), "sk", AttributeValue.fromS(sk)))).item();
    }

    private static String intake(EvaluationRig rig, String itemCode, String applicant) {
        ServiceItem item = DemoData.items(Instant.EPOCH).stream().filter(i -> i.code().equals(itemCode))
                .findFirst().orElseThrow();
        List<SubmittedMaterial> materials = item.materials().stream().filter(MaterialRequirement::mandatory)
                .map(m -> new SubmittedMaterial(m.code(), m.copies())).toList();
        return rig.platform.caseService.intake(WINDOW, new CaseCommands.Intake(item.code(), EvaluationRig.person(applicant),
                Channel.WINDOW, null, null, materials, List.of()), null).snapshot().id();
    }

    @Test
    void anImmediateCaseAcceptedFridayEveningBeforeTheDragonBoatHolidayIsDueTuesday(LocalDynamo.Tables tables) {
        // Friday 2025-05-30 19:00 Shanghai; May 31 – June 2 are off
        EvaluationRig rig = new EvaluationRig(tables, Instant.parse("2025-05-30T11:00:00Z"));
        String id = rig.accepted("晚间受理");
        ServiceCase.Snapshot s = rig.platform.caseService.get(WINDOW, id);
        assertEquals(Instant.parse("2025-06-03T10:00:00Z"), s.dueAt(), "Tuesday 2025-06-03 18:00");
        // one office day (420 minutes) is not longer than the 1-day lead: warned halfway, Tuesday 14:30
        assertEquals("2025-06-03T06:30:00Z", item(tables, id, "TIMER#WARNING").get("at").s());

        rig.clock.advance(Duration.ofMinutes(5));
        DeadlineChecker.Result r = rig.platform.deadlineChecker.run();
        assertEquals(0, r.warnings(), "not warned at the first check after acceptance");
        assertEquals(0, r.overdue());
        assertTrue(item(tables, id, "ACCOUNTABILITY#CASE").isEmpty(), "no accountability record");
        rig.clock.advanceTo(Instant.parse("2025-06-02T02:00:00Z")); // Monday, a holiday
        assertEquals(0, rig.platform.deadlineChecker.run().warnings());
        rig.clock.advanceTo(Instant.parse("2025-06-03T06:29:00Z"));
        assertEquals(0, rig.platform.deadlineChecker.run().warnings(), "a minute before halfway");
        rig.clock.advanceTo(Instant.parse("2025-06-03T06:31:00Z"));
        r = rig.platform.deadlineChecker.run();
        assertEquals(1, r.warnings());
        assertEquals(0, r.overdue());
        rig.clock.advanceTo(Instant.parse("2025-06-03T09:59:00Z"));
        assertEquals(0, rig.platform.deadlineChecker.run().overdue(), "a minute before the due");
        assertTrue(item(tables, id, "ACCOUNTABILITY#CASE").isEmpty());
        rig.clock.advanceTo(Instant.parse("2025-06-04T01:30:00Z")); // Wednesday 09:30: 30 working minutes late
        assertEquals(1, rig.platform.deadlineChecker.run().overdue());
        assertEquals(30L, rig.platform.caseService.get(WINDOW, id).overdueWorkingMinutes());
        assertFalse(item(tables, id, "ACCOUNTABILITY#CASE").isEmpty());
        assertEquals(1, count(rig.platform.caseService.history(WINDOW, id), "WARNING"));
    }

    @Test
    void anExtensionReArmsTheWarningWhichFiresOnceMoreBeforeTheNewDue(LocalDynamo.Tables tables) {
        // 建设用地审批, 12 working days from Friday 2025-04-25 10:00: due Thursday 05-15 18:00, warned Wed 05-14 18:00
        EvaluationRig rig = new EvaluationRig(tables, Instant.parse("2025-04-25T02:00:00Z"));
        String id = intake(rig, DemoData.ITEM_CONSTRUCTION_LAND, "延期预警");
        assertEquals(0, rig.platform.deadlineChecker.run().warnings());
        rig.clock.advanceTo(Instant.parse("2025-05-14T10:01:00Z"));
        assertEquals(1, rig.platform.deadlineChecker.run().warnings());
        assertNotNull(rig.platform.caseService.get(WINDOW, id).warnedAt());

        rig.clock.advanceTo(Instant.parse("2025-05-15T02:00:00Z"));
        rig.platform.caseService.extend(WINDOW, id, new CaseCommands.Extend(5, "需补充勘测"), null);
        ServiceCase.Snapshot s = rig.platform.caseService.get(WINDOW, id);
        assertEquals(Instant.parse("2025-05-22T10:00:00Z"), s.dueAt(), "Thursday 05-22 18:00");
        assertNull(s.warnedAt(), "the warning re-armed");
        assertEquals("2025-05-21T10:00:00Z", item(tables, id, "TIMER#WARNING").get("at").s());
        assertEquals("2025-05-22T10:00:00Z", item(tables, id, "TIMER#DUE").get("at").s());

        rig.clock.advanceTo(Instant.parse("2025-05-16T02:00:00Z")); // past the former due
        DeadlineChecker.Result r = rig.platform.deadlineChecker.run();
        assertEquals(0, r.warnings());
        assertEquals(0, r.overdue(), "not overdue against the due that moved");
        assertTrue(item(tables, id, "ACCOUNTABILITY#CASE").isEmpty());
        rig.clock.advanceTo(Instant.parse("2025-05-21T09:59:00Z"));
        assertEquals(0, rig.platform.deadlineChecker.run().warnings());
        rig.clock.advanceTo(Instant.parse("2025-05-21T10:01:00Z"));
        assertEquals(1, rig.platform.deadlineChecker.run().warnings(), "warned again before the new due");
        assertEquals(0, rig.platform.deadlineChecker.run().warnings());
        rig.clock.advanceTo(Instant.parse("2025-05-23T02:00:00Z"));
        r = rig.platform.deadlineChecker.run();
        assertEquals(1, r.overdue());
        assertEquals(0, r.warnings());
        List<HistoryEntry> h = rig.platform.caseService.history(WINDOW, id);
        assertEquals(2, count(h, "WARNING"));
        assertEquals(1, count(h, "OVERDUE"));
        assertTrue(item(tables, id, "ACCOUNTABILITY#CASE").get("doc").s().contains("2025-05-22T10:00:00Z"),
                "the record is against the new due");
    }

    @Test
    void afterTenDaysOfOutageEverythingDueIsHandledExactlyOnce(LocalDynamo.Tables tables) {
        EvaluationRig rig = new EvaluationRig(tables, Instant.parse("2025-04-25T02:00:00Z")); // Friday 10:00
        List<Notification> sent = new CopyOnWriteArrayList<>();
        List<String> forwarded = new CopyOnWriteArrayList<>();
        NotificationRelay relay = new NotificationRelay(rig.platform.cases, sent::add, rig.clock);
        EvaluationForwarder forwarder = new EvaluationForwarder(rig.platform.evaluations,
                e -> forwarded.add(e.id()), rig.clock);
        Runnable tick = () -> {
            rig.platform.deadlineChecker.run();
            relay.run(LOOK_BACK, rig.platform.cases);
            forwarder.run(LOOK_BACK, rig.platform.cases);
        };
        // two cases due Thursday 05-15 18:00, one accepted Monday 04-28 due Monday 05-19 18:00 (warned Fri 05-16 18:00)
        List<String> late = List.of(intake(rig, DemoData.ITEM_CONSTRUCTION_LAND, "超期甲"),
                intake(rig, DemoData.ITEM_CONSTRUCTION_LAND, "超期乙"));
        tick.run();
        rig.clock.advanceTo(Instant.parse("2025-04-28T02:00:00Z"));
        String warned = intake(rig, DemoData.ITEM_CONSTRUCTION_LAND, "预警丙");
        assertEquals(Instant.parse("2025-05-19T10:00:00Z"), rig.platform.caseService.get(WINDOW, warned).dueAt());
        // everything runs until Friday 05-09 10:00
        for (Instant t = rig.clock.instant(); t.isBefore(Instant.parse("2025-05-09T02:00:00Z"));
             t = t.plus(Duration.ofHours(6))) {
            rig.clock.advanceTo(t);
            tick.run();
        }
        rig.clock.advanceTo(Instant.parse("2025-05-09T02:00:00Z"));
        tick.run();
        sent.clear();
        forwarded.clear();

        // then, just before the outage, two immediate cases are delivered and rated: SMS and forwards are pending
        rig.clock.advance(Duration.ofMinutes(5));
        List<String> rated = List.of(rig.delivered("评价甲"), rig.delivered("评价乙"));
        for (String c : rated) rig.platform.evaluationService.rate(TERMINAL, rating(c, "SATISFIED", "PAD"), null);
        Set<String> pendingBefore = new HashSet<>();
        rig.platform.cases.unsentNotifications(Instant.parse("2025-05-09T00:00:00Z"), rig.clock.instant(), 10_000)
                .forEach(n -> pendingBefore.add(n.id()));
        assertFalse(pendingBefore.isEmpty(), "SMS waiting in the outbox");

        // ten days without the checker and the relays: Monday 05-19 10:00
        Instant restart = rig.clock.advanceTo(Instant.parse("2025-05-19T02:00:00Z"));
        DeadlineChecker.Result r = rig.platform.deadlineChecker.run();
        assertEquals(1, r.warnings(), "the case due this evening is warned");
        assertEquals(2, r.overdue(), "the two cases due on the 15th are overdue");
        assertEquals(0, r.failures());
        assertFalse(r.to().isBefore(restart), "caught up completely in one run: " + r);
        int notified = relay.run(LOOK_BACK, rig.platform.cases);
        EvaluationForwarder.Result f = forwarder.run(LOOK_BACK, rig.platform.cases);

        // a second round finds nothing more
        rig.clock.advance(Duration.ofMinutes(5));
        DeadlineChecker.Result again = rig.platform.deadlineChecker.run();
        assertEquals(0, again.warnings());
        assertEquals(0, again.overdue());
        assertEquals(0, relay.run(LOOK_BACK, rig.platform.cases));
        assertEquals(0, forwarder.run(LOOK_BACK, rig.platform.cases).forwarded());

        for (String c : late) {
            assertFalse(item(tables, c, "ACCOUNTABILITY#CASE").isEmpty());
            List<HistoryEntry> h = rig.platform.caseService.history(WINDOW, c);
            assertEquals(1, count(h, "WARNING"));
            assertEquals(1, count(h, "OVERDUE"));
        }
        assertTrue(item(tables, warned, "ACCOUNTABILITY#CASE").isEmpty());
        assertEquals(1, count(rig.platform.caseService.history(WINDOW, warned), "WARNING"));

        // SMS: those pending before the outage plus two reminders (window, department) per warned or overdue case
        assertEquals(pendingBefore.size() + 3 * 2, notified);
        assertEquals(notified, sent.size());
        List<String> ids = new ArrayList<>();
        sent.forEach(n -> ids.add(n.id()));
        assertEquals(ids.size(), new HashSet<>(ids).size(), "each sent once");
        assertTrue(ids.containsAll(pendingBefore), "the 10-day-old SMS were sent");
        assertEquals(3 * 2, sent.stream().filter(n -> n.kind() == Notification.Kind.WARNING
                || n.kind() == Notification.Kind.OVERDUE).count());
        // ratings: both forwarded, once each
        assertEquals(2, f.forwarded());
        assertEquals(2, forwarded.size());
        assertEquals(Set.of(Evaluation.idFor(rated.get(0), 1), Evaluation.idFor(rated.get(1), 1)),
                new HashSet<>(forwarded));
    }
}
