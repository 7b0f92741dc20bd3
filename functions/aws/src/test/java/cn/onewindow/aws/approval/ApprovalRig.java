package cn.onewindow.aws.approval;

import cn.onewindow.core.approval.usecase.DeliverTask;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.onewindow.aws.faults.FaultInjection;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import cn.onewindow.aws.DemoSeeder;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.aws.Platform;
import cn.onewindow.aws.SqsApprovalQueue;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskCommand;
import cn.onewindow.core.approval.TaskMessage;
import cn.onewindow.core.cases.Applicant;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.IdentityNumbers;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.catalog.MaterialRequirement;
import cn.onewindow.core.catalog.ParticipatingDepartment;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.service.ApprovalService;
import cn.onewindow.core.cases.usecase.CaseCommands;
import cn.onewindow.infrastructure.EmbeddedAws;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services wired to one test class's tables and its own approval queue and dead-letter queue (both provisioned
 * from {@code template.yaml}: RedrivePolicy maxReceiveCount 5) on ElasticMQ, with the real {@link SqsApprovalQueue};
 * the demo catalog, calendars, centers and callers seeded. Also a worker that does what the approval worker function
 * does with each batch: deliver every message, delete the ones that succeeded, leave the failed ones to come back
 * after the visibility timeout.
 */
final class ApprovalRig implements AutoCloseable {
    /** Friday 2025-04-25 10:00 in Shanghai. */
    static final Instant FRIDAY_10_SHANGHAI = Instant.parse("2025-04-25T02:00:00Z");
    static final Map<String, Caller> CALLERS = DemoData.callers();
    static final Caller WINDOW = CALLERS.get("demo-window");

    final LocalDynamo.Tables tables;
    /** The platform's SQS client (faulted in the fault-injection run): publishing and the worker's polling. */
    final SqsClient sqs;
    /** The test's own view of the queues (never faulted): depth, peeking, setting up deliveries. */
    final SqsClient observer;
    final String approvalQueue;
    final String deadLetterQueue;
    final AdjustableClock clock;
    final Platform platform;
    final ApprovalService approvals;

    /** DynamoDB calls made through the platform, by operation, and the transactions DynamoDB cancelled. */
    final CallCounter dynamoCalls = new CallCounter();
    private final DynamoDbClient dynamo;

    private ApprovalRig(LocalDynamo.Tables tables) {
        this.tables = tables;
        this.sqs = tables.aws().sqsClient();
        this.observer = tables.aws().sqsClientBuilder().httpClient(UrlConnectionHttpClient.create()).build();
        this.approvalQueue = tables.resources().queueUrl("ApprovalQueue");
        this.deadLetterQueue = tables.resources().queueUrl("ApprovalDeadLetterQueue");
        this.clock = AdjustableClock.startingAt(FRIDAY_10_SHANGHAI);
        this.dynamo = tables.aws().dynamoDbClientBuilder()
                .overrideConfiguration(c -> c.addExecutionInterceptor(dynamoCalls)).build();
        this.platform = new Platform(tables.settings(), clock, dynamo, new SqsApprovalQueue(sqs, approvalQueue));
        this.approvals = platform.approvalService;
        DemoSeeder.seed(platform, clock.instant());
    }

