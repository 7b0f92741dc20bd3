package cn.onewindow.aws.targets;

import java.net.URI;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import cn.onewindow.infrastructure.AwsTarget;
import cn.onewindow.infrastructure.EmbeddedAws;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * LocalStack's DynamoDB and SQS in a Testcontainers container. Needs a Docker engine ({@link #dockerAvailable()});
 * none runs on the development machines, so the tests that use it are skipped there, not failed.
 */
public final class LocalStackTarget implements AwsTarget {
    /** The LocalStack image; override with -Donewindow.localstack.image=... */
    public static final String IMAGE = System.getProperty("onewindow.localstack.image", "localstack/localstack:4.4");

    private final LocalStackContainer container;

    private LocalStackTarget(LocalStackContainer container) {
        this.container = container;
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Starts a container with DynamoDB and SQS (about 10-20 s once the image is pulled). */
    public static LocalStackTarget start() {
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(IMAGE)
                .asCompatibleSubstituteFor("localstack/localstack")).withServices("dynamodb", "sqs");
        container.start();
        return new LocalStackTarget(container);
    }

    @Override
    public String name() {
        return "localstack";
    }

    @Override
    public URI dynamoDbEndpoint() {
        return container.getEndpoint();
    }

    @Override
    public URI sqsEndpoint() {
        return container.getEndpoint();
    }

    @Override
    public Region region() {
        return Region.of(container.getRegion());
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(container.getAccessKey(),
                container.getSecretKey()));
    }

    @Override
    public DynamoDbClientBuilder dynamoDbClientBuilder() {
        return DynamoDbClient.builder().httpClient(EmbeddedAws.httpClient()).endpointOverride(dynamoDbEndpoint())
                .region(region()).credentialsProvider(credentials());
    }

    @Override
    public SqsClientBuilder sqsClientBuilder() {
        return SqsClient.builder().httpClient(EmbeddedAws.httpClient()).endpointOverride(sqsEndpoint())
                .region(region()).credentialsProvider(credentials());
    }

    @Override
    public void close() {
        container.stop();
    }
}
