package cn.onewindow.aws.bench;

import cn.onewindow.aws.AwsClients;
import cn.onewindow.aws.AwsSettings;
import cn.onewindow.aws.DemoSeeder;
import cn.onewindow.aws.DynamoCaseRepository;
import cn.onewindow.aws.Json;
import cn.onewindow.aws.Platform;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.cases.Applicant;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.IdentityNumbers;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.catalog.MaterialRequirement;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.cases.usecase.CaseCommands;
import cn.onewindow.core.service.DeadlineChecker;
import cn.onewindow.infrastructure.EmbeddedAws;
import cn.onewindow.infrastructure.ProvisionedResources;
import cn.onewindow.infrastructure.TemplateModel;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.stream.Stream;

/**
 * Scale benchmark of the deadline checker (issue 4): with N1 and N2 = 10 × N1 cases stored, of which the same D fall
 * due in the checker's window, one checker run must read no more than the due items plus a small constant from the
 * {@code byDue} index, and its time must not grow with the stored total.
 *
 * <p>A {@code main}, not a JUnit test (the name does not end in Test, so surefire never picks it up). Run it from
 * the repository root; exec-maven-plugin does not resolve offline here (its parent pom is not in the local
 * repository), so it runs with {@code java -cp} on the test class path:
 *
 * <pre>
 * mvn -B -o -q -pl functions/aws test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=target/bench.classpath
 * java -cp functions/aws/target/test-classes:functions/aws/target/classes:$(cat functions/aws/target/bench.classpath) \
 *     cn.onewindow.aws.bench.DeadlineCheckerScaleBenchmark 20000 200000 1000 5
 * </pre>
 *
 * (the core and infrastructure jars come from the local repository: {@code mvn -B -o -q install -DskipTests} first
 * when they changed; where other builds rewrite {@code target/} meanwhile, copy the class directories elsewhere
 * and run from the copy). Arguments: {@code N1 N2 D ROUNDS}, defaults 100000 1000000 1000 4. System properties:
 * {@code bench.threads} bulk-load threads (default 4); {@code bench.dir} dynoxide's data directory (default
 * {@code /dev/shm/onewindow-bench-ddb} where /dev/shm exists, else {@code functions/aws/target/bench-ddb}; emptied
 * at start and deleted at the end unless {@code bench.keep=true}; {@code memory} for dynoxide in memory).
 * The data directory is on tmpfs by default because on this machine's disk dynoxide wrote only 35–75
 * items/s (SQLite commits every item), against ~750–1,300 items/s on tmpfs or in memory (load average 10–40).
 *
 * <p>Method. One dynoxide holds two stores provisioned from {@code template.yaml} (stages {@code small} and
 * {@code large}, each seeded with the demo data): N1 cases in one, N2 in the other. One real case is taken in
 * through {@code caseService.intake}; its stored items (META with its JSON doc, TIMER#WARNING, TIMER#DUE, and for
 * the cases that will fall due its HIST lines, so that the accountability record names the accepting staff) are
 * copied for every bulk case under a new id, written with raw {@code BatchWriteItem} (25 items a request, several
 * threads, unprocessed items retried). Background cases fall due at random over a year (warning a day before),
 * never within 30 minutes of a checker instant but in the same hour buckets, so only the sort-key range of the
 * query keeps them out. There are ROUNDS + 1 checker instants an hour apart (the first a warm-up, left out of the
 * figures); in each store D cases per instant, spread over the load, are ACCEPTED cases due in the last five
 * minutes before it (identical due times in both stores). Round r puts each store's checkpoint five minutes before
 * instant r, fixes the clock there and runs each store's checker once, small then large in even rounds and large
 * then small in odd ones, so that load drifting on a shared machine hits both alike: time ratios are taken between
 * runs of the same round. Each run records wall time, CPU time of this process and of dynoxide (the checker, the
 * SDK and the store; far less disturbed by other processes than wall time), {@code itemsRead()} of the
 * repository and, from an SDK interceptor on the platform's client, the byDue queries' Count, ScannedCount and
 * ConsumedCapacity plus GetItem, other queries and transactions. Bare dynoxide probes, interleaved between
 * the stores the same way (an empty bucket, the window's range query, a whole busy bucket, point reads of META),
 * show whether the emulator itself slows down as a table grows. DescribeTable (no Scan) gives the item counts.
 */