    /**
     * The messages a publication put on the queue: one per task, exactly, or at least one per task in the
     * fault-injection run, where a send whose answer was lost is sent again (SQS delivers at least once).
     */
    static void assertPublished(Set<String> taskIds, List<Message> messages) {
        Set<String> published = messages.stream().map(m -> SqsApprovalQueue.parse(m.body()).taskId())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(taskIds), published, "one message per task");
        if (FaultInjection.active().isEmpty()) {
            assertEquals(taskIds.size(), messages.size(), "exactly one message per task");
        }
    }

    static ApprovalRig create(LocalDynamo.Tables tables) {
        return new ApprovalRig(tables);
    }

    @Override
    public void close() {
        sqs.close();
        observer.close();
        dynamo.close();
    }

    /** Counts SDK calls by operation, and failed ones. */
    static final class CallCounter implements ExecutionInterceptor {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            calls.computeIfAbsent(name(context.request()), k -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            calls.computeIfAbsent(name(context.request()), k -> new AtomicInteger()).incrementAndGet();
            failures.computeIfAbsent(name(context.request()), k -> new AtomicInteger()).incrementAndGet();
        }

        int total() {
            return calls.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        @Override
        public String toString() {
            return new java.util.TreeMap<>(calls) + ", failed " + new java.util.TreeMap<>(failures);
        }

        private static String name(SdkRequest r) {
            return r.getClass().getSimpleName().replace("Request", "");
        }
    }

    // ---- catalog, callers, intake ------------------------------------------------------------------------------

    static ServiceItem item(String code) {
        return DemoData.items(Instant.EPOCH).stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    static List<ParticipatingDepartment> departments(String itemCode) {
        return item(itemCode).departments();
    }

    static Caller dept(String code) {
        Caller c = CALLERS.get("demo-dept-" + code);
        if (c == null) throw new IllegalArgumentException("no demo caller for department " + code);
        return c;
    }

    static String departmentName(String code) {
        return dept(code).name();
    }

    static Applicant person(String name) {
        String first17 = "33011019850101" + String.format("%03d", Math.floorMod(name.hashCode(), 1000));
        return new Applicant(name, null, IdType.RESIDENT_ID, first17 + IdentityNumbers.checkCharacter(first17),
                "13812345678");
    }

    static List<SubmittedMaterial> allMaterials(ServiceItem item) {
        return item.materials().stream().filter(MaterialRequirement::mandatory)
                .map(m -> new SubmittedMaterial(m.code(), m.copies())).toList();
    }

    /** A complete application at the window: accepted at once; returns the case id. */
    String intake(String itemCode, String applicantName) {
        ServiceCase.Snapshot s = platform.caseService.intake(WINDOW, new CaseCommands.Intake(itemCode,
                person(applicantName), Channel.WINDOW, null, null, allMaterials(item(itemCode)), List.of()), null)
                .snapshot();
        assertEquals(CaseStatus.ACCEPTED, s.status(), "a complete application is accepted");
        return s.id();
    }

    static TaskCommand approve() {
        return new TaskCommand(TaskCommand.Outcome.APPROVE, List.of(), List.of());
    }

    static TaskCommand deny(String reason) {
        return new TaskCommand(TaskCommand.Outcome.DENY, List.of(reason), List.of());
    }

    // ---- store -------------------------------------------------------------------------------------------------

    ServiceCase.Snapshot caseOf(String caseId) {
        return platform.cases.find(caseId).orElseThrow();
    }

    DepartmentTask task(String caseId, String dept) {
        return platform.cases.findTask(DepartmentTask.idFor(caseId, dept)).orElseThrow();
    }

    List<HistoryEntry> history(String caseId) {
        return platform.cases.history(caseId);
    }

    static long count(List<HistoryEntry> history, String event) {
        return history.stream().filter(h -> h.event().equals(event)).count();
    }

    /** History lines that moved the case into a decided state (APPROVED or DENIED). */
    static List<HistoryEntry> finalTransitions(List<HistoryEntry> history) {
        return history.stream().filter(h -> h.from() != h.to()
                && (h.to() == CaseStatus.APPROVED || h.to() == CaseStatus.DENIED)).toList();
    }

    /** The task items stored in the case's partition, counted by DynamoDB itself (not through our code). */
    int taskItems(String caseId) {
        return tables.client().query(q -> q.tableName(tables.casesTable()).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :t)").select(Select.COUNT)
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("CASE#" + caseId),
                        ":t", AttributeValue.fromS("TASK#")))).count();
    }

    // ---- queues ------------------------------------------------------------------------------------------------

    void setVisibilityTimeout(String queueUrl, int seconds) {
        observer.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT,
                Integer.toString(seconds))));
    }

    /** Visible plus in flight plus delayed messages (ElasticMQ reports them exactly). */
    int depth(String queueUrl) {
        Map<QueueAttributeName, String> a = observer.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return a.values().stream().mapToInt(Integer::parseInt).sum();
    }

    int visible(String queueUrl) {
        return Integer.parseInt(observer.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    /**
     * Receives every visible message (keeping them invisible for {@code hideSeconds}, at least 1); deletes none.
     */
    List<Message> receiveAll(String queueUrl, int hideSeconds) {
        if (hideSeconds < 1) throw new IllegalArgumentException("messages must stay hidden while they are counted");
        List<Message> out = new ArrayList<>();
        while (true) {
            List<Message> batch = observer.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .visibilityTimeout(hideSeconds).waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
            if (batch.isEmpty()) return out;
            out.addAll(batch);
        }
    }

    /** Every visible message, left on the queue and visible again at once. */
    List<Message> peekAll(String queueUrl) {
        List<Message> all = receiveAll(queueUrl, 30);
        release(queueUrl, all);
        return all;
    }

    /** Makes received messages visible again at once. */
    void release(String queueUrl, List<Message> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            List<Message> part = messages.subList(from, Math.min(from + 10, messages.size()));
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(part.get(i).receiptHandle()).visibilityTimeout(0).build());
            }
            observer.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(entries));
        }
    }

    /** Deletes received messages; returns how many deletes the queue refused (receipt handles gone stale). */
    int delete(String queueUrl, List<Message> messages) {
        int refused = 0;
        for (int from = 0; from < messages.size(); from += 10) {
            List<Message> part = messages.subList(from, Math.min(from + 10, messages.size()));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(part.get(i).receiptHandle()).build());
            }
            refused += observer.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries)).failed().size();
        }
        return refused;
    }

    // ---- the worker --------------------------------------------------------------------------------------------

    /** What may go wrong around one message in a worker (fault injection for the randomized test). */
    interface Faults {
        Faults NONE = (m, rnd) -> { };

        /** Called before the message is parsed and delivered; throwing fails this message only. */
        void before(Message m, Random rnd) throws RuntimeException;
    }

    /** Tallies of everything the workers did. */
    static final class Tally {
        final AtomicInteger batches = new AtomicInteger();
        final AtomicInteger received = new AtomicInteger();
        final AtomicInteger delivered = new AtomicInteger();
        final AtomicInteger duplicates = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicLong deleteFailures = new AtomicLong();
        /** Receives per message body. */
        final Map<String, AtomicInteger> receivesByBody = new ConcurrentHashMap<>();
        /** DELIVERED results per task id. */
        final Map<String, AtomicInteger> deliveredByTask = new ConcurrentHashMap<>();
        /** Bodies of every batch, in the order received. */
        final List<List<String>> batchBodies = Collections.synchronizedList(new ArrayList<>());
    }

    /**
     * One receive and the handling of its batch, as the approval worker function with partial batch responses: the
     * batch's messages in random order, each parsed and delivered; the ones that succeeded deleted, the failed ones
     * left to reappear after the visibility timeout (and to go to the dead-letter queue after maxReceiveCount).
     *
     * @return the number of messages received
     */
    int pollOnce(Tally tally, Faults faults, Random rnd, int waitSeconds) {
        List<Message> batch = new ArrayList<>(sqs.receiveMessage(b -> b.queueUrl(approvalQueue)
                .maxNumberOfMessages(10).waitTimeSeconds(waitSeconds)).messages());
        if (batch.isEmpty()) return 0;
        tally.batches.incrementAndGet();
        tally.received.addAndGet(batch.size());
        tally.batchBodies.add(batch.stream().map(Message::body).toList());
        Collections.shuffle(batch, rnd);
        List<Message> succeeded = new ArrayList<>();
        for (Message m : batch) {
            tally.receivesByBody.computeIfAbsent(m.body(), k -> new AtomicInteger()).incrementAndGet();
            try {
                faults.before(m, rnd);
                TaskMessage task = SqsApprovalQueue.parse(m.body());
                if (approvals.deliver(task) == DeliverTask.Delivery.DELIVERED) {
                    tally.delivered.incrementAndGet();
                    tally.deliveredByTask.computeIfAbsent(task.taskId(), k -> new AtomicInteger()).incrementAndGet();
                } else {
                    tally.duplicates.incrementAndGet();
                }
                succeeded.add(m);
            } catch (RuntimeException e) {
                tally.failed.incrementAndGet();
            }
        }
        try {
            // a receipt handle that expired meanwhile: the message comes back and is a harmless duplicate
            tally.deleteFailures.addAndGet(delete(approvalQueue, succeeded));
        } catch (RuntimeException e) {
            tally.deleteFailures.addAndGet(succeeded.size());
        }
        return batch.size();
    }

    /** Runs {@code consumers} workers until the approval queue is empty (nothing visible or in flight). */
    Tally drain(int consumers, Faults faults, long seed, long timeoutMillis) throws InterruptedException {
        Tally tally = new Tally();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < consumers; i++) {
            Random rnd = new Random(seed + i);
            Thread t = new Thread(() -> {
                try {
                    while (System.currentTimeMillis() < deadline) {
                        if (pollOnce(tally, faults, rnd, 0) == 0) {
                            if (depth(approvalQueue) == 0) return;
                            Thread.sleep(50);
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "approval-worker-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) t.join();
        assertTrue(errors.isEmpty(), () -> "worker errors: " + errors);
        assertEquals(0, depth(approvalQueue), "the approval queue is drained within " + timeoutMillis + " ms");
        return tally;
    }

    Tally drain() throws InterruptedException {
        return drain(1, Faults.NONE, 1, 30_000);
    }
}
