package cn.onewindow.aws;

import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.notify.NotificationSink;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The cloud sink: one message per notification on the notification queue, read by the province's SMS gateway
 * integration. The message id deduplicates a repeat after a relay crash.
 */
public final class SqsNotificationSink implements NotificationSink {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsNotificationSink(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(Notification n) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(Json.message(n)));
    }
}