public final class DeadlineCheckerScaleBenchmark {
    /** Tuesday 2025-06-17 10:07 in Shanghai: the first checker instant. */
    static final Instant NOW1 = Instant.parse("2025-06-17T02:07:00Z");
    /** Friday 2025-04-25 10:00 in Shanghai: when the template case is taken in. */
    static final Instant INTAKE_AT = Instant.parse("2025-04-25T02:00:00Z");
    /** Background cases fall due uniformly over a year from here (sharing the windows' hour buckets). */
    static final Instant SPREAD_FROM = NOW1.minus(Duration.ofHours(2));
    static final Duration SPREAD = Duration.ofDays(365);
    /** The checkpoint is put this long before the checker instant; due cases fall in this last stretch. */
    static final Duration DUE_WINDOW = Duration.ofMinutes(5);
    static final Duration ROUND_SPACING = Duration.ofHours(1);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** One store: its tables, the platform wired to them, what was loaded and measured. */
    static final class Store {
        final String name;
        final String table;
        final Platform platform;
        final long cases;
        final List<Round> runs = new ArrayList<>();
        final List<Double> emptyBucketMs = new ArrayList<>();
        final List<Double> windowQueryMs = new ArrayList<>();
        final List<Double> wholeBucketMs = new ArrayList<>();
        final List<Double> getMetaMs = new ArrayList<>();
        long wholeBucketItems;
        Probe windowQuery;
        long tableItems;
        long byDueItems;
        long tableBytes;
        double loadSeconds;
        long itemsWritten;
        double describeSeconds;

        Store(String name, String table, Platform platform, long cases) {
            this.name = name;
            this.table = table;
            this.platform = platform;
            this.cases = cases;
        }

        double medianRunSeconds() {
            return median(runs.stream().mapToDouble(Round::seconds).toArray());
        }

        double medianCpuSeconds() {
            return median(runs.stream().mapToDouble(Round::cpuSeconds).toArray());
        }
    }

    record Round(int round, int order, Instant now, DeadlineChecker.Result result, double seconds,
                 double cpuSeconds, long itemsRead, Meter.Figures sdk, String loadAverage) {
    }

    record Probe(double ms, long count, long scanned, Double capacity) {
    }

    private final int due;
    private final int rounds;
    private final int threads;
    private final DynamoDbClient raw;
    private final Meter meter;
    private final MutableClock clock;
    private final Store small;
    private final Store large;

    // the template case, as stored
    private String templateId;
    private Map<String, AttributeValue> templateMeta;
    private ObjectNode templateDoc;
    private Map<String, AttributeValue> templateWarning;
    private Map<String, AttributeValue> templateDue;
    private List<Map<String, AttributeValue>> templateHistory;
    private String dueKeySuffixWarning;
    private String dueKeySuffixDue;

    private DeadlineCheckerScaleBenchmark(int due, int rounds, int threads, DynamoDbClient raw, Meter meter,
                                          MutableClock clock, Store small, Store large) {
        this.due = due;
        this.rounds = rounds;
        this.threads = threads;
        this.raw = raw;
        this.meter = meter;
        this.clock = clock;
        this.small = small;
        this.large = large;
    }

    public static void main(String[] args) throws Exception {
        int n1 = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int n2 = args.length > 1 ? Integer.parseInt(args[1]) : 10 * n1;
        int d = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int threads = Integer.getInteger("bench.threads", 4);
        if (n2 <= n1 || (long) d * (rounds + 1) * 2 > n1 || rounds < 1 || rounds > 20) {
            throw new IllegalArgumentException("need N2 > N1 >= 2 * D * (ROUNDS + 1) and 1 <= ROUNDS <= 20");
        }
        Path target = moduleTarget();
        String defaultDir = Files.isDirectory(Path.of("/dev/shm")) ? "/dev/shm/onewindow-bench-ddb"
                : target.resolve("bench-ddb").toString();
        String where = System.getProperty("bench.dir", defaultDir);
        Path dir = "memory".equals(where) ? null : Path.of(where).toAbsolutePath();
        if (dir != null) deleteTree(dir);
        EmbeddedAws.Options options = dir == null ? EmbeddedAws.Options.defaults()
                : EmbeddedAws.Options.defaults().withDataDirectory(dir);
        log("load average at start: " + loadAverage() + " (" + Runtime.getRuntime().availableProcessors()
                + " cores); N1=" + n1 + " N2=" + n2 + " D=" + d + " rounds=" + rounds + " threads=" + threads
                + " data=" + (dir == null ? "in memory" : dir));
        long started = System.nanoTime();
        try (EmbeddedAws aws = EmbeddedAws.start(options)) {
            dynoxide = ProcessHandle.of(aws.dynamoDbServer().serverPid()).orElse(null);
            TemplateModel model = TemplateModel.load();
            Meter meter = new Meter();
            MutableClock clock = new MutableClock(INTAKE_AT);
            try (DynamoDbClient raw = client(aws, null); DynamoDbClient metered = client(aws, meter)) {
                Store small = store(aws, model, "small", n1, clock, metered);
                Store large = store(aws, model, "large", n2, clock, metered);
                new DeadlineCheckerScaleBenchmark(d, rounds, threads, raw, meter, clock, small, large).run();
            }
        } finally {
            if (dir != null && !Boolean.getBoolean("bench.keep")) deleteTree(dir);
            log(String.format(Locale.ROOT, "total %.1f s; load average at end: %s",
                    (System.nanoTime() - started) / 1e9, loadAverage()));
        }
    }

