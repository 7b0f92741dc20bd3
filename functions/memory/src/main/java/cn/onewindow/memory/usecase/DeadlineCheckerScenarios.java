package cn.onewindow.memory.usecase;


import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.deadline.Accountability;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.Suspension;
import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.ports.CaseWrite;
import cn.onewindow.core.cases.usecase.CaseCommands;
import cn.onewindow.core.service.DeadlineChecker;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.onewindow.memory.usecase.Fixtures.FRIDAY_10_SHANGHAI;
import static cn.onewindow.memory.usecase.Fixtures.WINDOW;
import static cn.onewindow.memory.usecase.Fixtures.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deadline checker against dynoxide on real 2025 calendar dates: one warning at the warning point, one
 * accountability record when overdue, whatever the runs do (repeat, overlap, crash half-way).
 */
public abstract class DeadlineCheckerScenarios extends OnPlatform {
    /** 建设用地审批, 12 working days from Friday 2025-04-25: due Thursday 2025-05-15 18:00 Shanghai. */
    static final Instant DUE = Instant.parse("2025-05-15T10:00:00Z");
    /** One working day before: Wednesday 2025-05-14 18:00. */
    static final Instant WARNING = Instant.parse("2025-05-14T10:00:00Z");

    /** The case's own accountability record (subject CASE), as its center lists them. */
    private static java.util.Optional<Accountability> accountability(Services p, String caseId) {
        return p.cases.accountability(DemoData.COUNTY_CENTER, 100, null).items().stream()
                .filter(a -> a.caseId().equals(caseId) && a.subject().equals("CASE")).findFirst();
    }

    private static long count(List<HistoryEntry> h, String event) {
        return h.stream().filter(e -> e.event().equals(event)).count();
    }

