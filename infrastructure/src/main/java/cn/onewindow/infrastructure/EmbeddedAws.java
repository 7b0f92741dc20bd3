package cn.onewindow.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * DynamoDB Local and ElasticMQ started in this JVM, reached over loopback by the real AWS SDK v2
 * clients.
 *
 * <p>DynamoDB Local runs with {@code -sharedDb} (one database whatever the region and credentials of
 * the client), in memory or, when {@link Options#withDataDirectory(Path) a data directory} is given,
 * in {@code shared-local-instance.db} there so tables and items survive a restart. It listens on every
 * interface (DynamoDB Local has no option to bind to loopback only). <b>ElasticMQ has no persistence
 * here: queues and their messages are always in memory and gone after {@link #close()}, even when
 * DynamoDB data is kept</b> ({@link LocalProvisioner} recreates the queues on the next start).
 * ElasticMQ listens on 127.0.0.1 only and reports queue URLs as
 * {@code http://127.0.0.1:PORT/000000000000/NAME} and ARNs in {@link #REGION}.
 *
 * <p>DynamoDB Local needs the sqlite4java native libraries: the system property
 * {@value #SQLITE4JAVA_LIBRARY_PATH} must name a directory holding them (this module's surefire
 * configuration sets it to {@code target/native-libs}, where the build copies them), or
 * {@link Options#withSqliteNativeLibraries(Path)} names one and the property is set from it.
 *
 * <pre>{@code
 * try (EmbeddedAws aws = EmbeddedAws.start(EmbeddedAws.Options.defaults())) {
 *     ProvisionedResources local = aws.provision(TemplateModel.load(), "dev");
 *     try (DynamoDbClient ddb = aws.dynamoDbClient()) { ... }
 * }
 * }</pre>
 */
public final class EmbeddedAws implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedAws.class.getName());

    /** Region the clients use and ElasticMQ puts in queue ARNs. */
    public static final Region REGION = Region.CN_NORTH_1;
    /** Account id in local queue URLs and ARNs. */
    public static final String ACCOUNT_ID = "000000000000";
    /** System property sqlite4java reads to find its native libraries. */
    public static final String SQLITE4JAVA_LIBRARY_PATH = "sqlite4java.library.path";

    private static final AwsCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("onewindowlocal", "onewindowlocal"));

    /**
     * How to start. Port 0 means "pick a free port". A {@code null} data directory means in memory.
     *
     * @param dynamoDbPort         port for DynamoDB Local, 0 for any free port
     * @param sqsPort              port for ElasticMQ, 0 for any free port
     * @param dataDirectory        directory for DynamoDB Local's database ({@code -dbPath}), or null for {@code -inMemory}
     * @param sqliteNativeLibraries directory of the sqlite4java natives, or null to rely on the
     *                             {@value EmbeddedAws#SQLITE4JAVA_LIBRARY_PATH} system property
     */
    public record Options(int dynamoDbPort, int sqsPort, Path dataDirectory, Path sqliteNativeLibraries) {

        public Options {
            checkPort(dynamoDbPort);
            checkPort(sqsPort);
        }

        /** Free ports, DynamoDB in memory, natives from the system property. */
        public static Options defaults() {
            return new Options(0, 0, null, null);
        }

        public Options withDynamoDbPort(int port) {
            return new Options(port, sqsPort, dataDirectory, sqliteNativeLibraries);
        }

        public Options withSqsPort(int port) {
            return new Options(dynamoDbPort, port, dataDirectory, sqliteNativeLibraries);
        }

        /** Keep DynamoDB data in this directory (created if missing). Queues stay in memory. */
        public Options withDataDirectory(Path directory) {
            return new Options(dynamoDbPort, sqsPort, directory, sqliteNativeLibraries);
        }

        /** Directory holding the sqlite4java natives; sets {@value EmbeddedAws#SQLITE4JAVA_LIBRARY_PATH}. */
        public Options withSqliteNativeLibraries(Path directory) {
            return new Options(dynamoDbPort, sqsPort, dataDirectory, directory);
        }

        private static void checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    private final DynamoDBProxyServer dynamoDb;
    private final SQSRestServer sqs;
    private final int dynamoDbPort;
    private final int sqsPort;
    private final Path dataDirectory;
    private volatile boolean closed;

    private EmbeddedAws(DynamoDBProxyServer dynamoDb, int dynamoDbPort, SQSRestServer sqs, int sqsPort,
            Path dataDirectory) {
        this.dynamoDb = dynamoDb;
        this.dynamoDbPort = dynamoDbPort;
        this.sqs = sqs;
        this.sqsPort = sqsPort;
        this.dataDirectory = dataDirectory;
    }

    /** Starts both emulators on free ports, DynamoDB in memory. */
    public static EmbeddedAws start() {
        return start(Options.defaults());
    }

    /**
     * Starts both emulators, side by side (about 2 s on an idle machine, much more under load). The
     * thread's context class loader is set to the emulators' own while they start (DynamoDB Local
     * builds its log4j loggers through it, which fails under Quarkus's test class loader otherwise).
     */
    public static EmbeddedAws start(Options options) {
        Objects.requireNonNull(options, "options");
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(ServerRunner.class.getClassLoader());
        try {
            return startWith(options);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static EmbeddedAws startWith(Options options) {
        requireSqliteNatives(options.sqliteNativeLibraries());
        Path dataDirectory = null;
        if (options.dataDirectory() != null) {
            dataDirectory = options.dataDirectory().toAbsolutePath();
            try {
                Files.createDirectories(dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create DynamoDB data directory " + dataDirectory, e);
            }
        }
        long t0 = System.nanoTime();
        // ElasticMQ binds asynchronously: let it start while DynamoDB Local starts
        int sqsPort = options.sqsPort() == 0 ? freePort() : options.sqsPort();
        SQSRestServer sqs = launchElasticMq(sqsPort);
        int[] ddbPort = new int[1];
        DynamoDBProxyServer ddb;
        try {
            ddb = startDynamoDb(options.dynamoDbPort(), dataDirectory, ddbPort);
        } catch (RuntimeException | Error e) {
            stopQuietly(sqs);
            throw e;
        }
        try {
            try {
                sqs.waitUntilStarted();
            } catch (RuntimeException e) {
                stopQuietly(sqs);
                if (options.sqsPort() != 0) {
                    throw new IllegalStateException("ElasticMQ did not start on port " + sqsPort + ": " + e, e);
                }
                // the free port was taken meanwhile: try another one
                sqsPort = freePort();
                sqs = launchElasticMq(sqsPort);
                sqs.waitUntilStarted();
            }
        } catch (RuntimeException | Error e) {
            stopQuietly(ddb);
            throw e;
        }
        LOG.log(Level.INFO, "DynamoDB Local on port {0} ({1}), ElasticMQ on port {2}, started in {3} ms",
                String.valueOf(ddbPort[0]), dataDirectory == null ? "in memory" : dataDirectory, String.valueOf(sqsPort),
                String.valueOf((System.nanoTime() - t0) / 1_000_000));
        return new EmbeddedAws(ddb, ddbPort[0], sqs, sqsPort, dataDirectory);
    }

    // ------------------------------------------------------------------ endpoints and clients

    public URI dynamoDbEndpoint() {
        return URI.create("http://127.0.0.1:" + dynamoDbPort);
    }

    public URI sqsEndpoint() {
        return URI.create("http://127.0.0.1:" + sqsPort);
    }

    public int dynamoDbPort() {
        return dynamoDbPort;
    }

    public int sqsPort() {
        return sqsPort;
    }

    /** The DynamoDB data directory, empty when DynamoDB runs in memory. */
    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDirectory);
    }

    public Region region() {
        return REGION;
    }

    /** Static dummy credentials the local clients use. */
    public static AwsCredentialsProvider credentials() {
        return CREDENTIALS;
    }

    /** A new DynamoDB client for this instance; the caller closes it. */
    public DynamoDbClient dynamoDbClient() {
        return dynamoDbClient(dynamoDbEndpoint());
    }

    /** A new SQS client for this instance; the caller closes it. */
    public SqsClient sqsClient() {
        return sqsClient(sqsEndpoint());
    }

    /** A DynamoDB client for a local endpoint: URL-connection HTTP client, {@link #REGION}, dummy credentials. */
    public static DynamoDbClient dynamoDbClient(URI endpoint) {
        return DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .build();
    }

    /** An SQS client for a local endpoint: URL-connection HTTP client, {@link #REGION}, dummy credentials. */
    public static SqsClient sqsClient(URI endpoint) {
        return SqsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .build();
    }

    /** Creates the template's tables and queues here (see {@link LocalProvisioner}). */
    public ProvisionedResources provision(TemplateModel model, String stage) {
        try (DynamoDbClient ddb = dynamoDbClient(); SqsClient sqsClient = sqsClient()) {
            return new LocalProvisioner(ddb, sqsClient, model).provision(stage);
        }
    }

    /** Stops ElasticMQ and DynamoDB Local. Queues are lost; DynamoDB data survives only in a data directory. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        long t0 = System.nanoTime();
        stopQuietly(sqs);
        stopQuietly(dynamoDb);
        LOG.log(Level.INFO, "emulators stopped in {0} ms", String.valueOf((System.nanoTime() - t0) / 1_000_000));
    }

    @Override
    public String toString() {
        return "EmbeddedAws[dynamoDb=" + dynamoDbEndpoint() + ", sqs=" + sqsEndpoint() + ", data="
                + (dataDirectory == null ? "in memory" : dataDirectory) + "]";
    }

    // ------------------------------------------------------------------ starting

    private static DynamoDBProxyServer startDynamoDb(int requestedPort, Path dataDirectory, int[] portOut) {
        int attempts = requestedPort == 0 ? 3 : 1;
        RuntimeException last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            int port = requestedPort == 0 ? freePort() : requestedPort;
            String[] args = dataDirectory == null
                    ? new String[] {"-inMemory", "-sharedDb", "-port", String.valueOf(port), "-disableTelemetry"}
                    : new String[] {"-dbPath", dataDirectory.toString(), "-sharedDb", "-port", String.valueOf(port),
                            "-disableTelemetry"};
            DynamoDBProxyServer server = null;
            try {
                server = ServerRunner.createServerFromCommandLineArgs(args);
                server.start();
                portOut[0] = port;
                return server;
            } catch (Exception e) {
                stopQuietly(server);
                last = new IllegalStateException("DynamoDB Local did not start on port " + port + ": " + e, e);
            }
        }
        throw last;
    }

    private static SQSRestServer launchElasticMq(int port) {
        return SQSRestServerBuilder.withPort(port)
                .withInterface("127.0.0.1")
                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                .withAWSRegion(REGION.id())
                .withAWSAccountId(ACCOUNT_ID)
                .start();
    }

    private static void stopQuietly(SQSRestServer server) {
        try {
            server.stopAndWait();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "stopping ElasticMQ failed", e);
        }
    }

    private static void stopQuietly(DynamoDBProxyServer server) {
        if (server == null) {
            return;
        }
        stopBackgroundJobs(server);
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "stopping DynamoDB Local failed", e);
        }
    }

    /**
     * DynamoDB Local's stop() only flags its background jobs (TTL deletion, GSI, stream shard
     * rollover) as cancelled; their non-daemon threads sleep on for minutes and keep a JVM whose main
     * method has returned alive. Interrupt them through the server's job registers (private fields of
     * DynamoDB Local 2.6; best effort: if its internals differ the threads are merely left to finish).
     */
    private static void stopBackgroundJobs(DynamoDBProxyServer server) {
        try {
            Object serverHandler = field(server, "serverHandler");
            List<Object> requestHandlers = new ArrayList<>();
            requestHandlers.add(field(serverHandler, "primaryHandler"));
            requestHandlers.addAll(((Map<?, ?>) field(serverHandler, "secondaryHandlers")).values());
            for (Object requestHandler : requestHandlers) {
                if (requestHandler == null) {
                    continue;
                }
                for (Object database : ((Map<?, ?>) field(requestHandler, "dbRequestHandlers")).values()) {
                    Object jobs = field(database, "jobs");
                    jobs.getClass().getMethod("shutdownNow").invoke(jobs);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.DEBUG, "could not interrupt DynamoDB Local background jobs", e);
        }
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(target.getClass().getName() + "." + name);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    // ------------------------------------------------------------------ sqlite4java natives

    /**
     * Checks that the sqlite4java natives for this platform are where sqlite4java will look, setting
     * {@value #SQLITE4JAVA_LIBRARY_PATH} from {@code override} when given.
     *
     * @return the directory checked
     * @throws IllegalStateException naming what is missing and how to provide it
     */
    static Path requireSqliteNatives(Path override) {
        String fromProperty = System.getProperty(SQLITE4JAVA_LIBRARY_PATH);
        Path directory;
        if (override != null) {
            directory = override.toAbsolutePath();
        } else if (fromProperty == null || fromProperty.isBlank()) {
            throw new IllegalStateException("DynamoDB Local needs the sqlite4java native libraries, but the system"
                    + " property " + SQLITE4JAVA_LIBRARY_PATH + " is not set. Copy the natives (dependency types"
                    + " so, dll, dylib of com.almworks.sqlite4java) with maven-dependency-plugin copy-dependencies"
                    + " into e.g. target/native-libs and pass -D" + SQLITE4JAVA_LIBRARY_PATH + "=<that directory>"
                    + " (surefire systemPropertyVariables), or use Options.withSqliteNativeLibraries(dir).");
        } else {
            directory = Path.of(fromProperty).toAbsolutePath();
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String extension = os.contains("win") ? ".dll" : os.contains("mac") || os.contains("darwin") ? ".dylib" : ".so";
        boolean found = false;
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                found = files.map(p -> p.getFileName().toString())
                        .anyMatch(n -> n.contains("sqlite4java") && n.endsWith(extension));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + directory, e);
            }
        }
        if (!found) {
            throw new IllegalStateException("DynamoDB Local needs the sqlite4java native libraries (*sqlite4java*"
                    + extension + ") in " + directory + (override != null ? "" : " (from -D" + SQLITE4JAVA_LIBRARY_PATH
                    + ")") + ", but " + (Files.isDirectory(directory) ? "it holds none" : "that directory does not exist")
                    + ". Run the build's process-test-resources phase (maven-dependency-plugin copies them) or point "
                    + SQLITE4JAVA_LIBRARY_PATH + " at a directory holding them.");
        }
        if (override != null) {
            System.setProperty(SQLITE4JAVA_LIBRARY_PATH, directory.toString());
        }
        return directory;
    }
}
