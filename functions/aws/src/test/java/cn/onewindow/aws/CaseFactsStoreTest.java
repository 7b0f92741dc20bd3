package cn.onewindow.aws;

import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Notice;
import cn.onewindow.core.cases.NoticeType;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.Suspension;
import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.cases.usecase.CaseCommands;
import cn.onewindow.core.service.DeadlineChecker;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.onewindow.aws.Fixtures.FRIDAY_10_SHANGHAI;
import static cn.onewindow.aws.Fixtures.WINDOW;
import static cn.onewindow.aws.Fixtures.complete;
import static cn.onewindow.aws.Fixtures.rawItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Repeating facts of a case (suspensions, notices) do not grow its item: the item keeps the recent ones, older ones
 * are items of their own in the case's partition; a case stored in the old shape (everything in the item) still reads
 * and moves its older facts out on its next write; the deadline checker handles such cases as any other.
 */
@ExtendWith(LocalDynamo.class)
class CaseFactsStoreTest {
    private static final int RECENT = ServiceCase.Snapshot.RECENT_FACTS;

    private static List<String> sortKeys(LocalDynamo.Tables t, String id, String prefix) {
        return t.client().query(q -> q.tableName(t.casesTable()).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(DynamoCaseRepository.casePk(id)),
                                ":p", AttributeValue.fromS(prefix))))
                .items().stream().map(i -> i.get("sk").s()).toList();
    }

    private static String doc(LocalDynamo.Tables t, String id) {
        return rawItem(t.client(), t.casesTable(), id, "META").get("doc").s();
    }

    @Test
    void olderSuspensionsAndNoticesLiveInTheirOwnItemsAndTheCheckerStillFindsTheCaseOverdue(
            LocalDynamo.Tables tables) throws Exception {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        Platform p = tables.seededPlatform(clock);
        String id = p.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, "孙反复"), null)
                .snapshot().id();
        int noticesBefore = p.cases.notices(id).size();
        int cycles = 1000; // the issue's figure: a case survives a thousand suspend/resume cycles
        for (int i = 0; i < cycles; i++) {
            clock.advanceTo(clock.instant().plus(Duration.ofMinutes(1)));
            p.caseService.suspend(WINDOW, id, new CaseCommands.Suspend(Suspension.Kind.SITE_INSPECTION, "勘查" + i), null);
            clock.advanceTo(clock.instant().plus(Duration.ofMinutes(1)));
            p.caseService.resume(WINDOW, id, new CaseCommands.Resume(null), null);
        }
        ServiceCase.Snapshot s = p.caseService.get(WINDOW, id);
        assertEquals(RECENT, s.suspensions().size(), "the case keeps the recent suspensions");
        assertEquals("勘查" + (cycles - 1), s.suspensions().get(RECENT - 1).reason());
        assertEquals(cycles - RECENT, sortKeys(tables, id, "SUSP#").size(), "older ones in items of their own");
        List<Suspension> all = p.cases.suspensions(id);
        assertEquals(cycles, all.size());
        for (int i = 0; i < cycles; i++) assertEquals("勘查" + i, all.get(i).reason(), "in order, none lost");
        assertEquals(noticesBefore + cycles, p.cases.notices(id).size());
        assertTrue(doc(tables, id).length() < 30_000, "case item: " + doc(tables, id).length() + " characters");

        // the checker reads the case as any other: past its (moved) due it goes overdue, once
        clock.advanceTo(s.dueAt().plus(Duration.ofDays(1)));
        DeadlineChecker.Result r = p.deadlineChecker.run();
        assertEquals(1, r.overdue());
        assertEquals(0, r.failures());
        assertNotNull(p.caseService.get(WINDOW, id).overdueAt());
        assertEquals(cycles, p.cases.suspensions(id).size(), "the checker's write lost none");
    }

    @Test
    void aCaseStoredInTheOldShapeReadsAndMovesItsOlderFactsOutOnItsNextWrite(LocalDynamo.Tables tables)
            throws Exception {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        Platform p = tables.seededPlatform(clock);
        String id = p.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, "钱旧式"), null)
                .snapshot().id();
        // the old shape: forty closed suspensions and their notices, all inside the case item (as written before)
        Map<String, AttributeValue> meta = new HashMap<>(rawItem(tables.client(), tables.casesTable(), id, "META"));
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(meta.get("doc").s());
        ArrayNode suspensions = root.putArray("suspensions");
        ArrayNode notices = (ArrayNode) root.get("notices");
        int noticesBefore = notices.size();
        int old = 40;
        for (int i = 0; i < old; i++) {
            Instant at = FRIDAY_10_SHANGHAI.plus(Duration.ofMinutes(2L * i + 1));
            suspensions.add(Json.MAPPER.valueToTree(new Suspension(Suspension.Kind.TESTING, "旧" + i, at,
                    at.plusSeconds(60))));
            notices.add(Json.MAPPER.valueToTree(new Notice(NoticeType.SUSPENSION, List.of(), "暂停告知" + i, at)));
        }
        meta.put("doc", AttributeValue.fromS(Json.MAPPER.writeValueAsString(root)));
        tables.client().putItem(b -> b.tableName(tables.casesTable()).item(meta));

        assertEquals(old, p.caseService.get(WINDOW, id).suspensions().size(), "the old shape still reads");
        assertEquals(old, p.cases.suspensions(id).size());

        clock.advanceTo(FRIDAY_10_SHANGHAI.plus(Duration.ofHours(3)));
        p.caseService.suspend(WINDOW, id, new CaseCommands.Suspend(Suspension.Kind.HEARING, "听证"), null);
        assertEquals(CaseStatus.SUSPENDED, p.caseService.get(WINDOW, id).status());
        assertEquals(RECENT, p.caseService.get(WINDOW, id).suspensions().size(), "moved out on the next write");
        assertEquals(old + 1 - RECENT, sortKeys(tables, id, "SUSP#").size());
        List<Suspension> all = p.cases.suspensions(id);
        assertEquals(old + 1, all.size());
        assertEquals("旧0", all.get(0).reason());
        assertEquals("听证", all.get(old).reason());
        assertEquals(noticesBefore + old + 1, p.cases.notices(id).size(), "no notice lost");

        clock.advanceTo(FRIDAY_10_SHANGHAI.plus(Duration.ofHours(4)));
        p.caseService.resume(WINDOW, id, new CaseCommands.Resume(null), null);
        assertEquals(old + 1, p.cases.suspensions(id).size());
        assertTrue(p.cases.suspensions(id).get(old).resumedAt() != null, "the open one closed in the case item");
    }
}
