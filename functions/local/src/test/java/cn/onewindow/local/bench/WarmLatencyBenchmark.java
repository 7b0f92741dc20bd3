// Run from the repository root after `mvn -B -o -q install -DskipTests` (which builds the function.zip files):
//
//   mvn -B -o -q -pl functions/local test-compile dependency:build-classpath -Dmdep.includeScope=test \
//       -Dmdep.outputFile=target/bench-classpath.txt
//   java -cp "functions/local/target/test-classes:functions/local/target/classes:$(cat functions/local/target/bench-classpath.txt)" \
//       cn.onewindow.local.bench.WarmLatencyBenchmark --seconds 20
//
// (exec:java is not used: exec-maven-plugin 3.5.0's parent POM, org.codehaus.mojo:mojo-parent:86, is not in the
// local repository, so the plugin does not resolve offline.)
//
// Options (all optional): --api-instances N (default 2), --clients C (default = API instances), --seconds D
// (measured seconds per route and per side, default 20), --warmup-seconds W (per route and side, default 8),
// --slices S (each route's D seconds alternate between the HTTP path and the raw calls in S slices, default 4).
package cn.onewindow.local.bench;

import cn.onewindow.aws.AwsClients;
import cn.onewindow.aws.AwsSettings;
import cn.onewindow.aws.Platform;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.access.Tokens;
import cn.onewindow.core.cases.Applicant;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.IdentityNumbers;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.ports.CaseQuery;
import cn.onewindow.core.cases.usecase.CaseCommands;
import cn.onewindow.local.LocalSystem;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static cn.onewindow.local.bench.BenchSupport.fmt;
import static cn.onewindow.local.bench.BenchSupport.ms;
import static cn.onewindow.local.bench.BenchSupport.percentile;
import static cn.onewindow.local.bench.BenchSupport.sorted;

/**
 * Issue 8, item 4: warm latency and throughput of the HTTP routes of the whole local system, against the raw
 * DynamoDB calls each route makes, issued directly with the SDK (same URL-connection client as the functions) at
 * the same concurrency against the same dynoxide.
 *
 * <p>The calls per route are the ones the code makes (checked at start by an SDK interceptor on an in-process
 * {@link Platform}, printed as the "call census"): every {@code /v1} request first resolves its bearer token
 * (GetItem on the callers table); intake then reads the item's CURRENT row and the center (GetItem each), the
 * calendar (Query, cached 60 s per function instance) and writes case, history and timers in one
 * TransactWriteItems (no Idempotency-Key is sent, so no idempotency read or record). The raw intake replays the
 * very transaction captured from a real intake, with a fresh case id.
 *
 * <p>Caveat printed with the results: the HTTP path also crosses the mock API Gateway (HTTP → API Gateway v2 event)
 * and the local Lambda Runtime API (two more local HTTP exchanges) and runs in C1-only child JVMs, none of which the
 * raw calls pay. An unauthenticated {@code GET /v1/items} (401 from the request filter, no store call) measures
 * that hop plus Quarkus' request handling, and the ratio is shown with it subtracted too.
 */
public final class WarmLatencyBenchmark {

    private static final double TARGET = 0.25;
    private static final String TOKEN = "demo-window";
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("cn.onewindow.local");

    /** One request (or one raw call sequence) of one client thread; throws when it did not succeed. */
    @FunctionalInterface
    interface Op {
        void run(int client) throws Exception;
    }

    record Run(List<Double> latenciesMs, long count, long errors, double seconds, String firstError) {
        static Run merge(List<Run> runs) {
            List<Double> all = new ArrayList<>();
            long count = 0;
            long errors = 0;
            double seconds = 0;
            String first = null;
            for (Run r : runs) {
                all.addAll(r.latenciesMs());
                count += r.count();
                errors += r.errors();
                seconds += r.seconds();
                if (first == null) {
                    first = r.firstError();
                }
            }
            return new Run(sorted(all), count, errors, seconds, first);
        }

        double p(double q) {
            return percentile(latenciesMs, q);
        }

        double mean() {
            return latenciesMs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        double throughput() {
            return count / seconds;
        }
    }

