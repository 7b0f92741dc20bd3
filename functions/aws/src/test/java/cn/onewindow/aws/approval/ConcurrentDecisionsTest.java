package cn.onewindow.aws.approval;

import cn.onewindow.core.approval.usecase.DecideTask;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskCommand;
import cn.onewindow.core.approval.TaskStatus;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Decision;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.NoticeType;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.catalog.ParticipatingDepartment;
import cn.onewindow.core.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Five departments decide the same joint case at the same moment (five threads released by one latch): no decision
 * is lost, and the case moves on exactly once.
 */
@ExtendWith(LocalDynamo.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ConcurrentDecisionsTest {
    private static final String ITEM = DemoData.ITEM_FIXED_ASSET_INVESTMENT;
    private static ApprovalRig rig;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        rig = ApprovalRig.create(tables);
    }

    @AfterAll
    static void tearDown() {
        rig.close();
    }

    /** A joint case whose five tasks are in their departments' inboxes. */
    private static String deliveredCase(String applicant) throws InterruptedException {
        String caseId = rig.intake(ITEM, applicant);
        assertEquals(5, rig.drain().delivered.get());
        return caseId;
    }

    /** Every department decides at once; returns each department's result (or the exception it got). */
    private static Map<String, Object> decideAtOnce(String caseId, Map<String, TaskCommand> commands)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(commands.size());
        CountDownLatch go = new CountDownLatch(1);
        Map<String, Object> results = Collections.synchronizedMap(new LinkedHashMap<>());
        List<Thread> threads = new ArrayList<>();
        commands.forEach((dept, cmd) -> {
            Thread t = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    results.put(dept, rig.approvals.decide(ApprovalRig.dept(dept), DepartmentTask.idFor(caseId, dept),
                            cmd));
                } catch (Throwable e) {
                    results.put(dept, e);
                }
            }, "dept-" + dept);
            t.start();
            threads.add(t);
        });
        assertTrue(ready.await(10, TimeUnit.SECONDS));
        go.countDown();
        for (Thread t : threads) t.join(30_000);
        return results;
    }

    private static Map<String, TaskCommand> allApprove() {
        Map<String, TaskCommand> m = new LinkedHashMap<>();
        for (ParticipatingDepartment d : ApprovalRig.departments(ITEM)) m.put(d.code(), ApprovalRig.approve());
        return m;
    }

    private static void assertEveryDecisionKept(String caseId, Map<String, TaskCommand> commands,
                                                Map<String, Object> results) {
        assertEquals(commands.size(), results.size());
        results.forEach((dept, r) -> assertTrue(r instanceof DecideTask.Decided,
                () -> dept + " failed: " + r));
        results.forEach((dept, r) -> assertFalse(((DecideTask.Decided) r).replayed(), dept));
        assertEquals(commands.size(), rig.taskItems(caseId));
        List<HistoryEntry> history = rig.history(caseId);
        commands.forEach((dept, cmd) -> {
            DepartmentTask t = rig.task(caseId, dept);
            TaskStatus expected = cmd.outcome() == TaskCommand.Outcome.APPROVE ? TaskStatus.APPROVED
                    : TaskStatus.DENIED;
            assertEquals(expected, t.status(), dept);
            assertEquals(cmd.outcome().name(), t.outcome(), dept);
            assertEquals(cmd.reasons(), t.reasons(), dept);
            assertEquals(ApprovalRig.dept(dept).id(), t.decidedBy().id(), dept);
            assertEquals(1, history.stream().filter(h -> h.event().equals("TASK_DECIDED")
                    && h.reason().startsWith(dept + " " + cmd.outcome().name())).count(), dept);
        });
        assertEquals(commands.size(), ApprovalRig.count(history, "TASK_DECIDED"));
        assertEquals(history.size(), rig.caseOf(caseId).historySize(), "history is gap-free");
    }

    @Test
    void fiveSimultaneousApprovalsAreAllKeptAndTheCaseIsApprovedOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            String caseId = deliveredCase("并联申请人" + round);
            Map<String, TaskCommand> commands = allApprove();
            Map<String, Object> results = decideAtOnce(caseId, commands);
            assertEveryDecisionKept(caseId, commands, results);

            ServiceCase.Snapshot c = rig.caseOf(caseId);
            assertEquals(CaseStatus.APPROVED, c.status(), "round " + round);
            assertEquals(Decision.Outcome.APPROVE, c.decision().outcome());
            List<HistoryEntry> finals = ApprovalRig.finalTransitions(rig.history(caseId));
            assertEquals(1, finals.size(), () -> "exactly one final transition: " + finals);
            assertEquals("APPROVED", finals.get(0).event());
            // the one decision that completed the fan-in saw the case approved; every other one saw it still open
            long sawApproved = results.values().stream()
                    .filter(r -> ((DecideTask.Decided) r).caseSnapshot().status() == CaseStatus.APPROVED).count();
            assertEquals(1, sawApproved, "round " + round);
        }
    }

    @Test
    void oneDenialAmongFiveSimultaneousDecisionsDeniesTheCaseOnceWithTheReason() throws Exception {
        String caseId = deliveredCase("并联申请人-否决");
        Map<String, TaskCommand> commands = allApprove();
        String reason = "项目选址位于生态保护红线范围内";
        commands.put("sthj", ApprovalRig.deny(reason));
        Map<String, Object> results = decideAtOnce(caseId, commands);
        assertEveryDecisionKept(caseId, commands, results);

        ServiceCase.Snapshot c = rig.caseOf(caseId);
        assertEquals(CaseStatus.DENIED, c.status());
        String expectedReason = ApprovalRig.departmentName("sthj") + "：" + reason;
        assertEquals(List.of(expectedReason), c.decision().reasons());
        assertEquals(NoticeType.DENIAL, c.notice().type());
        assertTrue(c.notice().text().contains(expectedReason), c.notice().text());
        List<HistoryEntry> finals = ApprovalRig.finalTransitions(rig.history(caseId));
        assertEquals(1, finals.size(), () -> "exactly one final transition: " + finals);
        assertEquals("DENIED", finals.get(0).event());
        assertNull(c.resultNumber());
    }

    @Test
    void twoSimultaneousDenialsBothAppearInTheDenialNotice() throws Exception {
        String caseId = deliveredCase("并联申请人-两项否决");
        Map<String, TaskCommand> commands = allApprove();
        commands.put("zrzy", ApprovalRig.deny("用地不符合国土空间规划"));
        commands.put("ly", ApprovalRig.deny("涉及占用公益林"));
        Map<String, Object> results = decideAtOnce(caseId, commands);
        assertEveryDecisionKept(caseId, commands, results);

        ServiceCase.Snapshot c = rig.caseOf(caseId);
        assertEquals(CaseStatus.DENIED, c.status());
        String zrzy = ApprovalRig.departmentName("zrzy") + "：用地不符合国土空间规划";
        String ly = ApprovalRig.departmentName("ly") + "：涉及占用公益林";
        assertEquals(2, c.decision().reasons().size(), () -> c.decision().reasons().toString());
        assertTrue(c.decision().reasons().containsAll(List.of(zrzy, ly)));
        assertTrue(c.notice().text().contains(zrzy) && c.notice().text().contains(ly), c.notice().text());
        assertEquals(1, ApprovalRig.finalTransitions(rig.history(caseId)).size());
    }

    /**
     * Eight clerks of one department decide the same task at once (four approve, four deny): the task is decided once;
     * the writers of the same decision get it as a replay, the others a 409; one TASK_DECIDED line; nothing lost.
     */
    @Test
    void eightSimultaneousDecisionsOfOneTaskDecideItOnce() throws Exception {
        String caseId = deliveredCase("并联申请人-同一任务");
        String dept = "zrzy";
        String taskId = DepartmentTask.idFor(caseId, dept);
        CountDownLatch ready = new CountDownLatch(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Object> results = Collections.synchronizedList(new ArrayList<>());
        List<TaskCommand> commands = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TaskCommand cmd = i % 2 == 0 ? ApprovalRig.approve() : ApprovalRig.deny("不符合规划");
            commands.add(cmd);
            Thread t = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    results.add(rig.approvals.decide(ApprovalRig.dept(dept), taskId, cmd));
                } catch (Throwable e) {
                    results.add(e);
                }
            }, "clerk-" + i);
            t.start();
            threads.add(t);
        }
        assertTrue(ready.await(10, TimeUnit.SECONDS));
        go.countDown();
        for (Thread t : threads) t.join(60_000);
        assertEquals(8, results.size());

        DepartmentTask task = rig.task(caseId, dept);
        assertTrue(task.status().decided(), task.status().name());
        int applied = 0;
        int replays = 0;
        for (Object r : results) {
            if (r instanceof DecideTask.Decided d) {
                assertEquals(task.outcome(), d.task().outcome(), "a success reports the stored decision");
                if (d.replayed()) replays++; else applied++;
            } else {
                assertTrue(r instanceof cn.onewindow.core.common.DomainException, "a clear refusal, not " + r);
                assertEquals(cn.onewindow.core.common.DomainException.Kind.CONFLICT,
                        ((cn.onewindow.core.common.DomainException) r).kind(), r.toString());
            }
        }
        assertEquals(1, applied, "the task was decided by exactly one writer: " + results);
        assertEquals(3, replays, "the three others with the same decision see it as theirs");
        assertEquals(1, rig.history(caseId).stream().filter(h -> h.event().equals("TASK_DECIDED")).count());
        assertEquals(rig.history(caseId).size(), rig.caseOf(caseId).historySize(), "history is gap-free");
    }
}
