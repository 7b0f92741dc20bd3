package cn.onewindow.aws.approval;

import cn.onewindow.aws.DeadLetterRedrive;
import cn.onewindow.aws.Json;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskMessage;
import cn.onewindow.core.approval.TaskStatus;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages that keep failing on the real approval queue as provisioned from {@code template.yaml} (RedrivePolicy
 * maxReceiveCount 5): each is received five times, then sits in the dead-letter queue, while the good messages of the
 * same batches are delivered (partial batch failures). {@link DeadLetterRedrive} moves them back.
 */
@ExtendWith(LocalDynamo.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PoisonMessageTest {
    private static ApprovalRig rig;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        rig = ApprovalRig.create(tables);
        rig.setVisibilityTimeout(rig.approvalQueue, 1);
    }

    @AfterAll
    static void tearDown() {
        rig.close();
    }

    @Test
    void poisonMessagesEndInTheDeadLetterQueueAfterFiveReceivesAndCanBeRedriven() throws Exception {
        Map<QueueAttributeName, String> attrs = rig.sqs.getQueueAttributes(b -> b.queueUrl(rig.approvalQueue)
                .attributeNames(QueueAttributeName.REDRIVE_POLICY, QueueAttributeName.VISIBILITY_TIMEOUT)).attributes();
        assertTrue(attrs.get(QueueAttributeName.REDRIVE_POLICY).contains("\"maxReceiveCount\":5")
                || attrs.get(QueueAttributeName.REDRIVE_POLICY).contains("\"maxReceiveCount\":\"5\""),
                attrs.toString());
        assertEquals("1", attrs.get(QueueAttributeName.VISIBILITY_TIMEOUT));

        // two poison messages first, then two joint cases' ten good ones: they share the first batches
        String garbage = "{\"taskId\": this is not json";
        String noSuchTask = Json.write(new TaskMessage("20250425-NOSUCHCASE~fgw", "20250425-NOSUCHCASE", "fgw"));
        rig.sqs.sendMessage(b -> b.queueUrl(rig.approvalQueue).messageBody(garbage));
        rig.sqs.sendMessage(b -> b.queueUrl(rig.approvalQueue).messageBody(noSuchTask));
        String healthy = rig.intake(DemoData.ITEM_FIXED_ASSET_INVESTMENT, "毒消息旁的申请人");
        String struck = rig.intake(DemoData.ITEM_FIXED_ASSET_INVESTMENT, "故障期间的申请人");
        // a good message that fails every time for a while (an outage of whatever the worker needs for that task)
        String unlucky = DepartmentTask.idFor(struck, "fgw");
        String unluckyBody = Json.write(new TaskMessage(unlucky, struck, "fgw"));
        AtomicBoolean outage = new AtomicBoolean(true);
        ApprovalRig.Faults faults = (m, rnd) -> {
            if (outage.get() && m.body().contains(unlucky)) throw new IllegalStateException("injected outage");
        };
        assertEquals(12, rig.depth(rig.approvalQueue));

        ApprovalRig.Tally tally = new ApprovalRig.Tally();
        Random rnd = new Random(5);
        long deadline = System.currentTimeMillis() + 45_000;
        while (System.currentTimeMillis() < deadline
                && (rig.depth(rig.approvalQueue) > 0 || rig.depth(rig.deadLetterQueue) < 3)) {
            rig.pollOnce(tally, faults, rnd, 1);
        }
        assertEquals(0, rig.depth(rig.approvalQueue), "the approval queue is empty");
        assertEquals(3, rig.depth(rig.deadLetterQueue), "three messages in the dead-letter queue");

        // each failing message was received exactly maxReceiveCount times; each good one once
        assertEquals(5, tally.receivesByBody.get(garbage).get());
        assertEquals(5, tally.receivesByBody.get(noSuchTask).get());
        assertEquals(5, tally.receivesByBody.get(unluckyBody).get());
        assertEquals(15, tally.failed.get());
        assertEquals(9, tally.delivered.get(), "every good message delivered");
        assertEquals(0, tally.duplicates.get());
        assertTrue(tally.deliveredByTask.values().stream().allMatch(n -> n.get() == 1));
        List<String> first = tally.batchBodies.get(0);
        assertTrue(first.contains(garbage) || first.contains(noSuchTask), "a poison message in the first batch");
        assertTrue(first.stream().anyMatch(b -> b.contains(healthy)), "and good ones beside it: " + first);

        // the good tasks are in their inboxes; the healthy case is fully distributed, the struck one waits for one
        assertTrue(rig.platform.cases.tasksOf(healthy).stream().allMatch(t -> t.status() == TaskStatus.PENDING));
        assertNotNull(rig.caseOf(healthy).distributedAt());
        assertEquals(TaskStatus.CREATED, rig.task(struck, "fgw").status());
        assertEquals(null, rig.caseOf(struck).distributedAt());
        assertEquals(CaseStatus.IN_REVIEW, rig.caseOf(struck).status());

        // what sits in the dead-letter queue can be seen
        List<Message> dead = rig.peekAll(rig.deadLetterQueue);
        assertEquals(Set.of(garbage, noSuchTask, unluckyBody), dead.stream().map(Message::body)
                .collect(Collectors.toSet()));

        // a re-drive to a queue that does not exist fails and leaves every dead letter where it was
        assertThrows(RuntimeException.class,
                () -> DeadLetterRedrive.redrive(rig.sqs, rig.deadLetterQueue, rig.approvalQueue + "-missing", 10));
        assertEquals(3, rig.visible(rig.deadLetterQueue), "still there, visible again");
        assertEquals(0, rig.depth(rig.approvalQueue));

        // re-drive: first at most one, then the rest
        assertEquals(1, DeadLetterRedrive.redrive(rig.sqs, rig.deadLetterQueue, rig.approvalQueue, 1));
        assertEquals(2, rig.depth(rig.deadLetterQueue));
        assertEquals(2, DeadLetterRedrive.redrive(rig.sqs, rig.deadLetterQueue, rig.approvalQueue, 100));
        assertEquals(0, rig.depth(rig.deadLetterQueue), "the dead-letter queue is empty");
        assertTrue(rig.sqs.receiveMessage(b -> b.queueUrl(rig.deadLetterQueue).waitTimeSeconds(1)).messages()
                .isEmpty());
        assertEquals(0, DeadLetterRedrive.redrive(rig.sqs, rig.deadLetterQueue, rig.approvalQueue, 100));

        // every re-driven message is back in the source queue, once
        List<Message> back = rig.receiveAll(rig.approvalQueue, 30);
        assertEquals(3, back.size());
        assertEquals(Set.of(garbage, noSuchTask, unluckyBody), back.stream().map(Message::body)
                .collect(Collectors.toSet()));

        // the outage is over: the re-driven good message is delivered; the poison ones are dropped by hand
        outage.set(false);
        rig.delete(rig.approvalQueue, back.stream().filter(m -> !m.body().equals(unluckyBody)).toList());
        rig.sqs.changeMessageVisibility(b -> b.queueUrl(rig.approvalQueue).visibilityTimeout(0)
                .receiptHandle(back.stream().filter(m -> m.body().equals(unluckyBody)).findFirst().orElseThrow()
                        .receiptHandle()));
        ApprovalRig.Tally after = rig.drain(1, faults, 9, 20_000);
        assertEquals(1, after.delivered.get());
        assertEquals(TaskStatus.PENDING, rig.task(struck, "fgw").status());
        assertNotNull(rig.caseOf(struck).distributedAt(), "nothing accepted is lost");
        assertEquals(5, ApprovalRig.count(rig.history(struck), "TASK_DELIVERED"));
    }
}