    private static Store store(EmbeddedAws aws, TemplateModel model, String stage, long cases, Clock clock,
                               DynamoDbClient client) {
        ProvisionedResources res = aws.provision(model, stage);
        AwsSettings settings = new AwsSettings("cn-north-1", aws.dynamoDbEndpoint(), null,
                res.tableName("CasesTable"), res.tableName("ReferenceTable"), res.tableName("IdempotencyTable"),
                res.tableName("CallersTable"), null);
        Platform platform = new Platform(settings, clock, client);
        DemoSeeder.seed(platform, clock.instant());
        return new Store(stage, settings.casesTable(), platform, cases);
    }

    private void run() {
        takeTemplateCase(small);
        List<Instant> windows = new ArrayList<>();
        for (int r = 0; r <= rounds; r++) windows.add(NOW1.plus(ROUND_SPACING.multipliedBy(r)));
        for (Store s : List.of(small, large)) {
            log("store " + s.name + ": loading " + s.cases + " cases into " + s.table);
            load(s, windows);
            long d0 = System.nanoTime();
            TableDescription t = raw.describeTable(b -> b.tableName(s.table)).table();
            s.describeSeconds = (System.nanoTime() - d0) / 1e9;
            s.tableItems = t.itemCount();
            s.tableBytes = t.tableSizeBytes();
            s.byDueItems = t.globalSecondaryIndexes().stream()
                    .filter(g -> g.indexName().equals(DynamoCaseRepository.INDEX_BY_DUE))
                    .mapToLong(GlobalSecondaryIndexDescription::itemCount).findFirst().orElse(-1);
            log(String.format(Locale.ROOT, "  DescribeTable %s: %,d items (%,d bytes), %,d in index byDue;"
                    + " the call took %.1f s; load avg %s", s.table, s.tableItems, s.tableBytes, s.byDueItems,
                    s.describeSeconds, loadAverage()));
        }

        // the checker's own index query for the last window, read-only, before any run (both stores alike)
        Instant last = windows.get(windows.size() - 1);
        for (int i = 0; i < 6; i++) {
            for (Store s : order(i)) {
                Probe p = bareRangeQuery(s, last.minus(DUE_WINDOW).minus(Duration.ofMinutes(10)), last);
                s.windowQueryMs.add(p.ms());
                s.windowQuery = p;
            }
        }

        // window 0 is a warm-up round (class loading, JIT, caches), run on both stores and left out of the figures
        for (int r = 0; r <= rounds; r++) {
            Instant now = windows.get(r);
            clock.set(now);
            List<Store> order = order(r);
            for (int o = 0; o < order.size(); o++) {
                Store s = order.get(o);
                DynamoCaseRepository repo = s.platform.cases;
                if (!repo.advanceCheckpoint(DeadlineChecker.NAME, now.minus(DUE_WINDOW))) {
                    throw new IllegalStateException("checkpoint did not move to " + now.minus(DUE_WINDOW));
                }
                long readBefore = repo.itemsRead();
                Meter.Figures before = meter.figures();
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                DeadlineChecker.Result result = s.platform.deadlineChecker.run();
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpu = (processCpuNanos() - c0) / 1e9;
                Meter.Figures sdk = meter.figures().minus(before);
                long read = repo.itemsRead() - readBefore;
                String la = loadAverage();
                if (r > 0) s.runs.add(new Round(r, o, now, result, seconds, cpu, read, sdk, la));
                log(String.format(Locale.ROOT, "  %s %d %s (%,d cases) at %s: %.2f s (process CPU %.2f s), timersRead"
                                + " %d, overdue %d, warnings %d, failures %d, itemsRead %d, checkpointMoved %s; %s;"
                                + " load avg %s", r == 0 ? "warm-up" : "round", r,
                        s.name, s.cases, now, seconds, cpu, result.timersRead(), result.overdue(), result.warnings(),
                        result.failures(), read, result.checkpointMoved(), sdk, la));
            }
        }
        verifyOneDueCase(large, windows.get(0));
        probes();
        report();
    }

    /** Small first in even rounds, large first in odd ones. */
    private List<Store> order(int round) {
        return round % 2 == 0 ? List.of(small, large) : List.of(large, small);
    }

    /** The first due case of the first window really was marked overdue, with its accountability record. */
    private void verifyOneDueCase(Store s, Instant window) {
        String id = caseId(0);
        Map<String, AttributeValue> meta = rawGet(s.table, "CASE#" + id, "META");
        boolean overdue = meta.containsKey("doc") && meta.get("doc").s().contains("\"overdueAt\":\"");
        boolean record = !rawGet(s.table, "CASE#" + id, "ACCOUNTABILITY#CASE").isEmpty();
        boolean timerGone = rawGet(s.table, "CASE#" + id, "TIMER#DUE").isEmpty();
        log("  check " + s.name + " case " + id + " (due before " + window + "): overdueAt set " + overdue
                + ", accountability record " + record + ", due timer removed " + timerGone);
    }

    // ---- the template case ---------------------------------------------------------------------------------------

