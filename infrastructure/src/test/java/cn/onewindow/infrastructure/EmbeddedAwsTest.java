package cn.onewindow.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
        assertTrue(Files.exists(dataDir.resolve(EmbeddedAws.DATABASE_FILE)), "dynoxide's database file in the data dir");

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
    void theServerNeverOutlivesItsJvmEvenAfterKill9() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedAwsChild.class.getName())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            long serverPid = -1;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(EmbeddedAwsChild.PID_LINE)) {
                    serverPid = Long.parseLong(line.substring(EmbeddedAwsChild.PID_LINE.length()).trim());
                    break;
                }
            }
            assertTrue(serverPid > 0, "the child JVM reported the server's pid");
            ProcessHandle server = ProcessHandle.of(serverPid).orElseThrow();
            assertTrue(server.isAlive());

            child.destroyForcibly(); // SIGKILL: no shutdown hook runs in the child
            child.waitFor(10, TimeUnit.SECONDS);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(server.isAlive(), "dynoxide (pid " + serverPid + ") outlived its killed JVM");
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void closeStopsTheServerAndItsWatchdog() {
        EmbeddedAws aws = EmbeddedAws.start();
        ProcessHandle server = ProcessHandle.of(aws.dynamoDbServer().serverPid()).orElseThrow();
        ProcessHandle watchdog = ProcessHandle.of(aws.dynamoDbServer().watchdogPid()).orElseThrow();
        try (DynamoDbClient ddb = aws.dynamoDbClient()) {
            assertTrue(ddb.listTables().tableNames().isEmpty(), "a fresh in-memory server has no tables");
        }
        aws.close();
        assertFalse(server.isAlive(), "server stopped");
        assertFalse(watchdog.isAlive(), "watchdog stopped");
        aws.close(); // twice is harmless
    }

    @Test
    void anUnusableConfiguredBinaryIsNamedInTheError(@TempDir Path dir) throws Exception {
        Path notExecutable = Files.writeString(dir.resolve("dynoxide"), "not a program");
        String saved = System.getProperty(DynoxideServer.BINARY_PROPERTY);
        System.setProperty(DynoxideServer.BINARY_PROPERTY, notExecutable.toString());
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, EmbeddedAws::start);
            assertTrue(e.getMessage().contains(notExecutable.toString()), e.getMessage());
        } finally {
            if (saved == null) {
                System.clearProperty(DynoxideServer.BINARY_PROPERTY);
            } else {
                System.setProperty(DynoxideServer.BINARY_PROPERTY, saved);
            }
        }
    }

    @Test
    void aTakenPortFailsWithTheServersOwnMessage() {
        try (EmbeddedAws first = EmbeddedAws.start()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> EmbeddedAws.start(EmbeddedAws.Options.defaults().withDynamoDbPort(first.dynamoDbPort())));
            assertTrue(e.getMessage().contains("already in use"), e.getMessage());
        }
    }

    @Test
    void rejectsBadPorts() {
        assertThrows(IllegalArgumentException.class, () -> EmbeddedAws.Options.defaults().withSqsPort(70000));
    }
}
