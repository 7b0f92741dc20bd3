package cn.onewindow.aws.approval;

import cn.onewindow.core.approval.usecase.DecideTask;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskCommand;
import cn.onewindow.core.approval.TaskStatus;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A decision repeated is a replay with the same result; a different second decision is refused; a department neither
 * sees nor decides another department's task.
 */
@ExtendWith(LocalDynamo.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DecisionIdempotencyTest {
    private static final String ITEM = DemoData.ITEM_HAZCHEM_TRADE;
    private static ApprovalRig rig;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        rig = ApprovalRig.create(tables);
    }

    @AfterAll
    static void tearDown() {
        rig.close();
    }

    private static String deliveredCase(String applicant) throws InterruptedException {
        String caseId = rig.intake(ITEM, applicant);
        assertEquals(3, rig.drain().delivered.get());
        return caseId;
    }

    private static long decidedLines(String caseId, String dept) {
        return rig.history(caseId).stream()
                .filter(h -> h.event().equals("TASK_DECIDED") && h.reason().startsWith(dept + " ")).count();
    }

    @Test
    void theSameApprovalTwiceIsAReplayWithTheSameResult() throws Exception {
        String caseId = deliveredCase("幂等申请人-批准");
        String taskId = DepartmentTask.idFor(caseId, "yjgl");
        Caller yjgl = ApprovalRig.dept("yjgl");

        DecideTask.Decided first = rig.approvals.decide(yjgl, taskId, ApprovalRig.approve());
        DecideTask.Decided second = rig.approvals.decide(yjgl, taskId, ApprovalRig.approve());

        assertFalse(first.replayed());
        assertTrue(second.replayed());
        assertEquals(first.task(), second.task(), "the replay returns the task exactly as the first decision left it");
        assertEquals(first.caseSnapshot(), second.caseSnapshot(), "and the case unchanged");
        assertEquals(first.task(), rig.task(caseId, "yjgl"), "the result returned is what is stored");
        assertEquals(1, decidedLines(caseId, "yjgl"));
        assertEquals(first.caseSnapshot().version(), rig.caseOf(caseId).version(), "the replay wrote nothing");
    }

    @Test
    void theSameDenialTwiceIsAReplayButOtherReasonsAreAConflict() throws Exception {
        String caseId = deliveredCase("幂等申请人-否决");
        String taskId = DepartmentTask.idFor(caseId, "xf");
        Caller xf = ApprovalRig.dept("xf");

        DecideTask.Decided first = rig.approvals.decide(xf, taskId, ApprovalRig.deny("消防设施不符合要求"));
        DecideTask.Decided again = rig.approvals.decide(xf, taskId, ApprovalRig.deny("消防设施不符合要求"));
        assertTrue(again.replayed());
        assertEquals(first.task(), again.task());

        DomainException otherReason = assertThrows(DomainException.class,
                () -> rig.approvals.decide(xf, taskId, ApprovalRig.deny("疏散通道不足")));
        assertEquals("TASK_ALREADY_DECIDED", otherReason.code());
        assertEquals(DomainException.Kind.CONFLICT, otherReason.kind());
        assertEquals(List.of("消防设施不符合要求"), rig.task(caseId, "xf").reasons(), "the first reasons stand");
        assertEquals(1, decidedLines(caseId, "xf"));
    }

    @Test
    void aDifferentSecondDecisionIsRefusedAndTheFirstStands() throws Exception {
        String caseId = deliveredCase("幂等申请人-改判");
        String taskId = DepartmentTask.idFor(caseId, "scjg");
        Caller scjg = ApprovalRig.dept("scjg");

        DecideTask.Decided first = rig.approvals.decide(scjg, taskId, ApprovalRig.approve());
        long versionAfterFirst = rig.caseOf(caseId).version();

        DomainException e = assertThrows(DomainException.class,
                () -> rig.approvals.decide(scjg, taskId, ApprovalRig.deny("经营场所不符合要求")));
        assertEquals("TASK_ALREADY_DECIDED", e.code());
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        DomainException supplement = assertThrows(DomainException.class, () -> rig.approvals.decide(scjg, taskId,
                new TaskCommand(TaskCommand.Outcome.REQUEST_SUPPLEMENT, List.of("缺材料"), List.of("M02"))));
        assertEquals("TASK_ALREADY_DECIDED", supplement.code());

        DepartmentTask stored = rig.task(caseId, "scjg");
        assertEquals(TaskStatus.APPROVED, stored.status());
        assertEquals(first.task(), stored);
        assertEquals(versionAfterFirst, rig.caseOf(caseId).version(), "the refused decisions wrote nothing");
        assertEquals(1, decidedLines(caseId, "scjg"));
        assertEquals(CaseStatus.IN_REVIEW, rig.caseOf(caseId).status());
    }

    @Test
    void aDepartmentCannotSeeOrDecideAnotherDepartmentsTask() throws Exception {
        String caseId = deliveredCase("越权申请人");
        String yjglTask = DepartmentTask.idFor(caseId, "yjgl");
        Caller xf = ApprovalRig.dept("xf");
        Caller zrzy = ApprovalRig.dept("zrzy"); // a department with no part in this case at all
        long version = rig.caseOf(caseId).version();

        for (Caller other : List.of(xf, zrzy, ApprovalRig.WINDOW)) {
            DomainException seen = assertThrows(DomainException.class, () -> rig.approvals.detail(other, yjglTask));
            assertEquals("TASK_NOT_FOUND", seen.code(), other.id());
            assertEquals(DomainException.Kind.NOT_FOUND, seen.kind());
            for (TaskCommand cmd : List.of(ApprovalRig.approve(), ApprovalRig.deny("越权否决"))) {
                DomainException decided = assertThrows(DomainException.class,
                        () -> rig.approvals.decide(other, yjglTask, cmd));
                assertEquals("TASK_NOT_FOUND", decided.code(), other.id());
            }
        }
        DomainException inbox = assertThrows(DomainException.class,
                () -> rig.approvals.inbox(xf, "yjgl", TaskStatus.PENDING, 20, null));
        assertEquals("FORBIDDEN", inbox.code());
        assertTrue(rig.approvals.inbox(xf, "xf", TaskStatus.PENDING, 100, null).items().stream()
                .noneMatch(t -> t.departmentCode().equals("yjgl")));
        assertTrue(rig.approvals.inbox(zrzy, "zrzy", TaskStatus.PENDING, 100, null).items().stream()
                .noneMatch(t -> t.caseId().equals(caseId)));
        // an id that names no task at all is just as unknown
        assertEquals("TASK_NOT_FOUND", assertThrows(DomainException.class,
                () -> rig.approvals.decide(xf, caseId + "~nobody", ApprovalRig.approve())).code());
        assertEquals("TASK_NOT_FOUND", assertThrows(DomainException.class,
                () -> rig.approvals.decide(xf, "not-a-task-id", ApprovalRig.approve())).code());

        // nothing changed, and the owner still sees and decides its task
        assertEquals(TaskStatus.PENDING, rig.task(caseId, "yjgl").status());
        assertEquals(version, rig.caseOf(caseId).version());
        List<HistoryEntry> history = rig.history(caseId);
        assertEquals(0, ApprovalRig.count(history, "TASK_DECIDED"));
        assertEquals(yjglTask, rig.approvals.detail(ApprovalRig.dept("yjgl"), yjglTask).task().taskId());
        assertEquals(TaskStatus.APPROVED, rig.approvals.decide(ApprovalRig.dept("yjgl"), yjglTask,
                ApprovalRig.approve()).task().status());
    }
}
