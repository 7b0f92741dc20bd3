// Run from the repository root after `mvn -B -o -q install -DskipTests` (which builds the function.zip files):
//
//   mvn -B -o -q -pl functions/local test-compile dependency:build-classpath -Dmdep.includeScope=test \
//       -Dmdep.outputFile=target/bench-classpath.txt
//   java -cp "functions/local/target/test-classes:functions/local/target/classes:$(cat functions/local/target/bench-classpath.txt)" \
//       cn.onewindow.local.bench.ColdStartBenchmark --runs 10
//
// (exec:java is not used: exec-maven-plugin 3.5.0's parent POM, org.codehaus.mojo:mojo-parent:86, is not in the
// local repository, so the plugin does not resolve offline.)
//
// Options (all optional): --runs N (timed rounds, default 10), --warmup N (untimed rounds first, default 1),
// --memory MB (function memory, default 1024 as in template.yaml), --class-histogram (one extra untimed start of
// each function with -Xlog:class+load, summarised by package), --jvm-opt OPTION (repeatable).
package cn.onewindow.local.bench;

import cn.onewindow.aws.AwsSettings;
import cn.onewindow.aws.DemoSeeder;
import cn.onewindow.aws.Platform;
import cn.onewindow.infrastructure.EmbeddedAws;
import cn.onewindow.infrastructure.ProvisionedResources;
import cn.onewindow.infrastructure.TemplateModel;
import cn.onewindow.local.lambda.LambdaHost;
import cn.onewindow.local.lambda.LambdaInvocationException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static cn.onewindow.local.bench.BenchSupport.fmt;
import static cn.onewindow.local.bench.BenchSupport.ms;
import static cn.onewindow.local.bench.BenchSupport.percentile;
import static cn.onewindow.local.bench.BenchSupport.sorted;

/**
 * Issue 8, item 3: cold start of each packaged function against the minimal baseline Lambda, and like for like:
 * the intake API against the minimal function on the same Quarkus REST + Lambda HTTP bridge stack that makes one
 * DynamoDB GetItem through the same SDK client set-up, the event workers against the minimal plain function that
 * does. The minimal HTTP function without the SDK is measured too (the intake API is also guarded against it).
 *
 * <p>Each sample is one fresh child JVM started by {@link LambdaHost} from the deployable {@code function.zip}
 * (extracted beforehand, like Lambda does into {@code /var/task}; the extraction is not timed) and measures
 * <b>process start → response to the first event</b> = {@link LambdaHost#startupTimes()} (process start → first
 * Runtime API poll, i.e. Lambda's init phase: handler class loaded, Quarkus booted) + the first invocation's round
 * trip, measured from when the host saw the instance ready. Functions are started one at a time, round-robin, so
 * that machine load drifts over all of them alike. Every child gets the same JVM options
 * ({@code -XX:+TieredCompilation -XX:TieredStopAtLevel=1}, as Lambda's java runtimes set by default, besides
 * LambdaHost's {@code -XX:+UseSerialGC -Xshare:auto} and a heap of 85 % of the memory size).
 */
public final class ColdStartBenchmark {

    private static final double TARGET_RATIO = 1.3;
    private static final String BASELINE = "baseline-lambda";
    /** Like for like for the HTTP function: the same quarkus-amazon-lambda-http + quarkus-rest stack, one GET. */
    private static final String HTTP_BASELINE = "baseline-http-lambda GET /v1/ping";
    /**
     * Like for like for the event workers: the minimal Lambda plus what every worker needs before it can do any work,
     * the AWS SDK's DynamoDB client (built the workers' way) and one GetItem through it.
     */
    private static final String SDK_BASELINE = "baseline-sdk-lambda GetItem";
    /**
     * Like for like for the intake API: the minimal HTTP function plus what every API request needs before our code
     * can answer it, the SDK's DynamoDB client (built eagerly at start-up) and one GetItem on the callers table.
     */
    private static final String SDK_HTTP_BASELINE = "baseline-sdk-http-lambda GET /v1/probe";

    /** Sends the first event and checks that it was handled; returns a short description of the outcome. */
    @FunctionalInterface
    private interface FirstEvent {
        String send(LambdaHost host) throws Exception;
    }

