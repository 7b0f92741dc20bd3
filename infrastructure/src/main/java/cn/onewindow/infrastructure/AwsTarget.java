package cn.onewindow.infrastructure;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Where DynamoDB and SQS are: the embedded stand-ins ({@link EmbeddedAws}), LocalStack, or a real AWS account. The
 * store and queue tests take one of these, so the same tests show that the code works on each ("works on the
 * emulator" then means "works on DynamoDB").
 */
public interface AwsTarget extends AutoCloseable {

    /** Environment variable the functions read for a DynamoDB endpoint override (none in the cloud). */
    String ENV_DYNAMODB_ENDPOINT = "ONEWINDOW_DYNAMODB_ENDPOINT";
    /** Environment variable the functions read for an SQS endpoint override (none in the cloud). */
    String ENV_SQS_ENDPOINT = "ONEWINDOW_SQS_ENDPOINT";
    /** Environment variable the functions read for their region. */
    String ENV_REGION = "AWS_REGION";

    /** A short name for logs and reports: embedded, localstack, aws. */
    String name();

    /** The DynamoDB endpoint to override the SDK's with, or null to use AWS's own. */
    URI dynamoDbEndpoint();

    /** The SQS endpoint to override the SDK's with, or null to use AWS's own. */
    URI sqsEndpoint();

    Region region();

    AwsCredentialsProvider credentials();

    /** A DynamoDB client builder set up for this target (HTTP client, region, credentials, endpoint). */
    DynamoDbClientBuilder dynamoDbClientBuilder();

    /** An SQS client builder set up for this target (HTTP client, region, credentials, endpoint). */
    SqsClientBuilder sqsClientBuilder();

    default DynamoDbClient dynamoDbClient() {
        return dynamoDbClientBuilder().build();
    }

    default SqsClient sqsClient() {
        return sqsClientBuilder().build();
    }

    /** Creates the template's tables and queues here under the stage's names (see {@link LocalProvisioner}). */
    default ProvisionedResources provision(TemplateModel model, String stage) {
        try (DynamoDbClient ddb = dynamoDbClient(); SqsClient sqs = sqsClient()) {
            return new LocalProvisioner(ddb, sqs, model).provision(stage);
        }
    }

    /** The region and endpoint overrides as the functions' environment names them (no endpoints for real AWS). */
    default Map<String, String> clientEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put(ENV_REGION, region().id());
        if (dynamoDbEndpoint() != null) {
            env.put(ENV_DYNAMODB_ENDPOINT, dynamoDbEndpoint().toString());
        }
        if (sqsEndpoint() != null) {
            env.put(ENV_SQS_ENDPOINT, sqsEndpoint().toString());
        }
        return env;
    }

    @Override
    void close();
}
