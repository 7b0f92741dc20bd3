package cn.onewindow.memory.contract;

import cn.onewindow.core.approval.TaskMessage;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.evaluation.RatingRequest;
import cn.onewindow.core.ports.ApprovalQueue;
import cn.onewindow.core.ports.EvaluationBatchQueue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static cn.onewindow.memory.contract.ContractFixtures.T0;
import static cn.onewindow.memory.contract.ContractFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every {@link ApprovalQueue} and {@link EvaluationBatchQueue} guarantees: every message sent reaches the
 * consumer exactly as it was sent (field for field, whatever the transport's batch size), in no promised order, and
 * an empty send sends nothing. Delivery is at least once; the consumers' idempotency covers repeats, so a repeat is
 * not counted here as a fault, but a missing or altered message is.
 */
public abstract class MessageQueueContract {

    protected abstract ApprovalQueue approvalQueue();

    /** The task messages waiting on the approval queue, as its consumer reads them; they are gone afterwards. */
    protected abstract List<TaskMessage> takeApprovalMessages();

    protected abstract EvaluationBatchQueue evaluationQueue();

    /** The chunks waiting on the evaluation batch queue, as the ingestion reads them; they are gone afterwards. */
    protected abstract List<EvaluationBatch.Chunk> takeEvaluationChunks();

    @Test
    void everyTaskMessageOfALargeSendArrivesAsSentAndAnEmptySendSendsNothing() {
        String caseId = unique("CASE");
        List<TaskMessage> sent = new ArrayList<>();
        for (int i = 0; i < 23; i++) { // more than one transport batch (SQS takes ten at a time)
            sent.add(new TaskMessage(caseId + "~T" + i, caseId, "dept-" + (i % 4)));
        }
        approvalQueue().send(sent);
        approvalQueue().send(List.of());
        assertEquals(Set.copyOf(sent), new HashSet<>(takeApprovalMessages()));
        assertEquals(List.of(), takeApprovalMessages(), "taken once");
    }

    @Test
    void aChunkArrivesWithItsRecordsAndSubmitterIntact() {
        String batchId = unique("BATCH");
        List<RatingRequest> records = List.of(
                new RatingRequest(unique("CASE"), "SATISFIED", "PAD", "0000", "W01", null, null, null),
                new RatingRequest(unique("CASE"), "UNSATISFIED", "WEB", null, null, "staff-7", "排队太久",
                        "2025-04-24T08:00:00Z"));
        EvaluationBatch.Chunk first = new EvaluationBatch.Chunk(batchId, 1, 0, "demo-admin", T0, records,
                DemoData.callers().get("demo-admin"));
        EvaluationBatch.Chunk second = new EvaluationBatch.Chunk(batchId, 2, 2, "demo-admin", T0,
                List.of(records.get(0)), DemoData.callers().get("demo-admin"));
        evaluationQueue().send(List.of(first, second));
        evaluationQueue().send(List.of());
        assertEquals(Set.of(first, second), new HashSet<>(takeEvaluationChunks()));
        assertEquals(List.of(), takeEvaluationChunks(), "taken once");
    }
}
