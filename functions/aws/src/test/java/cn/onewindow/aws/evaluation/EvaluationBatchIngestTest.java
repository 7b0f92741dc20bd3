package cn.onewindow.aws.evaluation;

import cn.onewindow.aws.AccessGuard;
import cn.onewindow.aws.AwsClients;
import cn.onewindow.aws.AwsSettings;
import cn.onewindow.aws.CaseCopies;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.aws.Platform;
import cn.onewindow.aws.SqsEvaluationBatchQueue;
import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.evaluation.RatingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.onewindow.aws.evaluation.EvaluationRig.TERMINAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5's volume case: a batch of 10,000 ratings with 1 % invalid, every message delivered at least twice, through
 * the real path — {@code acceptBatch} (what {@code POST /v1/evaluation-batches} calls) splits and enqueues to
 * ElasticMQ; the ingestion consumes from that queue as {@code EvaluationIngestHandler} does (parse the body,
 * {@code evaluationService.ingest}, a failed message stays on the queue) with the ingestion function's own
 * least-privilege client (cases table only, {@link AccessGuard}) on dynoxide. Exactly the 9,900 valid ratings
 * are stored and exactly the 100 invalid records are reported, each with its index and reason.
 */
@ExtendWith(LocalDynamo.class)
class EvaluationBatchIngestTest {
    static final Instant FRIDAY_10 = Instant.parse("2025-04-25T02:00:00Z");
    static final int RECORDS = 10_000;

    /** The reason each invalid record must be reported with, by its index. */
    private static String invalidKind(int i) {
        if (i % 100 != 37) return null;
        return switch ((i / 100) % 4) {
            case 0 -> "VALIDATION_FAILED";       // unknown level
            case 1 -> "VALIDATION_FAILED";       // no case id
            case 2 -> "CASE_NOT_FOUND";
            default -> "APPLICANT_NOT_CONFIRMED";
        };
    }

