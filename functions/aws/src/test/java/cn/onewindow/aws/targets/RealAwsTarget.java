package cn.onewindow.aws.targets;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.onewindow.infrastructure.AwsTarget;
import cn.onewindow.infrastructure.EmbeddedAws;
import cn.onewindow.infrastructure.ProvisionedResources;
import cn.onewindow.infrastructure.TemplateModel;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * A real AWS account, opted into with the environment variable {@value #REGION_VARIABLE} (e.g. {@code cn-north-1})
 * and the SDK's default credentials (environment, profile or role). Every stage it provisions is prefixed with
 * {@value #STAGE_PREFIX} and deleted again when it closes: pay-per-request tables and empty queues, a few cents a run.
 */
public final class RealAwsTarget implements AwsTarget {
    public static final String REGION_VARIABLE = "ONEWINDOW_CONFORMANCE_AWS_REGION";
    public static final String STAGE_PREFIX = "conformance-";

    private final Region region;
    private final AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    private final List<ProvisionedResources> provisioned = new ArrayList<>();

    private RealAwsTarget(Region region) {
        this.region = region;
    }

    /** The target named by the environment, if the opt-in variable is set. */
    public static Optional<RealAwsTarget> fromEnvironment() {
        String region = System.getenv(REGION_VARIABLE);
        return region == null || region.isBlank() ? Optional.empty() : Optional.of(new RealAwsTarget(Region.of(region)));
    }

    @Override
    public String name() {
        return "aws";
    }

    @Override
    public URI dynamoDbEndpoint() {
        return null;
    }

    @Override
    public URI sqsEndpoint() {
        return null;
    }

    @Override
    public Region region() {
        return region;
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    @Override
    public DynamoDbClientBuilder dynamoDbClientBuilder() {
        return DynamoDbClient.builder().httpClient(EmbeddedAws.httpClient()).region(region)
                .credentialsProvider(credentials);
    }

    @Override
    public SqsClientBuilder sqsClientBuilder() {
        return SqsClient.builder().httpClient(EmbeddedAws.httpClient()).region(region).credentialsProvider(credentials);
    }

    @Override
    public synchronized ProvisionedResources provision(TemplateModel model, String stage) {
        ProvisionedResources resources = AwsTarget.super.provision(model, STAGE_PREFIX + stage);
        provisioned.add(resources);
        return resources;
    }

    /** Deletes every table and queue this target provisioned. */
    @Override
    public synchronized void close() {
        try (DynamoDbClient ddb = dynamoDbClient(); SqsClient sqs = sqsClient()) {
            for (ProvisionedResources resources : provisioned) {
                resources.tableNames().values().forEach(t -> ddb.deleteTable(b -> b.tableName(t)));
                resources.queueUrls().values().forEach(q -> sqs.deleteQueue(b -> b.queueUrl(q)));
            }
        }
        provisioned.clear();
    }
}