    @Test
    void warnsOnceAtTheWarningPointAndRecordsOneAccountabilityWhenOverdue() {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        Services p = seeded(clock);
        String id = p.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, "王建国"), null)
                .snapshot().id();
        assertEquals(DUE, p.caseService.get(WINDOW, id).dueAt());

        assertEquals(0, p.deadlineChecker.run().warnings(), "nothing is due on the day of acceptance");
        clock.advanceTo(WARNING.minusSeconds(600));
        assertEquals(0, p.deadlineChecker.run().warnings(), "10 minutes before the warning point");

        clock.advanceTo(WARNING.plusSeconds(60));
        DeadlineChecker.Result r = p.deadlineChecker.run();
        assertEquals(1, r.warnings());
        assertEquals(0, r.overdue());
        assertEquals(0, p.deadlineChecker.run().warnings(), "a second run warns no more");
        assertNotNull(p.caseService.get(WINDOW, id).warnedAt());
        assertNull(p.caseService.get(WINDOW, id).overdueAt());

        // Friday 2025-05-16 10:00 Shanghai: due Thursday 18:00, one working hour late (09:00–10:00)
        clock.advanceTo(Instant.parse("2025-05-16T02:00:00Z"));
        r = p.deadlineChecker.run();
        assertEquals(1, r.overdue());
        assertEquals(0, p.deadlineChecker.run().overdue(), "a second run finds no new overdue case");
        ServiceCase.Snapshot s = p.caseService.get(WINDOW, id);
        assertNotNull(s.overdueAt());
        assertEquals(60L, s.overdueWorkingMinutes());
        List<HistoryEntry> h = p.caseService.history(WINDOW, id);
        assertEquals(1, count(h, "WARNING"));
        assertEquals(1, count(h, "OVERDUE"));
        Accountability record = accountability(p, id).orElseThrow(() -> new AssertionError("no accountability"));
        assertEquals(60L, record.workingMinutesLate());
        assertEquals(WINDOW.id(), record.staffId());
        assertTrue(p.timers.dueBetween(DUE.minusSeconds(3600), DUE.plusSeconds(3600)).stream()
                .noneMatch(t -> t.caseId().equals(id)), "due timer gone");
    }

    @Test
    void suspensionAcrossTheMayHolidayMovesTheDeadlineAndTheWarning() {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        Services p = seeded(clock);
        String id = p.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, "李秀英"), null)
                .snapshot().id();
        // suspended Wed 2025-04-30 10:00, resumed Tue 2025-05-06 10:00: 420 working minutes pass (120+240+60)
        clock.advanceTo(Instant.parse("2025-04-30T02:00:00Z"));
        p.caseService.suspend(WINDOW, id, new CaseCommands.Suspend(Suspension.Kind.SITE_INSPECTION, "现场勘查"), null);
        clock.advanceTo(Instant.parse("2025-05-06T02:00:00Z"));
        p.caseService.resume(WINDOW, id, new CaseCommands.Resume(null), null);
        assertEquals(Instant.parse("2025-05-16T10:00:00Z"), p.caseService.get(WINDOW, id).dueAt(),
                "due Friday 2025-05-16 18:00 instead of Thursday");

        clock.advanceTo(Instant.parse("2025-05-15T10:30:00Z")); // Thursday 18:30: the old due time has passed
        DeadlineChecker.Result r = p.deadlineChecker.run();
        assertEquals(0, r.overdue(), "not overdue at the old due time");
        assertEquals(1, r.warnings(), "but past the new warning point (Thursday 18:00)");
        clock.advanceTo(Instant.parse("2025-05-19T01:30:00Z")); // Monday 09:30: 30 working minutes late
        assertEquals(1, p.deadlineChecker.run().overdue());
        assertEquals(30L, p.caseService.get(WINDOW, id).overdueWorkingMinutes());
    }

    @Test
    void extendedCaseIsNotOverdueAtItsFormerDueTime() {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        Services p = seeded(clock);
        String id = p.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, "赵立"), null)
                .snapshot().id();
        p.caseService.extend(WINDOW, id, new CaseCommands.Extend(5, "需补充勘测"), null);
        // 5 working days after Thursday 05-15: 16, 19, 20, 21, 22 → Thursday 2025-05-22 18:00
        assertEquals(Instant.parse("2025-05-22T10:00:00Z"), p.caseService.get(WINDOW, id).dueAt());
        clock.advanceTo(Instant.parse("2025-05-16T02:00:00Z"));
        assertEquals(0, p.deadlineChecker.run().overdue());
        clock.advanceTo(Instant.parse("2025-05-23T02:00:00Z"));
        assertEquals(1, p.deadlineChecker.run().overdue());
    }

    @Test
    void twoRunsAtOnceMakeExactlyOneWarningAndOneAccountabilityPerCase() throws Exception {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        Services p = seeded(clock);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(p.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, "申请人" + i), null)
                    .snapshot().id());
        }
        clock.advanceTo(Instant.parse("2025-05-16T02:00:00Z"));
        Services other = p.sharingStores(clock); // a second function instance over the same stores
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<DeadlineChecker.Result>> runs = List.of(
                () -> { go.await(); return p.deadlineChecker.run(); },
                () -> { go.await(); return other.deadlineChecker.run(); });
        List<Future<DeadlineChecker.Result>> futures = new ArrayList<>();
        for (Callable<DeadlineChecker.Result> r : runs) futures.add(pool.submit(r));
        go.countDown();
        int overdue = 0;
        for (Future<DeadlineChecker.Result> f : futures) overdue += f.get().overdue();
        pool.shutdown();
        assertEquals(ids.size(), overdue, "each case found overdue by exactly one of the two runs");
        for (String id : ids) {
            List<HistoryEntry> h = p.caseService.history(WINDOW, id);
            assertEquals(1, count(h, "WARNING"), id);
            assertEquals(1, count(h, "OVERDUE"), id);
            assertTrue(accountability(p, id).isPresent(), id);
        }
    }

    @Test
    void aRunThatCrashesHalfWayIsCompletedByTheNextWithoutDoubles() {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        Services p = seeded(clock);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(p.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, "申请人" + i), null)
                    .snapshot().id());
        }
        clock.advanceTo(Instant.parse("2025-05-16T02:00:00Z"));
        // the real repository, failing from its third write on: the run stops handling cases half-way
        AtomicInteger writes = new AtomicInteger();
        cn.onewindow.core.ports.CaseRepository real = p.cases;
        cn.onewindow.core.ports.CaseRepository crashing = new DelegatingCaseRepository(real) {
            @Override
            public ServiceCase.Snapshot save(CaseWrite w) {
                if (writes.incrementAndGet() > 2) throw new IllegalStateException("function stopped");
                return real.save(w);
            }
        };
        DeadlineChecker broken = new DeadlineChecker(crashing, p.timers, p.deadlines, clock, p.approvalService);
        DeadlineChecker.Result first = broken.run();
        assertEquals(2, first.overdue());
        assertTrue(first.failures() > 0);
        // the checkpoint moves past the slices handled completely, never past a timer that failed (the warnings of
        // Wednesday 05-14 18:00 come first)
        assertTrue(p.timers.checkpoint(DeadlineChecker.NAME).map(c -> c.isBefore(WARNING)).orElse(true),
                "a run with failures keeps the checkpoint before them");

        DeadlineChecker.Result second = p.deadlineChecker.run();
        assertEquals(ids.size() - 2, second.overdue(), "the next run handles exactly the rest");
        for (String id : ids) {
            assertEquals(1, count(p.caseService.history(WINDOW, id), "OVERDUE"), id);
        }
        assertEquals(0, p.deadlineChecker.run().overdue());
    }
}
