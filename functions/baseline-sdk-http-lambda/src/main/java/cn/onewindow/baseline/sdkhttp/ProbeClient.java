package cn.onewindow.baseline.sdkhttp;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;
import java.time.Duration;

/**
 * The DynamoDB client, built once per instance at start-up (as the intake API builds its platform): URL-connection
 * HTTP client with the functions' timeouts, region from {@code AWS_REGION}; where {@code ONEWINDOW_DYNAMODB_ENDPOINT}
 * names a local endpoint, that endpoint and static dummy credentials, else the default credentials chain.
 */
@ApplicationScoped
public class ProbeClient {

    @Produces
    @Singleton
    @Startup
    DynamoDbClient dynamoDb() {
        String region = System.getenv("AWS_REGION");
        DynamoDbClientBuilder b = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10)).build())
                .region(Region.of(region == null ? "cn-north-1" : region));
        String endpoint = System.getenv("ONEWINDOW_DYNAMODB_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            b.endpointOverride(URI.create(endpoint))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            b.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return b.build();
    }
}
