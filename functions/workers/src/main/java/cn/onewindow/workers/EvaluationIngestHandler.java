package cn.onewindow.workers;

import cn.onewindow.aws.SqsEvaluationBatchQueue;
import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.service.EvaluationService;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * 好差评 batch ingestion: each message is one chunk of an evaluator device's upload. Every record is validated
 * against its case; the good ones are written with batched writes, every bad one is recorded with its reason in the
 * batch status. A redelivered message writes nothing twice. Reports partial batch failures, so a message that
 * fails (storage unavailable) is retried alone and ends in the dead-letter queue after maxReceiveCount.
 */
@Singleton
@Named("evaluations")
public class EvaluationIngestHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = Logger.getLogger(EvaluationIngestHandler.class);

    private final EvaluationService evaluations;

    @Inject
    public EvaluationIngestHandler(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        // ids and counts only: a record may hold a comment, never logged
        PartialBatch<EvaluationBatch.ChunkResult> batch = PartialBatch.handle(event, "evaluation", LOG,
                body -> evaluations.ingest(SqsEvaluationBatchQueue.parse(body)));
        List<EvaluationBatch.ChunkResult> results = batch.results();
        LOG.infof("evaluation batch: %d stored, %d duplicates, %d rejected records, %d messages failed",
                results.stream().mapToInt(EvaluationBatch.ChunkResult::stored).sum(),
                results.stream().mapToInt(EvaluationBatch.ChunkResult::duplicates).sum(),
                results.stream().mapToInt(r -> r.errors().size()).sum(), batch.failed());
        return batch.response();
    }
}
