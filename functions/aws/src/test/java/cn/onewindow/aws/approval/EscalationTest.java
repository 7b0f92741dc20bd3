package cn.onewindow.aws.approval;

import cn.onewindow.core.approval.usecase.DecideTask;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.aws.SqsApprovalQueue;
import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskLevel;
import cn.onewindow.core.approval.TaskMessage;
import cn.onewindow.core.approval.TaskStatus;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.NoticeType;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 上报件: an escalated case gets one local task; its approval creates the higher authority's task, which reaches the
 * higher department through the queue; the higher decision settles the case. A local denial ends it there.
 */
@ExtendWith(LocalDynamo.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EscalationTest {
    private static final String ITEM = DemoData.ITEM_SUBSISTENCE_ALLOWANCE;
    private static final String LOCAL = "mz-town";
    private static final String HIGHER = "mz";
    private static ApprovalRig rig;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        rig = ApprovalRig.create(tables);
    }

    @AfterAll
    static void tearDown() {
        rig.close();
    }

    /** An escalated case whose local task is in the local department's inbox. */
    private static String caseAtLocalLevel(String applicant) throws InterruptedException {
        assertEquals(HIGHER, ApprovalRig.item(ITEM).escalateTo().code());
        String caseId = rig.intake(ITEM, applicant);
        assertEquals(1, rig.taskItems(caseId), "one task: the local review");
        DepartmentTask local = rig.task(caseId, LOCAL);
        assertEquals(TaskLevel.LOCAL, local.level());
        List<Message> messages = rig.peekAll(rig.approvalQueue);
        ApprovalRig.assertPublished(Set.of(local.taskId()), messages);
        assertEquals(1, rig.drain().delivered.get());
        assertEquals(TaskStatus.PENDING, rig.task(caseId, LOCAL).status());
        return caseId;
    }

    @Test
    void localApprovalEscalatesThroughTheQueueAndTheHigherApprovalSettlesTheCase() throws Exception {
        String caseId = caseAtLocalLevel("低保申请人");
        // the higher department has nothing to see yet
        assertEquals("TASK_NOT_FOUND", assertThrows(DomainException.class, () -> rig.approvals.detail(
                ApprovalRig.dept(HIGHER), DepartmentTask.idFor(caseId, HIGHER))).code());

        DecideTask.Decided local = rig.approvals.decide(ApprovalRig.dept(LOCAL),
                DepartmentTask.idFor(caseId, LOCAL), ApprovalRig.approve());
        assertEquals(TaskStatus.APPROVED, local.task().status());
        assertEquals(CaseStatus.IN_REVIEW, local.caseSnapshot().status(), "not decided yet: escalated");
        assertEquals(2, rig.taskItems(caseId));
        DepartmentTask higher = rig.task(caseId, HIGHER);
        assertEquals(TaskLevel.HIGHER, higher.level());
        assertEquals(TaskStatus.CREATED, higher.status());
        assertNotNull(higher.dueAt());

        // the higher task's message went through the queue; the worker delivers it
        List<Message> messages = rig.peekAll(rig.approvalQueue);
        ApprovalRig.assertPublished(Set.of(higher.taskId()), messages);
        TaskMessage m = SqsApprovalQueue.parse(messages.get(0).body());
        assertEquals(new TaskMessage(higher.taskId(), caseId, HIGHER), m);
        ApprovalRig.Tally tally = rig.drain();
        assertEquals(1, tally.delivered.get());
        assertTrue(rig.approvals.inbox(ApprovalRig.dept(HIGHER), HIGHER, TaskStatus.PENDING, 100, null).items()
                .stream().anyMatch(t -> t.taskId().equals(higher.taskId())));
        // the local approval repeated changes nothing (no second higher task, no second message)
        assertTrue(rig.approvals.decide(ApprovalRig.dept(LOCAL), DepartmentTask.idFor(caseId, LOCAL),
                ApprovalRig.approve()).replayed());
        assertEquals(2, rig.taskItems(caseId));
        assertEquals(0, rig.depth(rig.approvalQueue));

        DecideTask.Decided decided = rig.approvals.decide(ApprovalRig.dept(HIGHER), higher.taskId(),
                ApprovalRig.approve());
        assertEquals(CaseStatus.APPROVED, decided.caseSnapshot().status());
        ServiceCase.Snapshot c = rig.caseOf(caseId);
        assertEquals(CaseStatus.APPROVED, c.status());
        assertEquals(List.of(LOCAL, HIGHER), c.taskDepartments());

        List<HistoryEntry> history = rig.history(caseId);
        assertEquals(1, history.stream().filter(h -> h.event().equals("ESCALATED")
                && h.reason().contains(HIGHER)).count(), () -> "history: " + history);
        assertEquals(1, history.stream().filter(h -> h.event().equals("TASK_DECIDED")
                && h.reason().startsWith(LOCAL + " APPROVE")).count());
        assertEquals(1, history.stream().filter(h -> h.event().equals("TASK_DECIDED")
                && h.reason().startsWith(HIGHER + " APPROVE")).count());
        assertEquals(2, ApprovalRig.count(history, "TASK_DELIVERED"));
        List<String> order = history.stream().map(HistoryEntry::event)
                .filter(e -> List.of("ESCALATED", "TASK_DECIDED", "APPROVED").contains(e)).toList();
        assertEquals(List.of("TASK_DECIDED", "ESCALATED", "TASK_DECIDED", "APPROVED"), order);
        assertEquals(1, ApprovalRig.finalTransitions(history).size());
    }

    @Test
    void aLocalDenialDeniesTheCaseWithoutAHigherTask() throws Exception {
        String caseId = caseAtLocalLevel("低保申请人-否决");
        String reason = "家庭人均收入高于当地低保标准";
        DecideTask.Decided denied = rig.approvals.decide(ApprovalRig.dept(LOCAL),
                DepartmentTask.idFor(caseId, LOCAL), ApprovalRig.deny(reason));
        assertEquals(CaseStatus.DENIED, denied.caseSnapshot().status());

        assertEquals(1, rig.taskItems(caseId), "no higher task");
        assertTrue(rig.platform.cases.findTask(DepartmentTask.idFor(caseId, HIGHER)).isEmpty());
        assertEquals(0, rig.depth(rig.approvalQueue), "no message for the higher level");
        ServiceCase.Snapshot c = rig.caseOf(caseId);
        assertEquals(CaseStatus.DENIED, c.status());
        String expected = ApprovalRig.departmentName(LOCAL) + "：" + reason;
        assertEquals(List.of(expected), c.decision().reasons());
        assertEquals(NoticeType.DENIAL, c.notice().type());
        assertTrue(c.notice().text().contains(expected));
        List<HistoryEntry> history = rig.history(caseId);
        assertEquals(0, ApprovalRig.count(history, "ESCALATED"));
        List<HistoryEntry> finals = ApprovalRig.finalTransitions(history);
        assertEquals(1, finals.size());
        assertEquals("DENIED", finals.get(0).event());
    }

    @Test
    void aHigherDenialDeniesTheCaseWithTheHigherReason() throws Exception {
        String caseId = caseAtLocalLevel("低保申请人-上级否决");
        rig.approvals.decide(ApprovalRig.dept(LOCAL), DepartmentTask.idFor(caseId, LOCAL), ApprovalRig.approve());
        assertEquals(1, rig.drain().delivered.get());
        String reason = "核对发现家庭成员名下有登记车辆";
        rig.approvals.decide(ApprovalRig.dept(HIGHER), DepartmentTask.idFor(caseId, HIGHER),
                ApprovalRig.deny(reason));
        ServiceCase.Snapshot c = rig.caseOf(caseId);
        assertEquals(CaseStatus.DENIED, c.status());
        assertEquals(List.of(ApprovalRig.departmentName(HIGHER) + "：" + reason), c.decision().reasons());
        assertEquals(1, ApprovalRig.finalTransitions(rig.history(caseId)).size());
    }
}
