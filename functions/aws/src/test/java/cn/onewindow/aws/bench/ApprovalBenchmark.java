package cn.onewindow.aws.bench;

import cn.onewindow.aws.AwsClients;
import cn.onewindow.core.approval.usecase.DeliverTask;
import cn.onewindow.aws.AwsSettings;
import cn.onewindow.aws.DemoSeeder;
import cn.onewindow.aws.Platform;
import cn.onewindow.aws.SqsApprovalQueue;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskCommand;
import cn.onewindow.core.approval.TaskStatus;
import cn.onewindow.core.cases.Applicant;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.IdentityNumbers;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.catalog.MaterialRequirement;
import cn.onewindow.core.catalog.ParticipatingDepartment;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.service.ApprovalService;
import cn.onewindow.core.cases.usecase.CaseCommands;
import cn.onewindow.infrastructure.EmbeddedAws;
import cn.onewindow.infrastructure.ProvisionedResources;
import cn.onewindow.infrastructure.TemplateModel;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Throughput of parallel approval on dynoxide + ElasticMQ, against the raw cost of the same store and queue
 * calls (issue requirement): N joint cases with five departments each go through fan-out (intake), delivery (approval
 * queue → {@code ApprovalService.deliver}, deleted after success, as the approval worker does) and fan-in (every
 * department reads its inbox and approves; the fifth approval settles the case).
 *
 * <p>Not a JUnit test (a {@code main}; surefire never picks it up). Run from the repository root (core and
 * infrastructure installed in the local repository, e.g. by {@code mvn -B -o -q install -DskipTests}):
 *
 * <pre>
 * mvn -B -o -q -pl functions/aws test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.onewindow.aws.bench.ApprovalBenchmark -Dexec.args="300"
 * </pre>
 *
 * Arguments: {@code N [WARMUP]} (defaults 300 and 30 cases).
 *
 * <p>How the raw figure is made. Every SDK call of the measured run goes through an execution interceptor that keeps
 * the request as sent, the response and the time spent in the SDK. After the run the same requests are sent again,
 * one by one in the same order, straight through the SDK, to a second set of tables and queues provisioned from the
 * same template (the reference and callers tables copied over first, untimed): the same TransactWriteItems with the
 * same items and conditions (so the version checks pass exactly as they did), the same GetItem and Query requests
 * (returning the same items), the same SendMessageBatch bodies, ReceiveMessage requests, and DeleteMessageBatch
 * requests whose receipt handles are mapped to the messages the replay received. No domain code, no JSON of ours,
 * no retries: what is left is the store and the queue. The ratio is our wall time ÷ the replay's time in those calls.
 */
public final class ApprovalBenchmark {
    /** Issue 3: our path within 1.2 x the raw store and queue calls it makes. */
    static final double TARGET_RATIO = 1.2;
    /** Friday 2025-04-25 10:00 in Shanghai. */
    static final Instant START = Instant.parse("2025-04-25T02:00:00Z");
    static final String ITEM = DemoData.ITEM_FIXED_ASSET_INVESTMENT;
    static final String[] PHASES = {"fan-out (intake)", "delivery", "fan-in (decisions)"};