    private void takeTemplateCase(Store s) {
        Caller window = DemoData.callers().get("demo-window");
        ServiceItem item = DemoData.items(Instant.EPOCH).stream()
                .filter(i -> i.code().equals(DemoData.ITEM_CONSTRUCTION_LAND)).findFirst().orElseThrow();
        List<SubmittedMaterial> materials = item.materials().stream().filter(MaterialRequirement::mandatory)
                .map(m -> new SubmittedMaterial(m.code(), m.copies())).toList();
        String first17 = "33011019850101" + "123";
        Applicant applicant = new Applicant("王建国", null, IdType.RESIDENT_ID,
                first17 + IdentityNumbers.checkCharacter(first17), "13812345678");
        ServiceCase.Snapshot snap = s.platform.caseService.intake(window, new CaseCommands.Intake(item.code(), applicant,
                Channel.WINDOW, null, null, materials, List.of()), null).snapshot();
        templateId = snap.id();
        String pk = "CASE#" + templateId;
        templateMeta = rawGet(s.table, pk, "META");
        templateWarning = rawGet(s.table, pk, "TIMER#WARNING");
        templateDue = rawGet(s.table, pk, "TIMER#DUE");
        if (templateMeta.isEmpty() || templateDue.isEmpty() || templateWarning.isEmpty()) {
            throw new IllegalStateException("template case " + templateId + " lacks META or timers");
        }
        templateHistory = raw.query(q -> q.tableName(s.table).keyConditionExpression("pk = :p AND begins_with(sk, :h)")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(pk), ":h", AttributeValue.fromS("HIST#"))))
                .items();
        try {
            templateDoc = (ObjectNode) Json.MAPPER.readTree(templateMeta.get("doc").s());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dueKeySuffixWarning = suffixAfterTime(templateWarning);
        dueKeySuffixDue = suffixAfterTime(templateDue);
        log("template case " + templateId + ": status " + snap.status() + ", due " + snap.dueAt() + ", META doc "
                + templateMeta.get("doc").s().length() + " chars, " + templateHistory.size()
                + " history lines, dueKey " + templateDue.get("dueKey").s());
    }

    /** What follows {@code sortable(at)#caseId} in a timer's dueKey (the timer's sort-key tail). */
    private String suffixAfterTime(Map<String, AttributeValue> timer) {
        String key = timer.get("dueKey").s();
        String head = DynamoCaseRepository.sortable(Instant.parse(timer.get("at").s())) + "#" + templateId;
        if (!key.startsWith(head)) throw new IllegalStateException("unexpected dueKey " + key);
        return key.substring(head.length());
    }

    private Map<String, AttributeValue> rawGet(String table, String pk, String sk) {
        GetItemResponse r = raw.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))));
        return r.hasItem() ? r.item() : Map.of();
    }

    // ---- generating cases ----------------------------------------------------------------------------------------

    /** True when a background timer at {@code t} would fall into (or next to) a checker window. */
    private boolean nearAWindow(Instant t) {
        for (int r = 0; r <= rounds; r++) {
            Instant now = NOW1.plus(ROUND_SPACING.multipliedBy(r));
            if (!t.isBefore(now.minus(Duration.ofMinutes(30))) && !t.isAfter(now.plus(Duration.ofMinutes(1)))) {
                return true;
            }
        }
        return false;
    }

    static String caseId(long index) {
        return DAY.format(INTAKE_AT) + "-B" + String.format("%09d", index);
    }

    /** The items of bulk case {@code index}; {@code dueAt} given for a case due in a window, else drawn. */
    private List<Map<String, AttributeValue>> caseItems(long index, Instant dueAt) {
        boolean inWindow = dueAt != null;
        if (!inWindow) {
            Random rnd = new Random(index * 0x9E3779B97F4A7C15L);
            do {
                dueAt = SPREAD_FROM.plusSeconds((long) (rnd.nextDouble() * SPREAD.toSeconds()));
            } while (nearAWindow(dueAt) || nearAWindow(dueAt.minus(Duration.ofDays(1))));
        }
        Instant warnAt = dueAt.minus(Duration.ofDays(1));
        String id = caseId(index);
        String pk = "CASE#" + id;
        List<Map<String, AttributeValue>> items = new ArrayList<>(3 + (inWindow ? templateHistory.size() : 0));

        ObjectNode doc = templateDoc.deepCopy();
        doc.put("id", id);
        doc.set("dueAt", Json.MAPPER.valueToTree(dueAt));
        doc.putNull("warnedAt");
        doc.putNull("overdueAt");
        Map<String, AttributeValue> meta = new HashMap<>(templateMeta);
        meta.put("pk", AttributeValue.fromS(pk));
        meta.put("dueAt", AttributeValue.fromS(DynamoCaseRepository.sortable(dueAt)));
        meta.put("doc", AttributeValue.fromS(doc.toString().replace(templateId, id)));
        for (String listKey : List.of("gsi1sk", "gsi2sk")) {
            AttributeValue v = templateMeta.get(listKey);
            if (v != null) meta.put(listKey, AttributeValue.fromS(v.s().replace(templateId, id)));
        }
        items.add(meta);
        items.add(timer(templateWarning, pk, id, warnAt, dueKeySuffixWarning));
        items.add(timer(templateDue, pk, id, dueAt, dueKeySuffixDue));
        if (inWindow) {
            for (Map<String, AttributeValue> h : templateHistory) {
                Map<String, AttributeValue> copy = new HashMap<>(h);
                copy.put("pk", AttributeValue.fromS(pk));
                copy.put("doc", AttributeValue.fromS(h.get("doc").s().replace(templateId, id)));
                items.add(copy);
            }
        }
        return items;
    }

    private static Map<String, AttributeValue> timer(Map<String, AttributeValue> template, String pk, String id,
                                                     Instant at, String suffix) {
        Map<String, AttributeValue> t = new HashMap<>(template);
        t.put("pk", AttributeValue.fromS(pk));
        t.put("caseId", AttributeValue.fromS(id));
        t.put("at", AttributeValue.fromS(at.toString()));
        t.put("dueBucket", AttributeValue.fromS(DynamoCaseRepository.dueBucket(at)));
        t.put("dueKey", AttributeValue.fromS(DynamoCaseRepository.sortable(at) + "#" + id + suffix));
        return t;
    }

    // ---- bulk load -----------------------------------------------------------------------------------------------

    /**
     * Writes the store's cases {@code 0 .. cases-1}; D per window of them, spread evenly over the range, fall due
     * in the windows (case k of them before instant k mod windows, at most five minutes before it).
     */
    private void load(Store s, List<Instant> windows) {
        long count = s.cases;
        long dueCases = (long) due * windows.size();
        long stride = count / dueCases;
        Map<Long, Instant> dueAt = new HashMap<>();
        for (long k = 0; k < dueCases; k++) {
            Instant now = windows.get((int) (k % windows.size()));
            long j = k / windows.size();
            dueAt.put(k * stride, now.minusMillis(1_000 + j * (DUE_WINDOW.toMillis() - 10_000) / due));
        }
        AtomicLong next = new AtomicLong();
        AtomicLong written = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        int chunk = 500;
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            futures.add(pool.submit(() -> {
                List<WriteRequest> batch = new ArrayList<>(25);
                long start;
                while ((start = next.getAndAdd(chunk)) < count) {
                    long end = Math.min(count, start + chunk);
                    for (long i = start; i < end; i++) {
                        for (Map<String, AttributeValue> item : caseItems(i, dueAt.get(i))) {
                            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build())
                                    .build());
                            if (batch.size() == 25) {
                                written.addAndGet(writeBatch(s.table, batch, retries));
                                batch = new ArrayList<>(25);
                            }
                        }
                    }
                }
                if (!batch.isEmpty()) written.addAndGet(writeBatch(s.table, batch, retries));
                return null;
            }));
        }
        long lastReport = System.nanoTime();
        try {
            pool.shutdown();
            while (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                if (System.nanoTime() - lastReport > 60e9) {
                    lastReport = System.nanoTime();
                    double sec = (lastReport - t0) / 1e9;
                    log(String.format(Locale.ROOT, "  loading %s: %,d items in %.0f s (%.0f items/s), load avg %s",
                            s.name, written.get(), sec, written.get() / sec, loadAverage()));
                }
            }
            for (Future<?> f : futures) f.get();
        } catch (Exception e) {
            pool.shutdownNow();
            throw new IllegalStateException("bulk load failed", e);
        }
        s.loadSeconds = (System.nanoTime() - t0) / 1e9;
        s.itemsWritten = written.get();
        log(String.format(Locale.ROOT, "  loaded %,d cases (%,d items, %,d due in windows) in %.1f s: %.0f items/s,"
                        + " %,d unprocessed-item retries; load avg %s", count, written.get(), dueCases, s.loadSeconds,
                written.get() / s.loadSeconds, retries.get(), loadAverage()));
    }

    /** One BatchWriteItem, repeating the unprocessed items with backoff; returns how many items were written. */
    private int writeBatch(String table, List<WriteRequest> batch, AtomicLong retries) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        int sleep = 10;
        while (true) {
            Map<String, List<WriteRequest>> send = pending;
            BatchWriteItemResponse r = raw.batchWriteItem(b -> b.requestItems(send));
            if (!r.hasUnprocessedItems() || r.unprocessedItems().isEmpty()) return batch.size();
            pending = r.unprocessedItems();
            retries.addAndGet(pending.values().stream().mapToInt(List::size).sum());
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep = Math.min(1_000, sleep * 2);
        }
    }

    // ---- probes and report ---------------------------------------------------------------------------------------

    /** The byDue query of a window, hour by hour, as the repository issues it, with consumed capacity. */
    private Probe bareRangeQuery(Store s, Instant from, Instant to) {
        long t0 = System.nanoTime();
        long count = 0;
        long scanned = 0;
        Double capacity = null;
        String lo = DynamoCaseRepository.sortable(from);
        String hi = DynamoCaseRepository.sortable(to) + "~";
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); !hour.isAfter(to);
             hour = hour.plus(Duration.ofHours(1))) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse r = raw.query(QueryRequest.builder().tableName(s.table)
                        .indexName(DynamoCaseRepository.INDEX_BY_DUE)
                        .keyConditionExpression("dueBucket = :b AND dueKey BETWEEN :lo AND :hi")
                        .expressionAttributeValues(Map.of(
                                ":b", AttributeValue.fromS(DynamoCaseRepository.dueBucket(hour)),
                                ":lo", AttributeValue.fromS(lo), ":hi", AttributeValue.fromS(hi)))
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).exclusiveStartKey(start).build());
                count += r.count();
                scanned += r.scannedCount();
                if (r.consumedCapacity() != null && r.consumedCapacity().capacityUnits() != null) {
                    capacity = (capacity == null ? 0 : capacity) + r.consumedCapacity().capacityUnits();
                }
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return new Probe((System.nanoTime() - t0) / 1e6, count, scanned, capacity);
    }

    /** Bare emulator probes, alternating between the stores. */
    private void probes() {
        Random rnd = new Random(42);
        for (int i = 0; i < 21; i++) {
            String bucket = "2030-01-01T" + String.format("%02d", rnd.nextInt(24));
            for (Store s : order(i)) {
                long t0 = System.nanoTime();
                raw.query(q -> q.tableName(s.table).indexName(DynamoCaseRepository.INDEX_BY_DUE)
                        .keyConditionExpression("dueBucket = :b")
                        .expressionAttributeValues(Map.of(":b", AttributeValue.fromS(bucket))));
                s.emptyBucketMs.add((System.nanoTime() - t0) / 1e6);
            }
        }
        for (int i = 0; i < 11; i++) {
            String bucket = DynamoCaseRepository.dueBucket(NOW1.plus(Duration.ofDays(30 + rnd.nextInt(200)))
                    .plus(Duration.ofHours(rnd.nextInt(24))));
            for (Store s : order(i)) {
                long t0 = System.nanoTime();
                long items = 0;
                Map<String, AttributeValue> start = null;
                do {
                    Map<String, AttributeValue> from = start;
                    QueryResponse r = raw.query(q -> q.tableName(s.table).indexName(DynamoCaseRepository.INDEX_BY_DUE)
                            .keyConditionExpression("dueBucket = :b").exclusiveStartKey(from)
                            .expressionAttributeValues(Map.of(":b", AttributeValue.fromS(bucket))));
                    items += r.count();
                    start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
                } while (start != null);
                s.wholeBucketMs.add((System.nanoTime() - t0) / 1e6);
                s.wholeBucketItems += items;
            }
        }
        for (int i = 0; i < 301; i++) {
            double u = rnd.nextDouble();
            for (Store s : order(i)) {
                String id = caseId((long) (u * s.cases));
                long t0 = System.nanoTime();
                raw.getItem(b -> b.tableName(s.table).consistentRead(true).key(Map.of(
                        "pk", AttributeValue.fromS("CASE#" + id), "sk", AttributeValue.fromS("META"))));
                s.getMetaMs.add((System.nanoTime() - t0) / 1e6);
            }
        }
    }

    private void report() {
        StringBuilder b = new StringBuilder();
        b.append("\n=== Deadline checker scale benchmark: dynoxide, D = ").append(due)
                .append(" due per run, runs interleaved small/large ===\n");
        b.append(String.format(Locale.ROOT, "%-5s %-6s %12s %12s %11s %6s %8s %9s %8s %6s %7s %7s %7s %7s  %s%n",
                "round", "store", "stored cases", "table items", "byDue items", "due", "timersRd", "itemsRead",
                "scanned", "RCU", "overdue", "wall s", "CPU s", "ms/due", "load avg"));
        for (int r = 1; r <= rounds; r++) {
            for (Store s : order(r)) {
                Round x = s.runs.get(r - 1);
                b.append(String.format(Locale.ROOT, "%-5d %-6s %,12d %,12d %,11d %6d %8d %9d %8d %6s %7d %7.2f %7.2f"
                                + " %7.2f  %s%n",
                        r, s.name, s.cases, s.tableItems, s.byDueItems, due, x.result().timersRead(), x.itemsRead(),
                        x.sdk().dueScanned(), x.sdk().dueCapacity() == null ? "n/a"
                                : String.format(Locale.ROOT, "%.1f", x.sdk().dueCapacity()),
                        x.result().overdue(), x.seconds(), x.cpuSeconds(), x.seconds() * 1000 / due,
                        x.loadAverage()));
            }
        }
        b.append("\nsummary:\n");
        for (Store s : List.of(small, large)) {
            long maxRead = s.runs.stream().mapToLong(Round::itemsRead).max().orElse(-1);
            long maxScanned = s.runs.stream().mapToLong(x -> x.sdk().dueScanned()).max().orElse(-1);
            Round any = s.runs.get(0);
            b.append(String.format(Locale.ROOT, "  %-5s %,9d stored cases: checker median %.2f s wall (runs %s),"
                            + " %.2f s process CPU; index items read per run max %d for %d due = %.3f x due"
                            + " (ScannedCount max %d); per run %d byDue queries, %d GetItem, %d other queries,"
                            + " %d transactions%n",
                    s.name, s.cases, s.medianRunSeconds(), seconds(s), s.medianCpuSeconds(), maxRead, due,
                    (double) maxRead / due,
                    maxScanned, any.sdk().dueQueries(), any.sdk().getItems(), any.sdk().otherQueries(),
                    any.sdk().transactions()));
        }
        for (Store s : List.of(small, large)) {
            long maxRead = s.runs.stream().mapToLong(Round::itemsRead).max().orElse(-1);
            Guard.line("deadline sweep index items read / due, " + s.cases + " cases", (double) maxRead / due, 1.0);
        }
        double[] perRound = new double[rounds];
        double[] perRoundCpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            perRound[r] = large.runs.get(r).seconds() / small.runs.get(r).seconds();
            perRoundCpu[r] = large.runs.get(r).cpuSeconds() / small.runs.get(r).cpuSeconds();
        }
        b.append(String.format(Locale.ROOT, "  stored ratio large/small = %.1f; checker time ratio large/small:"
                        + " wall: median of per-round ratios %.2f (per round %s), ratio of medians %.2f;"
                        + " process CPU: median of per-round ratios %.2f (per round %s), ratio of medians %.2f%n",
                (double) large.cases / small.cases, median(perRound), list(perRound),
                large.medianRunSeconds() / small.medianRunSeconds(), median(perRoundCpu), list(perRoundCpu),
                large.medianCpuSeconds() / small.medianCpuSeconds()));

        // the sweep's time does not grow with the stored cases (10 N vs N), only with the due ones
        Guard.line("deadline sweep time " + large.cases + " / " + small.cases + " cases (median per round)",
                median(perRound), 1.25);
        b.append("\nbare dynoxide probes (median ms, interleaved between the stores):\n");
        b.append(String.format(Locale.ROOT, "%-6s %12s %13s %28s %22s %13s%n", "store", "stored cases",
                "empty bucket", "window range query (n/scan)", "whole bucket (items)", "GetItem META"));
        for (Store s : List.of(small, large)) {
            b.append(String.format(Locale.ROOT, "%-6s %,12d %13.2f %14.2f (%d/%d, %s RCU) %13.2f (%5.1f) %13.2f%n",
                    s.name, s.cases, median(s.emptyBucketMs), median(s.windowQueryMs), s.windowQuery.count(),
                    s.windowQuery.scanned(), s.windowQuery.capacity() == null ? "n/a"
                            : String.format(Locale.ROOT, "%.1f", s.windowQuery.capacity()),
                    median(s.wholeBucketMs), (double) s.wholeBucketItems / s.wholeBucketMs.size(),
                    median(s.getMetaMs)));
        }
        b.append(String.format(Locale.ROOT, "  ratios large/small: empty bucket %.2f, window query %.2f, whole"
                        + " bucket %.2f (items %.1f), GetItem META %.2f%n",
                median(large.emptyBucketMs) / median(small.emptyBucketMs),
                median(large.windowQueryMs) / median(small.windowQueryMs),
                median(large.wholeBucketMs) / median(small.wholeBucketMs),
                (double) large.wholeBucketItems / Math.max(1, small.wholeBucketItems),
                median(large.getMetaMs) / median(small.getMetaMs)));
        for (Store s : List.of(small, large)) {
            b.append(String.format(Locale.ROOT, "  load %s: %,d items in %.0f s (%.0f items/s); DescribeTable took"
                    + " %.1f s (dynoxide counts the items)%n", s.name, s.itemsWritten, s.loadSeconds,
                    s.itemsWritten / s.loadSeconds, s.describeSeconds));
        }
        b.append("load average now: ").append(loadAverage()).append('\n');
        System.out.println(b);
    }

    private static String list(double[] xs) {
        return Arrays.stream(xs).mapToObj(x -> String.format(Locale.ROOT, "%.2f", x)).toList().toString();
    }

    /** The dynoxide process, whose CPU time counts with this process's. */
    private static volatile ProcessHandle dynoxide;

    /** CPU time of this process (the checker, the SDK, ElasticMQ) plus dynoxide's (a child process). */
    private static long processCpuNanos() {
        long own = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        long store = dynoxide == null ? 0 : dynoxide.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        return own + store;
    }

    private static String seconds(Store s) {
        return s.runs.stream().map(r -> String.format(Locale.ROOT, "%.2f", r.seconds())).toList().toString();
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double median(List<Double> xs) {
        return median(xs.stream().mapToDouble(Double::doubleValue).toArray());
    }

    // ---- plumbing ------------------------------------------------------------------------------------------------

    private static DynamoDbClient client(EmbeddedAws aws, ExecutionInterceptor interceptor) {
        return DynamoDbClient.builder()
                .httpClient(AwsClients.httpClient())
                .endpointOverride(aws.dynamoDbEndpoint())
                .region(EmbeddedAws.REGION)
                .credentialsProvider(EmbeddedAws.localCredentials())
                .overrideConfiguration(c -> {
                    if (interceptor != null) c.addExecutionInterceptor(interceptor);
                })
                .build();
    }

    /**
     * Counts what the platform's client does: byDue queries with their Count, ScannedCount and consumed capacity
     * (asked for on every Query and GetItem it sends), point reads, other queries, transactions.
     */
    static final class Meter implements ExecutionInterceptor {
        final AtomicLong dueQueries = new AtomicLong();
        final AtomicLong dueCount = new AtomicLong();
        final AtomicLong dueScanned = new AtomicLong();
        final DoubleAdder dueCapacity = new DoubleAdder();
        final AtomicLong capacityReported = new AtomicLong();
        final AtomicLong getItems = new AtomicLong();
        final DoubleAdder readCapacity = new DoubleAdder();
        final AtomicLong otherQueries = new AtomicLong();
        final AtomicLong otherQueryItems = new AtomicLong();
        final AtomicLong transactions = new AtomicLong();
        final AtomicLong otherCalls = new AtomicLong();

        record Figures(long dueQueries, long dueCount, long dueScanned, Double dueCapacity, long getItems,
                       double readCapacity, long otherQueries, long otherQueryItems, long transactions,
                       long otherCalls) {
            Figures minus(Figures o) {
                return new Figures(dueQueries - o.dueQueries, dueCount - o.dueCount, dueScanned - o.dueScanned,
                        dueCapacity == null || o.dueCapacity == null ? dueCapacity : dueCapacity - o.dueCapacity,
                        getItems - o.getItems, readCapacity - o.readCapacity, otherQueries - o.otherQueries,
                        otherQueryItems - o.otherQueryItems, transactions - o.transactions, otherCalls - o.otherCalls);
            }

            @Override
            public String toString() {
                return String.format(Locale.ROOT, "byDue queries %d, Count %d, ScannedCount %d, RCU %s; GetItem %d;"
                                + " other queries %d (%d items); read RCU total %.1f; transactions %d; other calls %d",
                        dueQueries, dueCount, dueScanned, dueCapacity == null ? "n/a"
                                : String.format(Locale.ROOT, "%.1f", dueCapacity), getItems, otherQueries,
                        otherQueryItems, readCapacity, transactions, otherCalls);
            }
        }

        Figures figures() {
            return new Figures(dueQueries.get(), dueCount.get(), dueScanned.get(),
                    capacityReported.get() > 0 ? dueCapacity.sum() : null, getItems.get(), readCapacity.sum(),
                    otherQueries.get(), otherQueryItems.get(), transactions.get(), otherCalls.get());
        }

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            SdkRequest r = context.request();
            if (r instanceof QueryRequest q && q.returnConsumedCapacity() == null) {
                return q.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            }
            if (r instanceof GetItemRequest g && g.returnConsumedCapacity() == null) {
                return g.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
            }
            return r;
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            SdkRequest req = context.request();
            SdkResponse res = context.response();
            if (req instanceof QueryRequest q && res instanceof QueryResponse r) {
                addCapacity(r.consumedCapacity());
                if (DynamoCaseRepository.INDEX_BY_DUE.equals(q.indexName())) {
                    dueQueries.incrementAndGet();
                    dueCount.addAndGet(r.count());
                    dueScanned.addAndGet(r.scannedCount());
                    if (r.consumedCapacity() != null && r.consumedCapacity().capacityUnits() != null) {
                        dueCapacity.add(r.consumedCapacity().capacityUnits());
                        capacityReported.incrementAndGet();
                    }
                } else {
                    otherQueries.incrementAndGet();
                    otherQueryItems.addAndGet(r.count());
                }
            } else if (res instanceof GetItemResponse g) {
                getItems.incrementAndGet();
                addCapacity(g.consumedCapacity());
            } else if (res instanceof TransactWriteItemsResponse) {
                transactions.incrementAndGet();
            } else {
                otherCalls.incrementAndGet();
            }
        }

        private void addCapacity(ConsumedCapacity c) {
            if (c != null && c.capacityUnits() != null) readCapacity.add(c.capacityUnits());
        }
    }

    /** A clock that shows whatever instant it was last set to. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** This module's target directory, from where the benchmark's class was loaded (target/test-classes). */
    private static Path moduleTarget() {
        try {
            Path classes = Path.of(DeadlineCheckerScaleBenchmark.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            return classes.getParent();
        } catch (Exception e) {
            return Path.of("functions/aws/target").toAbsolutePath();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static void log(String s) {
        System.out.println(Instant.now().toString().substring(11, 19) + " " + s);
        System.out.flush();
    }
}
