package cn.onewindow.memory.contract;

import cn.onewindow.core.approval.TaskMessage;
import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.ports.ApprovalQueue;
import cn.onewindow.core.ports.EvaluationBatchQueue;
import cn.onewindow.memory.MemoryApprovalQueue;
import cn.onewindow.memory.MemoryEvaluationBatchQueue;

import java.util.List;

/** The in-memory queues held to the contract of the SQS ones. */
class MemoryMessageQueueContractTest extends MessageQueueContract {
    private final MemoryApprovalQueue approvals = new MemoryApprovalQueue();
    private final MemoryEvaluationBatchQueue chunks = new MemoryEvaluationBatchQueue();

    @Override
    protected ApprovalQueue approvalQueue() {
        return approvals;
    }

    @Override
    protected List<TaskMessage> takeApprovalMessages() {
        return approvals.take();
    }

    @Override
    protected EvaluationBatchQueue evaluationQueue() {
        return chunks;
    }

    @Override
    protected List<EvaluationBatch.Chunk> takeEvaluationChunks() {
        return chunks.take();
    }
}
