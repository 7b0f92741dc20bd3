package cn.onewindow.aws.evaluation;

import cn.onewindow.aws.AwsClients;
import cn.onewindow.aws.AwsSettings;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.aws.SqsEvaluationBatchQueue;
import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.evaluation.Level;
import cn.onewindow.core.evaluation.RatingRequest;
import cn.onewindow.core.evaluation.Rectification;
import cn.onewindow.core.ports.EvaluationRepository.RatingState;
import cn.onewindow.core.service.EvaluationService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.onewindow.aws.evaluation.EvaluationRig.DEPT_SCJG;
import static cn.onewindow.aws.evaluation.EvaluationRig.TERMINAL;
import static cn.onewindow.aws.evaluation.EvaluationRig.rating;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A batch reads only the cases before its conditional writes; a stored rating is found by the write. The outcome is
 * the one a full read would give: a repeat of a stored rating is a duplicate, a different vote is refused, a re-rating
 * after a fixed rectification is stored as round 2 — and a redelivered chunk changes nothing and counts the same.
 */
@ExtendWith(LocalDynamo.class)
class BatchOverRatedCasesTest {
    static final Instant FRIDAY_10 = Instant.parse("2025-04-25T02:00:00Z");

    @Test
    void repeatsAreDuplicatesOtherVotesRefusedAndAReRatingAfterTheFixIsRoundTwo(LocalDynamo.Tables tables) {
        EvaluationRig rig = new EvaluationRig(tables, FRIDAY_10);
        EvaluationService evals = rig.platform.evaluationService;
        String repeated = rig.delivered("重复评价");
        evals.rate(TERMINAL, rating(repeated, "SATISFIED", "EVALUATOR"), null);
        String changed = rig.delivered("改变评价");
        evals.rate(TERMINAL, rating(changed, "SATISFIED", "EVALUATOR"), null);
        String fixed = rig.delivered("整改之后");
        evals.rate(TERMINAL, rating(fixed, "VERY_DISSATISFIED", "EVALUATOR"), null);
        String rid = Rectification.idFor(fixed, 1);
        evals.judge(DEPT_SCJG, rid, true, "情况属实");
        evals.callback(DEPT_SCJG, rid, "已电话回访");
        evals.fix(DEPT_SCJG, rid, "已整改");
        String open = rig.delivered("整改未完");
        evals.rate(TERMINAL, rating(open, "DISSATISFIED", "EVALUATOR"), null);
        String fresh = rig.delivered("首次评价");

        List<RatingRequest> records = List.of(
                rating(repeated, "SATISFIED", "EVALUATOR"),   // 0: the stored rating again
                rating(changed, "VERY_SATISFIED", "EVALUATOR"), // 1: another vote
                rating(fixed, "SATISFIED", "EVALUATOR"),      // 2: the one re-rating after the fix
                rating(open, "SATISFIED", "EVALUATOR"),       // 3: before the fix
                rating(fresh, "BASIC", "EVALUATOR"),          // 4: first rating
                rating(fresh, "BASIC", "EVALUATOR"),          // 5: the same again in this chunk
                rating(fixed, "BASIC", "EVALUATOR"));         // 6: a third vote
        // accepted twice with the same key: the chunk is delivered twice
        EvaluationBatch b = evals.acceptBatch(TERMINAL, records, "rated-cases");
        evals.acceptBatch(TERMINAL, records, "rated-cases");
        assertEquals(1, b.chunks());
        List<EvaluationBatch.ChunkResult> deliveries = ingestAll(tables, rig);
        assertEquals(2, deliveries.size());

        EvaluationBatch.ChunkResult first = deliveries.get(0);
        assertEquals(2, first.stored(), "the re-rating and the first rating");
        assertEquals(2, first.duplicates(), "the stored rating again, the chunk's own repeat");
        assertEquals(Map.of(1, "ALREADY_RATED", 3, "ALREADY_RATED", 6, "RERATING_ALREADY_USED"), codes(first));

        EvaluationBatch.ChunkResult second = deliveries.get(1);
        assertEquals(0, second.stored());
        assertEquals(4, second.duplicates());
        assertEquals(codes(first), codes(second));

        RatingState f = rig.platform.evaluations.state(fixed);
        assertEquals(Level.VERY_DISSATISFIED, f.first().level());
        assertEquals(Level.SATISFIED, f.second().level());
        assertEquals(2, f.second().round());
        RatingState c = rig.platform.evaluations.state(changed);
        assertEquals(Level.SATISFIED, c.first().level(), "never overwritten");
        assertNull(c.second());
        assertEquals(Level.BASIC, rig.platform.evaluations.state(fresh).first().level());
        assertNull(rig.platform.evaluations.state(open).second());
        EvaluationBatch.Status status = evals.batchStatus(TERMINAL, b.id(), 100, null);
        assertEquals(4, status.accepted());
        assertEquals(3, status.rejected());
    }

    private static Map<Integer, String> codes(EvaluationBatch.ChunkResult r) {
        Map<Integer, String> out = new HashMap<>();
        r.errors().forEach(e -> out.put(e.index(), e.code()));
        return out;
    }

    /** The ingestion function's loop: receive, ingest, delete, until the queue stays empty. */
    private static List<EvaluationBatch.ChunkResult> ingestAll(LocalDynamo.Tables tables, EvaluationRig rig) {
        Map<String, String> env = new HashMap<>(tables.aws().clientEnvironment());
        env.put(AwsSettings.ENV_CASES_TABLE, tables.casesTable());
        List<EvaluationBatch.ChunkResult> out = new ArrayList<>();
        try (SqsClient sqs = AwsClients.sqs(AwsSettings.fromEnvironment(env))) {
            for (int idle = 0; idle < 2; ) {
                List<Message> ms = sqs.receiveMessage(r -> r.queueUrl(rig.evaluationQueue).maxNumberOfMessages(1)
                        .waitTimeSeconds(1).visibilityTimeout(60)).messages();
                if (ms.isEmpty()) {
                    idle++;
                    continue;
                }
                for (Message m : ms) {
                    out.add(rig.platform.evaluationService.ingest(SqsEvaluationBatchQueue.parse(m.body())));
                    sqs.deleteMessage(x -> x.queueUrl(rig.evaluationQueue).receiptHandle(m.receiptHandle()));
                }
            }
        }
        return out;
    }
}