    record Route(String name, Op http, Op raw) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        QUIET.setLevel(java.util.logging.Level.WARNING);
        int apiInstances = BenchSupport.intArg(args, "--api-instances", 2);
        int clients = BenchSupport.intArg(args, "--clients", apiInstances);
        int seconds = BenchSupport.intArg(args, "--seconds", 20);
        int warmupSeconds = BenchSupport.intArg(args, "--warmup-seconds", 8);
        int slices = BenchSupport.intArg(args, "--slices", 4);
        Path root = BenchSupport.root();
        
        BenchSupport.requirePackage(root.resolve("functions/intake-api/target/function.zip"));
        BenchSupport.requirePackage(root.resolve("functions/workers/target/function.zip"));

        System.out.println("WarmLatencyBenchmark: " + apiInstances + " API instances, " + clients + " clients, "
                + seconds + " s per route and side (in " + slices + " alternating slices), warm-up " + warmupSeconds
                + " s per route and side");
        System.out.println("machine at start: " + BenchSupport.machine());

        // schedules every hour: the relay and deadline checker stay quiet during the measurement (the deadline
        // checker's first run, 5 s after start, happens during the warm-up)
        LocalSystem.Options options = new LocalSystem.Options(root, 0, null, null, apiInstances, 1,
                Duration.ofHours(1), "bench", root.resolve("functions/local/target/bench-logs/warm-latency"), 0);
        long t0 = System.nanoTime();
        try (LocalSystem system = LocalSystem.start(options)) {
            System.out.println(fmt("local system started in %.1f s; API %s; API start-up times %s",
                    (System.nanoTime() - t0) / 1e9, system.api().baseUri(), system.api().startupTimes()));
            URI base = system.api().baseUri();
            URI dynamo = system.aws().dynamoDbEndpoint();
            Map<String, String> apiEnv = new HashMap<>(system.resources().environmentFor("IntakeApiFunction"));
            apiEnv.put(AwsSettings.ENV_DYNAMODB_ENDPOINT, dynamo.toString());
            AwsSettings settings = AwsSettings.fromEnvironment(apiEnv);

            Census census = census(settings, dynamo);
            System.out.println();
            System.out.println("Call census (SDK interceptor on an in-process Platform, same code the function runs):");
            census.lines.forEach(l -> System.out.println("  " + l));
            System.out.println(fmt("  intake transaction: %d items, %d bytes of attribute names and values",
                    census.transaction.transactItems().size(), census.transactionBytes));

            Raw raw = new Raw(settings, dynamo, census.transaction, census.caseId, clients);
            List<String> caseIds = new CopyOnWriteArrayList<>();
            AtomicInteger seq = new AtomicInteger();
            String intakeBody = "{\"itemCode\":\"" + DemoData.ITEM_CONSTRUCTION_LAND + "\",\"channel\":\"WINDOW\","
                    + "\"applicant\":{\"name\":\"张三\",\"idType\":\"RESIDENT_ID\",\"idNumber\":\"%s\","
                    + "\"phone\":\"13812345678\"},\"materials\":[{\"code\":\"M01\",\"copies\":1},"
                    + "{\"code\":\"M02\",\"copies\":1},{\"code\":\"M03\",\"copies\":1},{\"code\":\"M04\",\"copies\":1}]}";

            Op intake = c -> {
                String body = fmt(intakeBody, residentId(seq.incrementAndGet()));
                HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/v1/cases"))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), 201);
                String id = r.headers().firstValue("Location").map(l -> l.substring(l.lastIndexOf('/') + 1))
                        .orElseThrow(() -> new IllegalStateException("201 without Location"));
                caseIds.add(id);
            };
            Op get = c -> send(HttpRequest.newBuilder(base.resolve("/v1/cases/" + someCase(caseIds)))
                    .header("Authorization", "Bearer " + TOKEN).GET(), 200);
            Op list = c -> send(HttpRequest.newBuilder(base.resolve("/v1/cases?limit=20"))
                    .header("Authorization", "Bearer " + TOKEN).GET(), 200);
            Op items = c -> send(HttpRequest.newBuilder(base.resolve("/v1/items"))
                    .header("Authorization", "Bearer " + TOKEN).GET(), 200);
            Op unauthenticated = c -> send(HttpRequest.newBuilder(base.resolve("/v1/items")).GET(), 401);

            List<Route> routes = List.of(
                    new Route("POST /v1/cases", intake, raw::intake),
                    new Route("GET /v1/cases/{id}", get, c -> raw.get(c, someCase(caseIds))),
                    new Route("GET /v1/cases?limit=20", list, raw::list),
                    new Route("GET /v1/items", items, raw::items),
                    new Route("GET /v1/items, no token (401)", unauthenticated, null));

            System.out.println();
            System.out.println("warming up (" + warmupSeconds + " s per route and side) ...");
            for (Route r : routes) {
                drive(clients, warmupSeconds, r.http());
                if (r.raw() != null) {
                    drive(clients, warmupSeconds, r.raw());
                }
            }
            System.out.println("measuring, load " + BenchSupport.loadAverage());

            Map<String, Run> ours = new LinkedHashMap<>();
            Map<String, Run> rawRuns = new LinkedHashMap<>();
            Map<String, Run> inFunction = new LinkedHashMap<>();
            for (Route r : routes) {
                List<Run> h = new ArrayList<>();
                List<Run> w = new ArrayList<>();
                List<Double> durations = new ArrayList<>();
                double slice = (double) seconds / slices;
                for (int s = 0; s < slices; s++) {
                    system.api().drainDurationsMillis();
                    h.add(drive(clients, slice, r.http()));
                    durations.addAll(system.api().drainDurationsMillis());
                    if (r.raw() != null) {
                        w.add(drive(clients, slice, r.raw()));
                    }
                }
                ours.put(r.name(), Run.merge(h));
                inFunction.put(r.name(), new Run(sorted(durations), durations.size(), 0, 1, null));
                if (r.raw() != null) {
                    rawRuns.put(r.name(), Run.merge(w));
                }
                System.out.println(fmt("  %-30s done (load %s)", r.name(), BenchSupport.loadAverage()));
            }
            report(routes, ours, rawRuns, inFunction, clients, apiInstances, caseIds.size());
        }
    }