    /** @param checkpoint run the function's SnapStart priming after init, before the first event (simulated) */
    private record Function(String label, Path zip, LambdaHost.Flavour flavour, String handler,
                            Map<String, String> environment, FirstEvent firstEvent, boolean checkpoint) {
        Function(String label, Path zip, LambdaHost.Flavour flavour, String handler, Map<String, String> environment,
                 FirstEvent firstEvent) {
            this(label, zip, flavour, handler, environment, firstEvent, false);
        }

        /** The same function started with a simulated SnapStart checkpoint. */
        Function checkpointed() {
            return new Function(label + CHECKPOINTED, zip, flavour, handler, environment, firstEvent, true);
        }
    }

    /** Label suffix of a function started with a simulated SnapStart checkpoint. */
    private static final String CHECKPOINTED = " +checkpoint";

    private record Sample(double initMs, double firstEventMs, String outcome) {
        double totalMs() {
            return initMs + firstEventMs;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Keeps LambdaHost's per-start INFO lines out of the output (a strong reference: JUL holds loggers weakly). */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("cn.onewindow.local");

    public static void main(String[] args) throws Exception {
        QUIET.setLevel(java.util.logging.Level.WARNING);
        int runs = BenchSupport.intArg(args, "--runs", 10);
        int warmup = BenchSupport.intArg(args, "--warmup", 1);
        int memoryMb = BenchSupport.intArg(args, "--memory", 1024);
        boolean histogram = BenchSupport.flag(args, "--class-histogram");
        List<String> jvmOptions = new ArrayList<>(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--jvm-opt")) {
                jvmOptions.add(args[i + 1]);
            }
        }
        Path root = BenchSupport.root();
        
        Path logs = root.resolve("functions/local/target/bench-logs/cold-start");
        Files.createDirectories(logs);

        System.out.println("ColdStartBenchmark: " + runs + " timed rounds (+" + warmup + " warm-up), memory "
                + memoryMb + " MB, child JVM options " + jvmOptions + " (+ LambdaHost defaults -XX:+UseSerialGC "
                + "-Xshare:auto -XX:MaxHeapSize=" + memoryMb * 85 / 100 + "m)");
        System.out.println("machine at start: " + BenchSupport.machine());

        try (EmbeddedAws aws = EmbeddedAws.start()) {
            ProvisionedResources resources = aws.provision(TemplateModel.load(), "bench");
            Map<String, String> local = new HashMap<>();
            local.put(AwsSettings.ENV_DYNAMODB_ENDPOINT, aws.dynamoDbEndpoint().toString());
            local.put(AwsSettings.ENV_SQS_ENDPOINT, aws.sqsEndpoint().toString());
            local.put(AwsSettings.ENV_REGION, aws.region().id());
            // every function JVM of a run shares the local secret files (as in the local system)
            local.put(AwsSettings.ENV_SECRETS_DIR, java.nio.file.Files.createTempDirectory("onewindow-bench-secrets",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"))).toString());
            Map<String, String> apiEnv = env(resources, "IntakeApiFunction", local);
            try (var ddb = aws.dynamoDbClient()) {
                DemoSeeder.seed(new Platform(AwsSettings.fromEnvironment(apiEnv), Clock.systemUTC(), ddb),
                        Instant.now());
            }

            Path intakeZip = BenchSupport.requirePackage(root.resolve("functions/intake-api/target/function.zip"));
            Path workersZip = BenchSupport.requirePackage(root.resolve("functions/workers/target/function.zip"));
            Path baselineZip = BenchSupport.requirePackage(
                    root.resolve("functions/baseline-lambda/target/function.zip"));
            Path httpBaselineZip = BenchSupport.requirePackage(
                    root.resolve("functions/baseline-http-lambda/target/function.zip"));
            Path sdkBaselineZip = BenchSupport.requirePackage(
                    root.resolve("functions/baseline-sdk-lambda/target/function.zip"));
            Path sdkHttpBaselineZip = BenchSupport.requirePackage(
                    root.resolve("functions/baseline-sdk-http-lambda/target/function.zip"));
            String queueArn = resources.queueArn("ApprovalQueue");
            String region = aws.region().id();

            // the JVM options template.yaml gives every function (Globals), given to the baseline as well
            Map<String, String> baselineEnv = new HashMap<>();
            if (apiEnv.containsKey("JAVA_TOOL_OPTIONS")) {
                baselineEnv.put("JAVA_TOOL_OPTIONS", apiEnv.get("JAVA_TOOL_OPTIONS"));
            }
            List<Function> measured = List.of(
                    new Function(BASELINE, baselineZip, LambdaHost.Flavour.EVENT, null, baselineEnv,
                            host -> invoke(host, "{}")),
                    new Function(HTTP_BASELINE, httpBaselineZip, LambdaHost.Flavour.HTTP, null, baselineEnv,
                            ColdStartBenchmark::ping),
                    new Function(SDK_BASELINE, sdkBaselineZip, LambdaHost.Flavour.EVENT, null,
                            sdkBaselineEnv(baselineEnv, local, apiEnv), ColdStartBenchmark::probe),
                    new Function(SDK_HTTP_BASELINE, sdkHttpBaselineZip, LambdaHost.Flavour.HTTP, null,
                            sdkBaselineEnv(baselineEnv, local, apiEnv), ColdStartBenchmark::probeHttp),
                    new Function("intake-api GET /v1/items", intakeZip, LambdaHost.Flavour.HTTP, null, apiEnv,
                            ColdStartBenchmark::listItems),
                    new Function("workers approval (SQS)", workersZip, LambdaHost.Flavour.EVENT, "approval",
                            env(resources, "ApprovalWorkerFunction", local),
                            host -> invoke(host, sqsEvent(queueArn, region))),
                    new Function("workers relay (schedule)", workersZip, LambdaHost.Flavour.EVENT, "relay",
                            env(resources, "OutboxRelayFunction", local),
                            host -> invoke(host, scheduledEvent(region))),
                    new Function("workers deadlines (schedule)", workersZip, LambdaHost.Flavour.EVENT, "deadlines",
                            env(resources, "DeadlineCheckerFunction", local),
                            host -> invoke(host, scheduledEvent(region))));
            // SnapStart cannot run here; the priming it would run at the checkpoint can: the intake API and one worker
            // again, primed between init and the first event (what a restored snapshot would still pay on it)
            List<Function> functions = new ArrayList<>(measured);
            for (Function f : measured) {
                if (f.label().startsWith("intake-api") || f.label().startsWith("workers approval")) {
                    functions.add(f.checkpointed());
                }
            }

            if (histogram) {
                classHistograms(measured, logs, memoryMb, jvmOptions);
            }

            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            functions.forEach(f -> samples.put(f.label(), new ArrayList<>()));
            for (int round = -warmup; round < runs; round++) {
                StringBuilder line = new StringBuilder(round < 0 ? "warm-up" : "round " + (round + 1));
                for (Function f : functions) {
                    Sample s = once(f, logs, memoryMb, jvmOptions, List.of());
                    if (round >= 0) {
                        samples.get(f.label()).add(s);
                    }
                    line.append(fmt("  %s %s+%s ms", shortName(f.label()), ms(s.initMs()), ms(s.firstEventMs())));
                }
                System.out.println(line + "   (load " + BenchSupport.loadAverage() + ")");
            }
            report(functions, samples, runs);
        }
    }

    /** The JVM options, the local endpoint and region, and a table to read (the callers table). */
    private static Map<String, String> sdkBaselineEnv(Map<String, String> baselineEnv, Map<String, String> local,
                                                      Map<String, String> apiEnv) {
        Map<String, String> env = new HashMap<>(baselineEnv);
        env.put(AwsSettings.ENV_DYNAMODB_ENDPOINT, local.get(AwsSettings.ENV_DYNAMODB_ENDPOINT));
        env.put(AwsSettings.ENV_REGION, local.get(AwsSettings.ENV_REGION));
        env.put(AwsSettings.ENV_CALLERS_TABLE, apiEnv.get(AwsSettings.ENV_CALLERS_TABLE));
        return env;
    }

    /** The SDK baseline's first event must have reached its table ({@code "found":false}: no such item). */
    private static String probe(LambdaHost host) {
        String r = invoke(host, "{}");
        if (!r.contains("\"found\":false")) {
            throw new IllegalStateException("the SDK baseline did not reach its table: " + r);
        }
        return r;
    }

    /** The SDK HTTP baseline's first request must have reached its table ({@code "found":false}: no such item). */
    private static String probeHttp(LambdaHost host) throws IOException, InterruptedException {
        String body = get(host, "/v1/probe", null);
        if (!body.contains("\"found\":false")) {
            throw new IllegalStateException("GET /v1/probe did not reach its table: " + abbreviate(body));
        }
        return "HTTP 200, " + abbreviate(body);
    }

    private static Map<String, String> env(ProvisionedResources resources, String logicalId,
                                           Map<String, String> local) {
        Map<String, String> env = new HashMap<>(resources.environmentFor(logicalId));
        env.putAll(local);
        return env;
    }

    private static Sample once(Function f, Path logs, int memoryMb, List<String> jvmOptions, List<String> extra) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(extra);
        if (f.checkpoint()) {
            options.add("-D" + cn.onewindow.local.lambda.LocalLambdaRuntime.SIMULATE_SNAPSTART + "=true");
        }
        LambdaHost.Builder b = LambdaHost.builder(f.label().split(" ")[0].replace("-lambda", "") + "-"
                        + (f.handler() == null ? "fn" : f.handler()), f.zip())
                .flavour(f.flavour()).environment(f.environment()).memoryMb(memoryMb).jvmOptions(options)
                .logDirectory(logs).startupTimeout(Duration.ofSeconds(120));
        if (f.handler() != null) {
            b.handler(f.handler());
        }
        try (LambdaHost host = b.start()) {
            long t0 = System.nanoTime();
            String outcome;
            try {
                outcome = f.firstEvent().send(host);
            } catch (Exception e) {
                throw new IllegalStateException(f.label() + ": first event not handled: " + e + "; log "
                        + host.logFiles().get(0), e);
            }
            double first = (System.nanoTime() - t0) / 1e6;
            double init = host.startupTimes().get(0).toNanos() / 1e6;
            return new Sample(init, first, outcome);
        }
    }

    /** A response from the function, success or function error, counts; a host failure (no answer) does not. */
    private static String invoke(LambdaHost host, String event) {
        try {
            String r = host.invoke(event);
            return "ok " + abbreviate(r);
        } catch (LambdaInvocationException e) {
            if (e.status() > 0) {
                return "function error " + e.status() + " " + abbreviate(e.body());
            }
            throw e;
        }
    }

    private static String ping(LambdaHost host) throws IOException, InterruptedException {
        return "HTTP 200, " + get(host, "/v1/ping", null).length() + " chars";
    }

    private static String listItems(LambdaHost host) throws IOException, InterruptedException {
        return "HTTP 200, " + get(host, "/v1/items", "demo-window").length() + " chars";
    }

    /** A GET to an HTTP function (with a bearer token unless null); its body, or an exception unless 200. */
    private static String get(LambdaHost host, String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(host.baseUri() + path))
                .timeout(Duration.ofSeconds(60)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": "
                    + abbreviate(r.body()));
        }
        return r.body();
    }

