package cn.onewindow.aws;

import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Decision;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.NoticeType;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.cases.usecase.CaseCommands;
import cn.onewindow.core.service.Written;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static cn.onewindow.aws.Fixtures.DEPT_ZRZY;
import static cn.onewindow.aws.Fixtures.FRIDAY_10_SHANGHAI;
import static cn.onewindow.aws.Fixtures.WINDOW;
import static cn.onewindow.aws.Fixtures.complete;
import static cn.onewindow.aws.Fixtures.dueIndex;
import static cn.onewindow.aws.Fixtures.rawItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Intake through the case service into dynoxide: status, deadline, notice, history and deadline timers. */
@ExtendWith(LocalDynamo.class)
class CaseIntakeStoreTest {
    /** 2025-05-15 18:00 in Shanghai: 12 working days after Friday 2025-04-25 (Sun 4-27 worked, May 1–5 off). */
    private static final Instant DUE = Instant.parse("2025-05-15T10:00:00Z");

    private static Platform platform;
    private static DynamoDbClient db;
    private static String table;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        platform = tables.seededPlatform(Fixtures.fixed(FRIDAY_10_SHANGHAI));
        db = tables.client();
        table = tables.casesTable();
    }

    private static Map<String, AttributeValue> timer(String caseId, String kind) {
        return rawItem(db, table, caseId, "TIMER#" + kind);
    }

    @Test
    void completePromisedItemIsAcceptedWithItsDeadlineNoticeHistoryAndTimers() {
        Written w = platform.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, "王建国"), null);
        ServiceCase.Snapshot s = w.snapshot();
        assertFalse(w.replayed());
        assertEquals(CaseStatus.ACCEPTED, s.status());
        assertEquals(DUE, s.dueAt());
        assertFalse(s.dueProvisional());
        assertEquals(FRIDAY_10_SHANGHAI, s.acceptedAt());
        assertEquals(1, s.version());
        assertEquals(1, s.itemVersion());
        assertTrue(s.id().startsWith("20250425-"), s.id());
        assertEquals(DemoData.COUNTY_CENTER, s.centerId());
        assertEquals(NoticeType.PROMISE, s.notice().type());
        assertTrue(s.notice().text().contains("2025年5月15日 18:00"), s.notice().text());

        // read back exactly as written
        assertEquals(s, platform.caseService.get(WINDOW, s.id()));

        List<HistoryEntry> history = platform.caseService.history(WINDOW, s.id());
        assertEquals(List.of("SUBMITTED", "ACCEPTED"), history.stream().map(HistoryEntry::event).toList());
        assertEquals(List.of(1, 2), history.stream().map(HistoryEntry::seq).toList());
        assertEquals(CaseStatus.SUBMITTED, history.get(1).from());
        assertEquals(CaseStatus.ACCEPTED, history.get(1).to());
        assertEquals(WINDOW.asActor(), history.get(1).actor());
        assertEquals(FRIDAY_10_SHANGHAI, history.get(1).at());

        // both timers sit in the due-time index, in the hour bucket of their instant
        DeadlineCalculator calc = platform.deadlines.calculatorFor(DemoData.COUNTY_CENTER);
        Instant warning = calc.warningPoint(FRIDAY_10_SHANGHAI, DUE, 1);
        assertTrue(warning.isBefore(DUE));
        List<Map<String, AttributeValue>> due = dueIndex(db, table, DUE, s.id());
        assertEquals(1, due.size(), "one DUE timer in bucket " + DynamoCaseRepository.dueBucket(DUE));
        assertEquals("DUE", due.get(0).get("kind").s());
        assertEquals(DUE.toString(), due.get(0).get("at").s());
        List<Map<String, AttributeValue>> warn = dueIndex(db, table, warning, s.id());
        assertEquals(1, warn.stream().filter(i -> i.get("kind").s().equals("WARNING")).count());

        // deciding the case stops the clock: the timers leave the index
        Written decided = platform.caseService.decide(DEPT_ZRZY, s.id(),
                new CaseCommands.Decide(Decision.Outcome.APPROVE, List.of()), null);
        assertEquals(CaseStatus.APPROVED, decided.snapshot().status());
        assertEquals(List.of(), dueIndex(db, table, DUE, s.id()));
        assertEquals(List.of(), dueIndex(db, table, warning, s.id()));
        assertTrue(timer(s.id(), "DUE").isEmpty());
        assertTrue(timer(s.id(), "WARNING").isEmpty());
        assertEquals(List.of("SUBMITTED", "ACCEPTED", "REVIEW_STARTED", "APPROVED"),
                platform.caseService.history(WINDOW, s.id()).stream().map(HistoryEntry::event).toList());
    }

    @Test
    void theClockStartsOnlyWhenTheMaterialsAreComplete() {
        Written w = platform.caseService.intake(WINDOW, Fixtures.withMaterials(DemoData.ITEM_CONSTRUCTION_LAND,
                "赵一", List.of(new SubmittedMaterial("M01", 1))), null);
        ServiceCase.Snapshot s = w.snapshot();
        assertEquals(CaseStatus.AWAITING_MATERIALS, s.status());
        assertNull(s.dueAt());
        assertEquals(List.of("M02", "M03", "M04"), s.missing());
        assertEquals(NoticeType.ONE_TIME_NOTICE, s.notice().type());
        assertTrue(timer(s.id(), "DUE").isEmpty(), "no timer while materials are missing");

        Written done = platform.caseService.supplement(WINDOW, s.id(), new CaseCommands.Supplement(List.of(
                new SubmittedMaterial("M02", 1), new SubmittedMaterial("M03", 1), new SubmittedMaterial("M04", 1))),
                null);
        assertEquals(CaseStatus.ACCEPTED, done.snapshot().status());
        assertEquals(DUE, done.snapshot().dueAt());
        assertEquals(1, dueIndex(db, table, DUE, s.id()).size());
        assertEquals(List.of("SUBMITTED", "ONE_TIME_NOTICE", "MATERIALS_SUPPLEMENTED", "ACCEPTED"),
                platform.caseService.history(WINDOW, s.id()).stream().map(HistoryEntry::event).toList());
    }

    @Test
    void anExtensionMovesTheDueTimerToItsNewBucket() {
        String id = platform.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, "钱二"), null)
                .snapshot().id();
        Written extended = platform.caseService.extend(DEPT_ZRZY, id, new CaseCommands.Extend(5, "需补充勘测"), null);
        Instant newDue = extended.snapshot().dueAt();
        // 5 more working days after Thu 5-15: Fri 16, Mon 19 … Thu 22
        assertEquals(Instant.parse("2025-05-22T10:00:00Z"), newDue);
        assertEquals(List.of(), dueIndex(db, table, DUE, id).stream()
                .filter(i -> i.get("kind").s().equals("DUE")).toList());
        assertEquals(1, dueIndex(db, table, newDue, id).stream().filter(i -> i.get("kind").s().equals("DUE")).count());
        assertEquals(newDue.toString(), timer(id, "DUE").get("at").s());
    }

    @Test
    void aRefusedApplicationHasNoTimersAndKeepsItsReason() {
        ServiceCase.Snapshot s = platform.caseService.intake(WINDOW, complete(DemoData.ITEM_GOLF_COURSE, "孙三"), null)
                .snapshot();
        assertEquals(CaseStatus.NOT_ACCEPTED, s.status());
        assertEquals(NoticeType.NOT_ACCEPTED, s.notice().type());
        assertTrue(s.notice().text().contains("严禁新建高尔夫球场"));
        assertTrue(timer(s.id(), "DUE").isEmpty());
        assertEquals(List.of(CaseStatus.SUBMITTED, CaseStatus.NOT_ACCEPTED),
                platform.caseService.history(WINDOW, s.id()).stream().map(HistoryEntry::to).toList());
    }
}