    // ------------------------------------------------------------------ driving

    static Run drive(int clients, double seconds, Op op) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<List<Double>> perThread = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            List<Double> mine = new ArrayList<>();
            perThread.add(mine);
            int client = c;
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        op.run(client);
                        mine.add((System.nanoTime() - t0) / 1e6);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    }
                }
            }, "bench-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double took = (System.nanoTime() - start) / 1e9;
        List<Double> all = new ArrayList<>();
        perThread.forEach(all::addAll);
        return new Run(sorted(all), all.size(), errors.get(), took, firstError.get());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != expected) {
            String body = r.body() == null ? "" : r.body();
            throw new IllegalStateException("HTTP " + r.statusCode() + " (expected " + expected + "): "
                    + body.substring(0, Math.min(200, body.length())));
        }
        return r;
    }

    private static String someCase(List<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalStateException("no case created yet");
        }
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }

    /** A valid resident id number (GB 11643) in district 330110, different for each n. */
    static String residentId(int n) {
        int day = 1 + (n / 1000) % 28;
        String first17 = fmt("3301101985%02d%02d%03d", 1 + (n / 28000) % 12, day, n % 1000);
        return first17 + IdentityNumbers.checkCharacter(first17);
    }

    // ------------------------------------------------------------------ census

    record Census(List<String> lines, TransactWriteItemsRequest transaction, String caseId, int transactionBytes) {
    }

    /** Counts SDK operations per use case on an in-process Platform, and captures the intake transaction. */
    static Census census(AwsSettings settings, URI dynamo) {
        List<String> ops = new CopyOnWriteArrayList<>();
        AtomicReference<TransactWriteItemsRequest> captured = new AtomicReference<>();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                SdkRequest request = context.request();
                ops.add(describe(request));
                if (request instanceof TransactWriteItemsRequest t) {
                    captured.set(t);
                }
            }
        };
        List<String> lines = new ArrayList<>();
        try (DynamoDbClient client = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region())).endpointOverride(dynamo)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build()) {
            Platform p = new Platform(settings, Clock.systemUTC(), client);
            CaseCommands.Intake cmd = new CaseCommands.Intake(DemoData.ITEM_CONSTRUCTION_LAND,
                    new Applicant("张三", null, IdType.RESIDENT_ID, residentId(999_999), "13812345678"),
                    Channel.WINDOW, null, null, List.of(new SubmittedMaterial("M01", 1), new SubmittedMaterial("M02", 1),
                    new SubmittedMaterial("M03", 1), new SubmittedMaterial("M04", 1)), List.of());
            String bearer = "Bearer " + TOKEN;

            ops.clear();
            Caller caller = p.authenticator.authenticate(bearer);
            p.caseService.intake(caller, cmd, null);
            lines.add("POST /v1/cases, calendar not cached: " + String.join(" + ", ops));
            ops.clear();
            caller = p.authenticator.authenticate(bearer);
            var written = p.caseService.intake(caller, cmd, null).snapshot();
            // as CaseResource does: window staff see the identity in clear, so the read is recorded
            p.caseService.recordIdentityRead(caller, written, "POST /v1/cases");
            String caseId = written.id();
            lines.add("POST /v1/cases, calendar cached:     " + String.join(" + ", ops));
            TransactWriteItemsRequest transaction = captured.get();
            ops.clear();
            caller = p.authenticator.authenticate(bearer);
            p.caseService.recordIdentityRead(caller, p.caseService.get(caller, caseId), "GET /v1/cases/{id}");
            lines.add("GET /v1/cases/{id}:                  " + String.join(" + ", ops));
            ops.clear();
            caller = p.authenticator.authenticate(bearer);
            p.caseService.list(caller, new CaseQuery(null, null, null, null, null, null, 20, null));
            lines.add("GET /v1/cases?limit=20:              " + String.join(" + ", ops));
            ops.clear();
            p.authenticator.authenticate(bearer);
            p.catalogService.list();
            lines.add("GET /v1/items:                       " + String.join(" + ", ops));
            int bytes = 0;
            for (TransactWriteItem item : transaction.transactItems()) {
                if (item.put() != null) {
                    for (Map.Entry<String, AttributeValue> e : item.put().item().entrySet()) {
                        bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length;
                        AttributeValue v = e.getValue();
                        bytes += v.s() != null ? v.s().getBytes(StandardCharsets.UTF_8).length
                                : v.n() != null ? v.n().length() : 8;
                    }
                }
            }
            return new Census(lines, transaction, caseId, bytes);
        }
    }

    private static String describe(SdkRequest request) {
        String op = request.getClass().getSimpleName().replace("Request", "");
        if (request instanceof software.amazon.awssdk.services.dynamodb.model.GetItemRequest g) {
            AttributeValue pk = g.key().get("pk");
            String what = pk == null ? "" : pk.s().replaceAll("#.*", "#");
            AttributeValue sk = g.key().get("sk");
            return op + "(" + what + (sk == null ? "" : " " + sk.s().replaceAll("#.*", "#")) + ")";
        }
        if (request instanceof QueryRequest q) {
            AttributeValue pk = q.expressionAttributeValues().getOrDefault(":pk", q.expressionAttributeValues()
                    .get(":p"));
            return op + "(" + (q.indexName() == null ? "" : q.indexName() + " ")
                    + (pk == null ? "" : pk.s().replaceAll("#.*", "#")) + (q.limit() == null ? "" : " limit "
                    + q.limit()) + ")";
        }
        if (request instanceof TransactWriteItemsRequest t) {
            return op + "(" + t.transactItems().size() + " items)";
        }
        return op;
    }

    // ------------------------------------------------------------------ raw calls

    /** The store calls of each route, made directly, one DynamoDB client per client thread (as per instance). */
    static final class Raw {
        private final List<DynamoDbClient> clients = new ArrayList<>();
        private final long[] calendarLoadedAt;
        private final AwsSettings s;
        private final TransactWriteItemsRequest template;
        private final String templateCaseId;
        private final Map<String, AttributeValue> tokenKey;

        Raw(AwsSettings settings, URI dynamo, TransactWriteItemsRequest template, String templateCaseId, int n) {
            this.s = settings;
            this.template = template;
            this.templateCaseId = templateCaseId;
            for (int i = 0; i < n; i++) {
                clients.add(AwsClients.localDynamoDb(dynamo));
            }
            this.calendarLoadedAt = new long[n];
            this.tokenKey = Map.of("pk", AttributeValue.fromS("TOKEN#" + Tokens.hash(TOKEN)));
        }

        private static Map<String, AttributeValue> key(String pk, String sk) {
            return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
        }

        private void token(DynamoDbClient db) {
            require(db.getItem(b -> b.tableName(s.callersTable()).key(tokenKey)).hasItem(), "token");
        }

        /** The access-log record of a clear-identity read (ACCESS# item in the case's partition), same shape. */
        private void identityRead(DynamoDbClient db, String caseId, String what) {
            Instant at = Instant.now();
            Map<String, AttributeValue> item = new HashMap<>(key("CASE#" + caseId, "ACCESS#" + at + "#window-001#"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong())));
            item.put("doc", AttributeValue.fromS("{\"caseId\":\"" + caseId + "\",\"callerId\":\"window-001\","
                    + "\"role\":\"WINDOW\",\"servicePointId\":\"330110-ZX\",\"centerId\":\"330110-ZX\","
                    + "\"at\":\"" + at + "\",\"what\":\"" + what + "\"}"));
            db.putItem(b -> b.tableName(s.casesTable()).item(item));
        }

        void intake(int c) {
            DynamoDbClient db = clients.get(c);
            token(db);
            require(db.getItem(b -> b.tableName(s.referenceTable())
                    .key(key("ITEM#" + DemoData.ITEM_CONSTRUCTION_LAND, "CURRENT"))).hasItem(), "item");
            require(db.getItem(b -> b.tableName(s.referenceTable())
                    .key(key("CENTER#" + DemoData.COUNTY_CENTER, "PROFILE"))).hasItem(), "center");
            // Deadlines caches a region's calendar 60 s per function instance: reread it as seldom here
            long now = System.nanoTime();
            if (calendarLoadedAt[c] == 0 || now - calendarLoadedAt[c] > 60_000_000_000L) {
                db.query(q -> q.tableName(s.referenceTable()).keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("CALENDAR#CN"),
                                ":p", AttributeValue.fromS("YEAR#"))));
                calendarLoadedAt[c] = now;
            }
            String id = templateCaseId.substring(0, 9) + "R" + Long.toString(
                    ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 32).toUpperCase();
            List<TransactWriteItem> items = new ArrayList<>();
            for (TransactWriteItem t : template.transactItems()) {
                if (t.put() == null) {
                    items.add(t);
                    continue;
                }
                Map<String, AttributeValue> item = new HashMap<>();
                t.put().item().forEach((k, v) -> item.put(k, v.s() != null
                        ? AttributeValue.fromS(v.s().replace(templateCaseId, id)) : v));
                Put put = t.put().toBuilder().item(item).build();
                items.add(TransactWriteItem.builder().put(put).build());
            }
            db.transactWriteItems(b -> b.transactItems(items));
            identityRead(db, id, "POST /v1/cases");
        }

        void get(int c, String caseId) {
            DynamoDbClient db = clients.get(c);
            token(db);
            require(db.getItem(b -> b.tableName(s.casesTable()).key(key("CASE#" + caseId, "META"))
                    .consistentRead(true)).hasItem(), "case");
            identityRead(db, caseId, "GET /v1/cases/{id}");
        }

        void list(int c) {
            DynamoDbClient db = clients.get(c);
            token(db);
            QueryResponse r = db.query(q -> q.tableName(s.casesTable()).indexName("byCenter")
                    .keyConditionExpression("#p = :p").expressionAttributeNames(Map.of("#p", "gsi1pk"))
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("CENTER#" + DemoData.COUNTY_CENTER)))
                    .scanIndexForward(false).limit(20));
            require(r.count() == 20, "20 cases");
        }

        void items(int c) {
            DynamoDbClient db = clients.get(c);
            token(db);
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse r = db.query(q -> q.tableName(s.referenceTable()).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("CATALOG")))
                        .exclusiveStartKey(from));
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null);
        }

        private static void require(boolean ok, String what) {
            if (!ok) {
                throw new IllegalStateException("raw call found no " + what);
            }
        }
    }

    // ------------------------------------------------------------------ report

    private static void report(List<Route> routes, Map<String, Run> ours, Map<String, Run> raw,
                               Map<String, Run> inFunction, int clients, int apiInstances, int cases) {
        Run hop = ours.get(routes.get(routes.size() - 1).name());
        double hop50 = hop.p(50);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"route", "p50 ms", "p99 ms", "req/s", "errors", "raw p50", "raw p99", "raw ops/s",
                "overhead p50", "minus 401 path", "target", "result"});
        for (Route r : routes) {
            Run o = ours.get(r.name());
            Run w = raw.get(r.name());
            if (w == null) {
                rows.add(new String[] {r.name(), ms(o.p(50)), ms(o.p(99)), fmt("%.1f", o.throughput()),
                        Long.toString(o.errors()), "-", "-", "-", "-", "-", "-", "(hop)"});
                continue;
            }
            double over = (o.p(50) - w.p(50)) / w.p(50);
            double overMinusHop = (o.p(50) - hop50 - w.p(50)) / w.p(50);
            rows.add(new String[] {r.name(), ms(o.p(50)), ms(o.p(99)), fmt("%.1f", o.throughput()),
                    Long.toString(o.errors()), ms(w.p(50)), ms(w.p(99)), fmt("%.1f", w.throughput()),
                    fmt("%+.0f%%", over * 100), fmt("%+.0f%%", overMinusHop * 100), "<= +25%",
                    (over <= TARGET ? "PASS" : "FAIL") + " / " + (overMinusHop <= TARGET ? "PASS" : "FAIL")});
        }
        System.out.println();
        System.out.println("Warm latency, " + clients + " concurrent clients, " + apiInstances
                + " API instances (ms; overhead = (our p50 - raw p50) / raw p50)");
        System.out.print(BenchSupport.table(rows));
        System.out.println("result: with the whole HTTP path / with the 401 path's p50 (" + ms(hop50)
                + " ms) subtracted.");
        System.out.println();
        System.out.println("Inside the function (the handler's Duration as Lambda's REPORT line gives it: API Gateway "
                + "v2 event in, response out; no gateway or Runtime API hop), same runs:");
        List<String[]> fn = new ArrayList<>();
        fn.add(new String[] {"route", "Duration p50", "Duration p99", "invocations", "raw p50", "overhead p50",
                "overhead mean", "target", "result"});
        for (Route r : routes) {
            Run d = inFunction.get(r.name());
            Run w = raw.get(r.name());
            if (w == null) {
                fn.add(new String[] {r.name(), ms(d.p(50)), ms(d.p(99)), Long.toString(d.count()), "-", "-", "-", "-",
                        "(no store call)"});
                continue;
            }
            double over = (d.p(50) - w.p(50)) / w.p(50);
            double overMean = (d.mean() - w.mean()) / w.mean();
            BenchSupport.guard("warm Duration overhead p50 " + r.name(), over, TARGET);
            BenchSupport.guard("warm Duration p99 / p50 " + r.name(), d.p(99) / d.p(50), 2.0);
            fn.add(new String[] {r.name(), ms(d.p(50)), ms(d.p(99)), Long.toString(d.count()), ms(w.p(50)),
                    fmt("%+.0f%%", over * 100), fmt("%+.0f%%", overMean * 100), "<= +25%",
                    over <= TARGET ? "PASS" : "FAIL"});
        }
        System.out.print(BenchSupport.table(fn));
        System.out.println();
        System.out.println("Means (ms), same runs:");
        for (Route r : routes) {
            Run o = ours.get(r.name());
            Run w = raw.get(r.name());
            System.out.println(fmt("  %-30s ours %s, raw %s%s", r.name(), ms(o.mean()), w == null ? "-" : ms(w.mean()),
                    w == null ? "" : fmt(", overhead %+.0f%%, minus 401 path %+.0f%%",
                            (o.mean() - w.mean()) / w.mean() * 100,
                            (o.mean() - hop.mean() - w.mean()) / w.mean() * 100)));
            if (o.firstError() != null) {
                System.out.println("    first error: " + o.firstError());
            }
            if (w != null && w.firstError() != null) {
                System.out.println("    first raw error: " + w.firstError());
            }
        }
        System.out.println();
        System.out.println("Caveat: our path = HTTP client -> mock API Gateway (HTTP -> API Gateway v2 event) -> local "
                + "Lambda Runtime API (/next, /response: two more local HTTP exchanges) -> Quarkus in a C1-only child "
                + "JVM -> dynoxide. The raw calls skip all of that and run in this JVM (C2) against the same "
                + "dynoxide. The 401 route (token filter fails before any store call) is that hop plus Quarkus' own "
                + "request handling and error mapping, so 'minus 401 path' subtracts slightly more than the hop. "
                + "Everything shares " + Runtime.getRuntime().availableProcessors() + " CPUs.");
        System.out.println(cases + " cases created over HTTP; machine at end: " + BenchSupport.machine());
    }
}
