package cn.onewindow.core.approval;

import cn.onewindow.core.calendar.CalendarCodec;
import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.calendar.OfficeHours;
import cn.onewindow.core.cases.Applicant;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.Notice;
import cn.onewindow.core.cases.NoticeType;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.catalog.HandlingMode;
import cn.onewindow.core.catalog.ParticipatingDepartment;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Actor;
import cn.onewindow.core.identity.Role;
import cn.onewindow.core.testing.TestItems;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static cn.onewindow.core.testing.TestItems.WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 并联审批 and 上报件 (SPEC §2.4): fan-out to every department, the case moves on exactly once when the last task is
 * decided (approved when all approve, denied with every department's reasons), and a passed local review of an
 * escalated case goes once to the higher authority.
 */
class JointApprovalTest {
    static final Instant T0 = Instant.parse("2025-05-06T02:00:00Z");
    static final DeadlineCalculator CALC = new DeadlineCalculator(CalendarCodec.nationalDemoCalendar(),
            OfficeHours.standard());
    static final ParticipatingDepartment XF = new ParticipatingDepartment("xf", "消防", 5);
    static final ParticipatingDepartment ZRZY = new ParticipatingDepartment("zrzy", "自然资源", 7);
    static final ParticipatingDepartment PROVINCE = new ParticipatingDepartment("sjzrzy", "省自然资源厅", 10);
    static final ServiceItem JOINT = TestItems.promised().mode(HandlingMode.JOINT).departments(XF, ZRZY).build();
    static final ServiceItem ESCALATED = TestItems.promised().mode(HandlingMode.ESCALATED).escalateTo(PROVINCE)
            .build();
    static final TaskCommand APPROVE = new TaskCommand(TaskCommand.Outcome.APPROVE, List.of(), List.of());

    static Instant t(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static Actor dept(String code) {
        return new Actor(Role.DEPARTMENT, "dept-" + code, null, null, code);
    }

    static ServiceCase accepted(ServiceItem item) {
        ServiceCase c = ServiceCase.submit("20250506-TEST000001", item, new Applicant("张三", null, IdType.RESIDENT_ID,
                "11010519491231002X", "13812345678"), Channel.WINDOW, "330110-ZX", "330110-ZX", null,
                List.of(new SubmittedMaterial("M01", 1)), T0, WINDOW);
        c.accept(CALC.dueAfterWorkingDays(T0, 20).dueAt(), false, List.of(),
                new Notice(NoticeType.PROMISE, List.of(), "承诺", T0), t(1), WINDOW);
        return c;
    }

    /** Fans out and delivers every task; returns them as stored. */
    static List<DepartmentTask> fannedOutAndDelivered(ServiceCase c, ServiceItem item) {
        List<DepartmentTask> tasks = new ArrayList<>(JointApproval.fanOut(c, item, CALC, t(2), WINDOW));
        for (int i = 0; i < tasks.size(); i++) {
            tasks.set(i, JointApproval.of(c, tasks).delivered(tasks.get(i), t(3 + i), Actor.system("worker")));
        }
        return tasks;
    }

    @Test
    void aJointCaseGetsOneTaskPerDepartmentEachWithItsOwnDue() {
        ServiceCase c = accepted(JOINT);
        List<DepartmentTask> tasks = JointApproval.fanOut(c, JOINT, CALC, t(2), WINDOW);
        assertEquals(List.of("20250506-TEST000001~xf", "20250506-TEST000001~zrzy"),
                tasks.stream().map(DepartmentTask::taskId).toList());
        assertEquals(CALC.dueAfterWorkingDays(t(2), 5).dueAt(), tasks.get(0).dueAt());
        assertEquals(CALC.dueAfterWorkingDays(t(2), 7).dueAt(), tasks.get(1).dueAt());
        assertEquals(List.of("xf", "zrzy"), c.snapshot().taskDepartments());
        assertEquals(CALC.dueAfterWorkingDays(t(2), JointApproval.DISTRIBUTION_WORKING_DAYS).dueAt(),
                c.snapshot().distributionDueAt());
        assertTrue(JointApproval.fanOut(accepted(TestItems.promised().build()), TestItems.promised().build(), CALC,
                t(2), WINDOW).isEmpty(), "a case of one department has no tasks");
    }

    @Test
    void theDistributionIsCompleteWhenTheLastTaskArrives() {
        ServiceCase c = accepted(JOINT);
        List<DepartmentTask> tasks = JointApproval.fanOut(c, JOINT, CALC, t(2), WINDOW);
        DepartmentTask first = JointApproval.of(c, tasks).delivered(tasks.get(0), t(3), Actor.system("worker"));
        assertEquals(CaseStatus.IN_REVIEW, c.status(), "the first delivery starts the review");
        assertNull(c.snapshot().distributedAt());
        JointApproval.of(c, List.of(first, tasks.get(1))).delivered(tasks.get(1), t(4), Actor.system("worker"));
        assertEquals(t(4), c.snapshot().distributedAt());
    }

    @Test
    void theCaseIsApprovedExactlyWhenTheLastDepartmentApproves() {
        ServiceCase c = accepted(JOINT);
        List<DepartmentTask> tasks = fannedOutAndDelivered(c, JOINT);
        DepartmentTask xf = tasks.get(0).decide(APPROVE, t(10), dept("xf"));
        assertTrue(JointApproval.of(c, tasks).decided(xf, JOINT, CALC, t(10), dept("xf")).isEmpty());
        assertEquals(CaseStatus.IN_REVIEW, c.status(), "one of two decided: the case waits");
        DepartmentTask zrzy = tasks.get(1).decide(APPROVE, t(11), dept("zrzy"));
        JointApproval.of(c, List.of(xf, tasks.get(1))).decided(zrzy, JOINT, CALC, t(11), dept("zrzy"));
        assertEquals(CaseStatus.APPROVED, c.status());
    }

    @Test
    void oneDenialDeniesTheCaseWithThatDepartmentsReasons() {
        ServiceCase c = accepted(JOINT);
        List<DepartmentTask> tasks = fannedOutAndDelivered(c, JOINT);
        DepartmentTask xf = tasks.get(0).decide(new TaskCommand(TaskCommand.Outcome.DENY, List.of("消防通道不足"),
                List.of()), t(10), dept("xf"));
        DepartmentTask zrzy = tasks.get(1).decide(APPROVE, t(11), dept("zrzy"));
        JointApproval approval = JointApproval.of(c, List.of(xf, tasks.get(1)));
        approval.decided(zrzy, JOINT, CALC, t(11), dept("zrzy"));
        assertEquals(CaseStatus.DENIED, c.status());
        assertEquals(List.of("消防：消防通道不足"), c.snapshot().decision().reasons());
        assertEquals(List.of("消防：消防通道不足"), approval.denialReasons());
    }

    @Test
    void anUndecidedTaskCannotDriveTheFanIn() {
        ServiceCase c = accepted(JOINT);
        List<DepartmentTask> tasks = fannedOutAndDelivered(c, JOINT);
        DomainException e = assertThrows(DomainException.class,
                () -> JointApproval.of(c, tasks).decided(tasks.get(0), JOINT, CALC, t(10), dept("xf")));
        assertEquals("TASK_NOT_DECIDED", e.code());
    }

    @Test
    void oneSupplementNoticeListsWhatEveryWaitingDepartmentAskedFor() {
        ServiceCase c = accepted(JOINT);
        List<DepartmentTask> tasks = fannedOutAndDelivered(c, JOINT);
        DepartmentTask xf = tasks.get(0).decide(new TaskCommand(TaskCommand.Outcome.REQUEST_SUPPLEMENT, List.of("图"),
                List.of("M02")), t(10), dept("xf"));
        assertEquals(List.of("M03", "M02"), JointApproval.of(c, List.of(xf, tasks.get(1))).missingWith(List.of("M03")));
    }

    @Test
    void aPassedLocalReviewGoesOnceToTheHigherAuthority() {
        ServiceCase c = accepted(ESCALATED);
        List<DepartmentTask> tasks = fannedOutAndDelivered(c, ESCALATED);
        assertEquals(1, tasks.size());
        assertEquals(TaskLevel.LOCAL, tasks.get(0).level());
        assertEquals(c.snapshot().dueAt(), tasks.get(0).dueAt(), "the local review is due with the case");
        DepartmentTask local = tasks.get(0).decide(APPROVE, t(10), dept(ESCALATED.departmentCode()));
        JointApproval approval = JointApproval.of(c, tasks);
        List<DepartmentTask> created = approval.decided(local, ESCALATED, CALC, t(10), dept("x"));
        assertEquals(1, created.size());
        DepartmentTask higher = created.get(0);
        assertEquals(TaskLevel.HIGHER, higher.level());
        assertEquals("sjzrzy", higher.departmentCode());
        assertEquals(CALC.dueAfterWorkingDays(t(10), 10).dueAt(), higher.dueAt());
        assertEquals(CaseStatus.IN_REVIEW, c.status(), "the higher authority decides the case");
        assertTrue(c.snapshot().taskDepartments().contains("sjzrzy"));

        DomainException twice = assertThrows(DomainException.class,
                () -> Escalation.escalate(c, approval.tasks(), ESCALATED, CALC, t(11), dept("x")));
        assertEquals("ALREADY_ESCALATED", twice.code());

        DepartmentTask decided = higher.deliver(t(12)).decide(APPROVE, t(13), dept("sjzrzy"));
        assertTrue(approval.decided(decided, ESCALATED, CALC, t(13), dept("sjzrzy")).isEmpty());
        assertEquals(CaseStatus.APPROVED, c.status());
        assertNotNull(c.snapshot().decision());
    }

    @Test
    void aDeniedLocalReviewDeniesTheCaseWithoutEscalating() {
        ServiceCase c = accepted(ESCALATED);
        List<DepartmentTask> tasks = fannedOutAndDelivered(c, ESCALATED);
        DepartmentTask local = tasks.get(0).decide(new TaskCommand(TaskCommand.Outcome.DENY, List.of("不符合规划"),
                List.of()), t(10), dept("x"));
        DomainException notPassed = assertThrows(DomainException.class,
                () -> Escalation.escalate(c, List.of(local), ESCALATED, CALC, t(10), dept("x")));
        assertEquals("LOCAL_REVIEW_NOT_PASSED", notPassed.code());
        assertTrue(JointApproval.of(c, tasks).decided(local, ESCALATED, CALC, t(10), dept("x")).isEmpty());
        assertEquals(CaseStatus.DENIED, c.status());
    }
}
