package cn.onewindow.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

class EmbeddedAwsTest {

    @Test
    void dynamoDbDataSurvivesARestartWithADataDirectoryAndQueuesAreRecreated(@TempDir Path dataDir) {
        TemplateModel model = TemplateModel.load();
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("CALLER#window-1"));
        EmbeddedAws.Options options = EmbeddedAws.Options.defaults().withDataDirectory(dataDir);

        try (EmbeddedAws aws = EmbeddedAws.start(options); DynamoDbClient ddb = aws.dynamoDbClient();
                SqsClient sqs = aws.sqsClient()) {
            assertEquals(dataDir.toAbsolutePath(), aws.dataDirectory().orElseThrow());
            assertNotEquals(aws.dynamoDbPort(), aws.sqsPort());
            ProvisionedResources first = new LocalProvisioner(ddb, sqs, model).provision("dev");
            ddb.putItem(b -> b.tableName(first.tableName("CallersTable")).item(Map.of("pk", key.get("pk"),
                    "name", AttributeValue.fromS("Window 1"))));
            sqs.sendMessage(b -> b.queueUrl(first.queueUrl("ApprovalQueue")).messageBody("lost on restart"));
        }
        assertTrue(Files.exists(dataDir.resolve("shared-local-instance.db")), "DynamoDB database file in the data dir");

        try (EmbeddedAws aws = EmbeddedAws.start(options); DynamoDbClient ddb = aws.dynamoDbClient();
                SqsClient sqs = aws.sqsClient()) {
            ProvisionedResources second = aws.provision(model, "dev");
            assertEquals("Window 1", ddb.getItem(b -> b.tableName(second.tableName("CallersTable")).key(key))
                    .item().get("name").s());
            assertEquals("expiresAt", ddb.describeTimeToLive(b -> b.tableName(second.tableName("IdempotencyTable")))
                    .timeToLiveDescription().attributeName());
            // ElasticMQ keeps nothing: the queue is new and empty
            assertTrue(sqs.receiveMessage(b -> b.queueUrl(second.queueUrl("ApprovalQueue"))).messages().isEmpty());
            assertTrue(second.queueUrl("ApprovalQueue").startsWith(aws.sqsEndpoint().toString()));
        }
    }

    @Test
    void failsClearlyWithoutTheSqliteNatives(@TempDir Path empty) {
        IllegalStateException noLibs = assertThrows(IllegalStateException.class,
                () -> EmbeddedAws.start(EmbeddedAws.Options.defaults().withSqliteNativeLibraries(empty)));
        assertTrue(noLibs.getMessage().contains("sqlite4java") && noLibs.getMessage().contains(empty.toString()),
                noLibs.getMessage());

        String saved = System.getProperty(EmbeddedAws.SQLITE4JAVA_LIBRARY_PATH);
        System.clearProperty(EmbeddedAws.SQLITE4JAVA_LIBRARY_PATH);
        try {
            IllegalStateException unset = assertThrows(IllegalStateException.class, EmbeddedAws::start);
            assertTrue(unset.getMessage().contains(EmbeddedAws.SQLITE4JAVA_LIBRARY_PATH + " is not set"),
                    unset.getMessage());
        } finally {
            if (saved != null) {
                System.setProperty(EmbeddedAws.SQLITE4JAVA_LIBRARY_PATH, saved);
            }
        }
    }

    @Test
    void rejectsBadPorts() {
        assertThrows(IllegalArgumentException.class, () -> EmbeddedAws.Options.defaults().withSqsPort(70000));
    }
}
