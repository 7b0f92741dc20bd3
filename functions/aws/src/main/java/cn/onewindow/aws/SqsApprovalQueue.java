package cn.onewindow.aws;

import cn.onewindow.core.approval.TaskMessage;
import cn.onewindow.core.ports.ApprovalQueue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.util.ArrayList;
import java.util.List;

/** The approval queue on SQS: one message per task, sent in batches of ten. */
public final class SqsApprovalQueue implements ApprovalQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsApprovalQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<TaskMessage> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<TaskMessage> batch = messages.subList(from, Math.min(from + 10, messages.size()));
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(Json.write(batch.get(i))).build());
            }
            SendMessageBatchResponse r = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (r.hasFailed() && !r.failed().isEmpty()) {
                BatchResultErrorEntry e = r.failed().get(0);
                throw new IllegalStateException(r.failed().size() + " approval messages not sent: " + e.code());
            }
        }
    }

    public static TaskMessage parse(String body) {
        return Json.read(body, TaskMessage.class);
    }
}
