package cn.onewindow.sdk.it;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.sdk.ConflictException;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.Page;
import cn.onewindow.sdk.model.CaseStatus;
import cn.onewindow.sdk.model.Channel;
import cn.onewindow.sdk.model.HandlingMode;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.ServiceCase;
import cn.onewindow.sdk.model.Task;
import cn.onewindow.sdk.model.TaskDecision;
import cn.onewindow.sdk.model.TaskDecisionResult;
import cn.onewindow.sdk.model.TaskDetail;
import cn.onewindow.sdk.model.TaskLevel;
import cn.onewindow.sdk.model.TaskOutcome;
import cn.onewindow.sdk.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Department systems polling their pending tasks of a joint (并联) case and deciding them; the case moves on when
 * the last department has decided, and the window issues the result.
 */
@ExtendWith(LocalPlatform.class)
class DepartmentApprovalTest {
    static final List<String> DEPARTMENTS = List.of("fgw", "zrzy", "zjj", "sthj", "ly");

    static NewCase jointApplication() {
        return NewCase.builder().itemCode(DemoData.ITEM_FIXED_ASSET_INVESTMENT).channel(Channel.WINDOW)
                .applicant(LocalPlatform.company())
                .materials(Material.of("M01", 2), Material.of("M02"), Material.of("M03"), Material.of("M04"),
                        Material.of("M05"))
                .build();
    }

    /** What a department system does on each poll: every pending task of ours, fetched page by page. */
    static List<Task> pendingFor(OneWindowClient dept, String code, Set<String> caseIds, int pageSize) {
        List<Task> mine = new ArrayList<>();
        for (Task t : dept.tasks().list(code, TaskStatus.PENDING, pageSize)) {
            if (caseIds.contains(t.caseId())) mine.add(t);
        }
        return mine;
    }

    /** Polls until the approval worker has delivered the tasks of the cases to the department's inbox. */
    static List<Task> awaitDelivered(OneWindowClient dept, String code, Set<String> caseIds) throws InterruptedException {
        long end = System.nanoTime() + 90_000_000_000L;
        while (true) {
            List<Task> tasks = pendingFor(dept, code, caseIds, 1);
            if (tasks.size() == caseIds.size() || System.nanoTime() > end) return tasks;
            Thread.sleep(250);
        }
    }

    @Test
    void departmentsPollTheirPendingTasksAndDecideThem() throws InterruptedException {
        OneWindowClient window = LocalPlatform.client("demo-window");
        ServiceCase first = window.cases().submit(jointApplication());
        ServiceCase second = window.cases().submit(jointApplication());
        for (ServiceCase c : List.of(first, second)) {
            assertEquals(HandlingMode.JOINT, c.mode());
            assertEquals(CaseStatus.ACCEPTED, c.status());
            assertEquals(new HashSet<>(DEPARTMENTS), new HashSet<>(c.taskDepartments()));
        }
        Set<String> ours = Set.of(first.id(), second.id());

        for (String code : DEPARTMENTS) {
            OneWindowClient dept = LocalPlatform.client("demo-dept-" + code);
            // the inbox, one task per page: the iterator walks the pages
            List<Task> tasks = awaitDelivered(dept, code, ours);
            assertEquals(2, tasks.size(), code + " got " + tasks);
            Page<Task> onePerPage = dept.tasks().page(code, TaskStatus.PENDING, 1, null);
            assertEquals(1, onePerPage.items().size());
            assertTrue(onePerPage.hasNext());

            for (Task t : tasks) {
                assertEquals(code, t.departmentCode());
                assertEquals(TaskLevel.JOINT, t.level());
                assertEquals(TaskStatus.PENDING, t.status());
                assertNotNull(t.dueAt());
                assertNotNull(t.deliveredAt());
                TaskDetail detail = dept.tasks().get(t.taskId());
                assertEquals(t.caseId(), detail.serviceCase().id());
                assertEquals(5, detail.serviceCase().materials().size());
                assertFalse(detail.serviceCase().applicant().idNumber().equals("91330110MA2B3C4D5E"),
                        "a department sees the applicant's identity masked");

                TaskDecisionResult r = dept.tasks().decide(t.taskId(), TaskDecision.approve());
                assertEquals(TaskStatus.APPROVED, r.task().status());
                assertEquals(TaskOutcome.APPROVE, r.task().outcome());
                assertFalse(r.replayed());
            }
            assertTrue(pendingFor(dept, code, ours, 20).isEmpty());
            assertEquals(2, dept.tasks().list(code, TaskStatus.APPROVED).stream()
                    .filter(t -> ours.contains(t.caseId())).count());
        }

        // fan-in: every department approved
        ServiceCase approved = window.cases().get(first.id());
        assertEquals(CaseStatus.APPROVED, approved.status());
        assertNotNull(approved.distributedAt());
        ServiceCase ready = window.cases().issueResult(first.id(), "FA-2025-0001");
        assertEquals(CaseStatus.RESULT_READY, ready.status());
        assertEquals("FA-2025-0001", ready.resultNumber());
        assertEquals(CaseStatus.DELIVERED, window.cases().deliver(first.id(), "项目负责人", "签收").status());
    }

    @Test
    void aRepeatedDecisionIsReplayedAndADifferentOneRefused() throws InterruptedException {
        OneWindowClient window = LocalPlatform.client("demo-window");
        ServiceCase c = window.cases().submit(jointApplication());
        OneWindowClient ly = LocalPlatform.client("demo-dept-ly");
        List<Task> tasks = awaitDelivered(ly, "ly", Set.of(c.id()));
        assertEquals(1, tasks.size());
        String taskId = tasks.get(0).taskId();

        TaskDecisionResult denied = ly.tasks().decide(taskId, TaskDecision.deny("林地占用超出审核范围"));
        assertEquals(TaskStatus.DENIED, denied.task().status());
        TaskDecisionResult again = ly.tasks().decide(taskId, TaskDecision.deny("林地占用超出审核范围"));
        assertTrue(again.replayed());
        assertEquals(denied.task().decidedAt(), again.task().decidedAt());

        ConflictException e = assertThrows(ConflictException.class,
                () -> ly.tasks().decide(taskId, TaskDecision.approve()));
        assertEquals("TASK_ALREADY_DECIDED", e.code());
        assertEquals(1, e.attempts(), "a conflict is not retried");
        assertNotEquals(CaseStatus.APPROVED, window.cases().get(c.id()).status());
    }
}
