package cn.onewindow.local.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.quarkus.amazon.lambda.runtime.MockEventServer;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs one packaged Quarkus Lambda function locally: N child JVMs (like N Lambda execution environments) that all
 * poll one local Lambda Runtime API, served by Quarkus' mock event server on {@link #port()}.
 *
 * <ul>
 *   <li>{@link Flavour#EVENT} ({@code MockEventServer}): {@link #invoke(String)} POSTs an event to
 *       {@code /_lambda_} and returns the function's result.</li>
 *   <li>{@link Flavour#HTTP} ({@code MockHttpEventServer}): besides {@link #invoke(String)}, any plain HTTP request
 *       to {@link #baseUri()} is turned into an API Gateway HTTP API (v2) event, and the function's response into the
 *       HTTP response.</li>
 * </ul>
 *
 * <p>The artifact run is the deployable one: {@code target/function.zip} (extracted, like Lambda does into
 * {@code /var/task}), a {@code *-runner.jar} with its {@code lib/}, or an already extracted function directory.
 * Each child runs {@link LocalLambdaRuntime} with the handler of the SAM template
 * ({@value #QUARKUS_STREAM_HANDLER}), which is what the managed Java runtime does on AWS.
 *
 * <p>An instance is ready when its first {@code GET …/invocation/next} arrives (recognised by the
 * {@code User-Agent} that {@link LocalLambdaRuntime} sends), i.e. after the handler class, and so Quarkus, has been
 * initialised. An instance that exits while the host is open (function timeout, crash) is started again, as Lambda
 * would create a new execution environment. {@link #close()} (and a JVM shutdown hook) ends every child; a child
 * whose host vanished without closing exits by itself once the Runtime API stops answering.
 */
public final class LambdaHost implements AutoCloseable {

    /** The handler every Quarkus Lambda declares in the SAM template (Globals.Function.Handler). */
    public static final String QUARKUS_STREAM_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    /** Path of the Runtime API (and of the event POST) on the mock event server. */
    public static final String RUNTIME_API_PATH = "/_lambda_";

    private static final System.Logger LOG = System.getLogger(LambdaHost.class.getName());
    private static final List<String> INHERITED_ENV = List.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TMPDIR",
            "JAVA_HOME");
    private static final int MAX_CONSECUTIVE_INIT_FAILURES = 3;

    /** Which Quarkus mock event server fronts the function. */
    public enum Flavour {
        /** Plain events (SQS, schedule, direct invoke): {@code MockEventServer}. */
        EVENT,
        /** HTTP API functions: {@code MockHttpEventServer}, plain HTTP in, API Gateway v2 events to the function. */
        HTTP
    }

    private final Builder config;
    private final MockEventServer server;
    private final int port;
    private final Path workDirectory;
    private final List<String> classPath;
    private final Path taskRoot;
    private final HttpClient http;
    private final Map<Integer, Instance> instances = new ConcurrentHashMap<>();
    private final List<Duration> startupTimes = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger restarts = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();
    private final Object readiness = new Object();
    /**
     * Handler durations in nanoseconds reported with each {@code /response}, kept only once somebody asked for them
     * (a long-running local system that nobody measures keeps none); bounded, oldest dropped.
     */
    private volatile boolean keepDurations;
    private final java.util.concurrent.ConcurrentLinkedQueue<Long> durations =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicInteger durationCount = new AtomicInteger();
    /** Guards launching against closing, so that no child is started after {@link #close()} took its list. */
    private final Object lifecycle = new Object();
    private final Thread shutdownHook;

    private LambdaHost(Builder config) {
        this.config = config;
        this.server = RuntimeApiServers.create(config.flavour, this::onNextPoll, this::onResponse);
        boolean ok = false;
        try {
            server.start(config.port);
            this.port = server.getPort();
            Files.createDirectories(config.logDirectory);
            this.workDirectory = Files.createDirectories(
                    config.logDirectory.resolve(".work").resolve(config.name + "-" + port));
            FunctionLayout layout = FunctionLayout.prepare(config.artifact, workDirectory.resolve("function"));
            this.taskRoot = layout.taskRoot();
            this.classPath = new ArrayList<>(layout.classPath());
            this.classPath.add(FunctionLayout.copyRuntimeClasses(workDirectory.resolve("runtime")).toString());
            this.http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            this.shutdownHook = new Thread(this::killAll, "lambda-host-shutdown-" + config.name);
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            ok = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare function " + config.name + " from " + config.artifact, e);
        } finally {
            if (!ok) {
                closeServer();
            }
        }
    }

    /** Starts describing a host for the function {@code name} packaged at {@code artifact}. */
    public static Builder builder(String name, Path artifact) {
        return new Builder(name, artifact);
    }

    // ------------------------------------------------------------------ public API

    /**
     * Invokes the function synchronously (RequestResponse) with one event and returns its result JSON
     * ({@code ""} when the function returned nothing).
     *
     * @throws LambdaInvocationException when the function failed, timed out, or the host did not answer
     */
    public String invoke(String eventJson) {
        try {
            return invokeAsync(eventJson).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof LambdaInvocationException lie) {
                throw lie;
            }
            throw new LambdaInvocationException(config.name, -1, null, e.getCause());
        }
    }

    /** {@link #invoke(String)} without blocking the caller; the future fails with {@link LambdaInvocationException}. */
    public CompletableFuture<String> invokeAsync(String eventJson) {
        Objects.requireNonNull(eventJson, "eventJson");
        if (closed.get()) {
            return CompletableFuture.failedFuture(
                    new LambdaInvocationException(config.name, -1, "host is closed", null));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri() + RUNTIME_API_PATH))
                .timeout(config.timeout.plus(config.startupTimeout))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(eventJson, StandardCharsets.UTF_8))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause()
                                : error;
                        String why = cause instanceof HttpTimeoutException ? "no answer in time" : null;
                        throw new LambdaInvocationException(config.name, -1, why, cause);
                    }
                    int status = response.statusCode();
                    if (status == 200 || status == 204) {
                        return response.body() == null ? "" : response.body();
                    }
                    throw new LambdaInvocationException(config.name, status, response.body(), null);
                });
    }

    /** Port of the local Runtime API / event endpoint (and, for {@link Flavour#HTTP}, of the HTTP API). */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}: for {@link Flavour#HTTP}, the local stand-in of the HTTP API's URL. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The value given to the children as {@code AWS_LAMBDA_RUNTIME_API}. */
    public String runtimeApi() {
        return "127.0.0.1:" + port + RUNTIME_API_PATH;
    }

    public String name() {
        return config.name;
    }

    public Flavour flavour() {
        return config.flavour;
    }

    /** Number of execution environments configured. */
    public int instances() {
        return config.instances;
    }

    /** Instances whose JVM is running and has polled the Runtime API at least once. */
    public int readyInstances() {
        return (int) instances.values().stream().filter(i -> i.process.isAlive() && i.readyNanos > 0).count();
    }

    /** Whether every configured instance's JVM is running. */
    public boolean isAlive() {
        return !closed.get() && instances.size() == config.instances
                && instances.values().stream().allMatch(i -> i.process.isAlive());
    }

    /** Times from starting each instance's JVM to its first Runtime API poll, in instance order (first start). */
    public List<Duration> startupTimes() {
        synchronized (startupTimes) {
            return List.copyOf(startupTimes);
        }
    }

    /**
     * The handler durations (Lambda's REPORT "Duration": event read to response written, without the Runtime API
     * exchanges) of the successful invocations since the last call, in milliseconds, and forgets them. Recording
     * starts with the first call, which therefore returns nothing.
     */
    public List<Double> drainDurationsMillis() {
        keepDurations = true;
        List<Double> out = new ArrayList<>();
        for (Long d; (d = durations.poll()) != null; ) {
            durationCount.decrementAndGet();
            out.add(d / 1e6);
        }
        return out;
    }

    /** How many instances were started again after exiting (crash, timeout). */
    public int restarts() {
        return restarts.get();
    }

    /** One log file per instance (stdout and stderr of its JVM; appended to across restarts). */
    public List<Path> logFiles() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < config.instances; i++) {
            files.add(logFile(i));
        }
        return files;
    }

    /** Operating-system process ids of the running instances. */
    public List<Long> pids() {
        return instances.values().stream().filter(i -> i.process.isAlive()).map(i -> i.process.pid()).sorted().toList();
    }

    /** Ends every child JVM (SIGTERM, then SIGKILL after 5 s) and the Runtime API. Idempotent. */
    @Override
    public void close() {
        List<Process> processes;
        synchronized (lifecycle) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            processes = instances.values().stream().map(i -> i.process).toList();
        }
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        closeServer();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
        deleteQuietly(workDirectory);
    }

    @Override
    public String toString() {
        return "LambdaHost[" + config.name + ", " + config.flavour + ", port " + port + ", " + readyInstances() + "/"
                + config.instances + " ready]";
    }

    // ------------------------------------------------------------------ instances

    private void startAll() {
        long deadline = System.nanoTime() + config.startupTimeout.toNanos();
        for (int i = 0; i < config.instances; i++) {
            deleteQuietly(logFile(i));
            launch(i);
        }
        synchronized (readiness) {
            while (true) {
                int ready = 0;
                for (int i = 0; i < config.instances; i++) {
                    Instance instance = instances.get(i);
                    if (instance.readyNanos > 0) {
                        ready++;
                    } else if (!instance.process.isAlive()) {
                        throw new IllegalStateException("instance " + i + " of " + config.name + " exited with code "
                                + instance.process.exitValue() + " before polling the Runtime API; log "
                                + logFile(i) + ":\n" + tail(logFile(i), 40));
                    }
                }
                if (ready == config.instances) {
                    break;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(config.name + ": only " + ready + " of " + config.instances
                            + " instances polled the Runtime API within " + config.startupTimeout + "; log "
                            + logFile(0) + ":\n" + tail(logFile(0), 40));
                }
                try {
                    readiness.wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 100));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while starting " + config.name, e);
                }
            }
        }
        synchronized (startupTimes) {
            for (int i = 0; i < config.instances; i++) {
                Instance instance = instances.get(i);
                startupTimes.add(Duration.ofNanos(instance.readyNanos - instance.startNanos));
            }
        }
        LOG.log(Level.INFO, () -> config.name + ": " + config.instances + " instance(s) ready on port " + port
                + " after " + startupTimes());
    }

    private void launch(int index) {
        List<String> command = new ArrayList<>();
        command.add(config.javaExecutable);
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("-XX:MaxHeapSize=" + Math.max(64, config.memoryMb * 85 / 100) + "m");
        command.addAll(config.jvmOptions);
        // e.g. -Donewindow.local.function-jvm-options=-XX:TieredStopAtLevel=4 to compare with C2 (later flags win)
        String extra = System.getProperty("onewindow.local.function-jvm-options", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-Donewindow.lambda.instance=" + index);
        command.add("-Donewindow.lambda.timeout-ms=" + config.timeout.toMillis());
        command.add("-Donewindow.lambda.arn=" + functionArn());
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classPath));
        command.add(LocalLambdaRuntime.class.getName());
        command.add(config.runtimeHandler);

        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(taskRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(index).toFile()));
        Map<String, String> env = pb.environment();
        Map<String, String> inherited = new LinkedHashMap<>();
        for (String name : INHERITED_ENV) {
            String value = env.get(name);
            if (value != null) {
                inherited.put(name, value);
            }
        }
        env.clear();
        env.putAll(inherited);
        env.putAll(lambdaEnvironment(index));
        if (config.quarkusHandler != null) {
            env.put("QUARKUS_LAMBDA_HANDLER", config.quarkusHandler);
        }
        env.putAll(config.environment);
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi());

        Instance instance;
        try {
            instance = new Instance(index, System.nanoTime(), pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
        instances.put(index, instance);
        instance.process.onExit().thenRun(() -> onExit(instance));
    }

    private Map<String, String> lambdaEnvironment(int index) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_LAMBDA_FUNCTION_NAME", config.name);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memoryMb));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + config.name);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/[$LATEST]instance-" + index);
        env.put("AWS_REGION", config.region);
        env.put("AWS_DEFAULT_REGION", config.region);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("_HANDLER", config.runtimeHandler);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("TZ", "UTC");
        return env;
    }

    private String functionArn() {
        String partition = config.region.startsWith("cn-") ? "aws-cn" : "aws";
        return "arn:" + partition + ":lambda:" + config.region + ":" + config.accountId + ":function:" + config.name;
    }

    private void onResponse(RoutingContext ctx) {
        String d = keepDurations ? ctx.request().getHeader(LocalLambdaRuntime.DURATION_HEADER) : null;
        if (d == null) {
            return;
        }
        try {
            durations.add(Long.parseLong(d));
            if (durationCount.incrementAndGet() > 1_000_000) {
                durations.poll();
                durationCount.decrementAndGet();
            }
        } catch (NumberFormatException ignored) {
            // not ours to judge: the response itself is still handled
        }
    }

    private void onNextPoll(RoutingContext ctx) {
        polls.incrementAndGet();
        String agent = ctx.request().getHeader("User-Agent");
        if (agent == null || !agent.startsWith(LocalLambdaRuntime.USER_AGENT_PREFIX)) {
            return;
        }
        try {
            int index = Integer.parseInt(agent.substring(LocalLambdaRuntime.USER_AGENT_PREFIX.length()).trim());
            Instance instance = instances.get(index);
            if (instance != null && instance.readyNanos == 0) {
                instance.readyNanos = System.nanoTime();
                synchronized (readiness) {
                    readiness.notifyAll();
                }
            }
        } catch (NumberFormatException ignored) {
            // not one of ours
        }
    }

    private void onExit(Instance instance) {
        synchronized (readiness) {
            readiness.notifyAll();
        }
        if (closed.get() || instances.get(instance.index) != instance) {
            return;
        }
        boolean wasReady = instance.readyNanos > 0;
        int failures = wasReady ? 0 : instance.initFailuresBefore + 1;
        LOG.log(Level.WARNING, () -> config.name + " instance " + instance.index + " (pid " + instance.process.pid()
                + ") exited with code " + instance.process.exitValue() + (wasReady ? "" : " before it was ready")
                + "; log " + logFile(instance.index));
        if (!startupComplete() || failures >= MAX_CONSECUTIVE_INIT_FAILURES) {
            return; // start() reports it, or the function cannot start: leave this instance down
        }
        synchronized (lifecycle) {
            if (closed.get()) {
                return;
            }
            restarts.incrementAndGet();
            try {
                launch(instance.index);
                instances.get(instance.index).initFailuresBefore = failures;
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "cannot restart " + config.name + " instance " + instance.index, e);
            }
        }
    }

    private boolean startupComplete() {
        synchronized (startupTimes) {
            return !startupTimes.isEmpty();
        }
    }

    private void killAll() {
        synchronized (lifecycle) {
            closed.set(true);
            instances.values().forEach(i -> i.process.destroyForcibly());
        }
    }

    private void closeServer() {
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "closing the mock event server of " + config.name, e);
        }
    }

    private Path logFile(int index) {
        return config.logDirectory.resolve(config.name + "-" + index + ".log");
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    static void deleteQuietly(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }

    private static final class Instance {
        final int index;
        final long startNanos;
        final Process process;
        volatile long readyNanos;
        volatile int initFailuresBefore;

        Instance(int index, long startNanos, Process process) {
            this.index = index;
            this.startNanos = startNanos;
            this.process = process;
        }
    }

    // ------------------------------------------------------------------ builder

    /** Configuration of a {@link LambdaHost}; {@link #start()} launches it and waits until it is ready. */
    public static final class Builder {
        private final String name;
        private final Path artifact;
        private Flavour flavour = Flavour.EVENT;
        private int port;
        private int instances = 1;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private String quarkusHandler;
        private String runtimeHandler = QUARKUS_STREAM_HANDLER;
        private final List<String> jvmOptions = new ArrayList<>();
        private Path logDirectory = Path.of(System.getProperty("java.io.tmpdir"), "onewindow-lambda");
        private Duration startupTimeout = Duration.ofSeconds(60);
        private Duration timeout = Duration.ofSeconds(30);
        private int memoryMb = 1024;
        private String region = "cn-north-1";
        private String accountId = "000000000000";
        private String javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        private Builder(String name, Path artifact) {
            if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException("function name must be 1-64 of [A-Za-z0-9_-]: " + name);
            }
            this.name = name;
            this.artifact = Objects.requireNonNull(artifact, "artifact");
        }

        /** {@link Flavour#EVENT} (default) or {@link Flavour#HTTP}. */
        public Builder flavour(Flavour flavour) {
            this.flavour = Objects.requireNonNull(flavour);
            return this;
        }

        /** Port of the Runtime API; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Number of execution environments (child JVMs) polling the same Runtime API; default 1. */
        public Builder instances(int instances) {
            if (instances < 1) {
                throw new IllegalArgumentException("instances must be at least 1");
            }
            this.instances = instances;
            return this;
        }

        /** Function environment variables (as in the SAM template); they override the Lambda defaults. */
        public Builder environment(Map<String, String> environment) {
            this.environment.putAll(environment);
            return this;
        }

        public Builder environment(String name, String value) {
            this.environment.put(name, value);
            return this;
        }

        /** Sets {@code QUARKUS_LAMBDA_HANDLER}: the {@code @Named} handler of a module with several. */
        public Builder handler(String quarkusHandlerName) {
            this.quarkusHandler = quarkusHandlerName;
            return this;
        }

        /** The runtime handler ({@code Handler:} of the template); default {@value LambdaHost#QUARKUS_STREAM_HANDLER}. */
        public Builder runtimeHandler(String classAndMethod) {
            this.runtimeHandler = Objects.requireNonNull(classAndMethod);
            return this;
        }

        /** Extra JVM options, after the defaults ({@code -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto}
         * and a heap of 85 % of {@link #memoryMb(int)}), so they can override them. */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions.addAll(options);
            return this;
        }

        /** Where {@code <name>-<instance>.log} files (and a working copy of the package) go. */
        public Builder logDirectory(Path directory) {
            this.logDirectory = directory.toAbsolutePath().normalize();
            return this;
        }

        /** How long {@link #start()} waits for every instance's first poll; default 60 s. */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Function timeout (template {@code Timeout}); default 30 s. An instance exceeding it is replaced. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Function memory (template {@code MemorySize}); default 1024 MB. Sets the heap limit and the context. */
        public Builder memoryMb(int memoryMb) {
            this.memoryMb = memoryMb;
            return this;
        }

        /** {@code AWS_REGION} of the function and region in its ARN; default {@code cn-north-1}. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId);
            return this;
        }

        /** The {@code java} launcher for the children; default the one running this JVM. */
        public Builder javaExecutable(String java) {
            this.javaExecutable = Objects.requireNonNull(java);
            return this;
        }

        /** Starts the Runtime API and the instances, and returns once every instance has polled it. */
        public LambdaHost start() {
            LambdaHost host = new LambdaHost(this);
            try {
                host.startAll();
                return host;
            } catch (RuntimeException | Error e) {
                host.close();
                throw e;
            }
        }
    }
}
