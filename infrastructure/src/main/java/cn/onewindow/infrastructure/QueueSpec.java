package cn.onewindow.infrastructure;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An SQS queue declared in the template ({@code AWS::SQS::Queue}), with its name resolved for one set
 * of parameters (stage).
 *
 * @param logicalId                 e.g. {@code ApprovalQueue}
 * @param queueName                 resolved {@code QueueName}, e.g. {@code onewindow-approval-dev}
 * @param visibilityTimeout         seconds, if declared
 * @param messageRetentionPeriod    seconds, if declared
 * @param deadLetterTargetLogicalId logical id of the queue named by {@code RedrivePolicy.deadLetterTargetArn}
 *                                  (written as {@code !GetAtt SomeQueue.Arn}), if any
 * @param maxReceiveCount           {@code RedrivePolicy.maxReceiveCount}, if a redrive policy is declared
 * @param attributes                every declared property that maps to an SQS queue attribute, as the
 *                                  strings CreateQueue takes (VisibilityTimeout, MessageRetentionPeriod,
 *                                  DelaySeconds, MaximumMessageSize, ReceiveMessageWaitTimeSeconds,
 *                                  FifoQueue, ContentBasedDeduplication, ...), without RedrivePolicy
 */
public record QueueSpec(
        String logicalId,
        String queueName,
        OptionalInt visibilityTimeout,
        OptionalInt messageRetentionPeriod,
        Optional<String> deadLetterTargetLogicalId,
        OptionalInt maxReceiveCount,
        Map<String, String> attributes) {

    public boolean hasDeadLetterQueue() {
        return deadLetterTargetLogicalId.isPresent();
    }

    public boolean fifo() {
        return "true".equalsIgnoreCase(attributes.get("FifoQueue"));
    }
}
