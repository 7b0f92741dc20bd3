package cn.onewindow.aws.bench;

import cn.onewindow.aws.AwsSettings;
import cn.onewindow.aws.DemoSeeder;
import cn.onewindow.aws.Platform;
import cn.onewindow.aws.SqsApprovalQueue;
import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.queue.QueueConfig;
import cn.onewindow.core.queue.QueueService;
import cn.onewindow.core.queue.Ticket;
import cn.onewindow.core.queue.TicketStatus;
import cn.onewindow.infrastructure.EmbeddedAws;
import cn.onewindow.infrastructure.ProvisionedResources;
import cn.onewindow.infrastructure.TemplateModel;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The queue under a center's peak (issue text: ≈ 900 cases a working day, peaks of 200 tickets an hour, 30 windows
 * calling at once), against dynoxide through the real SDK.
 *
 * <p>Setup (untimed): the demo center, its queue configuration replaced by 30 windows (every third calls A, B and C;
 * the others one category each); {@code N} tickets (default 200) taken one by one through {@code QueueService.take}
 * with the clock moving 3600 s ÷ N between takes (one hour of the peak), categories A 50 %, B 30 %, C 20 %. The
 * cases and reference tables are then copied to a second set of tables from the same template (the raw side).
 *
 * <p>Run: 30 window threads start together and each loops call-next → start → finish until its queue is empty.
 * <b>Ours</b> = the wall time of {@code QueueService.callNext} (configuration read, the window's categories' heads,
 * the conditional claim, and the retries contention causes). <b>Raw</b> = the very DynamoDB requests that call-next
 * issued (recorded per thread), sent again straight through the SDK to the raw tables by the same thread right after
 * it: interleaved, same order, same request bodies (start and finish are replayed too, untimed, so the raw tables
 * move alike). Correctness is asserted: every ticket served exactly once, none twice, all DONE; the run fails
 * otherwise.
 *
 * <pre>
 * java -cp "functions/aws/target/test-classes:functions/aws/target/classes:$(cat functions/aws/target/bench.classpath)" \
 *   cn.onewindow.aws.bench.QueueBenchmark 200 30
 * </pre>
 * Arguments: {@code TICKETS WINDOWS} (defaults 200 and 30).
 */
public final class QueueBenchmark {
    /** Friday 2025-04-25 09:00 Shanghai, a working day. */
    static final Instant START = Instant.parse("2025-04-25T01:00:00Z");
    static final String CENTER = DemoData.COUNTY_CENTER;

    private QueueBenchmark() {
    }

    /** Records the DynamoDB requests of the current thread while it is on. */
    static final class PerThread implements ExecutionInterceptor {
        final ThreadLocal<List<SdkRequest>> current = new ThreadLocal<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            List<SdkRequest> l = current.get();
            if (l != null) l.add(context.request());
        }

        List<SdkRequest> start() {
            List<SdkRequest> l = new ArrayList<>();
            current.set(l);
            return l;
        }

