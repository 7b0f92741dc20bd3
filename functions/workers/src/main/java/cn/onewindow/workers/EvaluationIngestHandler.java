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

import java.util.ArrayList;
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
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        int stored = 0;
        int duplicates = 0;
        int rejected = 0;
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            try {
                EvaluationBatch.Chunk chunk = SqsEvaluationBatchQueue.parse(m.getBody());
                EvaluationBatch.ChunkResult r = evaluations.ingest(chunk);
                stored += r.stored();
                duplicates += r.duplicates();
                rejected += r.errors().size();
            } catch (RuntimeException e) {
                // ids and counts only: a record may hold a comment, never logged
                LOG.warnf("evaluation message %s failed (%s): %s", m.getMessageId(), e.getClass().getSimpleName(),
                        e.getMessage());
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build());
            }
        }
        LOG.infof("evaluation batch: %d stored, %d duplicates, %d rejected records, %d messages failed", stored,
                duplicates, rejected, failures.size());
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
