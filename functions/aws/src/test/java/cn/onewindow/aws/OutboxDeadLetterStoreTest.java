package cn.onewindow.aws;

import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskStatus;
import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.ports.ApprovalQueue;
import cn.onewindow.core.service.ApprovalService;
import cn.onewindow.core.service.NotificationRelay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.onewindow.aws.Fixtures.FRIDAY_10_SHANGHAI;
import static cn.onewindow.aws.Fixtures.WINDOW;
import static cn.onewindow.aws.Fixtures.complete;
import static cn.onewindow.aws.Fixtures.rawItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both outbox relays give up on an item after its maximum number of tries (configurable; small here): a notification
 * the gateway keeps refusing and a task message the worker never delivers are dead-lettered — tried exactly that
 * often, then never again, and kept for an operator in the DEAD bucket of the due-time index.
 */
@ExtendWith(LocalDynamo.class)
class OutboxDeadLetterStoreTest {
    private static final int MAX = 3;

    @Test
    void aNotificationRefusedItsMaximumNumberOfTimesIsDeadLetteredAndNeverTriedAgain(LocalDynamo.Tables tables) {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        Platform p = tables.seededPlatform(clock);
        String id = p.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, "郑拒收"), null)
                .snapshot().id();
        p.caseService.suspend(WINDOW, id, new cn.onewindow.core.cases.usecase.CaseCommands.Suspend(
                cn.onewindow.core.cases.Suspension.Kind.HEARING, "听证"), null); // an SMS to the applicant
        Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
        NotificationRelay relay = new NotificationRelay(p.cases, n -> {
            tries.computeIfAbsent(n.id(), k -> new AtomicInteger()).incrementAndGet();
            throw new IllegalStateException("gateway refuses");
        }, clock);
        List<Notification> outbox = p.cases.unsentNotifications(FRIDAY_10_SHANGHAI.minusSeconds(60),
                FRIDAY_10_SHANGHAI.plusSeconds(60), 100).stream().filter(n -> n.caseId().equals(id)).toList();
        assertFalse(outbox.isEmpty(), "the suspension put an SMS in the outbox");
        for (int run = 1; run <= MAX + 2; run++) {
            clock.advanceTo(FRIDAY_10_SHANGHAI.plus(Duration.ofMinutes(5L * run)));
            assertEquals(0, relay.run(Duration.ofDays(2), p.cases, MAX));
        }
        for (Notification n : outbox) {
            assertEquals(MAX, tries.get(n.id()).get(), "tried exactly " + MAX + " times, then never again");
            Map<String, AttributeValue> item = rawItem(tables.client(), tables.casesTable(), id,
                    "NOTIFY#" + DynamoCaseRepository.sortable(n.createdAt()) + "#" + n.id());
            assertEquals(DynamoCaseRepository.NOTIFY_DEAD_BUCKET, item.get("dueBucket").s());
            assertEquals(String.valueOf(MAX), item.get("attempts").n());
            assertTrue(item.containsKey("deadLetteredAt"));
        }
        assertTrue(p.cases.unsentNotifications(FRIDAY_10_SHANGHAI.minusSeconds(60), clock.instant(), 100).stream()
                .noneMatch(n -> n.caseId().equals(id)), "out of the outbox the relay reads");
    }

    @Test
    void aTaskMessageNeverDeliveredIsDeadLetteredAfterItsMaximumResends(LocalDynamo.Tables tables) {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        Platform p = tables.seededPlatform(clock);
        AtomicInteger sent = new AtomicInteger();
        ApprovalQueue lost = messages -> sent.addAndGet(messages.size()); // sent, never delivered by a worker
        ApprovalService approvals = new ApprovalService(p.cases, p.reference, lost, p.deadlines, clock);
        String id = p.caseService.intake(WINDOW, complete(DemoData.ITEM_FIXED_ASSET_INVESTMENT, "冯未达"), null)
                .snapshot().id();
        List<DepartmentTask> tasks = p.cases.tasksOf(id);
        assertEquals(5, tasks.size());
        assertTrue(tasks.stream().allMatch(t -> t.status() == TaskStatus.CREATED));
        for (int run = 1; run <= MAX + 2; run++) {
            clock.advanceTo(FRIDAY_10_SHANGHAI.plus(Duration.ofMinutes(5L * run)));
            int resent = approvals.redispatch(Duration.ofDays(2), p.cases, MAX);
            assertEquals(run < MAX ? 5 : 0, resent, "run " + run);
        }
        assertEquals(5 * (MAX - 1), sent.get(), "resent until the last count, which dead-letters instead");
        for (DepartmentTask t : tasks) {
            Map<String, AttributeValue> item = rawItem(tables.client(), tables.casesTable(), id,
                    "TASK#" + t.departmentCode());
            assertEquals(DynamoCaseRepository.DISPATCH_DEAD_BUCKET, item.get("dueBucket").s());
            assertEquals(String.valueOf(MAX), item.get("dispatchAttempts").n());
            assertEquals(TaskStatus.CREATED, p.cases.findTask(t.taskId()).orElseThrow().status(),
                    "the task itself stays as it was, for an operator to redrive");
        }
        assertTrue(p.cases.undispatched(FRIDAY_10_SHANGHAI.minusSeconds(60), clock.instant(), 100).stream()
                .noneMatch(t -> t.caseId().equals(id)), "out of the outbox the relay reads");
    }
}