    /** One SQS message for a task that does not exist (the worker reports it as a batch item failure). */
    static String sqsEvent(String queueArn, String region) {
        String caseId = "20250101-BENCH00000";
        String body = "{\\\"taskId\\\":\\\"" + caseId + "~zrzy\\\",\\\"caseId\\\":\\\"" + caseId
                + "\\\",\\\"departmentCode\\\":\\\"zrzy\\\"}";
        long now = System.currentTimeMillis();
        return "{\"Records\":[{\"messageId\":\"" + UUID.randomUUID() + "\",\"receiptHandle\":\"bench-" + now
                + "\",\"body\":\"" + body + "\",\"attributes\":{\"ApproximateReceiveCount\":\"1\","
                + "\"SentTimestamp\":\"" + now + "\",\"SenderId\":\"000000000000\","
                + "\"ApproximateFirstReceiveTimestamp\":\"" + now + "\"},\"messageAttributes\":{},"
                + "\"md5OfBody\":\"00000000000000000000000000000000\",\"eventSource\":\"aws:sqs\","
                + "\"eventSourceARN\":\"" + queueArn + "\",\"awsRegion\":\"" + region + "\"}]}";
    }

    static String scheduledEvent(String region) {
        String partition = region.startsWith("cn-") ? "aws-cn" : "aws";
        return "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"aws.events\",\"account\":\"000000000000\",\"time\":\""
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"region\":\"" + region + "\","
                + "\"resources\":[\"arn:" + partition + ":events:" + region
                + ":000000000000:rule/outbox-relay-schedule\"],\"detail\":{}}";
    }

