package cn.onewindow.memory.contract;

import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskStatus;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.deadline.Accountability;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.ports.CaseQuery;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.CaseWrite;
import cn.onewindow.core.ports.DeadlineTimer;
import cn.onewindow.core.ports.IdempotencyClaim;
import cn.onewindow.core.ports.IdempotencyClaimTaken;
import cn.onewindow.core.ports.IdempotencyStore;
import cn.onewindow.core.ports.Page;
import cn.onewindow.core.ports.TaskQuery;
import cn.onewindow.core.ports.TaskWrite;
import cn.onewindow.core.ports.TimerIndex;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static cn.onewindow.memory.contract.ContractFixtures.ACTOR;
import static cn.onewindow.memory.contract.ContractFixtures.T0;
import static cn.onewindow.memory.contract.ContractFixtures.create;
import static cn.onewindow.memory.contract.ContractFixtures.submitted;
import static cn.onewindow.memory.contract.ContractFixtures.task;
import static cn.onewindow.memory.contract.ContractFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link CaseRepository} guarantees (with the {@link TimerIndex} and the case-write side of the
 * {@link IdempotencyStore} it comes with): atomic writes guarded by versions, history lines written once, timers
 * that are exactly the open deadlines, idempotency records written with their change, listings paged newest first
 * with cursors bound to their listing, the department inbox, the outboxes. Every test uses ids of its own, so one
 * store may serve the whole class.
 */
public abstract class CaseRepositoryContract {

    /** The store under test (one object implementing all three ports, as both adapters do). */
    protected abstract CaseRepository cases();

    protected abstract IdempotencyStore idempotency();

    protected abstract TimerIndex timers();

    private static void assertConcurrentUpdate(Runnable write) {
        DomainException e = assertThrows(DomainException.class, write::run);
        assertEquals("CONCURRENT_UPDATE", e.code());
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
    }

    private ServiceCase.Snapshot stored(String center, String point, Instant at) {
        return cases().save(create(submitted(unique("C"), center, point, at)));
    }

    private static ServiceCase withdrawn(ServiceCase.Snapshot s, Instant at) {
        ServiceCase c = ServiceCase.restore(s);
        c.withdraw("申请人撤回", at, ACTOR);
        return c;
    }

    @Test
    void aNewCaseReadsBackAsStoredWithVersionOneAndItsHistory() {
        ServiceCase c = submitted(unique("C"), unique("CTR"), unique("SP"), T0);
        ServiceCase.Snapshot s = cases().save(create(c));

        assertEquals(1, s.version());
        assertEquals(Optional.of(s), cases().find(s.id()));
        assertEquals(c.pendingHistory(), cases().history(s.id()));
        assertEquals(Optional.empty(), cases().find(unique("C")));
        assertEquals(List.of(), cases().history(unique("C")));
    }

    @Test
    void creatingACaseThatExistsIsAConcurrentUpdate() {
        ServiceCase c = submitted(unique("C"), unique("CTR"), unique("SP"), T0);
        ServiceCase.Snapshot s = cases().save(create(c));

        assertConcurrentUpdate(() -> cases().save(create(c)));
        assertEquals(Optional.of(s), cases().find(s.id()));
    }

    @Test
    void aChangeOnTheVersionReadGetsTheNextVersionAndAStaleOneWritesNothing() {
        ServiceCase.Snapshot v1 = stored(unique("CTR"), unique("SP"), T0);
        ServiceCase first = withdrawn(v1, T0.plusSeconds(60));
        ServiceCase.Snapshot v2 = cases().save(new CaseWrite(first.snapshot(), false, 1, first.pendingHistory(),
                List.of(), null));
        assertEquals(2, v2.version());
        assertEquals(CaseStatus.WITHDRAWN, cases().find(v1.id()).orElseThrow().status());

        // a second writer that read version 1 as well
        ServiceCase stale = withdrawn(v1, T0.plusSeconds(120));
        List<HistoryEntry> before = cases().history(v1.id());
        assertConcurrentUpdate(() -> cases().save(new CaseWrite(stale.snapshot(), false, 1, List.of(), List.of(),
                null)));
        assertEquals(Optional.of(v2), cases().find(v1.id()));
        assertEquals(before, cases().history(v1.id()));
        assertEquals(2, before.size());
    }