    private ApprovalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        EmbeddedAws.Options options = emulatorOptions();
        System.out.printf(Locale.ROOT, "ApprovalBenchmark: %d joint cases x 5 departments (warm-up %d), %d cores%n",
                n, warmup, Runtime.getRuntime().availableProcessors());
        try (EmbeddedAws aws = EmbeddedAws.start(options)) {
            TemplateModel model = TemplateModel.load();
            String stamp = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
            ProvisionedResources ours = aws.provision(model, "bench" + stamp);
            ProvisionedResources raw = aws.provision(model, "benchraw" + stamp);
            Recorder recorder = new Recorder();
            try (DynamoDbClient ddb = dynamo(aws, recorder); SqsClient sqs = sqs(aws, recorder);
                 DynamoDbClient rawDdb = dynamo(aws, null); SqsClient rawSqs = sqs(aws, null)) {
                String queue = ours.queueUrl("ApprovalQueue");
                AwsSettings settings = new AwsSettings(EmbeddedAws.REGION.id(), aws.dynamoDbEndpoint(),
                        aws.sqsEndpoint(), ours.tableName("CasesTable"), ours.tableName("ReferenceTable"),
                        ours.tableName("IdempotencyTable"), ours.tableName("CallersTable"), queue);
                AdjustableClock clock = AdjustableClock.startingAt(START);
                Platform platform = new Platform(settings, clock, ddb, new SqsApprovalQueue(sqs, queue));
                DemoSeeder.seed(platform, clock.instant());

                copyTable(rawDdb, ours.tableName("ReferenceTable"), raw.tableName("ReferenceTable"));
                copyTable(rawDdb, ours.tableName("CallersTable"), raw.tableName("CallersTable"));
                Map<String, String> tables = new HashMap<>();
                Map<String, String> labels = new HashMap<>();
                for (String id : List.of("CasesTable", "ReferenceTable", "IdempotencyTable", "CallersTable")) {
                    tables.put(ours.tableName(id), raw.tableName(id));
                    labels.put(ours.tableName(id), id.replace("Table", "").toLowerCase(Locale.ROOT));
                }
                Replay replay = new Replay(rawDdb, rawSqs, tables, Map.of(queue, raw.queueUrl("ApprovalQueue")));

                Pipeline pipeline = new Pipeline(platform, sqs, queue, recorder, replay);
                pipeline.run(warmup);
                recorder.measured.clear();
                replay.reset();
                long[] wall = pipeline.run(n);
                report(n, wall, recorder.measured, replay, labels);
            }
        }
    }

    // ---- the pipeline under test -------------------------------------------------------------------------------

    /**
     * The three phases, cut into short segments; after each segment our stopwatch stops and the calls it made are
     * replayed raw at once, so both run under the same conditions (JIT, garbage, whatever else the machine does).
     */
    static final class Pipeline {
        static final int SEGMENT = 10;
        final Platform platform;
        final SqsClient sqs;
        final String queue;
        final Recorder recorder;
        final Replay replay;
        final ServiceItem item;
        final List<String> departments;
        final Map<String, Caller> callers = DemoData.callers();
        int applicants;
        private long[] wall;
        private long segmentStart;

        Pipeline(Platform platform, SqsClient sqs, String queue, Recorder recorder, Replay replay) {
            this.platform = platform;
            this.sqs = sqs;
            this.queue = queue;
            this.recorder = recorder;
            this.replay = replay;
            this.item = DemoData.items(Instant.EPOCH).stream().filter(i -> i.code().equals(ITEM)).findFirst()
                    .orElseThrow();
            this.departments = item.departments().stream().map(ParticipatingDepartment::code).toList();
        }

        private void resume(int phase) {
            recorder.phase = phase;
            recorder.on = true;
            segmentStart = System.nanoTime();
        }

        private void pause() {
            wall[recorder.phase] += System.nanoTime() - segmentStart;
            recorder.on = false;
            replay.run(recorder.take());
        }

        /** Runs n cases through the three phases; returns our wall time of each phase in nanoseconds. */
        long[] run(int n) {
            wall = new long[3];
            List<SubmittedMaterial> materials = item.materials().stream().filter(MaterialRequirement::mandatory)
                    .map(m -> new SubmittedMaterial(m.code(), m.copies())).toList();
            Caller window = callers.get("demo-window");
            List<String> caseIds = new ArrayList<>();

            resume(0);
            for (int i = 0; i < n; i++) {
                String name = "基准申请人" + applicants++;
                caseIds.add(platform.caseService.intake(window, new CaseCommands.Intake(ITEM, person(name),
                        Channel.WINDOW, null, null, materials, List.of()), null).snapshot().id());
                if (i % SEGMENT == SEGMENT - 1) {
                    pause();
                    resume(0);
                }
            }
            pause();

            resume(1);
            int delivered = 0;
            while (delivered < n * departments.size()) {
                List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)
                        .waitTimeSeconds(0)).messages();
                List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
                for (Message m : batch) {
                    if (platform.approvalService.deliver(SqsApprovalQueue.parse(m.body()))
                            == DeliverTask.Delivery.DELIVERED) delivered++;
                    done.add(DeleteMessageBatchRequestEntry.builder().id("d" + done.size())
                            .receiptHandle(m.receiptHandle()).build());
                }
                if (!done.isEmpty()) sqs.deleteMessageBatch(b -> b.queueUrl(queue).entries(done));
                pause();
                resume(1);
            }
            pause();

            resume(2);
            for (String dept : departments) {
                Caller caller = callers.get("demo-dept-" + dept);
                while (true) {
                    List<DepartmentTask> page = platform.approvalService.inbox(caller, dept, TaskStatus.PENDING, 100,
                            null).items();
                    if (page.isEmpty()) break;
                    int i = 0;
                    for (DepartmentTask t : page) {
                        platform.approvalService.decide(caller, t.taskId(),
                                new TaskCommand(TaskCommand.Outcome.APPROVE, List.of(), List.of()));
                        if (++i % SEGMENT == 0) {
                            pause();
                            resume(2);
                        }
                    }
                }
            }
            pause();

            for (String id : caseIds) {
                CaseStatus s = platform.cases.find(id).orElseThrow().status();
                if (s != CaseStatus.APPROVED) throw new IllegalStateException("case " + id + " ended " + s);
            }
            return wall;
        }

        static Applicant person(String name) {
            String first17 = "33011019850101" + String.format("%03d", Math.floorMod(name.hashCode(), 1000));
            return new Applicant(name, null, IdType.RESIDENT_ID, first17 + IdentityNumbers.checkCharacter(first17),
                    "13812345678");
        }
    }

    // ---- recording ---------------------------------------------------------------------------------------------

    /** One SDK call as made: the request sent, the response, the time inside the SDK. */
    record Call(int phase, SdkRequest request, SdkResponse response, long nanos, boolean failed) {
        String kind() {
            String s = request.getClass().getSimpleName();
            return s.endsWith("Request") ? s.substring(0, s.length() - "Request".length()) : s;
        }

        /** The kind, with the table (and index) it reads: {@code GetItem|<table>}, {@code Query|<table>/<index>}. */
        String label() {
            if (request instanceof GetItemRequest r) return kind() + "|" + r.tableName();
            if (request instanceof QueryRequest r) {
                return kind() + "|" + r.tableName() + (r.indexName() == null ? "" : "/" + r.indexName());
            }
            return kind();
        }
    }

    static final class Recorder implements ExecutionInterceptor {
        private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("bench.started");
        volatile boolean on;
        volatile int phase;
        /** Calls not yet replayed. */
        private final List<Call> pending = new ArrayList<>();
        /** Every call since the last clear (the measured run). */
        final List<Call> measured = new ArrayList<>();

        synchronized void add(Call c) {
            pending.add(c);
            measured.add(c);
        }

        synchronized List<Call> take() {
            List<Call> out = new ArrayList<>(pending);
            pending.clear();
            return out;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            attributes.putAttribute(STARTED, System.nanoTime());
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (on) {
                add(new Call(phase, context.request(), context.response(),
                        System.nanoTime() - attributes.getAttribute(STARTED), false));
            }
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            if (on) {
                add(new Call(phase, context.request(), null,
                        System.nanoTime() - attributes.getAttribute(STARTED), true));
            }
        }
    }

    static DynamoDbClient dynamo(EmbeddedAws aws, ExecutionInterceptor interceptor) {
        return DynamoDbClient.builder().httpClient(AwsClients.httpClient())
                .endpointOverride(aws.dynamoDbEndpoint()).region(EmbeddedAws.REGION)
                .credentialsProvider(EmbeddedAws.localCredentials())
                .overrideConfiguration(c -> {
                    if (interceptor != null) c.addExecutionInterceptor(interceptor);
                }).build();
    }

    /** The emulators' defaults: free ports, dynoxide in memory. */
    static EmbeddedAws.Options emulatorOptions() {
        return EmbeddedAws.Options.defaults();
    }

    static SqsClient sqs(EmbeddedAws aws, ExecutionInterceptor interceptor) {
        return SqsClient.builder().httpClient(AwsClients.httpClient())
                .endpointOverride(aws.sqsEndpoint()).region(EmbeddedAws.REGION)
                .credentialsProvider(EmbeddedAws.localCredentials())
                .overrideConfiguration(c -> {
                    if (interceptor != null) c.addExecutionInterceptor(interceptor);
                }).build();
    }

    static void copyTable(DynamoDbClient db, String from, String to) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> s = start;
            ScanResponse r = db.scan(b -> b.tableName(from).exclusiveStartKey(s));
            List<WriteRequest> writes = new ArrayList<>();
            for (Map<String, AttributeValue> item : r.items()) {
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            for (int i = 0; i < writes.size(); i += 25) {
                List<WriteRequest> part = writes.subList(i, Math.min(i + 25, writes.size()));
                Map<String, List<WriteRequest>> pending = Map.of(to, part);
                while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> p = pending;
                    pending = db.batchWriteItem(b -> b.requestItems(p)).unprocessedItems();
                }
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
    }

    // ---- the raw replay ----------------------------------------------------------------------------------------

    /** Sends the recorded requests again, straight through the SDK, to the raw tables and queues. */
    static final class Replay {
        final DynamoDbClient db;
        final SqsClient sqs;
        final Map<String, String> tables;
        final Map<String, String> queues;
        /** Per phase and kind: calls and nanoseconds in the SDK. */
        final Map<String, long[]> byKind = new TreeMap<>();
        final long[] phaseNanos = new long[3];
        int failures;
        int unmatchedReceipts;
        final List<String> skipped = new ArrayList<>();
        /** Our receipt handle → message body (from our recorded receives); body → the replay's receipt handles. */
        final Map<String, String> bodyOfReceipt = new HashMap<>();
        final Map<String, Deque<String>> rawReceipts = new HashMap<>();

        Replay(DynamoDbClient db, SqsClient sqs, Map<String, String> tables, Map<String, String> queues) {
            this.db = db;
            this.sqs = sqs;
            this.tables = tables;
            this.queues = queues;
        }

        void reset() {
            byKind.clear();
            java.util.Arrays.fill(phaseNanos, 0);
            failures = 0;
            unmatchedReceipts = 0;
            skipped.clear();
        }

        void run(List<Call> calls) {
            for (Call c : calls) {
                if (c.response() instanceof ReceiveMessageResponse r) {
                    for (Message m : r.messages()) bodyOfReceipt.put(m.receiptHandle(), m.body());
                }
            }
            for (Call c : calls) {
                if (c.failed()) continue; // conflicts and the like are not part of the store's cost of success
                Runnable call = mapped(c.request());
                if (call == null) {
                    skipped.add(c.kind());
                    continue;
                }
                long t0 = System.nanoTime();
                try {
                    call.run();
                } catch (RuntimeException e) {
                    failures++;
                }
                long t = System.nanoTime() - t0;
                phaseNanos[c.phase()] += t;
                long[] k = byKind.computeIfAbsent(c.label(), x -> new long[2]);
                k[0]++;
                k[1] += t;
            }
        }

        private String table(String t) {
            String m = tables.get(t);
            if (m == null) throw new IllegalStateException("no raw table for " + t);
            return m;
        }

        private String queue(String url) {
            String m = queues.get(url);
            if (m == null) throw new IllegalStateException("no raw queue for " + url);
            return m;
        }

        private Runnable mapped(SdkRequest request) {
            if (request instanceof TransactWriteItemsRequest r) {
                List<TransactWriteItem> items = new ArrayList<>();
                for (TransactWriteItem i : r.transactItems()) items.add(mapped(i));
                // another transaction on other tables: its own client token (ours carries one fixed for its retries)
            TransactWriteItemsRequest m = r.toBuilder().transactItems(items).clientRequestToken(null).build();
                return () -> db.transactWriteItems(m);
            }
            if (request instanceof GetItemRequest r) {
                GetItemRequest m = r.toBuilder().tableName(table(r.tableName())).build();
                return () -> db.getItem(m);
            }
            if (request instanceof QueryRequest r) {
                QueryRequest m = r.toBuilder().tableName(table(r.tableName())).build();
                return () -> db.query(m);
            }
            if (request instanceof BatchGetItemRequest r) {
                Map<String, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes> items =
                        new LinkedHashMap<>();
                r.requestItems().forEach((t, k) -> items.put(table(t), k));
                BatchGetItemRequest m = r.toBuilder().requestItems(items).build();
                return () -> db.batchGetItem(m);
            }
            if (request instanceof SendMessageBatchRequest r) {
                SendMessageBatchRequest m = r.toBuilder().queueUrl(queue(r.queueUrl())).build();
                return () -> sqs.sendMessageBatch(m);
            }
            if (request instanceof SendMessageRequest r) {
                SendMessageRequest m = r.toBuilder().queueUrl(queue(r.queueUrl())).build();
                return () -> sqs.sendMessage(m);
            }
            if (request instanceof ReceiveMessageRequest r) {
                ReceiveMessageRequest m = r.toBuilder().queueUrl(queue(r.queueUrl())).build();
                return () -> {
                    for (Message msg : sqs.receiveMessage(m).messages()) {
                        rawReceipts.computeIfAbsent(msg.body(), x -> new ArrayDeque<>()).add(msg.receiptHandle());
                    }
                };
            }
            if (request instanceof DeleteMessageBatchRequest r) {
                String url = queue(r.queueUrl());
                return () -> {
                    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
                    for (DeleteMessageBatchRequestEntry e : r.entries()) {
                        String receipt = rawReceipt(e.receiptHandle());
                        if (receipt != null) entries.add(e.toBuilder().receiptHandle(receipt).build());
                    }
                    if (!entries.isEmpty()) sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(entries));
                };
            }
            if (request instanceof DeleteMessageRequest r) {
                String url = queue(r.queueUrl());
                return () -> {
                    String receipt = rawReceipt(r.receiptHandle());
                    if (receipt != null) sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(receipt));
                };
            }
            return null;
        }

        private String rawReceipt(String ours) {
            String body = bodyOfReceipt.get(ours);
            Deque<String> raw = body == null ? null : rawReceipts.get(body);
            String r = raw == null ? null : raw.poll();
            if (r == null) unmatchedReceipts++;
            return r;
        }

        private TransactWriteItem mapped(TransactWriteItem i) {
            TransactWriteItem.Builder b = i.toBuilder();
            if (i.put() != null) b.put(i.put().toBuilder().tableName(table(i.put().tableName())).build());
            if (i.delete() != null) {
                Delete d = i.delete();
                b.delete(d.toBuilder().tableName(table(d.tableName())).build());
            }
            if (i.update() != null) {
                Update u = i.update();
                b.update(u.toBuilder().tableName(table(u.tableName())).build());
            }
            if (i.conditionCheck() != null) {
                ConditionCheck c = i.conditionCheck();
                b.conditionCheck(c.toBuilder().tableName(table(c.tableName())).build());
            }
            return b.build();
        }
    }

    // ---- the report --------------------------------------------------------------------------------------------

    static void report(int n, long[] wall, List<Call> calls, Replay replay, Map<String, String> labels) {
        long[] sdk = new long[3];
        int[] count = new int[3];
        Map<String, long[]> ours = new TreeMap<>();
        int failed = 0;
        for (Call c : calls) {
            sdk[c.phase()] += c.nanos();
            count[c.phase()]++;
            long[] k = ours.computeIfAbsent(c.label(), x -> new long[2]);
            k[0]++;
            k[1] += c.nanos();
            if (c.failed()) failed++;
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-20s %8s %10s %10s %10s %10s %10s %7s%n", "phase", "calls", "ours ms",
                "cases/s", "in SDK ms", "raw ms", "raw c/s", "ratio");
        long wallTotal = 0;
        long sdkTotal = 0;
        long rawTotal = 0;
        int callsTotal = 0;
        for (int p = 0; p < 3; p++) {
            row(PHASES[p], count[p], wall[p], sdk[p], replay.phaseNanos[p], n);
            wallTotal += wall[p];
            sdkTotal += sdk[p];
            rawTotal += replay.phaseNanos[p];
            callsTotal += count[p];
        }
        row("total", callsTotal, wallTotal, sdkTotal, rawTotal, n);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-28s %8s %8s %12s %12s %12s%n", "SDK call", "ours", "raw", "ours ms",
                "raw ms", "per call ms");
        for (Map.Entry<String, long[]> e : ours.entrySet()) {
            long[] r = replay.byKind.getOrDefault(e.getKey(), new long[2]);
            String name = e.getKey();
            int bar = name.indexOf('|');
            if (bar > 0) {
                String table = name.substring(bar + 1);
                String index = "";
                int slash = table.indexOf('/');
                if (slash > 0) {
                    index = table.substring(slash);
                    table = table.substring(0, slash);
                }
                name = name.substring(0, bar) + " " + labels.getOrDefault(table, table) + index;
            }
            System.out.printf(Locale.ROOT, "%-28s %8d %8d %12.1f %12.1f %5.2f / %5.2f%n", name, e.getValue()[0],
                    r[0], e.getValue()[1] / 1e6, r[1] / 1e6, e.getValue()[1] / 1e6 / e.getValue()[0],
                    r[0] == 0 ? 0 : r[1] / 1e6 / r[0]);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "per case: %.1f SDK calls; our calls that failed (retried): %d; replay: %d"
                        + " failed, %d receipts unmatched, skipped %s%n", (double) callsTotal / n, failed,
                replay.failures, replay.unmatchedReceipts, replay.skipped);
        System.out.printf(Locale.ROOT, "ours %.2f s = %.1f cases/s; raw store+queue %.2f s = %.1f cases/s;"
                        + " ratio ours / raw = %.2f (our code outside the SDK: %.0f%% of our time)%n",
                wallTotal / 1e9, n / (wallTotal / 1e9), rawTotal / 1e9, n / (rawTotal / 1e9),
                (double) wallTotal / rawTotal, 100.0 * (wallTotal - sdkTotal) / wallTotal);
        Guard.line("parallel approval ours / raw replay time", (double) wallTotal / rawTotal, TARGET_RATIO);
    }

    private static void row(String name, int calls, long wall, long sdk, long raw, int n) {
        System.out.printf(Locale.ROOT, "%-20s %8d %10.0f %10.1f %10.0f %10.0f %10.1f %7.2f%n", name, calls,
                wall / 1e6, n / (wall / 1e9), sdk / 1e6, raw / 1e6, n / (raw / 1e9), (double) wall / raw);
    }
}