    @Test
    void tenThousandRecordsOnePercentInvalidDeliveredTwice(LocalDynamo.Tables tables) {
        long t0 = System.nanoTime();
        EvaluationRig rig = new EvaluationRig(tables, FRIDAY_10);
        String template = rig.delivered("批量评价人");
        assertTrue(tables.client().getItem(g -> g.tableName(tables.casesTable())
                .key(Map.of("pk", AttributeValue.fromS("CASE#" + template), "sk", AttributeValue.fromS("META")))
                .consistentRead(true)).item().get("doc").s().contains("DELIVERED"));
        // the rating reads only a case's META: copies of it are delivered cases
        List<String> caseIds = CaseCopies.of(tables.client(), tables.casesTable(), template, RECORDS);
        long seeded = System.nanoTime();

        List<RatingRequest> records = new ArrayList<>(RECORDS);
        Set<String> validCases = new HashSet<>();
        Map<Integer, String> expectedErrors = new TreeMap<>();
        String[] good = {"VERY_SATISFIED", "SATISFIED", "BASIC", "SATISFIED", "VERY_SATISFIED"};
        for (int i = 0; i < RECORDS; i++) {
            String id = caseIds.get(i);
            String kind = invalidKind(i);
            if (kind != null) expectedErrors.put(i, kind);
            int sub = (i / 100) % 4;
            if (kind == null) {
                // 1 in 100 valid ratings is bad: it opens a rectification in the same batched write
                String level = i % 100 == 50 ? "DISSATISFIED" : good[i % good.length];
                records.add(new RatingRequest(id, level, "EVALUATOR", EvaluationRig.PHONE_LAST4, "W01", null, null,
                        null));
                validCases.add(id);
            } else if (sub == 0) {
                records.add(new RatingRequest(id, "GOOD", "EVALUATOR", EvaluationRig.PHONE_LAST4, null, null, null,
                        null));
            } else if (sub == 1) {
                records.add(new RatingRequest(null, "SATISFIED", "EVALUATOR", EvaluationRig.PHONE_LAST4, null, null,
                        null, null));
            } else if (sub == 2) {
                records.add(new RatingRequest(id + "X", "SATISFIED", "EVALUATOR", EvaluationRig.PHONE_LAST4, null,
                        null, null, null));
            } else {
                records.add(new RatingRequest(id, "SATISFIED", "EVALUATOR", "0000", null, null, null, null));
            }
        }
        assertEquals(9_900, validCases.size());
        assertEquals(100, expectedErrors.size());

        // accepted, and the upload retried with the same key: every chunk is on the queue twice
        EvaluationBatch b = rig.platform.evaluationService.acceptBatch(TERMINAL, records, "day-2025-04-25");
        EvaluationBatch again = rig.platform.evaluationService.acceptBatch(TERMINAL, records, "day-2025-04-25");
        assertEquals(b.id(), again.id());
        assertTrue(b.chunks() > 1, "split into several messages");

        // the ingestion function: its own environment (cases table only) and its guarded client, with one injected
        // failure in the middle of a chunk's batched writes
        Map<String, String> env = new HashMap<>();
        env.putAll(tables.aws().clientEnvironment());
        env.put(AwsSettings.ENV_CASES_TABLE, tables.casesTable());
        AwsSettings ingestSettings = AwsSettings.fromEnvironment(env);
        AtomicInteger batchWrites = new AtomicInteger();
        ExecutionInterceptor failOnce = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution c, ExecutionAttributes a) {
                if (c.request() instanceof BatchWriteItemRequest && batchWrites.incrementAndGet() == 30) {
                    throw SdkClientException.create("injected: connection reset during BatchWriteItem");
                }
            }
        };
        DynamoDbClient ingestDb = tables.aws().dynamoDbClientBuilder()
                .overrideConfiguration(o -> o.addExecutionInterceptor(new AccessGuard(tables.casesTable(), Set.of()))
                        .addExecutionInterceptor(failOnce))
                .build();
        Platform ingest = new Platform(ingestSettings, Clock.fixed(FRIDAY_10.plusSeconds(60), Clock.systemUTC().getZone()),
                ingestDb);

        long accepted = System.nanoTime();
        Delivery d;
        try (SqsClient sqs = AwsClients.sqs(ingestSettings)) {
            d = drain(sqs, rig.evaluationQueue, ingest);
        }
        long ingested = System.nanoTime();
        System.out.printf("10k batch: seed %.1f s, accept %.1f s, ingest %.1f s (%d deliveries of %d chunks)%n",
                (seeded - t0) / 1e9, (accepted - seeded) / 1e9, (ingested - accepted) / 1e9, d.processed, b.chunks());
        assertEquals(1, d.failed, "the injected failure failed exactly one delivery");
        assertTrue(d.ackLost >= 3, "deliveries whose delete was lost came back");
        assertTrue(d.processed >= 2 * b.chunks() + 1 + d.ackLost, "every chunk delivered at least twice: " + d);

        // the store, read through the center's rating and rectification index (byCenter), every item counted:
        // exactly one rating per valid record, none for an invalid one, no second rounds
        Map<String, Integer> ratingsPerCase = new HashMap<>();
        int secondRounds = 0;
        for (Map<String, AttributeValue> i : byCenter(tables, "EVAL#CENTER#" + EvaluationRig.WINDOW.centerId())) {
            String caseId = i.get("pk").s().substring("CASE#".length());
            if (i.get("sk").s().equals("EVAL#1")) ratingsPerCase.merge(caseId, 1, Integer::sum);
            else secondRounds++;
        }
        int rectifications = byCenter(tables, "RECT#CENTER#" + EvaluationRig.WINDOW.centerId() + "#OPEN").size();
        assertEquals(9_900, ratingsPerCase.size(), "exactly the valid ones stored");
        assertEquals(validCases, ratingsPerCase.keySet());
        assertTrue(ratingsPerCase.values().stream().allMatch(c -> c == 1), "no rating stored twice");
        assertEquals(0, secondRounds);
        assertEquals(100, rectifications, "one rectification per bad rating, none twice");

        // the batch status: complete, counts right, exactly the 100 errors with their index and reason
        EvaluationBatch.Status st = rig.platform.evaluationService.batchStatus(TERMINAL, b.id(), 1000, null);
        assertEquals("COMPLETED", st.state());
        assertEquals(b.chunks(), st.chunksDone());
        assertEquals(9_900, st.accepted());
        assertEquals(100, st.rejected());
        Map<Integer, String> reported = new TreeMap<>();
        for (EvaluationBatch.RecordError e : st.errors()) {
            assertTrue(reported.put(e.index(), e.code()) == null, "reported once: " + e.index());
            assertTrue(e.messageZh() != null && !e.messageZh().isBlank() && e.messageEn() != null);
        }
        assertEquals(expectedErrors, reported);
        assertEquals(null, st.nextCursor());
        System.out.printf("10k batch: checks %.1f s%n", (System.nanoTime() - ingested) / 1e9);
    }

    private static List<Map<String, AttributeValue>> byCenter(LocalDynamo.Tables tables, String partition) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = tables.client().query(QueryRequest.builder().tableName(tables.casesTable())
                    .indexName("byCenter").keyConditionExpression("gsi1pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition)))
                    .projectionExpression("pk, sk").exclusiveStartKey(start).build());
            out.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    record Delivery(int processed, int failed, int ackLost) {
    }

    /**
     * The SQS event source: two concurrent pollers (Lambda runs several instances on a queue), batches of up to 5
     * messages (the template's BatchSize), each message handled as the ingestion handler does; a failed message is
     * left on the queue (partial batch response), and the first three successful deliveries lose their delete (the
     * function timed out after the work), so they come back too. Visibility is reset to 0 instead of waiting out the
     * 360 s timeout.
     */
    private static Delivery drain(SqsClient sqs, String queue, Platform ingest) {
        AtomicInteger processed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger ackLost = new AtomicInteger();
        Runnable poller = () -> {
            int idle = 0;
            while (idle < 3) {
                List<Message> ms = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(5)
                        .visibilityTimeout(360).waitTimeSeconds(0)).messages();
                if (ms.isEmpty()) {
                    Map<QueueAttributeName, String> a = sqs.getQueueAttributes(g -> g.queueUrl(queue).attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
                    if ("0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                            && "0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))) {
                        idle++;
                    }
                    continue;
                }
                idle = 0;
                for (Message m : ms) {
                    processed.incrementAndGet();
                    boolean ok;
                    try {
                        EvaluationBatch.Chunk chunk = SqsEvaluationBatchQueue.parse(m.body());
                        ingest.evaluationService.ingest(chunk);
                        ok = true;
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        ok = false;
                    }
                    if (ok && ackLost.getAndUpdate(x -> x < 3 ? x + 1 : x) < 3) ok = false;
                    if (ok) {
                        sqs.deleteMessage(x -> x.queueUrl(queue).receiptHandle(m.receiptHandle()));
                    } else {
                        sqs.changeMessageVisibility(x -> x.queueUrl(queue).receiptHandle(m.receiptHandle())
                                .visibilityTimeout(0));
                    }
                }
            }
        };
        Thread other = new Thread(poller, "poller-2");
        other.start();
        poller.run();
        try {
            other.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return new Delivery(processed.get(), failed.get(), ackLost.get());
    }
}