    private static void report(List<Function> functions, Map<String, List<Sample>> samples, int runs) {
        List<Double> base = totals(samples.get(BASELINE));
        List<Double> httpBase = totals(samples.get(HTTP_BASELINE));
        List<Double> sdkBase = totals(samples.get(SDK_BASELINE));
        List<Double> sdkHttpBase = totals(samples.get(SDK_HTTP_BASELINE));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"function", "p50 ms", "p90 ms", "init p50", "1st event p50", "p50 ratio",
                "p90 ratio", "like-for-like p50 / p90", "target", "result"});
        for (Function f : functions) {
            List<Sample> s = samples.get(f.label());
            List<Double> total = totals(s);
            double p50 = percentile(total, 50);
            double p90 = percentile(total, 90);
            double r50 = p50 / percentile(base, 50);
            double r90 = p90 / percentile(base, 90);
            // like for like: the HTTP function against the minimal HTTP function that reads DynamoDB through the SDK,
            // the event workers against the minimal function that does; each also against its stack's minimal
            // function without the SDK (the minimal HTTP function, the minimal Lambda)
            boolean http = f.flavour() == LambdaHost.Flavour.HTTP;
            List<Double> like = http ? sdkHttpBase : sdkBase;
            double l50 = p50 / percentile(like, 50);
            double l90 = p90 / percentile(like, 90);
            boolean isBase = f.label().startsWith("baseline-");
            if (!isBase && !f.checkpoint()) {
                BenchSupport.guard("cold start " + f.label() + " p50 / like-for-like baseline", l50, TARGET_RATIO);
                BenchSupport.guard("cold start " + f.label() + " p90 / like-for-like baseline", l90, TARGET_RATIO);
                double bare = http ? p50 / percentile(httpBase, 50) : r50;
                BenchSupport.guard("cold start " + f.label() + " p50 / " + (http ? "minimal HTTP function"
                        : "minimal Lambda") + " (no SDK)", bare, TARGET_RATIO);
            }
            rows.add(new String[] {f.label(), ms(p50), ms(p90),
                    ms(median(s, Sample::initMs)),
                    ms(median(s, Sample::firstEventMs)),
                    fmt("%.2fx", r50), fmt("%.2fx", r90), fmt("%.2fx / %.2fx", l50, l90),
                    isBase || f.checkpoint() ? "-" : "<= " + TARGET_RATIO + "x",
                    isBase ? "(baseline)" : f.checkpoint() ? "(simulated SnapStart, below)" : (r50 <= TARGET_RATIO && r90 <= TARGET_RATIO ? "PASS" : "FAIL")
                            + " / " + (l50 <= TARGET_RATIO && l90 <= TARGET_RATIO ? "PASS" : "FAIL")});
        }
        System.out.println();
        System.out.println("Cold start: process start -> response to the first event (" + runs
                + " fresh JVMs each, round-robin)");
        System.out.print(BenchSupport.table(rows));
        System.out.println("init = process start -> first Runtime API poll (handler class loaded, Quarkus booted); "
                + "1st event = that poll seen -> first response.");
        System.out.println("PASS needs both p50 and p90 ratios <= " + TARGET_RATIO + "x the baseline's; result = against "
                + "the minimal Lambda / against the like-for-like minimal function (one SDK GetItem on the same stack: the HTTP "
                + "bridge for the intake API, a plain handler for the workers).");
        System.out.println();
        System.out.println("Simulated SnapStart checkpoint (priming run after init, before the first event; the restore "
                + "itself cannot be measured here):");
        for (Function f : functions) {
            if (!f.checkpoint()) {
                continue;
            }
            String plain = f.label().substring(0, f.label().length() - CHECKPOINTED.length());
            double firstPlain = median(samples.get(plain), Sample::firstEventMs);
            double firstPrimed = median(samples.get(f.label()), Sample::firstEventMs);
            double initPlain = median(samples.get(plain), Sample::initMs);
            double initPrimed = median(samples.get(f.label()), Sample::initMs);
            System.out.println(fmt("  %-30s 1st event p50 %s ms -> %s ms after priming (%.0f %% of it moved into the "
                            + "snapshot); init p50 %s -> %s ms", plain, ms(firstPlain), ms(firstPrimed),
                    100 * (1 - firstPrimed / firstPlain), ms(initPlain), ms(initPrimed)));
        }
        System.out.println("first-event outcomes:");
        for (Function f : functions) {
            System.out.println("  " + f.label() + ": " + samples.get(f.label()).get(0).outcome());
        }
        System.out.println("machine at end: " + BenchSupport.machine());
    }

    /** A function's start-to-first-response times, sorted. */
    private static List<Double> totals(List<Sample> samples) {
        return sorted(samples.stream().map(Sample::totalMs).toList());
    }

    /** The p50 of one part of a function's samples. */
    private static double median(List<Sample> samples, java.util.function.Function<Sample, Double> part) {
        return percentile(sorted(samples.stream().map(part).toList()), 50);
    }

    /** One untimed start per function with class-load logging, summarised by package group. */
    private static void classHistograms(List<Function> functions, Path logs, int memoryMb, List<String> jvmOptions)
            throws IOException {
        System.out.println();
        System.out.println("Classes loaded up to the first response (one untimed start each, -Xlog:class+load):");
        for (Function f : functions) {
            Path file = logs.resolve(shortName(f.label()) + "-classes.log").toAbsolutePath();
            Files.deleteIfExists(file);
            Sample s = once(f, logs, memoryMb, jvmOptions,
                    List.of("-Xlog:class+load=info:file=" + file + ":uptime"));
            Map<String, Integer> groups = new TreeMap<>();
            int total = 0;
            int shared = 0;
            try (Stream<String> lines = Files.lines(file)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    int at = line.indexOf("] ");
                    if (at < 0) {
                        continue;
                    }
                    String rest = line.substring(at + 2).trim();
                    String name = rest.split(" ", 2)[0];
                    total++;
                    if (rest.contains("shared objects file")) {
                        shared++;
                    }
                    groups.merge(group(name), 1, Integer::sum);
                }
            }
            String top = groups.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(12).map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
            System.out.println(fmt("  %-26s %5d classes (%d from the CDS archive), %s ms: %s", f.label(), total,
                    shared, ms(s.totalMs()), top));
        }
        System.out.println();
    }

    private static String group(String className) {
        String[] prefixes = {"software.amazon.awssdk.services.dynamodb", "software.amazon.awssdk.services.sqs",
                "software.amazon.awssdk", "com.fasterxml.jackson", "io.quarkus.resteasy.reactive",
                "org.jboss.resteasy.reactive", "io.quarkus", "io.vertx", "io.netty", "io.smallrye", "org.jboss",
                "jakarta", "cn.onewindow", "com.amazonaws", "org.apache", "org.eclipse", "org.mapstruct", "java.",
                "javax.", "jdk.", "sun."};
        for (String p : prefixes) {
            if (className.startsWith(p)) {
                return p.endsWith(".") ? p + "*" : p;
            }
        }
        int dots = 0;
        for (int i = 0; i < className.length(); i++) {
            if (className.charAt(i) == '.' && ++dots == 2) {
                return className.substring(0, i);
            }
        }
        return className;
    }

    private static String shortName(String label) {
        return label.split(" ")[0] + (label.contains("(") ? "-" + label.split(" ")[1] : "");
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= 140 ? oneLine : oneLine.substring(0, 140) + "…";
    }
}
