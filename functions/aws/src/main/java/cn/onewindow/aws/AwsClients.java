package cn.onewindow.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import java.net.URI;
import java.time.Duration;

/**
 * Builds the AWS SDK clients once per function instance, with the light URL-connection HTTP client (small request
 * bodies sent buffered, {@link BufferedBodyHttpClient}). Static dummy credentials are used only when a local endpoint
 * is configured. A function's DynamoDB client carries its {@link AccessGuard}.
 */
public final class AwsClients {
    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(AwsSettings s) {
        DynamoDbClientBuilder b = DynamoDbClient.builder()
                .httpClient(httpClient())
                .region(Region.of(s.region()))
                .overrideConfiguration(o -> o.addExecutionInterceptor(AccessGuard.of(s)));
        if (s.dynamoDbEndpoint() != null) {
            b.endpointOverride(s.dynamoDbEndpoint()).credentialsProvider(localCredentials());
        } else {
            b.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return b.build();
    }

    public static SqsClient sqs(AwsSettings s) {
        SqsClientBuilder b = SqsClient.builder()
                .httpClient(httpClient())
                .region(Region.of(s.region()));
        if (s.sqsEndpoint() != null) {
            b.endpointOverride(s.sqsEndpoint()).credentialsProvider(localCredentials());
        } else {
            b.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return b.build();
    }

    /** Clients for a local endpoint (tests, the local system, benchmarks). */
    public static DynamoDbClient localDynamoDb(URI endpoint) {
        return DynamoDbClient.builder().httpClient(httpClient()).region(Region.of("cn-north-1"))
                .endpointOverride(endpoint).credentialsProvider(localCredentials()).build();
    }

    /**
     * The HTTP client every function's AWS client uses (and the benchmarks give both of their sides): URL connection,
     * 2 s to connect, 10 s without an answer, small bodies buffered.
     */
    public static software.amazon.awssdk.http.SdkHttpClient httpClient() {
        return new BufferedBodyHttpClient(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build());
    }

    private static StaticCredentialsProvider localCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }
}
