package cn.onewindow.workers;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Lambda's partial batch response for an SQS event: each message is handled alone; one that throws is reported as a
 * batch item failure, so it alone is retried (and ends in the dead-letter queue after the queue's maxReceiveCount)
 * while its neighbours are done. A failure is logged by message id and exception only, never with the body.
 *
 * @param <R> what handling one message's body gives
 */
final class PartialBatch<R> {
    private final List<R> results = new ArrayList<>();
    private final List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();

    private PartialBatch() {
    }

    /** Hands each message's body to {@code handler}; {@code what} names the messages in the log. */
    static <R> PartialBatch<R> handle(SQSEvent event, String what, Logger log, Function<String, R> handler) {
        PartialBatch<R> batch = new PartialBatch<>();
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            try {
                batch.results.add(handler.apply(m.getBody()));
            } catch (RuntimeException e) {
                log.warnf("%s message %s failed (%s): %s", what, m.getMessageId(), e.getClass().getSimpleName(),
                        e.getMessage());
                batch.failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(m.getMessageId()).build());
            }
        }
        return batch;
    }

    /** What the messages handled without failure gave, in their order. */
    List<R> results() {
        return results;
    }

    /** How many messages failed. */
    int failed() {
        return failures.size();
    }

    /** The response naming the failed messages. */
    SQSBatchResponse response() {
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
