package cn.onewindow.local.lambda;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * The local SQS → Lambda event source mapping, with {@code FunctionResponseTypes: [ReportBatchItemFailures]}.
 *
 * <p>Each poller thread long-polls the queue, hands every non-empty batch to the function as the SQS event JSON
 * Lambda sends ({@code {"Records":[{"messageId","receiptHandle","body","attributes","messageAttributes",
 * "md5OfBody","eventSource":"aws:sqs","eventSourceARN","awsRegion"}]}}) and then deletes the messages the function
 * handled: all of them when it answers without {@code batchItemFailures} (or with an empty list), all but the listed
 * ones otherwise. When the invocation fails as a whole (function error, timeout, or a response Lambda would reject:
 * not JSON, an empty, missing or unknown {@code itemIdentifier}), nothing is deleted: the messages come back after
 * the visibility timeout, and the queue's redrive policy moves repeated failures to its dead-letter queue, as on AWS.
 *
 * <p>FIFO ordering (stop at the first failure of a message group) is not emulated. The event is written by
 * {@link SqsLambdaEvent}, the function's answer read by {@link BatchItemFailures}; this class polls, invokes, deletes
 * and counts.
 */
public final class SqsEventSourcePoller implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SqsEventSourcePoller.class.getName());

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final LambdaHost function;
    private final int batchSize;
    private final int waitTimeSeconds;
    private final Duration errorBackoff;
    private final SqsLambdaEvent events;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);

    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong failedInvocations = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();

    private SqsEventSourcePoller(Builder b) {
        this.sqs = b.sqs;
        this.queueUrl = b.queueUrl;
        this.function = b.function;
        this.batchSize = b.batchSize;
        this.waitTimeSeconds = b.waitTimeSeconds;
        this.errorBackoff = b.errorBackoff;
        this.region = b.region != null ? b.region : regionOf(b.sqs);
        this.queueArn = b.queueArn != null ? b.queueArn : lookUpArn(b.sqs, b.queueUrl, this.region);
        this.events = new SqsLambdaEvent(queueArn, region);
        for (int i = 0; i < b.concurrency; i++) {
            Thread t = new Thread(this::pollLoop, "sqs-esm-" + queueName() + "-" + function.name() + "-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
    }

    /** Describes a mapping from the queue at {@code queueUrl} to {@code function}; {@link Builder#start()} starts it. */
    public static Builder builder(SqsClient sqs, String queueUrl, LambdaHost function) {
        return new Builder(sqs, queueUrl, function);
    }

    // ------------------------------------------------------------------ counters

    /** Invocations made (one per received, non-empty batch). */
    public long batches() {
        return batches.get();
    }

    /** Messages handed to the function (a message received again counts again). */
    public long messages() {
        return messages.get();
    }

    /** Messages not deleted after an invocation: listed in {@code batchItemFailures}, or in a failed invocation. */
    public long failures() {
        return failures.get();
    }

    /** Invocations that failed as a whole (nothing of their batch deleted). */
    public long failedInvocations() {
        return failedInvocations.get();
    }

    /** Messages deleted from the queue after the function handled them. */
    public long deleted() {
        return deleted.get();
    }

    public String queueUrl() {
        return queueUrl;
    }

    /** The {@code eventSourceARN} put into every record. */
    public String queueArn() {
        return queueArn;
    }

    public boolean isRunning() {
        return running.get() && threads.stream().anyMatch(Thread::isAlive);
    }

    /** Stops polling; waits for an invocation in progress to finish (up to the function's answer). */
    @Override
    public void close() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        long waitMillis = (waitTimeSeconds + 5) * 1000L;
        for (Thread t : threads) {
            try {
                t.join(waitMillis);
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "SqsEventSourcePoller[" + queueArn + " -> " + function.name() + ", batches " + batches + ", messages "
                + messages + ", failures " + failures + ", deleted " + deleted + "]";
    }

    // ------------------------------------------------------------------ polling

    private void start() {
        threads.forEach(Thread::start);
    }

    private void pollLoop() {
        ReceiveMessageRequest receive = ReceiveMessageRequest.builder()
                .queueUrl(queueUrl)
                .maxNumberOfMessages(batchSize)
                .waitTimeSeconds(waitTimeSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .attributeNames(QueueAttributeName.ALL)
                .messageAttributeNames("All")
                .build();
        while (running.get()) {
            List<Message> received;
            try {
                received = sqs.receiveMessage(receive).messages();
            } catch (SdkException | IllegalStateException e) {
                if (!running.get()) {
                    return;
                }
                LOG.log(Level.WARNING, "receiving from " + queueUrl + " failed: " + e);
                pause(errorBackoff);
                continue;
            }
            if (!received.isEmpty()) {
                try {
                    process(received);
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "handling a batch from " + queueUrl + " failed", e);
                    pause(errorBackoff);
                }
            }
        }
    }

    private void process(List<Message> batch) {
        batches.incrementAndGet();
        messages.addAndGet(batch.size());
        Set<String> ids = new HashSet<>();
        batch.forEach(m -> ids.add(m.messageId()));

        Set<String> failed;
        try {
            String response = function.invoke(event(batch));
            failed = BatchItemFailures.parse(response, ids);
        } catch (LambdaInvocationException | BatchItemFailures.InvalidResponseException e) {
            failedInvocations.incrementAndGet();
            failures.addAndGet(batch.size());
            LOG.log(Level.WARNING, () -> function.name() + " failed on a batch of " + batch.size() + " from "
                    + queueName() + "; nothing deleted: " + e.getMessage());
            return;
        }
        failures.addAndGet(failed.size());

        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Message m = batch.get(i);
            if (!failed.contains(m.messageId())) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .receiptHandle(m.receiptHandle())
                        .build());
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        DeleteMessageBatchResponse result = sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
        deleted.addAndGet(result.successful().size());
        for (BatchResultErrorEntry error : result.failed()) {
            LOG.log(Level.WARNING, "could not delete message " + batch.get(Integer.parseInt(error.id())).messageId()
                    + " from " + queueName() + ": " + error.code() + " " + error.message());
        }
    }

    /** The event Lambda sends for a batch of SQS messages. */
    String event(List<Message> batch) {
        return events.of(batch);
    }

    private String queueName() {
        return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    }

    private static String regionOf(SqsClient sqs) {
        try {
            return sqs.serviceClientConfiguration().region().id();
        } catch (RuntimeException e) {
            return "cn-north-1";
        }
    }

    private static String lookUpArn(SqsClient sqs, String queueUrl, String region) {
        try {
            String arn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            if (arn != null && !arn.isBlank()) {
                return arn;
            }
        } catch (SdkException e) {
            LOG.log(Level.DEBUG, "no QueueArn for " + queueUrl + ": " + e);
        }
        String[] parts = queueUrl.split("/");
        String name = parts[parts.length - 1];
        String account = parts.length > 1 && parts[parts.length - 2].matches("\\d{12}") ? parts[parts.length - 2]
                : "000000000000";
        return Arns.of("sqs", region, account, name);
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    // ------------------------------------------------------------------ builder

    /** Settings of an event source mapping ({@code AWS::Serverless::Function} {@code Events: Type: SQS}). */
    public static final class Builder {
        private final SqsClient sqs;
        private final String queueUrl;
        private final LambdaHost function;
        private String queueArn;
        private String region;
        private int batchSize = 10;
        private int waitTimeSeconds = 1;
        private int concurrency = 1;
        private Duration errorBackoff = Duration.ofMillis(500);

        private Builder(SqsClient sqs, String queueUrl, LambdaHost function) {
            this.sqs = Objects.requireNonNull(sqs, "sqs");
            this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
            this.function = Objects.requireNonNull(function, "function");
        }

        /** {@code BatchSize}: 1–10 (default 10). */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 10) {
                throw new IllegalArgumentException("batch size must be 1-10: " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Long-poll wait of each ReceiveMessage: 1–20 s (default 1, so that closing is quick). */
        public Builder waitTimeSeconds(int seconds) {
            if (seconds < 1 || seconds > 20) {
                throw new IllegalArgumentException("wait time must be 1-20 s: " + seconds);
            }
            this.waitTimeSeconds = seconds;
            return this;
        }

        /** Poller threads, each with at most one invocation in flight (default 1; match the host's instances). */
        public Builder concurrency(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1");
            }
            this.concurrency = threads;
            return this;
        }

        /** {@code eventSourceARN} of the records; default the queue's {@code QueueArn} attribute. */
        public Builder queueArn(String arn) {
            this.queueArn = arn;
            return this;
        }

        /** {@code awsRegion} of the records; default the client's region. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Pause after a failed ReceiveMessage (default 500 ms). */
        public Builder errorBackoff(Duration backoff) {
            this.errorBackoff = Objects.requireNonNull(backoff);
            return this;
        }

        /** Starts the poller thread(s). */
        public SqsEventSourcePoller start() {
            SqsEventSourcePoller poller = new SqsEventSourcePoller(this);
            poller.start();
            return poller;
        }
    }
}
