package cn.onewindow.aws.contract;

import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.aws.SqsApprovalQueue;
import cn.onewindow.aws.SqsEvaluationBatchQueue;
import cn.onewindow.core.approval.TaskMessage;
import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.ports.ApprovalQueue;
import cn.onewindow.core.ports.EvaluationBatchQueue;
import cn.onewindow.memory.contract.MessageQueueContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The SQS queues (on the local stand-in, queues provisioned from template.yaml) held to the contract the in-memory
 * ones are held to; a message is read as the worker and the ingestion read it ({@code parse}).
 */
@ExtendWith(LocalDynamo.class)
class SqsMessageQueueContractTest extends MessageQueueContract {
    private static SqsClient sqs;
    private static String approvalUrl;
    private static String evaluationUrl;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        sqs = tables.aws().sqsClient();
        approvalUrl = tables.resources().queueUrl("ApprovalQueue");
        evaluationUrl = tables.resources().queueUrl("EvaluationQueue");
    }

    @AfterAll
    static void tearDown() {
        sqs.close();
    }

    /** Reads and deletes every message until a read finds none. */
    private static <T> List<T> drain(String queueUrl, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        while (true) {
            List<Message> ms = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            if (ms.isEmpty()) return out;
            for (Message m : ms) {
                out.add(parse.apply(m.body()));
                try {
                    sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                } catch (ReceiptHandleIsInvalidException e) {
                    // a retried delete whose first attempt was applied (the fault-injection run loses such answers)
                }
            }
        }
    }

    @Override
    protected ApprovalQueue approvalQueue() {
        return new SqsApprovalQueue(sqs, approvalUrl);
    }

    @Override
    protected List<TaskMessage> takeApprovalMessages() {
        return drain(approvalUrl, SqsApprovalQueue::parse);
    }

    @Override
    protected EvaluationBatchQueue evaluationQueue() {
        return new SqsEvaluationBatchQueue(sqs, evaluationUrl);
    }

    @Override
    protected List<EvaluationBatch.Chunk> takeEvaluationChunks() {
        return drain(evaluationUrl, SqsEvaluationBatchQueue::parse);
    }
}
