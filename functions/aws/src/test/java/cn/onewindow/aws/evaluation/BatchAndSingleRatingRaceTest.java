package cn.onewindow.aws.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.onewindow.aws.AwsClients;
import cn.onewindow.aws.AwsSettings;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.aws.SqsEvaluationBatchQueue;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.evaluation.RatingRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A day's batch from an evaluator and single ratings from the PAD for the same cases at the same moment, through the
 * real paths (the batch via ElasticMQ and the ingestion code, two ingesting consumers; eight single raters): every case
 * ends with exactly one rating, that of whoever was accepted; the other is refused (ALREADY_RATED) and reported, and
 * nothing is overwritten or lost. (A blind BatchWriteItem used to overwrite the single rating.)
 */
@ExtendWith(LocalDynamo.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BatchAndSingleRatingRaceTest {
    static final Instant FRIDAY_10 = Instant.parse("2025-04-25T02:00:00Z");
    static final int CASES = 40;
    static final int SINGLE_RATERS = 8;

    @Test
    void everyCaseKeepsExactlyOneRatingAndItIsTheAcceptedOne(LocalDynamo.Tables tables) throws Exception {
        EvaluationRig rig = new EvaluationRig(tables, FRIDAY_10);
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            cases.add(rig.delivered("竞态评价" + i));
        }
        List<RatingRequest> records = cases.stream().map(id -> EvaluationRig.rating(id, "SATISFIED", "EVALUATOR"))
                .toList();

        Map<String, String> singleAccepted = new ConcurrentHashMap<>();
        Map<String, String> singleRefused = new ConcurrentHashMap<>();
        List<Throwable> unexpected = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(SINGLE_RATERS + 2);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < SINGLE_RATERS; t++) {
                int first = t;
                work.add(pool.submit(() -> {
                    go.await();
                    for (int i = first; i < CASES; i += SINGLE_RATERS) {
                        String id = cases.get(i);
                        try {
                            rig.platform.evaluationService.rate(EvaluationRig.TERMINAL,
                                    EvaluationRig.rating(id, "VERY_SATISFIED", "PAD"), null);
                            singleAccepted.put(id, "VERY_SATISFIED");
                        } catch (DomainException e) {
                            if (!e.code().equals("ALREADY_RATED")) {
                                synchronized (unexpected) {
                                    unexpected.add(e);
                                }
                            }
                            singleRefused.put(id, e.code());
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            EvaluationBatch batch = rig.platform.evaluationService.acceptBatch(EvaluationRig.TERMINAL, records,
                    "race-day-1");
            for (int c = 0; c < 2; c++) {
                work.add(pool.submit(() -> {
                    ingest(tables, rig, batch);
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(2, TimeUnit.MINUTES);
            }

            assertTrue(unexpected.isEmpty(), () -> "no other refusal: " + unexpected);
            EvaluationBatch.Status status = rig.platform.evaluationService.batchStatus(EvaluationRig.TERMINAL,
                    batch.id(), 1000, null);
            assertEquals("COMPLETED", status.state(), status::toString);
            Map<String, String> batchRefused = new HashMap<>();
            status.errors().forEach(e -> batchRefused.put(e.caseId(), e.code()));

            int stored = 0;
            for (String id : cases) {
                String level = rig.platform.evaluationService.get(DemoData.callers().get("demo-supervisor"), id, 1)
                        .level().name();
                stored++;
                if (singleAccepted.containsKey(id)) {
                    assertEquals("VERY_SATISFIED", level, id + ": the accepted single rating was kept");
                    assertTrue(batchRefused.containsKey(id), id + ": the batch record is reported, not stored");
                } else {
                    assertEquals("SATISFIED", level, id + ": the batch's rating was kept");
                    assertEquals("ALREADY_RATED", singleRefused.get(id), id);
                    assertTrue(!batchRefused.containsKey(id), id + ": the batch record was accepted");
                }
            }
            System.out.printf("race: %d cases, %d won by the single route, %d by the batch%n", CASES,
                    singleAccepted.size(), status.accepted());
            assertEquals(CASES, stored);
            assertEquals(CASES, singleAccepted.size() + status.accepted(), "one accepted rating per case, in all");
            assertEquals(singleAccepted.size(), status.rejected());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One consumer: receives chunks, ingests them as the handler does, deletes them, until the batch is done. */
    private static void ingest(LocalDynamo.Tables tables, EvaluationRig rig, EvaluationBatch batch) {
        Map<String, String> env = new HashMap<>(tables.aws().clientEnvironment());
        env.put(AwsSettings.ENV_CASES_TABLE, tables.casesTable());
        try (SqsClient sqs = AwsClients.sqs(AwsSettings.fromEnvironment(env))) {
            for (int idle = 0; idle < 3; ) {
                List<Message> ms = sqs.receiveMessage(r -> r.queueUrl(rig.evaluationQueue).maxNumberOfMessages(1)
                        .waitTimeSeconds(1).visibilityTimeout(60)).messages();
                if (ms.isEmpty()) {
                    idle++;
                    continue;
                }
                for (Message m : ms) {
                    rig.platform.evaluationService.ingest(SqsEvaluationBatchQueue.parse(m.body()));
                    sqs.deleteMessage(x -> x.queueUrl(rig.evaluationQueue).receiptHandle(m.receiptHandle()));
                }
            }
        }
    }
}
