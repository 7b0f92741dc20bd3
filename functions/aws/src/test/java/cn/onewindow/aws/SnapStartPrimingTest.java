package cn.onewindow.aws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SnapStart priming read (real dynoxide through the real SDK client): exactly one GetItem on a table the
 * function is given, nothing written, and a failure that only logs.
 */
@ExtendWith(LocalDynamo.class)
class SnapStartPrimingTest {

    private static List<SdkRequest> recordCalls(DynamoDbClient[] holder, LocalDynamo.Tables tables) {
        List<SdkRequest> calls = new CopyOnWriteArrayList<>();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                calls.add(context.request());
            }
        };
        holder[0] = tables.aws().dynamoDbClientBuilder()
                .overrideConfiguration(o -> o.addExecutionInterceptor(recorder)).build();
        return calls;
    }

    @Test
    void primingReadsOneAbsentKeyOfTheCasesTableAndWritesNothing(LocalDynamo.Tables tables) {
        DynamoDbClient[] client = new DynamoDbClient[1];
        List<SdkRequest> calls = recordCalls(client, tables);
        try (DynamoDbClient db = client[0]) {
            Platform platform = new Platform(tables.settings(), Clock.systemUTC(), db);
            int before = tables.client().scan(b -> b.tableName(tables.casesTable())).count();

            SnapStartPriming priming = SnapStartPriming.register(platform);
            priming.beforeCheckpoint(null);

            assertEquals(1, calls.size(), "one call: " + calls);
            GetItemRequest get = (GetItemRequest) calls.get(0);
            assertEquals(tables.casesTable(), get.tableName());
            assertEquals(SnapStartPriming.KEY, get.key().get("pk").s());
            assertEquals(before, tables.client().scan(b -> b.tableName(tables.casesTable())).count());
        }
    }

    @Test
    void aFunctionGivenOnlyTheCallersTable_theAuthorizer_primesThatTable(LocalDynamo.Tables tables) {
        Map<String, String> env = new HashMap<>();
        env.putAll(tables.aws().clientEnvironment());
        env.put(AwsSettings.ENV_CALLERS_TABLE, tables.resources().tableName("CallersTable"));
        Platform authorizer = new Platform(AwsSettings.fromEnvironment(env), Clock.systemUTC());
        try (DynamoDbClient ignored = authorizer.dynamoDb) {
            assertTrue(SnapStartPriming.register(authorizer).prime());
        }
    }

    @Test
    void anUnreachableStoreOnlyLogs_theSnapshotIsNotStopped(LocalDynamo.Tables tables) {
        Map<String, String> env = new HashMap<>();
        env.put(AwsSettings.ENV_DYNAMODB_ENDPOINT, "http://127.0.0.1:1");
        env.put(AwsSettings.ENV_CASES_TABLE, tables.casesTable());
        Platform cut = new Platform(AwsSettings.fromEnvironment(env), Clock.systemUTC());
        try (DynamoDbClient ignored = cut.dynamoDb) {
            assertFalse(SnapStartPriming.register(cut).prime());
        }
    }
}