    @Test
    void aHistoryLineCollidingWithAnExistingOneWritesNothing() {
        ServiceCase.Snapshot s = stored(unique("CTR"), unique("SP"), T0);
        ServiceCase c = withdrawn(s, T0.plusSeconds(60));
        HistoryEntry line = c.pendingHistory().get(0);
        HistoryEntry colliding = new HistoryEntry(1, line.event(), line.from(), line.to(), line.at(), line.actor(),
                line.reason());

        assertConcurrentUpdate(() -> cases().save(new CaseWrite(c.snapshot(), false, 1, List.of(colliding),
                List.of(), null)));
        assertEquals(Optional.of(s), cases().find(s.id()));
        assertEquals(1, cases().history(s.id()).size());
        assertEquals(CaseStatus.SUBMITTED, cases().history(s.id()).get(0).to());
    }

    @Test
    void timersAreFoundInTheirWindowAndAChangeWithoutThemRemovesThem() {
        ServiceCase c = submitted(unique("C"), unique("CTR"), unique("SP"), T0);
        String id = c.snapshot().id();
        Instant warning = T0.plus(Duration.ofHours(1));
        Instant due = T0.plus(Duration.ofHours(3));
        ServiceCase.Snapshot s = cases().save(new CaseWrite(c.snapshot(), true, 0, c.pendingHistory(),
                List.of(new DeadlineTimer(id, DeadlineTimer.Kind.WARNING, warning),
                        new DeadlineTimer(id, DeadlineTimer.Kind.DUE, due)), null));

        assertEquals(List.of(new DeadlineTimer(id, DeadlineTimer.Kind.WARNING, warning)), timersOf(id, T0, warning),
                "both ends of the window are included");
        assertEquals(List.of(DeadlineTimer.Kind.WARNING, DeadlineTimer.Kind.DUE),
                timersOf(id, warning, due).stream().map(DeadlineTimer::kind).toList(), "in time order");
        assertEquals(List.of(), timersOf(id, due.plusSeconds(1), due.plus(Duration.ofHours(1))));

        // the due time moves: the timer moves with it (to another hour bucket), the warning is dropped
        Instant later = due.plus(Duration.ofHours(2));
        ServiceCase.Snapshot v2 = cases().save(new CaseWrite(s, false, 1, List.of(),
                List.of(new DeadlineTimer(id, DeadlineTimer.Kind.DUE, later)), null));
        assertEquals(List.of(new DeadlineTimer(id, DeadlineTimer.Kind.DUE, later)), timersOf(id, T0, later));

        ServiceCase closed = withdrawn(v2, T0.plusSeconds(60));
        cases().save(new CaseWrite(closed.snapshot(), false, 2, closed.pendingHistory(), List.of(), null));
        assertEquals(List.of(), timersOf(id, T0, later.plus(Duration.ofHours(1))), "a closed case has no timers");
    }

    private List<DeadlineTimer> timersOf(String caseId, Instant from, Instant to) {
        return timers().dueBetween(from, to).stream().filter(t -> caseId.equals(t.caseId())).toList();
    }

    @Test
    void theCheckpointOnlyMovesForward() {
        String checker = unique("checker");
        assertEquals(Optional.empty(), timers().checkpoint(checker));
        assertTrue(timers().advanceCheckpoint(checker, T0));
        assertTrue(timers().advanceCheckpoint(checker, T0.plusSeconds(60)));
        assertTrue(timers().advanceCheckpoint(checker, T0.plusSeconds(60)), "the same instant again is fine");
        assertEquals(false, timers().advanceCheckpoint(checker, T0));
        assertEquals(Optional.of(T0.plusSeconds(60)), timers().checkpoint(checker));
    }

