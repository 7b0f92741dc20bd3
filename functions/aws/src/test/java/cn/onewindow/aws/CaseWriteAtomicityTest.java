package cn.onewindow.aws;

import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.ports.CaseWrite;
import cn.onewindow.core.ports.DeadlineTimer;
import cn.onewindow.core.ports.IdempotencyClaim;
import cn.onewindow.core.ports.IdempotencyClaimTaken;
import cn.onewindow.core.cases.usecase.CaseCommands;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static cn.onewindow.aws.Fixtures.FRIDAY_10_SHANGHAI;
import static cn.onewindow.aws.Fixtures.WINDOW;
import static cn.onewindow.aws.Fixtures.complete;
import static cn.onewindow.aws.Fixtures.dueIndex;
import static cn.onewindow.aws.Fixtures.rawItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A {@link CaseWrite} is all or nothing: a refused one leaves case, history and timers exactly as they were. */
@ExtendWith(LocalDynamo.class)
class CaseWriteAtomicityTest {
    private static final Instant LATER = FRIDAY_10_SHANGHAI.plusSeconds(3600);

    private static Platform platform;
    private static DynamoDbClient db;
    private static String table;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        platform = tables.seededPlatform(Fixtures.fixed(FRIDAY_10_SHANGHAI));
        db = tables.client();
        table = tables.casesTable();
    }

    /** Everything stored for a case: the case, its history, its raw timer items and its due-index entries. */
    private record Stored(ServiceCase.Snapshot snapshot, List<HistoryEntry> history, Map<String, AttributeValue> due,
                          Map<String, AttributeValue> warning, List<Map<String, AttributeValue>> indexed) {
    }

    private static Stored stored(String id) {
        ServiceCase.Snapshot s = platform.cases.find(id).orElseThrow();
        return new Stored(s, platform.cases.history(id), rawItem(db, table, id, "TIMER#DUE"),
                rawItem(db, table, id, "TIMER#WARNING"), s.dueAt() == null ? List.of() : dueIndex(db, table, s.dueAt(), id));
    }

    private static ServiceCase.Snapshot acceptedCase(String name) {
        ServiceCase.Snapshot s = platform.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, name),
                null).snapshot();
        assertEquals(CaseStatus.ACCEPTED, s.status());
        return s;
    }

    /** The case withdrawn: a new status, one new history line, no timers any more. */
    private static ServiceCase withdrawn(ServiceCase.Snapshot s) {
        ServiceCase c = ServiceCase.restore(s);
        c.withdraw("申请人撤回", LATER, WINDOW.asActor());
        return c;
    }

    private static void assertConcurrentUpdate(CaseWrite w) {
        DomainException e = assertThrows(DomainException.class, () -> platform.cases.save(w));
        assertEquals("CONCURRENT_UPDATE", e.code());
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
    }

    @Test
    void aHistoryLineCollidingWithAnExistingOneWritesNothing() {
        ServiceCase.Snapshot s = acceptedCase("甲");
        Stored before = stored(s.id());
        assertTrue(!before.due().isEmpty() && !before.warning().isEmpty() && before.indexed().size() == 1);

        ServiceCase c = withdrawn(s);
        HistoryEntry line = c.pendingHistory().get(0);
        HistoryEntry colliding = new HistoryEntry(2, line.event(), line.from(), line.to(), line.at(), line.actor(),
                line.reason());
        assertConcurrentUpdate(new CaseWrite(c.snapshot(), false, s.version(), List.of(colliding), List.of(), null));

        assertEquals(before, stored(s.id()), "case, history and timers unchanged");
        assertEquals(CaseStatus.ACCEPTED, platform.cases.find(s.id()).orElseThrow().status());
        assertEquals("ACCEPTED", platform.cases.history(s.id()).get(1).event(), "line 2 not overwritten");
    }

    @Test
    void aStaleVersionWritesNothing() {
        ServiceCase.Snapshot v1 = acceptedCase("乙");
        // someone else changes the case first
        platform.caseService.supplement(WINDOW, v1.id(), new CaseCommands.Supplement(List.of(
                new SubmittedMaterial("M02", 2))), null);
        Stored before = stored(v1.id());
        assertEquals(2, before.snapshot().version());

        // a writer still holding version 1; its history line (seq 4) would not collide, only the version is stale
        ServiceCase c = withdrawn(v1);
        HistoryEntry line = c.pendingHistory().get(0);
        HistoryEntry next = new HistoryEntry(4, line.event(), line.from(), line.to(), line.at(), line.actor(),
                line.reason());
        assertConcurrentUpdate(new CaseWrite(c.snapshot(), false, v1.version(), List.of(next), List.of(), null));
        assertEquals(before, stored(v1.id()));
        assertEquals(3, platform.cases.history(v1.id()).size(), "no fourth line");
    }

    @Test
    void creatingACaseThatExistsWritesNothing() {
        ServiceCase.Snapshot s = acceptedCase("丙");
        Stored before = stored(s.id());
        assertConcurrentUpdate(new CaseWrite(withdrawn(s).snapshot(), true, 0, List.of(), List.of(), null));
        assertEquals(before, stored(s.id()));
    }

    @Test
    void aTakenIdempotencyKeyWritesNothing() {
        ServiceCase.Snapshot first = acceptedCase("丁");
        IdempotencyClaim claim = new IdempotencyClaim("window-001#withdraw#" + first.id() + "#k1", "hash-1");
        ServiceCase c1 = withdrawn(first);
        platform.cases.save(new CaseWrite(c1.snapshot(), false, first.version(), c1.pendingHistory(), List.of(), claim));
        assertEquals(CaseStatus.WITHDRAWN, platform.cases.find(first.id()).orElseThrow().status());

        ServiceCase.Snapshot second = acceptedCase("戊");
        Stored before = stored(second.id());
        ServiceCase c2 = withdrawn(second);
        assertThrows(IdempotencyClaimTaken.class, () -> platform.cases.save(new CaseWrite(c2.snapshot(), false,
                second.version(), c2.pendingHistory(), List.of(), claim)));
        assertEquals(before, stored(second.id()));
    }

    @Test
    void aSuccessfulWriteStoresEverythingTogether() {
        ServiceCase.Snapshot s = acceptedCase("己");
        ServiceCase c = withdrawn(s);
        ServiceCase.Snapshot saved = platform.cases.save(new CaseWrite(c.snapshot(), false, s.version(),
                c.pendingHistory(), List.of(), null));
        assertEquals(s.version() + 1, saved.version());
        Stored after = stored(s.id());
        assertEquals(saved, after.snapshot());
        assertEquals(CaseStatus.WITHDRAWN, after.snapshot().status());
        assertEquals(List.of("SUBMITTED", "ACCEPTED", "WITHDRAWN"),
                after.history().stream().map(HistoryEntry::event).toList());
        assertTrue(after.due().isEmpty() && after.warning().isEmpty(), "timers removed with the withdrawal");
        assertEquals(List.of(), dueIndex(db, table, s.dueAt(), s.id()));
    }

    @Test
    void timersGivenReplaceTheOldOnes() {
        ServiceCase.Snapshot s = acceptedCase("庚");
        Instant moved = Instant.parse("2025-05-20T10:00:00Z");
        ServiceCase c = ServiceCase.restore(s);
        c.recomputeDue(moved, false, LATER, WINDOW.asActor());
        platform.cases.save(new CaseWrite(c.snapshot(), false, s.version(), c.pendingHistory(),
                List.of(new DeadlineTimer(s.id(), DeadlineTimer.Kind.DUE, moved)), null));
        assertEquals(moved.toString(), rawItem(db, table, s.id(), "TIMER#DUE").get("at").s());
        assertTrue(rawItem(db, table, s.id(), "TIMER#WARNING").isEmpty(), "a timer not given any more is deleted");
        assertEquals(List.of(), dueIndex(db, table, s.dueAt(), s.id()));
        assertEquals(1, dueIndex(db, table, moved, s.id()).size());
    }
}
