package cn.onewindow.local.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
 *
 * <p>This class assembles the parts, each with one job: {@link RuntimeApiServers} (the Runtime API the children
 * poll), {@link FunctionLayout} (the package on disk), {@link InstanceLauncher} (one child JVM),
 * {@link ExecutionEnvironments} (readiness, restarts, ending them), {@link EventInvoker} (an event in, the result
 * out) and {@link HandlerDurations} (the handlers' reported durations).
 */
public final class LambdaHost implements AutoCloseable {

    /** The handler every Quarkus Lambda declares in the SAM template (Globals.Function.Handler). */
    public static final String QUARKUS_STREAM_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    /** Path of the Runtime API (and of the event POST) on the mock event server. */
    public static final String RUNTIME_API_PATH = "/_lambda_";

    private static final System.Logger LOG = System.getLogger(LambdaHost.class.getName());

    /** Which Quarkus mock event server fronts the function. */
    public enum Flavour {
        /** Plain events (SQS, schedule, direct invoke): {@code MockEventServer}. */
        EVENT,
        /** HTTP API functions: {@code MockHttpEventServer}, plain HTTP in, API Gateway v2 events to the function. */
        HTTP
    }

    private final FunctionSettings settings;
    private final MockEventServer server;
    private final int port;
    private final Path workDirectory;
    private final ExecutionEnvironments environments;
    private final EventInvoker invoker;
    private final HandlerDurations durations = new HandlerDurations();
    private final Thread shutdownHook;

    private LambdaHost(FunctionSettings settings) {
        this.settings = settings;
        this.server = RuntimeApiServers.create(settings.flavour(), this::onNextPoll, this::onResponse);
        boolean ok = false;
        try {
            server.start(settings.port());
            this.port = server.getPort();
            Files.createDirectories(settings.logDirectory());
            this.workDirectory = Files.createDirectories(
                    settings.logDirectory().resolve(".work").resolve(settings.name() + "-" + port));
            FunctionLayout layout = FunctionLayout.prepare(settings.artifact(), workDirectory.resolve("function"));
            List<String> classPath = new ArrayList<>(layout.classPath());
            classPath.add(FunctionLayout.copyRuntimeClasses(workDirectory.resolve("runtime")).toString());
            this.environments = new ExecutionEnvironments(settings,
                    new InstanceLauncher(settings, classPath, layout.taskRoot(), runtimeApi()));
            this.invoker = new EventInvoker(settings.name(), URI.create(baseUri() + RUNTIME_API_PATH),
                    settings.timeout().plus(settings.startupTimeout()));
            this.shutdownHook = new Thread(environments::killAll, "lambda-host-shutdown-" + settings.name());
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            ok = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare function " + settings.name() + " from "
                    + settings.artifact(), e);
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
            throw new LambdaInvocationException(settings.name(), -1, null, e.getCause());
        }
    }

    /** {@link #invoke(String)} without blocking the caller; the future fails with {@link LambdaInvocationException}. */
    public CompletableFuture<String> invokeAsync(String eventJson) {
        Objects.requireNonNull(eventJson, "eventJson");
        if (environments.isClosed()) {
            return CompletableFuture.failedFuture(
                    new LambdaInvocationException(settings.name(), -1, "host is closed", null));
        }
        return invoker.send(eventJson);
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
        return settings.name();
    }

    public Flavour flavour() {
        return settings.flavour();
    }

    /** The function's region ({@code AWS_REGION}, and the region of its ARN). */
    public String region() {
        return settings.region();
    }

    /** The account of the function's ARN. */
    public String accountId() {
        return settings.accountId();
    }

    /** Number of execution environments configured. */
    public int instances() {
        return settings.instances();
    }

    /** Instances whose JVM is running and has polled the Runtime API at least once. */
    public int readyInstances() {
        return environments.ready();
    }

    /** Whether every configured instance's JVM is running. */
    public boolean isAlive() {
        return environments.allAlive();
    }

    /** Times from starting each instance's JVM to its first Runtime API poll, in instance order (first start). */
    public List<Duration> startupTimes() {
        return environments.startupTimes();
    }

    /**
     * The handler durations (Lambda's REPORT "Duration": event read to response written, without the Runtime API
     * exchanges) of the successful invocations since the last call, in milliseconds, and forgets them. Recording
     * starts with the first call, which therefore returns nothing.
     */
    public List<Double> drainDurationsMillis() {
        return durations.drainMillis();
    }

    /** How many instances were started again after exiting (crash, timeout). */
    public int restarts() {
        return environments.restarts();
    }

    /** One log file per instance (stdout and stderr of its JVM; appended to across restarts). */
    public List<Path> logFiles() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < settings.instances(); i++) {
            files.add(settings.logFile(i));
        }
        return files;
    }

    /** Operating-system process ids of the running instances. */
    public List<Long> pids() {
        return environments.pids();
    }

    /** Ends every child JVM (SIGTERM, then SIGKILL after 5 s) and the Runtime API. Idempotent. */
    @Override
    public void close() {
        if (!environments.close()) {
            return;
        }
        closeServer();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
        FunctionLayout.deleteQuietly(workDirectory);
    }

    @Override
    public String toString() {
        return "LambdaHost[" + settings.name() + ", " + settings.flavour() + ", port " + port + ", "
                + readyInstances() + "/" + settings.instances() + " ready]";
    }

    private void onNextPoll(RoutingContext ctx) {
        environments.polled(ctx.request().getHeader("User-Agent"));
    }

    private void onResponse(RoutingContext ctx) {
        if (durations.keeping()) {
            durations.record(ctx.request().getHeader(LocalLambdaRuntime.DURATION_HEADER));
        }
    }

    private void closeServer() {
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "closing the mock event server of " + settings.name(), e);
        }
    }

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
            LambdaHost host = new LambdaHost(new FunctionSettings(name, artifact, flavour, port, instances,
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment)), quarkusHandler,
                    runtimeHandler, java.util.Collections.unmodifiableList(new ArrayList<>(jvmOptions)), logDirectory,
                    startupTimeout, timeout, memoryMb, region, accountId, javaExecutable));
            try {
                host.environments.startAll(host.port);
                return host;
            } catch (RuntimeException | Error e) {
                host.close();
                throw e;
            }
        }
    }
}