    @Test
    void anIdempotencyClaimIsRecordedWithItsChangeAndASecondUseOfTheKeyWritesNothing() {
        String key = unique("caller#intake#key");
        ServiceCase c = submitted(unique("C"), unique("CTR"), unique("SP"), T0);
        ServiceCase.Snapshot s = cases().save(new CaseWrite(c.snapshot(), true, 0, c.pendingHistory(), List.of(),
                new IdempotencyClaim(key, "hash-1")));

        var record = idempotency().findRecord(key).orElseThrow();
        assertEquals(s.id(), record.caseId());
        assertEquals("hash-1", record.requestHash());
        assertEquals(s, record.result());

        ServiceCase other = submitted(unique("C"), unique("CTR"), unique("SP"), T0);
        assertThrows(IdempotencyClaimTaken.class, () -> cases().save(new CaseWrite(other.snapshot(), true, 0,
                other.pendingHistory(), List.of(), new IdempotencyClaim(key, "hash-1"))));
        assertEquals(Optional.empty(), cases().find(other.snapshot().id()), "the change was not written");
        assertEquals(Optional.empty(), idempotency().findRecord(unique("caller#intake#key")));
    }

    @Test
    void twentyFiveCasesOfACenterComeNewestFirstInPagesOfTenTenAndFive() {
        String center = unique("CTR");
        String point = unique("SP");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) ids.add(stored(center, point, T0.plusSeconds(i)).id());
        stored(unique("CTR"), unique("SP"), T0); // another center's case is never listed

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            Page<ServiceCase.Snapshot> p = cases().list(new CaseQuery(center, null, null, null, null, null, 10,
                    cursor));
            sizes.add(p.items().size());
            p.items().forEach(s -> seen.add(s.id()));
            cursor = p.nextCursor();
        } while (cursor != null);

        assertEquals(List.of(10, 10, 5), sizes);
        assertEquals(newestFirst(ids), seen);
        assertEquals(25, cases().list(new CaseQuery(null, point, null, null, null, null, 100, null)).items().size());
    }

    @Test
    void aFilteredListingFindsEveryMatchAcrossPages() {
        String center = unique("CTR");
        List<String> withdrawn = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ServiceCase.Snapshot s = stored(center, unique("SP"), T0.plusSeconds(i));
            if (i % 3 == 0) {
                ServiceCase c = withdrawn(s, T0.plusSeconds(100 + i));
                cases().save(new CaseWrite(c.snapshot(), false, 1, c.pendingHistory(), List.of(), null));
                withdrawn.add(s.id());
            }
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<ServiceCase.Snapshot> p = cases().list(new CaseQuery(center, null, CaseStatus.WITHDRAWN, null, null,
                    null, 3, cursor));
            p.items().forEach(s -> seen.add(s.id()));
            cursor = p.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(newestFirst(withdrawn), seen);
    }

    @Test
    void aCursorOfOneListingIsRefusedByAnotherAndGarbageIsAValidationError() {
        String center = unique("CTR");
        for (int i = 0; i < 3; i++) stored(center, unique("SP"), T0.plusSeconds(i));
        String cursor = cases().list(new CaseQuery(center, null, null, null, null, null, 2, null)).nextCursor();
        assertTrue(cursor != null);

        assertInvalidCursor(() -> cases().list(new CaseQuery(unique("CTR"), null, null, null, null, null, 2,
                cursor)));
        assertInvalidCursor(() -> cases().tasks(new TaskQuery("zrzy", TaskStatus.PENDING, 2, cursor)));
        assertInvalidCursor(() -> cases().list(new CaseQuery(center, null, null, null, null, null, 2,
                "not-a-cursor!")));
    }

    private static List<String> newestFirst(List<String> oldestFirst) {
        List<String> out = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    private static void assertInvalidCursor(Runnable r) {
        DomainException e = assertThrows(DomainException.class, r::run);
        assertEquals(DomainException.Kind.VALIDATION, e.kind());
        assertEquals("INVALID_CURSOR", e.fieldErrors().get(0).code());
    }

    /** A case accepted with the given due time, then warned ({@code warned}) and found overdue ({@code overdue}). */
    private ServiceCase.Snapshot accepted(String center, Instant dueAt, boolean provisional, boolean warned,
                                          boolean overdue) {
        ServiceCase c = submitted(unique("C"), center, unique("SP"), T0);
        c.accept(dueAt, provisional, List.of(), null, T0.plusSeconds(1), ACTOR);
        if (warned) c.warn(dueAt, T0.plusSeconds(2), ACTOR);
        if (overdue) c.markOverdue(60, T0.plusSeconds(3), ACTOR);
        return cases().save(create(c));
    }

    @Test
    void openCasesAreListedByTheirDueStateAndDueTime() {
        String center = unique("CTR");
        ServiceCase.Snapshot running = accepted(center, T0.plus(Duration.ofDays(10)), false, false, false);
        ServiceCase.Snapshot warned = accepted(center, T0.plus(Duration.ofDays(5)), false, true, false);
        ServiceCase.Snapshot overdue = accepted(center, T0.plus(Duration.ofDays(4)), false, true, true);
        stored(center, unique("SP"), T0); // submitted only: no due time

        assertEquals(List.of(warned.id()), ids(new CaseQuery(center, null, null, null, null, null,
                CaseQuery.DueState.WARNING, 10, null)));
        assertEquals(List.of(overdue.id()), ids(new CaseQuery(center, null, null, null, null, null,
                CaseQuery.DueState.OVERDUE, 10, null)));
        assertEquals(java.util.Set.of(warned.id(), overdue.id()), java.util.Set.copyOf(ids(new CaseQuery(center,
                null, null, null, null, T0.plus(Duration.ofDays(6)), 10, null))), "due before, and only with a due");
        assertEquals(4, ids(new CaseQuery(center, null, null, null, null, null, 10, null)).size());
        assertTrue(ids(new CaseQuery(center, null, null, null, null, null, 10, null)).contains(running.id()));

        // a decision takes the case out of the red and yellow cards
        ServiceCase closed = ServiceCase.restore(overdue);
        closed.withdraw("申请人撤回", T0.plusSeconds(10), ACTOR);
        cases().save(new CaseWrite(closed.snapshot(), false, 1, closed.pendingHistory(), List.of(), null));
        assertEquals(List.of(), ids(new CaseQuery(center, null, null, null, null, null,
                CaseQuery.DueState.OVERDUE, 10, null)));
    }

    private List<String> ids(CaseQuery q) {
        return cases().list(q).items().stream().map(ServiceCase.Snapshot::id).toList();
    }

    @Test
    void aCaseWithAProvisionalDueWaitsForTheCalendarOfItsYearUntilCleared() {
        Instant due = Instant.parse("2031-02-10T10:00:00Z");
        ServiceCase.Snapshot provisional = accepted(unique("CTR"), due, true, false, false);
        ServiceCase.Snapshot firm = accepted(unique("CTR"), due, false, false, false);
        assertTrue(cases().provisionalCases(2031).contains(provisional.id()));
        assertTrue(!cases().provisionalCases(2031).contains(firm.id()));
        assertTrue(!cases().provisionalCases(2030).contains(provisional.id()));
        cases().clearProvisional(2031, provisional.id());
        assertTrue(!cases().provisionalCases(2031).contains(provisional.id()));
    }

    @Test
    void submittedBetweenTakesTheStartAndLeavesTheEnd() {
        String center = unique("CTR");
        for (int i = 0; i < 4; i++) stored(center, unique("SP"), T0.plus(Duration.ofHours(i)));
        List<ServiceCase.Snapshot> in = cases().submittedBetween(center, T0.plus(Duration.ofHours(1)),
                T0.plus(Duration.ofHours(3)));
        assertEquals(List.of(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2))),
                in.stream().map(ServiceCase.Snapshot::submittedAt).sorted().toList());
    }

    // ---- tasks ----------------------------------------------------------------------------------------------------

    @Test
    void tasksAreWrittenWithTheirCaseGuardedByTheirOwnVersion() {
        ServiceCase c = submitted(unique("C"), unique("CTR"), unique("SP"), T0);
        String id = c.snapshot().id();
        DepartmentTask a = task(id, "zrzy", TaskStatus.CREATED, T0, T0.plus(Duration.ofDays(3)));
        DepartmentTask b = task(id, "fgw", TaskStatus.CREATED, T0, T0.plus(Duration.ofDays(3)));
        ServiceCase.Snapshot s = cases().save(new CaseWrite(c.snapshot(), true, 0, c.pendingHistory(), List.of(),
                null, List.of(new TaskWrite(a, true, 0), new TaskWrite(b, true, 0))));

        assertEquals(List.of("fgw", "zrzy"), cases().tasksOf(id).stream().map(DepartmentTask::departmentCode).toList());
        DepartmentTask stored = cases().findTask(a.taskId()).orElseThrow();
        assertEquals(1, stored.version());
        assertEquals(Optional.empty(), cases().findTask(DepartmentTask.idFor(id, "nobody")));
        assertEquals(Optional.empty(), cases().findTask("not a task id"));

        DepartmentTask delivered = stored.deliver(T0.plusSeconds(5));
        cases().save(new CaseWrite(s, false, 1, List.of(), List.of(), null, List.of(new TaskWrite(delivered, false,
                1))));
        assertEquals(TaskStatus.PENDING, cases().findTask(a.taskId()).orElseThrow().status());
        assertEquals(2, cases().findTask(a.taskId()).orElseThrow().version());

        // a second delivery that read version 1 of the task: nothing of its change is written, not even the case
        ServiceCase.Snapshot v2 = cases().find(id).orElseThrow();
        assertConcurrentUpdate(() -> cases().save(new CaseWrite(v2, false, 2, List.of(), List.of(), null,
                List.of(new TaskWrite(delivered, false, 1)))));
        assertEquals(2, cases().find(id).orElseThrow().version());
        // and a task that exists cannot be created again
        assertConcurrentUpdate(() -> cases().save(new CaseWrite(v2, false, 2, List.of(), List.of(), null,
                List.of(new TaskWrite(b, true, 0)))));
    }

    @Test
    void aDepartmentsInboxListsItsTasksOfOneStatusDueFirstInPages() {
        String dept = unique("dept").replace("-", "");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ServiceCase c = submitted(unique("C"), unique("CTR"), unique("SP"), T0);
            DepartmentTask t = task(c.snapshot().id(), dept, TaskStatus.PENDING, T0,
                    T0.plus(Duration.ofDays(5 - i)));
            expected.add(0, t.taskId());
            cases().save(new CaseWrite(c.snapshot(), true, 0, c.pendingHistory(), List.of(), null,
                    List.of(new TaskWrite(t, true, 0))));
        }
        Page<DepartmentTask> first = cases().tasks(new TaskQuery(dept, TaskStatus.PENDING, 2, null));
        Page<DepartmentTask> second = cases().tasks(new TaskQuery(dept, TaskStatus.PENDING, 2, first.nextCursor()));
        assertEquals(expected.subList(0, 2), first.items().stream().map(DepartmentTask::taskId).toList());
        assertEquals(expected.subList(2, 3), second.items().stream().map(DepartmentTask::taskId).toList());
        assertNull(second.nextCursor());
        assertEquals(List.of(), cases().tasks(new TaskQuery(dept, TaskStatus.APPROVED, 10, null)).items());
    }

    @Test
    void anUndeliveredTaskWaitsInTheDispatchOutboxUntilItIsDeadLettered() {
        Instant created = T0.plus(Duration.ofDays(400)).plusNanos(Math.abs(unique("n").hashCode()));
        ServiceCase c = submitted(unique("C"), unique("CTR"), unique("SP"), created);
        DepartmentTask t = task(c.snapshot().id(), "zrzy", TaskStatus.CREATED, created, created.plus(Duration.ofDays(3)));
        cases().save(new CaseWrite(c.snapshot(), true, 0, c.pendingHistory(), List.of(), null,
                List.of(new TaskWrite(t, true, 0))));

        assertTrue(undispatched(t, created, created.plusSeconds(1)), "created before `before`");
        assertTrue(!undispatched(t, created, created), "`before` is exclusive");
        assertTrue(!undispatched(t, created.plusNanos(1), created.plusSeconds(1)), "`since` is inclusive");

        assertEquals(1, cases().dispatchResent(t, 2, created.plusSeconds(60)));
        assertTrue(undispatched(t, created, created.plusSeconds(1)));
        assertEquals(2, cases().dispatchResent(t, 2, created.plusSeconds(120)));
        assertTrue(!undispatched(t, created, created.plusSeconds(1)), "dead-lettered at its maximum");
    }

    private boolean undispatched(DepartmentTask t, Instant since, Instant before) {
        return cases().undispatched(since, before, 1000).stream().anyMatch(u -> u.taskId().equals(t.taskId()));
    }

    @Test
    void aDeliveredTaskIsNotResent() {
        ServiceCase c = submitted(unique("C"), unique("CTR"), unique("SP"), T0);
        DepartmentTask t = task(c.snapshot().id(), "zrzy", TaskStatus.CREATED, T0, T0.plus(Duration.ofDays(3)));
        ServiceCase.Snapshot s = cases().save(new CaseWrite(c.snapshot(), true, 0, c.pendingHistory(), List.of(),
                null, List.of(new TaskWrite(t, true, 0))));
        cases().save(new CaseWrite(s, false, 1, List.of(), List.of(), null,
                List.of(new TaskWrite(t.deliver(T0.plusSeconds(1)), false, 1))));
        assertEquals(0, cases().dispatchResent(t, 5, T0.plusSeconds(60)));
        assertTrue(!undispatched(t, T0, T0.plusSeconds(1)));
    }

    // ---- outbox and accountability -------------------------------------------------------------------------------

    @Test
    void aNotificationWaitsInTheOutboxWithoutItsPhoneUntilSentOrDeadLettered() {
        Instant at = T0.plus(Duration.ofDays(500)).plusNanos(Math.abs(unique("n").hashCode()));
        ServiceCase c = submitted(unique("C"), unique("CTR"), unique("SP"), at);
        String id = c.snapshot().id();
        Notification sent = new Notification(unique("N"), id, Notification.Kind.RESULT_READY,
                Notification.Recipient.APPLICANT, null, "13812345678", "您的办件已办结", at);
        Notification refused = new Notification(unique("N"), id, Notification.Kind.SUSPENDED,
                Notification.Recipient.APPLICANT, null, "13812345678", "您的办件已中止", at.plusSeconds(1));
        cases().save(new CaseWrite(c.snapshot(), true, 0, c.pendingHistory(), List.of(), null, List.of(), List.of(),
                List.of(sent, refused)));

        List<Notification> unsent = unsentOf(id, at, at.plusSeconds(1));
        assertEquals(List.of(sent.withPhone(null), refused.withPhone(null)), unsent, "oldest first, no phone");
        assertEquals(List.of(sent.withPhone(null)), unsentOf(id, at, at), "`before` is inclusive");

        cases().markSent(sent, at.plusSeconds(5));
        assertEquals(1, cases().notificationRefused(refused, 2, at.plusSeconds(6)));
        assertEquals(List.of(refused.withPhone(null)), unsentOf(id, at, at.plusSeconds(60)));
        assertEquals(2, cases().notificationRefused(refused, 2, at.plusSeconds(7)));
        assertEquals(List.of(), unsentOf(id, at, at.plusSeconds(60)), "sent, and dead-lettered at its maximum");
        assertThrows(RuntimeException.class, () -> cases().notificationRefused(sent, 2, at.plusSeconds(8)),
                "a sent notification is not in the outbox any more");
    }

    private List<Notification> unsentOf(String caseId, Instant since, Instant before) {
        return cases().unsentNotifications(since, before, 1000).stream().filter(n -> caseId.equals(n.caseId()))
                .toList();
    }

    @Test
    void anAccountabilityRecordIsWrittenOncePerSubjectAndListedLatestFirst() {
        String center = unique("CTR");
        ServiceCase c = submitted(unique("C"), center, unique("SP"), T0);
        String id = c.snapshot().id();
        Accountability due = new Accountability(id, "CASE", null, center, "window-001", T0.plusSeconds(10),
                T0.plusSeconds(20), 30);
        Accountability task = new Accountability(id, "TASK#zrzy", "zrzy", center, null, T0.plusSeconds(10),
                T0.plusSeconds(40), 50);
        ServiceCase.Snapshot s = cases().save(new CaseWrite(c.snapshot(), true, 0, c.pendingHistory(), List.of(),
                null, List.of(), List.of(due)));
        ServiceCase.Snapshot v2 = cases().save(new CaseWrite(s, false, 1, List.of(), List.of(), null, List.of(),
                List.of(task)));

        assertConcurrentUpdate(() -> cases().save(new CaseWrite(v2, false, 2, List.of(), List.of(), null, List.of(),
                List.of(due))));
        assertEquals(2, cases().find(id).orElseThrow().version(), "the change with the repeated record failed whole");

        Page<Accountability> first = cases().accountability(center, 1, null);
        assertEquals(List.of(task), first.items());
        Page<Accountability> second = cases().accountability(center, 1, first.nextCursor());
        assertEquals(List.of(due), second.items());
        assertEquals(List.of(), cases().accountability(unique("CTR"), 10, null).items());
    }
}
