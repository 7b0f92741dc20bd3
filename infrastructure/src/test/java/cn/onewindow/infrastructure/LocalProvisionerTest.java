package cn.onewindow.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Provisions the real template into dynoxide (child process) and ElasticMQ (in-process) and checks it through the SDK. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalProvisionerTest {

    private static final String STAGE = "test";

    private EmbeddedAws aws;
    private DynamoDbClient ddb;
    private SqsClient sqs;
    private TemplateModel model;
    private ProvisionedResources provisioned;

    @BeforeAll
    void start() {
        aws = EmbeddedAws.start(EmbeddedAws.Options.defaults());
        ddb = aws.dynamoDbClient();
        sqs = aws.sqsClient();
        model = TemplateModel.load();
        provisioned = new LocalProvisioner(ddb, sqs, model).provision(STAGE);
    }

    @AfterAll
    void stop() {
        if (ddb != null) {
            ddb.close();
        }
        if (sqs != null) {
            sqs.close();
        }
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    void everyTableExistsWithItsKeysAndIndexes() {
        assertEquals(Map.of("CasesTable", "onewindow-cases-test", "ReferenceTable", "onewindow-reference-test",
                "IdempotencyTable", "onewindow-idempotency-test", "CallersTable", "onewindow-callers-test"),
                provisioned.tableNames());
        assertTrue(ddb.listTables().tableNames().containsAll(provisioned.tableNames().values()));

        for (TableSpec spec : model.tables(STAGE)) {
            TableDescription table = ddb.describeTable(b -> b.tableName(spec.tableName())).table();
            assertEquals(keySchema(spec.keySchema()), new HashSet<>(table.keySchema()), spec.logicalId());
            assertEquals(BillingMode.PAY_PER_REQUEST, table.billingModeSummary().billingMode(), spec.logicalId());
            Set<String> indexes = new HashSet<>();
            table.globalSecondaryIndexes().forEach(i -> indexes.add(i.indexName()));
            Set<String> declared = new HashSet<>();
            spec.globalSecondaryIndexes().forEach(i -> declared.add(i.indexName()));
            assertEquals(declared, indexes, spec.logicalId());
        }

        TableDescription cases = ddb.describeTable(b -> b.tableName("onewindow-cases-test")).table();
        assertEquals(4, cases.globalSecondaryIndexes().size());
        GlobalSecondaryIndexDescription byDue = cases.globalSecondaryIndexes().stream()
                .filter(i -> i.indexName().equals("byDue")).findFirst().orElseThrow();
        assertEquals(Set.of(key("dueBucket", KeyType.HASH), key("dueKey", KeyType.RANGE)), new HashSet<>(byDue.keySchema()));
        assertEquals(ProjectionType.ALL, byDue.projection().projectionType());
        GlobalSecondaryIndexDescription byDepartment = cases.globalSecondaryIndexes().stream()
                .filter(i -> i.indexName().equals("byDepartment")).findFirst().orElseThrow();
        assertEquals(Set.of(key("gsi3pk", KeyType.HASH), key("gsi3sk", KeyType.RANGE)),
                new HashSet<>(byDepartment.keySchema()));
    }

    @Test
    void sparseDueIndexHoldsOnlyItemsWithADueKey() {
        String table = provisioned.tableName("CasesTable");
        ddb.putItem(b -> b.tableName(table).item(Map.of("pk", s("CASE#1"), "sk", s("META"),
                "dueBucket", s("2026-11-24"), "dueKey", s("2026-11-24T10:00#CASE#1"))));
        ddb.putItem(b -> b.tableName(table).item(Map.of("pk", s("CASE#2"), "sk", s("META"))));
        List<Map<String, AttributeValue>> due = ddb.query(b -> b.tableName(table).indexName("byDue")
                .keyConditionExpression("dueBucket = :b").expressionAttributeValues(Map.of(":b", s("2026-11-24"))))
                .items();
        assertEquals(1, due.size());
        assertEquals("CASE#1", due.get(0).get("pk").s());
    }

    @Test
    void ttlIsEnabledOnTheIdempotencyTable() {
        var ttl = ddb.describeTimeToLive(b -> b.tableName(provisioned.tableName("IdempotencyTable")))
                .timeToLiveDescription();
        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
        assertEquals("expiresAt", ttl.attributeName());
    }

    @Test
    void queuesExistAndTheApprovalQueueRedrivesToTheDlq() {
        String queueUrl = provisioned.queueUrl("ApprovalQueue");
        String dlqUrl = provisioned.queueUrl("ApprovalDeadLetterQueue");
        assertTrue(queueUrl.endsWith("/onewindow-approval-test"), queueUrl);
        assertTrue(dlqUrl.endsWith("/onewindow-approval-dlq-test"), dlqUrl);
        assertEquals(queueUrl, sqs.getQueueUrl(b -> b.queueName("onewindow-approval-test")).queueUrl());

        Map<QueueAttributeName, String> approval = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.ALL)).attributes();
        Map<QueueAttributeName, String> dlq = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl)
                .attributeNames(QueueAttributeName.ALL)).attributes();
        String dlqArn = dlq.get(QueueAttributeName.QUEUE_ARN);
        assertEquals(dlqArn, provisioned.queueArn("ApprovalDeadLetterQueue"));
        // ElasticMQ 1.7 accepts MessageRetentionPeriod but ignores it (it keeps messages until deleted)
        String retention = dlq.get(QueueAttributeName.MESSAGE_RETENTION_PERIOD);
        assertTrue(retention == null || retention.equals("1209600"), retention);
        assertEquals("180", approval.get(QueueAttributeName.VISIBILITY_TIMEOUT));

        String redrive = approval.get(QueueAttributeName.REDRIVE_POLICY);
        assertNotNull(redrive, "RedrivePolicy on the approval queue");
        String compact = redrive.replace(" ", "");
        assertTrue(compact.contains("\"deadLetterTargetArn\":\"" + dlqArn + "\""), redrive);
        assertTrue(compact.matches(".*\"maxReceiveCount\":\"?5\"?.*"), redrive);
    }

    @Test
    void aMessageReceivedFiveTimesWithoutDeleteLandsInTheDlq() throws InterruptedException {
        // visibility timeout 0 (each receive "fails" at once) keeps this quick; restored afterwards
        String dlqUrl = provisioned.queueUrl("ApprovalDeadLetterQueue");
        String queueUrl = provisioned.queueUrl("ApprovalQueue");
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributesWithStrings(Map.of("VisibilityTimeout", "0")));
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("{\"caseId\":\"C-1\"}"));
            int receives = 0;
            List<Message> dead = List.of();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (dead.isEmpty() && System.nanoTime() < deadline) {
                List<Message> got = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)
                        .maxNumberOfMessages(1)).messages();
                receives += got.size();
                assertTrue(receives <= 5, "received more than maxReceiveCount times");
                if (got.isEmpty()) {
                    dead = sqs.receiveMessage(b -> b.queueUrl(dlqUrl).maxNumberOfMessages(1)).messages();
                }
            }
            assertEquals(5, receives);
            assertEquals(1, dead.size(), "message in the dead-letter queue");
            assertEquals("{\"caseId\":\"C-1\"}", dead.get(0).body());
            String receipt = dead.get(0).receiptHandle();
            sqs.deleteMessage(b -> b.queueUrl(dlqUrl).receiptHandle(receipt));
        } finally {
            sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributesWithStrings(Map.of("VisibilityTimeout", "180")));
        }
    }

    @Test
    void provisioningTwiceIsHarmless() {
        String table = provisioned.tableName("ReferenceTable");
        ddb.putItem(b -> b.tableName(table).item(Map.of("pk", s("CATALOG"), "sk", s("ITEM#1"))));
        String url = provisioned.queueUrl("ApprovalQueue");

        ProvisionedResources again = new LocalProvisioner(ddb, sqs, model).provision(STAGE);

        assertEquals(provisioned.tableNames(), again.tableNames());
        assertEquals(provisioned.queueUrls(), again.queueUrls());
        assertEquals(provisioned.queueArns(), again.queueArns());
        assertEquals(url, again.queueUrl("ApprovalQueue"));
        assertFalse(ddb.getItem(b -> b.tableName(table).key(Map.of("pk", s("CATALOG"), "sk", s("ITEM#1"))))
                .item().isEmpty(), "data kept");
    }

    @Test
    void environmentOfTheIntakeFunctionResolvesToLocalResources() {
        Map<String, String> env = provisioned.environmentFor("IntakeApiFunction");
        assertEquals("onewindow-cases-test", env.get("CASES_TABLE"));
        assertEquals("onewindow-reference-test", env.get("REFERENCE_TABLE"));
        assertEquals("onewindow-idempotency-test", env.get("IDEMPOTENCY_TABLE"));
        assertEquals("onewindow-callers-test", env.get("CALLERS_TABLE"));
        assertEquals(provisioned.queueUrl("ApprovalQueue"), env.get("APPROVAL_QUEUE_URL"));
        assertTrue(env.get("APPROVAL_QUEUE_URL").startsWith(aws.sqsEndpoint().toString()), env.get("APPROVAL_QUEUE_URL"));
        assertEquals("330100", env.get("REGION_CODE"));
        assertEquals("true", env.get("DISABLE_SIGNAL_HANDLERS"));
        assertEquals("", env.get("PROVINCIAL_EVALUATION_ENDPOINT"));

        assertEquals(provisioned.queueArn("ApprovalQueue"),
                provisioned.resolver().resolveString(Map.of("Fn::GetAtt", List.of("ApprovalQueue", "Arn"))));
        assertEquals("onewindow-approval-test",
                provisioned.resolver().resolveString(Map.of("Fn::GetAtt", List.of("ApprovalQueue", "QueueName"))));
    }

    @Test
    void parameterOverridesReachTheEnvironment() {
        ProvisionedResources other = new LocalProvisioner(ddb, sqs, model)
                .provision("other", Map.of("RegionCode", "110100", "ProvincialEvaluationEndpoint", "http://127.0.0.1:9/"));
        Map<String, String> env = other.environmentFor("IntakeApiFunction");
        assertEquals("onewindow-cases-other", env.get("CASES_TABLE"));
        assertEquals("110100", env.get("REGION_CODE"));
        assertEquals("http://127.0.0.1:9/", env.get("PROVINCIAL_EVALUATION_ENDPOINT"));
        assertTrue(env.get("APPROVAL_QUEUE_URL").endsWith("/onewindow-approval-other"));
    }

    private static Set<KeySchemaElement> keySchema(List<TableSpec.KeyElement> keys) {
        Set<KeySchemaElement> out = new HashSet<>();
        keys.forEach(k -> out.add(key(k.attributeName(), KeyType.fromValue(k.keyType()))));
        return out;
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
