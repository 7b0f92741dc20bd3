package cn.onewindow.aws;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Re-drive of a dead-letter queue (an operator's tool, e.g. after the bug that made messages fail is fixed): moves
 * messages back to the queue they came from. A message leaves the dead-letter queue only after its copy was accepted
 * by the source queue, so a failure part-way loses nothing: at worst a message is sent twice, which the consumers of
 * our queues treat as a duplicate. Bodies and message attributes are copied; receive counts start afresh.
 */
public final class DeadLetterRedrive {
    private static final Logger LOG = Logger.getLogger(DeadLetterRedrive.class.getName());
    /** How long the messages being moved stay hidden from other readers of the dead-letter queue. */
    private static final int HIDE_SECONDS = 60;

    private DeadLetterRedrive() {
    }

    /**
     * Moves up to {@code max} messages from {@code dlqUrl} to {@code sourceUrl}, ten at a time, until the
     * dead-letter queue has no visible message left (one long poll of one second comes back empty), or the source
     * refused some of a batch (those stay in the dead-letter queue, visible again at once).
     *
     * @return how many messages were copied to the source queue (each then deleted from the dead-letter queue; a
     *         delete that fails is logged, and that message is simply re-driven again next time)
     * @throws RuntimeException when the source queue refuses a whole batch (e.g. it does not exist); the messages of
     *                          that batch are made visible again in the dead-letter queue, those moved before stay moved
     */
    public static int redrive(SqsClient sqs, String dlqUrl, String sourceUrl, int max) {
        if (max <= 0) return 0;
        int moved = 0;
        while (moved < max) {
            int want = Math.min(10, max - moved);
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(dlqUrl).maxNumberOfMessages(want)
                    .visibilityTimeout(HIDE_SECONDS).waitTimeSeconds(1).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) break;
            int copied = move(sqs, dlqUrl, sourceUrl, batch);
            moved += copied;
            if (copied < batch.size()) break; // the source refused some: stop, they stay for the next re-drive
        }
        return moved;
    }

    private static int move(SqsClient sqs, String dlqUrl, String sourceUrl, List<Message> batch) {
        Map<String, Message> byEntry = new HashMap<>();
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Message m = batch.get(i);
            String id = "m" + i;
            byEntry.put(id, m);
            SendMessageBatchRequestEntry.Builder e = SendMessageBatchRequestEntry.builder().id(id).messageBody(m.body());
            if (m.hasMessageAttributes() && !m.messageAttributes().isEmpty()) e.messageAttributes(m.messageAttributes());
            entries.add(e.build());
        }
        SendMessageBatchResponse sent;
        try {
            sent = sqs.sendMessageBatch(b -> b.queueUrl(sourceUrl).entries(entries));
        } catch (RuntimeException e) {
            release(sqs, dlqUrl, batch);
            throw e;
        }
        List<Message> copied = new ArrayList<>();
        for (SendMessageBatchResultEntry ok : sent.successful()) copied.add(byEntry.get(ok.id()));
        if (sent.hasFailed() && !sent.failed().isEmpty()) {
            List<Message> notCopied = new ArrayList<>();
            for (BatchResultErrorEntry f : sent.failed()) notCopied.add(byEntry.get(f.id()));
            LOG.warning(notCopied.size() + " dead letters not re-driven now (" + sent.failed().get(0).code()
                    + "); they stay in the dead-letter queue");
            release(sqs, dlqUrl, notCopied);
        }
        if (copied.isEmpty()) return 0;
        List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
        for (int i = 0; i < copied.size(); i++) {
            deletes.add(DeleteMessageBatchRequestEntry.builder().id("d" + i)
                    .receiptHandle(copied.get(i).receiptHandle()).build());
        }
        DeleteMessageBatchResponse deleted = sqs.deleteMessageBatch(b -> b.queueUrl(dlqUrl).entries(deletes));
        if (deleted.hasFailed() && !deleted.failed().isEmpty()) {
            // copied but still in the dead-letter queue: it will be re-driven again later, a harmless duplicate
            LOG.warning(deleted.failed().size() + " re-driven dead letters not deleted (" + deleted.failed().get(0).code()
                    + ")");
        }
        return copied.size();
    }

    /** Makes messages that could not be copied visible again at once (best effort: else after the hide time). */
    private static void release(SqsClient sqs, String dlqUrl, List<Message> messages) {
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id("v" + i)
                    .receiptHandle(messages.get(i).receiptHandle()).visibilityTimeout(0).build());
        }
        try {
            sqs.changeMessageVisibilityBatch(b -> b.queueUrl(dlqUrl).entries(entries));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "dead letters stay hidden until their visibility timeout ends", e);
        }
    }
}
