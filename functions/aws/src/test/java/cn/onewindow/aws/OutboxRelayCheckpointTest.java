package cn.onewindow.aws;

import cn.onewindow.infrastructure.EmbeddedAws;
import cn.onewindow.core.approval.TaskMessage;
import cn.onewindow.core.cases.Suspension;
import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.cases.usecase.CaseCommands;
import cn.onewindow.core.service.NotificationRelay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static cn.onewindow.aws.Fixtures.FRIDAY_10_SHANGHAI;
import static cn.onewindow.aws.Fixtures.WINDOW;
import static cn.onewindow.aws.Fixtures.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduled outbox relay reads the due-time index from a checkpoint: an idle tick costs a couple of requests (not
 * one query per hour of its two-day look-back), and nothing pending is ever skipped: a task whose message was lost,
 * written by a function whose clock runs behind, a task resent but not yet delivered, a notification the gateway
 * refused for hours. Real dynoxide; requests counted by an SDK interceptor on the relay's own client.
 */
@ExtendWith(LocalDynamo.class)
class OutboxRelayCheckpointTest {
    static final Duration LOOK_BACK = Duration.ofDays(2);

    /** Counts the DynamoDB operations a client sends. */
    static final class Counter implements ExecutionInterceptor {
        final Map<String, Integer> operations = new TreeMap<>();

        @Override
        public synchronized void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            operations.merge(context.request().getClass().getSimpleName().replace("Request", ""), 1, Integer::sum);
        }

        synchronized Map<String, Integer> take() {
            Map<String, Integer> copy = new TreeMap<>(operations);
            operations.clear();
            return copy;
        }
    }

    static DynamoDbClient counted(LocalDynamo.Tables tables, Counter counter) {
        return tables.aws().dynamoDbClientBuilder()
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build();
    }

    static int total(Map<String, Integer> ops) {
        return ops.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void idleTicksReadACoupleOfBucketsAndLostMessagesAreStillResent(LocalDynamo.Tables tables) {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        tables.seededPlatform(clock);
        Counter counter = new Counter();
        List<TaskMessage> sent = new CopyOnWriteArrayList<>();
        Platform relay = new Platform(tables.settings(), clock, counted(tables, counter), sent::addAll);
        NotificationRelay notifications = new NotificationRelay(relay.cases, n -> { }, clock);
        Runnable tick = () -> {
            relay.approvalService.redispatch(LOOK_BACK, relay.cases);
            notifications.run(LOOK_BACK, relay.cases);
        };

        tick.run(); // the first run ever has no checkpoint: it reads the whole look-back once
        assertTrue(counter.take().getOrDefault("Query", 0) >= 2 * 48, "first run reads every hour of two days");
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(5));
            tick.run();
            Map<String, Integer> ops = counter.take();
            assertTrue(ops.getOrDefault("Query", 0) <= 4 && total(ops) <= 8,
                    "an idle tick reads the checkpoints and one or two hour buckets per outbox: " + ops);
        }

        // a joint case accepted by a function whose clock runs 10 minutes behind, while the queue was down
        Clock behind = Clock.offset(clock, Duration.ofMinutes(-10));
        Platform intake = new Platform(tables.settings(), behind, tables.client(), messages -> {
            throw new IllegalStateException("queue unreachable");
        });
        String caseId = intake.caseService.intake(WINDOW, complete(DemoData.ITEM_FIXED_ASSET_INVESTMENT, "周立新"),
                null).snapshot().id();
        int departments = relay.cases.tasksOf(caseId).size();
        assertTrue(departments >= 2, "a joint case");

        clock.advance(Duration.ofMinutes(5));
        tick.run();
        assertEquals(departments, sent.size(), "every lost message is resent: " + sent);
        assertTrue(sent.stream().allMatch(m -> m.caseId().equals(caseId)));

        // the worker is down for three hours: resent every tick, the checkpoint does not pass them
        for (int i = 0; i < 36; i++) {
            clock.advance(Duration.ofMinutes(5));
            sent.clear();
            tick.run();
            assertEquals(departments, sent.size(), "tick " + i + ": still undelivered, still resent");
        }
        // delivered at last: the relay goes quiet and cheap again
        List<TaskMessage> last = List.copyOf(sent);
        last.forEach(relay.approvalService::deliver);
        clock.advance(Duration.ofMinutes(5));
        sent.clear();
        tick.run();
        assertEquals(List.of(), sent);
        counter.take();
        clock.advance(Duration.ofMinutes(5));
        tick.run();
        Map<String, Integer> ops = counter.take();
        assertTrue(ops.getOrDefault("Query", 0) <= 4, "idle again: " + ops);
    }

    @Test
    void aNotificationTheGatewayRefusesForHoursHoldsTheCheckpoint(LocalDynamo.Tables tables) {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        Platform p = tables.seededPlatform(clock);
        AtomicBoolean gatewayUp = new AtomicBoolean(false);
        List<Notification> delivered = new CopyOnWriteArrayList<>();
        NotificationRelay relay = new NotificationRelay(p.cases, n -> {
            if (!gatewayUp.get()) throw new IllegalStateException("gateway down");
            delivered.add(n);
        }, clock);
        relay.run(LOOK_BACK, p.cases);
        String id = p.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, "吴晓红"), null)
                .snapshot().id();
        p.caseService.suspend(WINDOW, id, new CaseCommands.Suspend(Suspension.Kind.TESTING, "检测"), null);
        for (int i = 0; i < 48; i++) { // four hours of ticks with the gateway down
            clock.advance(Duration.ofMinutes(5));
            assertEquals(0, relay.run(LOOK_BACK, p.cases));
        }
        gatewayUp.set(true);
        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, relay.run(LOOK_BACK, p.cases), "sent once the gateway is back, four hours later");
        assertEquals(Notification.Kind.SUSPENDED, delivered.get(0).kind());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(0, relay.run(LOOK_BACK, p.cases));
        assertEquals(1, delivered.size());
    }

    @Test
    void checkpointsAreHourBoundariesBehindTheRun(LocalDynamo.Tables tables) {
        AdjustableClock clock = AdjustableClock.anchored(Instant.parse("2025-04-25T02:10:00Z"), Instant.now());
        Platform p = tables.platform(clock);
        p.approvalService.redispatch(LOOK_BACK, p.cases);
        // 02:10 - 15 minutes = 01:55 → the bucket of 01:00 is read again next time
        assertEquals(Instant.parse("2025-04-25T01:00:00Z"), p.cases.checkpoint("outbox-approval").orElseThrow());
        clock.advance(Duration.ofMinutes(10));
        p.approvalService.redispatch(LOOK_BACK, p.cases);
        assertEquals(Instant.parse("2025-04-25T02:00:00Z").atOffset(ZoneOffset.UTC).toInstant(),
                p.cases.checkpoint("outbox-approval").orElseThrow());
    }
}