        void stop() {
            current.remove();
        }
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int windows = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        System.out.printf(Locale.ROOT, "QueueBenchmark: %d tickets in one hour, %d windows, %d cores%n", n, windows,
                Runtime.getRuntime().availableProcessors());
        try (EmbeddedAws aws = EmbeddedAws.start(ApprovalBenchmark.emulatorOptions())) {
            TemplateModel model = TemplateModel.load();
            String stamp = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
            ProvisionedResources ours = aws.provision(model, "qb" + stamp);
            ProvisionedResources raw = aws.provision(model, "qbraw" + stamp);
            PerThread recorder = new PerThread();
            try (DynamoDbClient ddb = ApprovalBenchmark.dynamo(aws, recorder);
                 DynamoDbClient rawDdb = ApprovalBenchmark.dynamo(aws, null);
                 SqsClient sqs = ApprovalBenchmark.sqs(aws, null)) {
                String queue = ours.queueUrl("ApprovalQueue");
                AwsSettings settings = new AwsSettings(EmbeddedAws.REGION.id(), aws.dynamoDbEndpoint(),
                        aws.sqsEndpoint(), ours.tableName("CasesTable"), ours.tableName("ReferenceTable"),
                        ours.tableName("IdempotencyTable"), ours.tableName("CallersTable"), queue);
                AdjustableClock clock = AdjustableClock.startingAt(START);
                Platform platform = new Platform(settings, clock, ddb, new SqsApprovalQueue(sqs, queue));
                DemoSeeder.seed(platform, clock.instant());
                Caller kiosk = DemoData.callers().get("demo-kiosk");
                Caller window = DemoData.callers().get("demo-window");

                QueueConfig demo = platform.queueStore.config(CENTER).orElseThrow();
                List<QueueConfig.Window> ws = new ArrayList<>();
                for (int w = 1; w <= windows; w++) {
                    ws.add(new QueueConfig.Window(w, "窗口 " + w, w % 3 == 0 ? List.of("A", "B", "C")
                            : List.of(w % 3 == 1 ? "A" : (w % 2 == 0 ? "B" : "C"))));
                }
                platform.queueStore.saveConfig(new QueueConfig(CENTER, demo.categories(), ws, demo.greenLane(),
                        demo.noShowCallLimit(), demo.opensAt(), demo.closesAt(), demo.slots(), 0), demo.version())
                        .orElseThrow();

                long[] takeNanos = new long[n];
                Set<String> issued = new HashSet<>();
                long step = 3_600_000L / n;
                for (int i = 0; i < n; i++) {
                    int r = i % 10;
                    String category = r < 5 ? "A" : r < 8 ? "B" : "C";
                    long t0 = System.nanoTime();
                    Ticket t = platform.queueService.take(kiosk, CENTER,
                            new QueueService.Take(category, null, null, null, null)).ticket();
                    takeNanos[i] = System.nanoTime() - t0;
                    if (!issued.add(t.id())) throw new AssertionError("a number issued twice: " + t.number());
                    clock.advance(Duration.ofMillis(step));
                }
                System.out.printf(Locale.ROOT, "seeded %d tickets (A/B/C), take p50 %.1f ms, p99 %.1f ms%n", n,
                        pct(takeNanos, 50), pct(takeNanos, 99));
                Map<String, String> tables = new HashMap<>();
                for (String id : List.of("CasesTable", "ReferenceTable", "IdempotencyTable", "CallersTable")) {
                    ApprovalBenchmark.copyTable(rawDdb, ours.tableName(id), raw.tableName(id));
                    tables.put(ours.tableName(id), raw.tableName(id));
                }

                List<long[]> samples = new ArrayList<>(); // per call-next: ours nanos, raw nanos, requests
                Map<String, Integer> servedBy = new ConcurrentHashMap<>();
                AtomicInteger twice = new AtomicInteger();
                AtomicInteger rawFailures = new AtomicInteger();
                ExecutorService pool = Executors.newFixedThreadPool(windows);
                CyclicBarrier go = new CyclicBarrier(windows);
                List<Future<List<long[]>>> futures = new ArrayList<>();
                long wall0 = System.nanoTime();
                for (int w = 1; w <= windows; w++) {
                    String windowId = QueueConfig.windowId(CENTER, w);
                    int number = w;
                    futures.add(pool.submit(() -> {
                        List<long[]> mine = new ArrayList<>();
                        go.await(30, TimeUnit.SECONDS);
                        while (true) {
                            List<SdkRequest> sent = recorder.start();
                            long t0 = System.nanoTime();
                            Optional<Ticket> called = platform.queueService.callNext(window, windowId);
                            long ourNanos = System.nanoTime() - t0;
                            recorder.stop();
                            long rawNanos = replay(rawDdb, tables, sent, rawFailures);
                            mine.add(new long[]{ourNanos, rawNanos, sent.size()});
                            if (called.isEmpty()) break;
                            Ticket t = called.get();
                            if (servedBy.putIfAbsent(t.id(), number) != null) twice.incrementAndGet();
                            List<SdkRequest> more = recorder.start();
                            platform.queueService.start(window, t.id());
                            platform.queueService.finish(window, t.id());
                            recorder.stop();
                            replay(rawDdb, tables, more, rawFailures);
                        }
                        return mine;
                    }));
                }
                for (Future<List<long[]>> f : futures) samples.addAll(f.get(30, TimeUnit.MINUTES));
                long wall = System.nanoTime() - wall0;
                pool.shutdown();

                // correctness: every ticket served once, none twice, all finished
                List<Ticket> day = platform.queueStore.day(CENTER, LocalDate.of(2025, 4, 25));
                long done = day.stream().filter(t -> t.status() == TicketStatus.DONE).count();
                if (twice.get() > 0) throw new AssertionError(twice.get() + " ticket(s) served twice");
                if (servedBy.size() != n || done != n || day.size() != n) {
                    throw new AssertionError("served " + servedBy.size() + ", done " + done + ", stored " + day.size()
                            + " of " + n);
                }
                report(n, windows, samples, wall, rawFailures.get());
            }
        }
    }

    /** Sends the recorded requests to the raw tables; returns the nanoseconds spent in the SDK. */
    static long replay(DynamoDbClient db, Map<String, String> tables, List<SdkRequest> requests, AtomicInteger failures) {
        long total = 0;
        for (SdkRequest r : requests) {
            Runnable call = mapped(db, tables, r);
            long t0 = System.nanoTime();
            try {
                call.run();
            } catch (RuntimeException e) {
                failures.incrementAndGet(); // a conditional claim another window won: part of the cost too
            }
            total += System.nanoTime() - t0;
        }
        return total;
    }

    static Runnable mapped(DynamoDbClient db, Map<String, String> tables, SdkRequest request) {
        if (request instanceof GetItemRequest r) {
            GetItemRequest m = r.toBuilder().tableName(tables.get(r.tableName())).build();
            return () -> db.getItem(m);
        }
        if (request instanceof QueryRequest r) {
            QueryRequest m = r.toBuilder().tableName(tables.get(r.tableName())).build();
            return () -> db.query(m);
        }
        if (request instanceof UpdateItemRequest r) {
            UpdateItemRequest m = r.toBuilder().tableName(tables.get(r.tableName())).build();
            return () -> db.updateItem(m);
        }
        if (request instanceof PutItemRequest r) {
            PutItemRequest m = r.toBuilder().tableName(tables.get(r.tableName())).build();
            return () -> db.putItem(m);
        }
        if (request instanceof TransactWriteItemsRequest r) {
            List<TransactWriteItem> items = new ArrayList<>();
            for (TransactWriteItem i : r.transactItems()) {
                TransactWriteItem.Builder b = i.toBuilder();
                if (i.put() != null) b.put(i.put().toBuilder().tableName(tables.get(i.put().tableName())).build());
                if (i.delete() != null) {
                    b.delete(i.delete().toBuilder().tableName(tables.get(i.delete().tableName())).build());
                }
                if (i.update() != null) {
                    b.update(i.update().toBuilder().tableName(tables.get(i.update().tableName())).build());
                }
                if (i.conditionCheck() != null) {
                    b.conditionCheck(i.conditionCheck().toBuilder()
                            .tableName(tables.get(i.conditionCheck().tableName())).build());
                }
                items.add(b.build());
            }
            // another transaction on other tables: its own client token (ours carries one fixed for its retries)
            TransactWriteItemsRequest m = r.toBuilder().transactItems(items).clientRequestToken(null).build();
            return () -> db.transactWriteItems(m);
        }
        throw new IllegalStateException("not replayed: " + request.getClass().getSimpleName());
    }

    static void report(int n, int windows, List<long[]> samples, long wall, int rawFailures) {
        long[] ours = samples.stream().mapToLong(s -> s[0]).toArray();
        long[] raw = samples.stream().mapToLong(s -> s[1]).toArray();
        long[] requests = samples.stream().mapToLong(s -> s[2]).toArray();
        double oursSum = Arrays.stream(ours).sum() / 1e6;
        double rawSum = Arrays.stream(raw).sum() / 1e6;
        System.out.printf(Locale.ROOT, "served %d tickets with %d windows in %.1f s (%.1f tickets/s); every ticket once,"
                + " none twice%n", n, windows, wall / 1e9, n / (wall / 1e9));
        System.out.printf(Locale.ROOT, "call-next: %d calls (%d found the queue empty), %.2f DynamoDB requests a call"
                        + " (max %d)%n", samples.size(), samples.size() - n,
                Arrays.stream(requests).average().orElse(0), Arrays.stream(requests).max().orElse(0));
        System.out.printf(Locale.ROOT, "| figure | ours (QueueService.callNext) | raw (same requests, SDK) | ratio |%n");
        System.out.printf(Locale.ROOT, "|---|---|---|---|%n");
        System.out.printf(Locale.ROOT, "| p50 | %.1f ms | %.1f ms | %.2f |%n", pct(ours, 50), pct(raw, 50),
                pct(ours, 50) / pct(raw, 50));
        System.out.printf(Locale.ROOT, "| p99 | %.1f ms | %.1f ms | %.2f |%n", pct(ours, 99), pct(raw, 99),
                pct(ours, 99) / pct(raw, 99));
        System.out.printf(Locale.ROOT, "| total | %.0f ms | %.0f ms | %.2f |%n", oursSum, rawSum, oursSum / rawSum);
        System.out.printf(Locale.ROOT, "raw requests refused (claims another window won first): %d%n", rawFailures);
    }

    static double pct(long[] nanos, int p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        if (s.length == 0) return 0;
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
    }
}
