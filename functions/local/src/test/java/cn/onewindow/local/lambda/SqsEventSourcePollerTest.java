package cn.onewindow.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The event source mapping against ElasticMQ (in-process) and the baseline function. */
class SqsEventSourcePollerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SQSRestServer elasticMq;
    private static SqsClient sqs;
    private static LambdaHost function;

    @BeforeAll
    static void start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        elasticMq = SQSRestServerBuilder.withPort(port).withInterface("127.0.0.1")
                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, "")).start();
        elasticMq.waitUntilStarted();
        sqs = SqsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.CN_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        function = Baseline.host("baseline-sqs").instances(2).start();
    }

    @AfterAll
    static void stop() {
        if (function != null) {
            function.close();
        }
        if (sqs != null) {
            sqs.close();
        }
        if (elasticMq != null) {
            elasticMq.stopAndWait();
        }
    }

    @Test
    void handledMessagesAreDeleted() throws Exception {
        String queue = sqs.createQueue(r -> r.queueName("all-ok")).queueUrl();
        for (int i = 0; i < 25; i++) {
            int n = i;
            sqs.sendMessage(r -> r.queueUrl(queue).messageBody("{\"n\":" + n + "}")
                    .messageAttributes(Map.of("kind", MessageAttributeValue.builder()
                            .dataType("String").stringValue("test").build())));
        }

        try (SqsEventSourcePoller poller = SqsEventSourcePoller.builder(sqs, queue, function)
                .concurrency(2).start()) {
            Baseline.await("25 deletions", Duration.ofSeconds(60), () -> poller.deleted() == 25);

            assertEquals(25, poller.messages());
            assertEquals(0, poller.failures());
            assertEquals(0, poller.failedInvocations());
            assertTrue(poller.batches() >= 3, "batches of at most 10: " + poller.batches());
            assertTrue(poller.queueArn().endsWith(":all-ok"), poller.queueArn());
        }
        assertEquals(0, messagesIn(queue));
    }

    @Test
    void reportedFailuresComeBackAndEndInTheDeadLetterQueue() throws Exception {
        String[] queues = queueWithDlq("partial");
        String queue = queues[0];
        String dlq = queues[1];
        for (int i = 0; i < 6; i++) {
            int n = i;
            sqs.sendMessage(r -> r.queueUrl(queue).messageBody("ok " + n));
        }
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody("please fail A"));
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody("please fail B"));

        List<String> dead = new ArrayList<>();
        try (SqsEventSourcePoller poller = SqsEventSourcePoller.builder(sqs, queue, function).start()) {
            Baseline.await("both failing messages in the DLQ", Duration.ofSeconds(60), () -> {
                sqs.receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10)).messages()
                        .forEach(m -> dead.add(m.body()));
                return dead.size() >= 2;
            });

            assertEquals(6, poller.deleted());
            assertTrue(poller.failures() >= 4, "each failing message was handed over twice: " + poller.failures());
            assertEquals(0, poller.failedInvocations());
        }
        assertEquals(Set.of("please fail A", "please fail B"), Set.copyOf(dead));
        assertEquals(0, messagesIn(queue));
    }

    @Test
    void aFailedInvocationDeletesNothing() throws Exception {
        String[] queues = queueWithDlq("crashing");
        sqs.sendMessage(r -> r.queueUrl(queues[0]).messageBody("please crash"));

        try (SqsEventSourcePoller poller = SqsEventSourcePoller.builder(sqs, queues[0], function).start()) {
            Baseline.await("the message in the DLQ", Duration.ofSeconds(60),
                    () -> messagesIn(queues[1]) == 1);

            assertEquals(0, poller.deleted());
            assertEquals(2, poller.failedInvocations());
            assertEquals(2, poller.failures());
        }
        assertEquals(0, messagesIn(queues[0]));
    }

    @Test
    void theEventHasTheShapeLambdaSends() throws Exception {
        String queue = sqs.createQueue(r -> r.queueName("shape")).queueUrl();
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody("hello")
                .messageAttributes(Map.of("traceId", MessageAttributeValue.builder()
                        .dataType("String").stringValue("abc").build())));
        Message m = sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages().get(0);

        SqsEventSourcePoller poller = SqsEventSourcePoller.builder(sqs, queue, function)
                .queueArn("arn:aws-cn:sqs:cn-north-1:000000000000:shape").region("cn-north-1").start();
        poller.close();
        JsonNode record = JSON.readTree(poller.event(List.of(m))).get("Records").get(0);

        assertEquals(m.messageId(), record.get("messageId").asText());
        assertEquals(m.receiptHandle(), record.get("receiptHandle").asText());
        assertEquals("hello", record.get("body").asText());
        assertEquals("5d41402abc4b2a76b9719d911017c592", record.get("md5OfBody").asText());
        assertEquals("aws:sqs", record.get("eventSource").asText());
        assertEquals("arn:aws-cn:sqs:cn-north-1:000000000000:shape", record.get("eventSourceARN").asText());
        assertEquals("cn-north-1", record.get("awsRegion").asText());
        JsonNode attributes = record.get("attributes");
        for (String name : List.of("ApproximateReceiveCount", "SentTimestamp", "SenderId",
                "ApproximateFirstReceiveTimestamp")) {
            assertTrue(attributes.get(name).isTextual(), name + " in " + attributes);
        }
        assertEquals("1", attributes.get("ApproximateReceiveCount").asText());
        JsonNode traceId = record.at("/messageAttributes/traceId");
        assertEquals("abc", traceId.get("stringValue").asText());
        assertEquals("String", traceId.get("dataType").asText());
        assertTrue(traceId.get("stringListValues").isArray() && traceId.get("binaryListValues").isArray());
    }

    @Test
    void partialBatchResponsesAreReadByLambdasRules() {
        Set<String> batch = Set.of("a", "b");
        assertEquals(Set.of(), BatchItemFailures.parse("", batch));
        assertEquals(Set.of(), BatchItemFailures.parse("null", batch));
        assertEquals(Set.of(), BatchItemFailures.parse("{\"batchItemFailures\":[]}", batch));
        assertEquals(Set.of(), BatchItemFailures.parse("{\"echo\":1}", batch));
        assertEquals(Set.of("b"), BatchItemFailures.parse(
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"b\"}]}", batch));
        for (String invalid : List.of("not json", "\"text\"",
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}",
                "{\"batchItemFailures\":[{\"id\":\"a\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"zzz\"}]}")) {
            assertThrows(BatchItemFailures.InvalidResponseException.class,
                    () -> BatchItemFailures.parse(invalid, batch), invalid);
        }
    }

    /** A queue with a 1 s visibility timeout whose messages go to its DLQ after 2 receives. */
    private static String[] queueWithDlq(String name) {
        String dlq = sqs.createQueue(r -> r.queueName(name + "-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String queue = sqs.createQueue(r -> r.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"))).queueUrl();
        return new String[] {queue, dlq};
    }

    private static int messagesIn(String queue) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(r -> r.queueUrl(queue).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return a.values().stream().mapToInt(Integer::parseInt).sum();
    }
}
