package cn.onewindow.aws.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.infrastructure.EmbeddedAws;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The injector itself, one fault at a time, against dynoxide and ElasticMQ through the real SDK: each fault reaches
 * the caller the way the real service's would (what the SDK retries succeeds in the end; what it does not is thrown
 * with the service's own exception type and reasons), and a request answered-then-lost has really been applied.
 */
@ExtendWith(LocalDynamo.class)
class FaultInjectingHttpClientTest {
    private static LocalDynamo.Tables tables;

    @BeforeAll
    static void setUp(LocalDynamo.Tables t) {
        tables = t;
    }

    private static DynamoDbClient dynamo(FaultPlan plan) {
        return tables.aws().dynamoDbClientBuilder()
                .httpClient(new FaultInjectingHttpClient(EmbeddedAws.httpClient(), plan)).build();
    }

    private static Map<String, AttributeValue> item(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("META"));
    }

    private static boolean exists(String pk) {
        return tables.client().getItem(b -> b.tableName(tables.casesTable()).key(item(pk)).consistentRead(true))
                .hasItem();
    }

    @Test
    void aTransactionConflictIsThrownWithItsReasonAndNothingIsWritten() {
        FaultPlan plan = FaultPlan.always("TransactWriteItems", Fault.TRANSACTION_CONFLICT);
        List<TransactWriteItem> puts = new ArrayList<>();
        for (String pk : List.of("FAULT#conflict-1", "FAULT#conflict-2")) {
            puts.add(TransactWriteItem.builder().put(Put.builder().tableName(tables.casesTable()).item(item(pk)).build())
                    .build());
        }
        try (DynamoDbClient ddb = dynamo(plan)) {
            TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
                    () -> ddb.transactWriteItems(b -> b.transactItems(puts)));
            assertEquals(2, e.cancellationReasons().size(), "one reason per item, as DynamoDB gives");
            assertEquals("TransactionConflict", e.cancellationReasons().get(1).code());
        }
        assertFalse(exists("FAULT#conflict-1"));
        assertFalse(exists("FAULT#conflict-2"));
        assertEquals(1L, plan.total(), "the SDK does not retry a cancelled transaction");
    }

    @Test
    void throttlingAndServerErrorsAreRetriedByTheSdkUntilTheyPass() {
        for (Fault fault : List.of(Fault.THROTTLED, Fault.INTERNAL_ERROR, Fault.UNAVAILABLE)) {
            FaultPlan plan = FaultPlan.always("PutItem", fault);
            String pk = "FAULT#retried-" + fault;
            try (DynamoDbClient ddb = dynamo(plan)) {
                ddb.putItem(b -> b.tableName(tables.casesTable()).item(item(pk)));
            }
            assertTrue(exists(pk), fault + ": written in the end");
            assertTrue(plan.total() >= 1, fault + ": injected on every attempt but the last");
        }
    }

    @Test
    void aConditionalPutAnsweredThenLostFailsItsOwnConditionOnTheRetry() {
        FaultPlan plan = FaultPlan.always("PutItem", Fault.TIMEOUT_AFTER_APPLY);
        try (DynamoDbClient ddb = dynamo(plan)) {
            assertThrows(ConditionalCheckFailedException.class, () -> ddb.putItem(b -> b.tableName(tables.casesTable())
                    .item(item("FAULT#lost-answer")).conditionExpression("attribute_not_exists(pk)")));
        }
        assertTrue(exists("FAULT#lost-answer"), "the first attempt was applied");
    }

    @Test
    void aTransactionAnsweredThenLostSucceedsOnceThanksToItsClientRequestToken() {
        FaultPlan plan = FaultPlan.always("TransactWriteItems", Fault.TIMEOUT_AFTER_APPLY);
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(tables.casesTable())
                .item(item("FAULT#token")).conditionExpression("attribute_not_exists(pk)").build()).build();
        try (DynamoDbClient ddb = dynamo(plan)) {
            ddb.transactWriteItems(b -> b.transactItems(put));
        }
        assertTrue(exists("FAULT#token"));
        assertTrue(plan.total() >= 1);
    }

    @Test
    void aSendAnsweredThenLostIsDeliveredTwice() {
        FaultPlan plan = FaultPlan.always("SendMessage", Fault.TIMEOUT_AFTER_APPLY);
        String queue = tables.resources().queueUrl("NotificationQueue");
        try (SqsClient sqs = tables.aws().sqsClientBuilder()
                .httpClient(new FaultInjectingHttpClient(EmbeddedAws.httpClient(), plan)).build()) {
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody("once"));
        }
        List<Message> received = new ArrayList<>();
        try (SqsClient sqs = tables.aws().sqsClient()) {
            for (int i = 0; i < 5 && received.size() < 2; i++) {
                received.addAll(sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                        .messages());
            }
        }
        assertTrue(received.size() >= 2, "the retried send made a duplicate: " + received.size());
        assertTrue(received.stream().allMatch(m -> m.body().equals("once")));
    }

    @Test
    void countsTheItemsOfATransactionRequest() {
        String body = "{\"ClientRequestToken\":\"x\",\"TransactItems\":[{\"Put\":{\"Item\":{\"a\":{\"S\":\"]}{\"}}}},"
                + "{\"ConditionCheck\":{}},{\"Update\":{\"Key\":{}}}]}";
        assertEquals(3, FaultInjectingHttpClient.countTransactItems(body.getBytes()));
        assertTrue(FaultInjectingHttpClient.isLastAttempt("attempt=3; max=3"));
        assertFalse(FaultInjectingHttpClient.isLastAttempt("attempt=1; max=3"));
    }
}
