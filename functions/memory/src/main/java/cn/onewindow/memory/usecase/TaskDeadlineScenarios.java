package cn.onewindow.memory.usecase;

import cn.onewindow.core.deadline.Accountability;
import cn.onewindow.core.ports.DeadlineTimer;

import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskCommand;
import cn.onewindow.core.approval.TaskStatus;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.service.DeadlineChecker;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static cn.onewindow.memory.usecase.Fixtures.CALLERS;
import static cn.onewindow.memory.usecase.Fixtures.FRIDAY_10_SHANGHAI;
import static cn.onewindow.memory.usecase.Fixtures.WINDOW;
import static cn.onewindow.memory.usecase.Fixtures.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Department task deadlines: a warning, one accountability record per overdue task, and 超时默认制. */
public abstract class TaskDeadlineScenarios extends OnPlatform {

    private static long count(List<HistoryEntry> h, String event) {
        return h.stream().filter(e -> e.event().equals(event)).count();
    }

    /** Whether the department's task has its due timer in the due-time index at {@code at}. */
    private static boolean dueTimer(Services p, String caseId, String dept, Instant at) {
        return p.timers.dueBetween(at, at).stream().anyMatch(t -> t.caseId().equals(caseId)
                && dept.equals(t.department()) && t.kind() == DeadlineTimer.Kind.DUE);
    }

    private static java.util.Optional<Accountability> accountability(Services p, String caseId, String subject) {
        return p.cases.accountability(DemoData.COUNTY_CENTER, 100, null).items().stream()
                .filter(a -> a.caseId().equals(caseId) && a.subject().equals(subject)).findFirst();
    }

    private static void approve(Services p, String caseId, String dept) {
        Caller c = CALLERS.get("demo-dept-" + dept);
        p.approvalService.decide(c, DepartmentTask.idFor(caseId, dept),
                new TaskCommand(TaskCommand.Outcome.APPROVE, List.of(), List.of()));
    }

    @Test
    void anOverdueTaskOfADeemedApprovalItemCountsAsApprovedAndTheCaseMovesOn() {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        Services p = seeded(clock);
        // 危险化学品经营许可证（乙证）: yjgl 10, xf 10, scjg 7 working days; 超时默认制
        String id = p.caseService.intake(WINDOW, complete(DemoData.ITEM_HAZCHEM_TRADE, "某化工贸易有限公司"), null)
                .snapshot().id();
        DepartmentTask scjg = p.cases.findTask(DepartmentTask.idFor(id, "scjg")).orElseThrow();
        // 7 working days after Fri 04-25: 27 (make-up Sunday), 28, 29, 30, then 6, 7, 8 → Thursday 05-08 18:00
        assertEquals(Instant.parse("2025-05-08T10:00:00Z"), scjg.dueAt());
        // 10 working days: … 8, 9, 12, 13 → Tuesday 05-13 18:00
        assertEquals(Instant.parse("2025-05-13T10:00:00Z"),
                p.cases.findTask(DepartmentTask.idFor(id, "xf")).orElseThrow().dueAt());
        assertTrue(dueTimer(p, id, "scjg", scjg.dueAt()));

        approve(p, id, "yjgl");
        approve(p, id, "xf");
        clock.advanceTo(Instant.parse("2025-05-08T02:00:00Z")); // Thursday 10:00: past Wednesday 18:00, the warning point
        DeadlineChecker.Result r = p.deadlineChecker.run();
        assertEquals(1, r.warnings(), "the scjg task is warned; the case itself (due 05-15) is not yet");
        assertNotNull(p.cases.findTask(DepartmentTask.idFor(id, "scjg")).orElseThrow().warnedAt());

        clock.advanceTo(Instant.parse("2025-05-09T02:00:00Z")); // Friday 10:00: one working hour late
        assertEquals(1, p.deadlineChecker.run().overdue());
        assertEquals(0, p.deadlineChecker.run().overdue(), "once only");
        DepartmentTask after = p.cases.findTask(DepartmentTask.idFor(id, "scjg")).orElseThrow();
        assertEquals(TaskStatus.APPROVED, after.status());
        assertEquals("DEEMED_APPROVED", after.outcome());
        assertEquals(CaseStatus.APPROVED, p.caseService.get(WINDOW, id).status(), "fan-in ran: all three approved");
        List<HistoryEntry> h = p.caseService.history(WINDOW, id);
        assertEquals(1, count(h, "TASK_OVERDUE"));
        assertEquals(1, count(h, "DEEMED_APPROVED"));
        assertEquals(1, count(h, "APPROVED"));
        assertEquals(60L, accountability(p, id, "TASK#scjg").orElseThrow().workingMinutesLate());
        assertFalse(dueTimer(p, id, "scjg", scjg.dueAt()));
    }

    @Test
    void anOverdueTaskWithoutDeemedApprovalIsRedCardedButStillWaitsForItsDepartment() {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        Services p = seeded(clock);
        String id = p.caseService.intake(WINDOW, complete(DemoData.ITEM_FIXED_ASSET_INVESTMENT, "某投资公司"), null)
                .snapshot().id();
        for (String d : List.of("fgw", "zrzy", "zjj", "sthj")) approve(p, id, d);
        // ly: 10 working days → Tuesday 2025-05-13 18:00; Wednesday 05-14 10:00 is one working hour late
        clock.advanceTo(Instant.parse("2025-05-14T02:00:00Z"));
        DeadlineChecker.Result r = p.deadlineChecker.run();
        assertEquals(1, r.overdue());
        DepartmentTask ly = p.cases.findTask(DepartmentTask.idFor(id, "ly")).orElseThrow();
        assertEquals(TaskStatus.CREATED, ly.status(), "not decided for the department");
        assertNotNull(ly.overdueAt());
        assertEquals(CaseStatus.ACCEPTED, p.caseService.get(WINDOW, id).status());
        assertTrue(accountability(p, id, "TASK#ly").isPresent());
        approve(p, id, "ly");
        assertEquals(CaseStatus.APPROVED, p.caseService.get(WINDOW, id).status());
    }
}
