package cn.onewindow.aws.approval;

import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.aws.SqsApprovalQueue;
import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskLevel;
import cn.onewindow.core.approval.TaskMessage;
import cn.onewindow.core.approval.TaskStatus;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.catalog.ParticipatingDepartment;
import cn.onewindow.core.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fan-out of a joint case with five departments through the real approval queue, then every message delivered twice
 * and out of order by two workers at once: still five tasks, each delivered once, nothing left for the outbox relay.
 */
@ExtendWith(LocalDynamo.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FanOutDeliveryTest {
    private static ApprovalRig rig;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        rig = ApprovalRig.create(tables);
    }

    @AfterAll
    static void tearDown() {
        rig.close();
    }

    @Test
    void duplicatedAndReorderedMessagesMakeNoSecondTaskAndNoSecondDelivery() throws Exception {
        List<ParticipatingDepartment> depts = ApprovalRig.departments(DemoData.ITEM_FIXED_ASSET_INVESTMENT);
        assertEquals(5, depts.size());
        Set<String> deptCodes = depts.stream().map(ParticipatingDepartment::code)
                .collect(Collectors.toCollection(TreeSet::new));

        String caseId = rig.intake(DemoData.ITEM_FIXED_ASSET_INVESTMENT, "王建国");

        // fan-out: five task items in the case partition, five messages on the queue, one per task
        assertEquals(5, rig.taskItems(caseId));
        List<DepartmentTask> tasks = rig.platform.cases.tasksOf(caseId);
        assertEquals(deptCodes, tasks.stream().map(DepartmentTask::departmentCode)
                .collect(Collectors.toCollection(TreeSet::new)));
        assertTrue(tasks.stream().allMatch(t -> t.status() == TaskStatus.CREATED && t.level() == TaskLevel.JOINT));
        ServiceCase.Snapshot accepted = rig.caseOf(caseId);
        assertEquals(List.copyOf(deptCodes), accepted.taskDepartments().stream().sorted().toList());
        List<Message> received = rig.receiveAll(rig.approvalQueue, 60);
        ApprovalRig.assertPublished(deptCodes.stream().map(d -> DepartmentTask.idFor(caseId, d))
                .collect(Collectors.toSet()), received);
        // one message per task from here on (the fault-injection run may have published a task twice)
        Map<String, Message> byTask = new TreeMap<>();
        received.forEach(m -> byTask.putIfAbsent(SqsApprovalQueue.parse(m.body()).taskId(), m));
        List<Message> published = List.copyOf(byTask.values());
        assertEquals(5, published.size());
        for (Message m : published) {
            TaskMessage tm = SqsApprovalQueue.parse(m.body());
            assertEquals(caseId, tm.caseId());
            assertEquals(DepartmentTask.idFor(caseId, tm.departmentCode()), tm.taskId());
        }

        // a minute later, undelivered tasks are what the outbox relay would resend: all five (the check can fail)
        Instant now = rig.clock.advance(Duration.ofMinutes(2));
        List<DepartmentTask> stale = rig.platform.cases.undispatched(now.minus(Duration.ofDays(2)),
                now.minus(Duration.ofMinutes(1)), 500).stream().filter(t -> t.caseId().equals(caseId)).toList();
        assertEquals(5, stale.size(), "before delivery the relay sees five undelivered tasks");

        // every message twice, shuffled, back on the real queue; two workers take them in random batch order
        List<String> bodies = new ArrayList<>();
        for (Message m : published) {
            bodies.add(m.body());
            bodies.add(m.body());
        }
        Collections.shuffle(bodies, new Random(42));
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(bodies.get(i)).build());
        }
        rig.observer.sendMessageBatch(b -> b.queueUrl(rig.approvalQueue).entries(entries));
        rig.delete(rig.approvalQueue, received);
        assertEquals(10, rig.depth(rig.approvalQueue));

        ApprovalRig.Tally tally = rig.drain(2, ApprovalRig.Faults.NONE, 7, 30_000);
        assertEquals(10, tally.received.get());
        assertEquals(0, tally.failed.get());
        assertEquals(5, tally.delivered.get(), "each task delivered exactly once");
        assertEquals(5, tally.duplicates.get(), "the second message of each task is a recognised duplicate");
        assertTrue(tally.deliveredByTask.values().stream().allMatch(n -> n.get() == 1));

        // still exactly five tasks, all in their department's inbox
        assertEquals(5, rig.taskItems(caseId));
        for (String d : deptCodes) {
            DepartmentTask t = rig.task(caseId, d);
            assertEquals(TaskStatus.PENDING, t.status(), d);
            assertNotNull(t.deliveredAt(), d);
            assertTrue(rig.approvals.inbox(ApprovalRig.dept(d), d, TaskStatus.PENDING, 100, null).items().stream()
                    .anyMatch(x -> x.taskId().equals(t.taskId())), "in the inbox of " + d);
        }

        // the case: one TASK_DELIVERED line per department, in review, distribution complete
        List<HistoryEntry> history = rig.history(caseId);
        List<HistoryEntry> deliveredLines = history.stream().filter(h -> h.event().equals("TASK_DELIVERED")).toList();
        assertEquals(5, deliveredLines.size(), () -> "history: " + history);
        assertEquals(deptCodes, deliveredLines.stream().map(HistoryEntry::reason)
                .collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(1, ApprovalRig.count(history, "REVIEW_STARTED"));
        ServiceCase.Snapshot c = rig.caseOf(caseId);
        assertEquals(CaseStatus.IN_REVIEW, c.status());
        assertNotNull(c.distributedAt(), "distribution complete once every task is delivered");
        assertFalse(c.distributedAt().isAfter(c.distributionDueAt()));
        assertEquals(history.size(), c.historySize());

        // the outbox relay finds nothing left to resend, and sends nothing
        rig.clock.advance(Duration.ofMinutes(2));
        assertEquals(0, rig.approvals.redispatch(Duration.ofDays(2)));
        assertEquals(0, rig.depth(rig.approvalQueue));
    }
}
