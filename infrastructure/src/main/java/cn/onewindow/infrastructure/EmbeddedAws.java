package cn.onewindow.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;


import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * A DynamoDB-compatible server (dynoxide, a child process, see {@link DynoxideServer}) and ElasticMQ (in this JVM),
 * both open source, reached over loopback by the real AWS SDK v2 clients.
 *
 * <p>dynoxide keeps one database whatever the region and credentials of the client: in memory, or, when
 * {@link Options#withDataDirectory(Path) a data directory} is given, in {@value #DATABASE_FILE} there so tables and
 * items survive a restart. It listens on 127.0.0.1 only. <b>ElasticMQ has no persistence here: queues and their
 * messages are always in memory and gone after {@link #close()}, even when DynamoDB data is kept</b>
 * ({@link LocalProvisioner} recreates the queues on the next start). ElasticMQ listens on 127.0.0.1 only and reports
 * queue URLs as {@code http://127.0.0.1:PORT/000000000000/NAME} and ARNs in {@link #REGION}.
 *
 * <pre>{@code
 * try (EmbeddedAws aws = EmbeddedAws.start(EmbeddedAws.Options.defaults())) {
 *     ProvisionedResources local = aws.provision(TemplateModel.load(), "dev");
 *     try (DynamoDbClient ddb = aws.dynamoDbClient()) { ... }
 * }
 * }</pre>
 */
public final class EmbeddedAws implements AwsTarget {

    private static final System.Logger LOG = System.getLogger(EmbeddedAws.class.getName());

    /** Region the clients use and ElasticMQ puts in queue ARNs. */
    public static final Region REGION = Region.CN_NORTH_1;
    /** Account id in local queue URLs and ARNs. */
    public static final String ACCOUNT_ID = "000000000000";
    /** The database file dynoxide keeps in a data directory. */
    public static final String DATABASE_FILE = "dynoxide.db";

    private static final AwsCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("onewindowlocal", "onewindowlocal"));

    /**
     * How to start. Port 0 means "pick a free port". A {@code null} data directory means in memory.
     *
     * @param dynamoDbPort  port for dynoxide, 0 for any free port
     * @param sqsPort       port for ElasticMQ, 0 for any free port
     * @param dataDirectory directory for dynoxide's database file, or null for in memory
     */
    public record Options(int dynamoDbPort, int sqsPort, Path dataDirectory) {

        public Options {
            checkPort(dynamoDbPort);
            checkPort(sqsPort);
        }

        /** Free ports, DynamoDB in memory. */
        public static Options defaults() {
            return new Options(0, 0, null);
        }

        public Options withDynamoDbPort(int port) {
            return new Options(port, sqsPort, dataDirectory);
        }

        public Options withSqsPort(int port) {
            return new Options(dynamoDbPort, port, dataDirectory);
        }

        /** Keep DynamoDB data in this directory (created if missing). Queues stay in memory. */
        public Options withDataDirectory(Path directory) {
            return new Options(dynamoDbPort, sqsPort, directory);
        }

        private static void checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    private static volatile UnaryOperator<SdkHttpClient> httpClientDecorator = UnaryOperator.identity();

    private final DynoxideServer dynamoDb;
    private final SQSRestServer sqs;
    private final int dynamoDbPort;
    private final int sqsPort;
    private final Path dataDirectory;
    private volatile boolean closed;

    private EmbeddedAws(DynoxideServer dynamoDb, int dynamoDbPort, SQSRestServer sqs, int sqsPort,
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

    /** Starts both emulators, side by side (dynoxide in milliseconds, ElasticMQ in about 2 s). */
    public static EmbeddedAws start(Options options) {
        Objects.requireNonNull(options, "options");
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
        // ElasticMQ binds asynchronously: let it start while dynoxide starts
        int sqsPort = options.sqsPort() == 0 ? DynoxideServer.freePort() : options.sqsPort();
        SQSRestServer sqs = launchElasticMq(sqsPort);
        DynoxideServer ddb;
        try {
            ddb = DynoxideServer.start(options.dynamoDbPort(),
                    dataDirectory == null ? null : dataDirectory.resolve(DATABASE_FILE));
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
                sqsPort = DynoxideServer.freePort();
                sqs = launchElasticMq(sqsPort);
                sqs.waitUntilStarted();
            }
        } catch (RuntimeException | Error e) {
            ddb.close();
            throw e;
        }
        LOG.log(Level.INFO, "dynoxide on port {0} ({1}), ElasticMQ on port {2}, started in {3} ms",
                String.valueOf(ddb.port()), dataDirectory == null ? "in memory" : dataDirectory, String.valueOf(sqsPort),
                String.valueOf((System.nanoTime() - t0) / 1_000_000));
        return new EmbeddedAws(ddb, ddb.port(), sqs, sqsPort, dataDirectory);
    }

    // ------------------------------------------------------------------ endpoints and clients

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public URI dynamoDbEndpoint() {
        return URI.create("http://127.0.0.1:" + dynamoDbPort);
    }

    @Override
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

    @Override
    public Region region() {
        return REGION;
    }

    /** Static dummy credentials the local clients use. */
    @Override
    public AwsCredentialsProvider credentials() {
        return CREDENTIALS;
    }

    /** Static dummy credentials the local clients use. */
    public static AwsCredentialsProvider localCredentials() {
        return CREDENTIALS;
    }

    @Override
    public DynamoDbClientBuilder dynamoDbClientBuilder() {
        return DynamoDbClient.builder().httpClient(httpClient()).endpointOverride(dynamoDbEndpoint()).region(REGION)
                .credentialsProvider(CREDENTIALS);
    }

    @Override
    public SqsClientBuilder sqsClientBuilder() {
        return SqsClient.builder().httpClient(httpClient()).endpointOverride(sqsEndpoint()).region(REGION)
                .credentialsProvider(CREDENTIALS);
    }

    /**
     * Wraps every HTTP client that {@link #httpClient()} hands out from now on (tests use it to inject the faults
     * DynamoDB and SQS really return); {@code null} removes the wrapper.
     */
    public static void decorateHttpClients(UnaryOperator<SdkHttpClient> decorator) {
        httpClientDecorator = decorator == null ? UnaryOperator.identity() : decorator;
    }

    /** The HTTP client local SDK clients use: URL-connection, wrapped by the {@link #decorateHttpClients decorator}. */
    public static SdkHttpClient httpClient() {
        return httpClientDecorator.apply(UrlConnectionHttpClient.create());
    }

    /** Stops ElasticMQ and dynoxide. Queues are lost; DynamoDB data survives only in a data directory. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        long t0 = System.nanoTime();
        stopQuietly(sqs);
        dynamoDb.close();
        LOG.log(Level.INFO, "emulators stopped in {0} ms", String.valueOf((System.nanoTime() - t0) / 1_000_000));
    }

    @Override
    public String toString() {
        return "EmbeddedAws[dynamoDb=" + dynamoDbEndpoint() + ", sqs=" + sqsEndpoint() + ", data="
                + (dataDirectory == null ? "in memory" : dataDirectory) + "]";
    }

    /** The dynoxide process (for tests that check it never outlives this JVM). */
    public DynoxideServer dynamoDbServer() {
        return dynamoDb;
    }

    // ------------------------------------------------------------------ starting

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
}
