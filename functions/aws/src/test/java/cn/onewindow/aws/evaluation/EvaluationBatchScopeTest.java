package cn.onewindow.aws.evaluation;

import cn.onewindow.aws.AwsClients;
import cn.onewindow.aws.AwsSettings;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.aws.SqsEvaluationBatchQueue;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.evaluation.RatingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §2.7: a batch is ingested later, from the queue, on its uploader's behalf, and every record is checked against
 * the uploader's whole scope by the rule of a single rating. Through the real path: {@code acceptBatch} (what
 * {@code POST /v1/evaluation-batches} calls) enqueues to ElasticMQ, the chunks are received, parsed as the ingestion
 * handler parses them and ingested on dynoxide. Out-of-scope records inside an otherwise valid batch are refused one
 * by one with the single route's answer ({@code CASE_NOT_FOUND}: out of scope and absent look the same); the others
 * are kept.
 */
@ExtendWith(LocalDynamo.class)
class EvaluationBatchScopeTest {
    static final Instant FRIDAY_10 = Instant.parse("2025-04-25T02:00:00Z");
    /** Window staff of another center of the same city (the township center is a center of its own). */
    static final Caller TOWNSHIP_WINDOW = new Caller("window-t01", Role.WINDOW, "良渚窗口", DemoData.TOWNSHIP_POINT,
            DemoData.CITY, DemoData.TOWNSHIP_POINT, null);

    @Test
    void recordsOfAnotherCenterAreRefusedOneByOneTheOthersKept(LocalDynamo.Tables tables) {
        EvaluationRig rig = new EvaluationRig(tables, FRIDAY_10);
        List<RatingRequest> records = new ArrayList<>();
        Map<Integer, String> expected = new TreeMap<>();
        List<String> other = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            boolean out = i % 3 == 1; // indices 1, 4, 7: cases of the township center
            String id = out ? rig.delivered(TOWNSHIP_WINDOW, "外中心" + i) : rig.delivered("本中心" + i);
            if (out) {
                expected.put(i, "CASE_NOT_FOUND");
                other.add(id);
            }
            records.add(EvaluationRig.rating(id, "SATISFIED", "EVALUATOR"));
        }
        // the single route refuses such a case the same way
        DomainException single = assertThrows(DomainException.class, () -> rig.platform.evaluationService.rate(
                EvaluationRig.TERMINAL, EvaluationRig.rating(other.get(0), "SATISFIED", "PAD"), null));
        assertEquals("CASE_NOT_FOUND", single.code());

        EvaluationBatch b = rig.platform.evaluationService.acceptBatch(EvaluationRig.TERMINAL, records, "scope-1");
        EvaluationBatch.Status st = ingestAll(tables, rig, b, EvaluationRig.TERMINAL);
        assertEquals(7, st.accepted());
        assertEquals(3, st.rejected());
        assertEquals(expected, codes(st));
        for (String id : other) {
            assertEquals("EVALUATION_NOT_FOUND", assertThrows(DomainException.class, () -> rig.platform
                    .evaluationService.get(DemoData.callers().get("demo-supervisor"), id, 1)).code(),
                    "nothing stored for " + id);
        }
    }

    @Test
    void aPointBoundDeviceRatesOnlyItsPointsCases(LocalDynamo.Tables tables) {
        EvaluationRig rig = new EvaluationRig(tables, FRIDAY_10);
        // a device bound to the township point only (no center): before, its chunks were checked against no
        // center at all, i.e. against every case
        Caller device = new Caller("pad-t01", Role.TERMINAL, "良渚评价器", null, DemoData.CITY, DemoData.TOWNSHIP_POINT,
                null);
        List<RatingRequest> records = new ArrayList<>();
        Map<Integer, String> expected = new TreeMap<>();
        for (int i = 0; i < 6; i++) {
            boolean mine = i < 2;
            String id = mine ? rig.delivered(TOWNSHIP_WINDOW, "本点" + i) : rig.delivered("县中心" + i);
            if (!mine) expected.put(i, "CASE_NOT_FOUND");
            records.add(EvaluationRig.rating(id, "BASIC", "PAD"));
        }
        EvaluationBatch b = rig.platform.evaluationService.acceptBatch(device, records, "scope-2");
        EvaluationBatch.Status st = ingestAll(tables, rig, b, device);
        assertEquals(2, st.accepted());
        assertEquals(4, st.rejected());
        assertEquals(expected, codes(st));
    }

    private static Map<Integer, String> codes(EvaluationBatch.Status st) {
        Map<Integer, String> out = new TreeMap<>();
        st.errors().forEach(e -> out.put(e.index(), e.code()));
        return out;
    }

    /** Receives every chunk of the evaluation queue, parses and ingests it as the ingestion handler does. */
    private static EvaluationBatch.Status ingestAll(LocalDynamo.Tables tables, EvaluationRig rig, EvaluationBatch b, Caller uploader) {
        int seen = 0;
        Map<String, String> env = new java.util.HashMap<>(tables.aws().clientEnvironment());
        env.put(AwsSettings.ENV_CASES_TABLE, tables.casesTable());
        try (SqsClient sqs = AwsClients.sqs(AwsSettings.fromEnvironment(env))) {
            for (int idle = 0; idle < 3 && seen < b.chunks(); ) {
                List<Message> ms = sqs.receiveMessage(r -> r.queueUrl(rig.evaluationQueue).maxNumberOfMessages(10)
                        .waitTimeSeconds(1)).messages();
                if (ms.isEmpty()) idle++;
                for (Message m : ms) {
                    EvaluationBatch.Chunk chunk = SqsEvaluationBatchQueue.parse(m.body());
                    assertTrue(chunk.submitter() != null && chunk.submitter().name() == null,
                            "the chunk carries the uploader's scope, not its name");
                    rig.platform.evaluationService.ingest(chunk);
                    sqs.deleteMessage(x -> x.queueUrl(rig.evaluationQueue).receiptHandle(m.receiptHandle()));
                    seen++;
                }
            }
        }
        EvaluationBatch.Status st = rig.platform.evaluationService.batchStatus(uploader, b.id(), 100, null);
        assertEquals("COMPLETED", st.state());
        return st;
    }
}
