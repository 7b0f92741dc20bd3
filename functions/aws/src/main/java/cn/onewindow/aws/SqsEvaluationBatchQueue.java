package cn.onewindow.aws;

import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.ports.EvaluationBatchQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The evaluation queue on SQS: one message per chunk of a batch (the service keeps a chunk under 200 KB; SQS takes
 * 256 KB). Each message is sent on its own, so no request ever carries more than one chunk.
 */
public final class SqsEvaluationBatchQueue implements EvaluationBatchQueue {
    /** The SQS limit of one message body. */
    public static final int MAX_MESSAGE_BYTES = 256 * 1024;
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsEvaluationBatchQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<EvaluationBatch.Chunk> chunks) {
        for (EvaluationBatch.Chunk c : chunks) {
            String body = Json.write(c);
            if (body.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
                throw new IllegalStateException("chunk " + c.chunk() + " of batch " + c.batchId() + " is too large");
            }
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
        }
    }

    public static EvaluationBatch.Chunk parse(String body) {
        return Json.read(body, EvaluationBatch.Chunk.class);
    }
}
