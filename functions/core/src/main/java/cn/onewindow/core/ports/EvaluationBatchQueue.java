package cn.onewindow.core.ports;

import cn.onewindow.core.evaluation.EvaluationBatch;

import java.util.List;

/** The queue that carries batch chunks to the ingestion function. Delivery is at least once. */
public interface EvaluationBatchQueue {
    void send(List<EvaluationBatch.Chunk> chunks);
}
