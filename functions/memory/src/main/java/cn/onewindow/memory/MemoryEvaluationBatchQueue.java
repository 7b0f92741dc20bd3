package cn.onewindow.memory;

import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.ports.EvaluationBatchQueue;

import java.util.ArrayList;
import java.util.List;

/** The evaluation batch queue in memory: chunks wait until a test (standing in for the ingestion) takes them. */
public final class MemoryEvaluationBatchQueue implements EvaluationBatchQueue {
    private final List<EvaluationBatch.Chunk> waiting = new ArrayList<>();

    @Override
    public synchronized void send(List<EvaluationBatch.Chunk> chunks) {
        waiting.addAll(chunks);
    }

    /** Every chunk sent and not taken yet, oldest first; the queue is empty afterwards. */
    public synchronized List<EvaluationBatch.Chunk> take() {
        List<EvaluationBatch.Chunk> out = List.copyOf(waiting);
        waiting.clear();
        return out;
    }
}
