package cn.onewindow.baseline.sdk;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The workers' like-for-like cold-start baseline: whatever the event, one {@code GetItem} of a key no item has
 * ({@code pk = BASELINE#probe}) in the table {@code CALLERS_TABLE} names, and an answer saying whether the call
 * reached the table.
 *
 * <p>The client is built once per instance, as the workers build theirs: URL-connection HTTP client with the same
 * timeouts, region from {@code AWS_REGION}; where {@code ONEWINDOW_DYNAMODB_ENDPOINT} names a local endpoint, that
 * endpoint and static dummy credentials, else the default credentials chain. Nothing else: no CDI beans, no JSON
 * binding of its own, no domain code.
 */
public class GetItemHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final DynamoDbClient dynamoDb = client();
    private final String table = System.getenv("CALLERS_TABLE");

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("table", table);
        if (table != null) {
            boolean found = dynamoDb.getItem(b -> b.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS("BASELINE#probe")))).hasItem();
            out.put("found", found);
        }
        out.put("requestId", context == null ? null : context.getAwsRequestId());
        return out;
    }

    private static DynamoDbClient client() {
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
