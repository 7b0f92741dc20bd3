package cn.onewindow.local;

import cn.onewindow.aws.AwsSettings;
import cn.onewindow.aws.DemoSeeder;
import cn.onewindow.aws.Platform;
import cn.onewindow.aws.PseudonymMigration;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.infrastructure.EmbeddedAws;
import cn.onewindow.infrastructure.ProvisionedResources;
import cn.onewindow.infrastructure.TemplateModel;
import cn.onewindow.local.lambda.LambdaHost;
import cn.onewindow.local.lambda.ScheduleTicker;
import cn.onewindow.local.lambda.SqsEventSourcePoller;
import cn.onewindow.local.web.FrontDoor;
import cn.onewindow.local.web.WebContent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform on one machine: dynoxide (a child process) and ElasticMQ (in this JVM) with the tables and queues of
 * {@code template.yaml}, the demo catalog, calendars, centers and callers, and the packaged Lambda functions run
 * as child JVMs on a local Lambda Runtime API: the intake API behind the front door on {@code http://localhost:<port>}
 * (which also serves the web apps, as CloudFront does in the cloud), the approval
 * worker fed by the approval queue (an SQS event source with partial batch responses), and the outbox relay on a
 * timer standing in for the EventBridge schedule.
 */
public final class LocalSystem implements AutoCloseable {

    /** How to start. */
    public record Options(Path root, int port, Path dataDirectory, Instant clockStart, int apiInstances,
                          int workerInstances, Duration relayEvery, String stage, Path logDirectory, int adminPort) {
        public static Options defaults(Path root) {
            return new Options(root, 8080, null, null, 2, 1, Duration.ofSeconds(20), "local",
                    root.resolve("functions/local/target/local-logs"), 0);
        }

        /** Port of the local-only admin calls (clock, deadline check); 0 = any free port. */
        public Options withAdminPort(int p) {
            return new Options(root, port, dataDirectory, clockStart, apiInstances, workerInstances, relayEvery, stage,
                    logDirectory, p);
        }

        /** How often the deadline checker and the outbox relay run (the cloud: every 5 minutes). */
        public Options withScheduleEvery(Duration every) {
            return new Options(root, port, dataDirectory, clockStart, apiInstances, workerInstances, every, stage,
                    logDirectory, adminPort);
        }

        public Options withPort(int p) {
            return new Options(root, p, dataDirectory, clockStart, apiInstances, workerInstances, relayEvery, stage,
                    logDirectory, adminPort);
        }

        public Options withDataDirectory(Path d) {
            return new Options(root, port, d, clockStart, apiInstances, workerInstances, relayEvery, stage,
                    logDirectory, adminPort);
        }

        public Options withClockStart(Instant c) {
            return new Options(root, port, dataDirectory, c, apiInstances, workerInstances, relayEvery, stage,
                    logDirectory, adminPort);
        }

        public Options withInstances(int api, int workers) {
            return new Options(root, port, dataDirectory, clockStart, api, workers, relayEvery, stage, logDirectory,
                    adminPort);
        }
    }

    private final Options options;
    private final List<AutoCloseable> parts = new ArrayList<>();
    private EmbeddedAws aws;
    private ProvisionedResources resources;
    private Platform platform;
    private LambdaHost api;
    private FrontDoor frontDoor;
    private SqsEventSourcePoller approvalPoller;
    private SqsEventSourcePoller evaluationPoller;
    private ScheduleTicker relayTicker;
    private ScheduleTicker deadlineTicker;
    private Path clockFile;
    private Clock clock;
    private LocalAdminServer admin;
    private Path notificationLog;

    private LocalSystem(Options options) {
        this.options = options;
    }

    public static LocalSystem start(Options options) throws Exception {
        LocalSystem s = new LocalSystem(options);
        try {
            s.startAll();
            return s;
        } catch (Exception | Error e) {
            s.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        Files.createDirectories(options.logDirectory());
        EmbeddedAws.Options awsOptions = EmbeddedAws.Options.defaults();
        if (options.dataDirectory() != null) {
            Files.createDirectories(options.dataDirectory());
            awsOptions = awsOptions.withDataDirectory(options.dataDirectory());
        }
        aws = EmbeddedAws.start(awsOptions);
        parts.add(aws);
        resources = aws.provision(TemplateModel.load(), options.stage());

        Map<String, String> local = new HashMap<>();
        local.put(AwsSettings.ENV_DYNAMODB_ENDPOINT, aws.dynamoDbEndpoint().toString());
        local.put(AwsSettings.ENV_SQS_ENDPOINT, aws.sqsEndpoint().toString());
        local.put(AwsSettings.ENV_REGION, aws.region().id());
        if (options.clockStart() != null) {
            local.put(Platform.CLOCK_START, options.clockStart().toString());
            local.put(Platform.CLOCK_ANCHOR, Instant.now().toString());
        }
        clockFile = options.logDirectory().resolve("clock-" + ProcessHandle.current().pid() + ".txt");
        Files.deleteIfExists(clockFile);
        local.put(Platform.CLOCK_FILE, clockFile.toString());
        notificationLog = options.logDirectory().resolve("notifications.log");
        local.put(AwsSettings.ENV_NOTIFICATION_LOG, notificationLog.toString());
        // the local provincial 好差评 system: one JSON line per forwarded rating (nothing personal in it)
        local.put(AwsSettings.ENV_EVALUATION_LOG, options.logDirectory().resolve("provincial-evaluations.log")
                .toString());
        clock = Platform.clockFrom(name -> java.util.Optional.ofNullable(local.get(name)));
        // the local stand-ins of the pseudonym secret and the outbox key: random files, owner-only, generated on
        // first use; kept with the data (--data-dir) or, for an in-memory run, in a temporary directory
        local.put(AwsSettings.ENV_SECRETS_DIR, secretsDirectory().toString());

        Map<String, String> apiEnv = env("IntakeApiFunction", local);
        platform = new Platform(AwsSettings.fromEnvironment(apiEnv), clock, aws.dynamoDbClient());
        DemoSeeder.seed(platform, clock.instant());
        // stored applicant keys of an older version (or under a rotated-out secret) are rewritten before any
        // function starts: idempotent, and resumable if interrupted
        PseudonymMigration.of(platform).run(500, Integer.MAX_VALUE);

        Path intakeZip = options.root().resolve("functions/intake-api/target/function.zip");
        Path workersZip = options.root().resolve("functions/workers/target/function.zip");
        // the API function's host on an internal loopback port; the front door on the public port serves the web
        // apps and passes /v1 (and /q) to it unchanged, as CloudFront does in the cloud
        api = LambdaHost.builder("intake-api", intakeZip).flavour(LambdaHost.Flavour.HTTP).port(0)
                .instances(options.apiInstances()).environment(apiEnv).logDirectory(options.logDirectory()).start();
        parts.add(api);
        frontDoor = FrontDoor.start(options.port(), api.baseUri(),
                WebContent.detect(Thread.currentThread().getContextClassLoader()));
        parts.add(0, frontDoor);

        LambdaHost approval = LambdaHost.builder("approval-worker", workersZip).flavour(LambdaHost.Flavour.EVENT)
                .instances(options.workerInstances()).environment(env("ApprovalWorkerFunction", local))
                .logDirectory(options.logDirectory()).start();
        parts.add(approval);
        approvalPoller = SqsEventSourcePoller.builder(aws.sqsClient(), resources.queueUrl("ApprovalQueue"), approval)
                .queueArn(resources.queueArn("ApprovalQueue")).batchSize(10)
                .concurrency(options.workerInstances()).start();
        parts.add(0, approvalPoller);

        // 好差评 batch ingestion, fed by the evaluation queue like the approval worker
        LambdaHost evaluationIngest = LambdaHost.builder("evaluation-ingest", workersZip)
                .flavour(LambdaHost.Flavour.EVENT).instances(options.workerInstances())
                .environment(env("EvaluationIngestFunction", local)).logDirectory(options.logDirectory()).start();
        parts.add(evaluationIngest);
        evaluationPoller = SqsEventSourcePoller.builder(aws.sqsClient(), resources.queueUrl("EvaluationQueue"),
                        evaluationIngest).queueArn(resources.queueArn("EvaluationQueue")).batchSize(5)
                .concurrency(options.workerInstances()).start();
        parts.add(0, evaluationPoller);

        LambdaHost relay = LambdaHost.builder("outbox-relay", workersZip).flavour(LambdaHost.Flavour.EVENT)
                .instances(1).environment(env("OutboxRelayFunction", local))
                .logDirectory(options.logDirectory()).start();
        parts.add(relay);
        relayTicker = ScheduleTicker.builder(relay).every(options.relayEvery()).initialDelay(options.relayEvery())
                .start();
        parts.add(0, relayTicker);

        LambdaHost checker = LambdaHost.builder("deadline-checker", workersZip).flavour(LambdaHost.Flavour.EVENT)
                .instances(1).environment(env("DeadlineCheckerFunction", local))
                .logDirectory(options.logDirectory()).start();
        parts.add(checker);
        deadlineTicker = ScheduleTicker.builder(checker).every(options.relayEvery())
                .initialDelay(Duration.ofSeconds(5)).start();
        parts.add(0, deadlineTicker);

        admin = new LocalAdminServer(options.adminPort(), clockFile, clock, deadlineTicker::tickNow);
        parts.add(0, admin);
    }

    /** The clock every local function shares (moved forward through the admin call). */
    public Clock clock() { return clock; }

    /** Moves every local function's clock forward. */
    public Instant advanceClock(Duration by) {
        cn.onewindow.core.common.SharedClock.advance(clockFile, by);
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return clock.instant();
    }

    public int adminPort() { return admin.port(); }

    /** The local SMS stand-in: one JSON line per notification sent, phone numbers masked. */
    public Path notificationLog() { return notificationLog; }

    private Path secretsDirectory() throws java.io.IOException {
        java.nio.file.attribute.FileAttribute<?>[] ownerOnly = java.nio.file.FileSystems.getDefault()
                .supportedFileAttributeViews().contains("posix")
                ? new java.nio.file.attribute.FileAttribute<?>[]{java.nio.file.attribute.PosixFilePermissions
                .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"))}
                : new java.nio.file.attribute.FileAttribute<?>[0];
        if (options.dataDirectory() != null) {
            Path dir = options.dataDirectory().resolve("secrets");
            if (!Files.isDirectory(dir)) Files.createDirectory(dir, ownerOnly);
            return dir;
        }
        Path dir = Files.createTempDirectory("onewindow-local-secrets", ownerOnly);
        parts.add(() -> {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        });
        return dir;
    }

    /** Where the functions' logs, notifications.log and provincial-evaluations.log are written. */
    public Path logDirectory() { return options.logDirectory(); }

    private Map<String, String> env(String function, Map<String, String> local) {
        Map<String, String> env = new HashMap<>(resources.environmentFor(function));
        env.putAll(local);
        return env;
    }

    public Platform platform() { return platform; }

    public ProvisionedResources resources() { return resources; }

    public EmbeddedAws aws() { return aws; }

    /** The API function's host (internal port; callers go through {@link #frontDoor()}). */
    public LambdaHost api() { return api; }

    /** The public port: the web apps, and the API under /v1. */
    public FrontDoor frontDoor() { return frontDoor; }

    public SqsEventSourcePoller approvalPoller() { return approvalPoller; }

    public SqsEventSourcePoller evaluationPoller() { return evaluationPoller; }

    public ScheduleTicker relayTicker() { return relayTicker; }

    /** The stand-in for the EventBridge schedule of the deadline checker; {@code tickNow()} runs it at once. */
    public ScheduleTicker deadlineTicker() { return deadlineTicker; }

    @Override
    public void close() {
        for (AutoCloseable c : parts) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing the rest matters more
            }
        }
        parts.clear();
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.defaults(Path.of(System.getProperty("onewindow.root", ".")).toAbsolutePath().normalize())
                .withAdminPort(8079);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> o = o.withPort(Integer.parseInt(args[++i]));
                case "--data-dir" -> o = o.withDataDirectory(Path.of(args[++i]).toAbsolutePath());
                case "--clock-start" -> o = o.withClockStart(Instant.parse(args[++i]));
                case "--api-instances" -> o = o.withInstances(Integer.parseInt(args[++i]), o.workerInstances());
                case "--worker-instances" -> o = o.withInstances(o.apiInstances(), Integer.parseInt(args[++i]));
                case "--admin-port" -> o = o.withAdminPort(Integer.parseInt(args[++i]));
                case "--schedule-every" -> o = o.withScheduleEvery(Duration.parse(args[++i]));
                case "--web-dir" -> System.setProperty(WebContent.DIRECTORY_PROPERTY,
                        Path.of(args[++i]).toAbsolutePath().toString());
                case "--help", "-h" -> {
                    System.out.println("usage: ./run-local.sh [--port 8080] [--data-dir DIR] "
                            + "[--clock-start 2025-04-25T02:00:00Z] [--api-instances 2] [--worker-instances 1] "
                            + "[--admin-port 8079] [--schedule-every PT60S] [--web-dir DIR]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
        }
        long t0 = System.nanoTime();
        LocalSystem system = start(o);
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "local-system-shutdown"));
        System.out.printf("%n  One-window platform running locally (started in %.1f s)%n", (System.nanoTime() - t0) / 1e9);
        System.out.printf("  Web apps:   http://localhost:%d/   (%s; users in README, Signing in)%n", o.port(),
                system.frontDoor().content().describe());
        System.out.printf("  API:        http://localhost:%d/v1/items   (OpenAPI: http://localhost:%d/q/openapi)%n",
                o.port(), o.port());
        System.out.printf("  DynamoDB:   %s   SQS: %s%n", system.aws().dynamoDbEndpoint(), system.aws().sqsEndpoint());
        System.out.printf("  Clock:      %s   (local only: curl -X POST 'localhost:%d/local/clock/advance?by=PT24H')%n",
                system.clock().instant(), system.adminPort());
        System.out.printf("  Data:       %s%n", o.dataDirectory() == null ? "in memory (use --data-dir DIR to keep it)"
                : o.dataDirectory());
        System.out.printf("  Logs:       %s  (SMS stand-in: %s)%n", o.logDirectory(), system.notificationLog());
        System.out.printf("  Tokens:     %s%n", String.join(", ", DemoData.callers().keySet()));
        System.out.println("  Stop with Ctrl-C.");
        Thread.currentThread().join();
    }
}
