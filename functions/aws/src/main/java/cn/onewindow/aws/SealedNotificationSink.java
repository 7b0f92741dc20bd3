package cn.onewindow.aws;

import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.notify.NotificationSink;
import cn.onewindow.core.privacy.PrivacyKeys;

/**
 * The sender's side of sealed outbox payloads: a notification that carries a one-time secret is opened here, just
 * before it is handed to the SMS sink, and nowhere else (the outbox item holds it masked and encrypted). A payload
 * that does not open is refused: the notification stays in the outbox and the relay retries it.
 */
public final class SealedNotificationSink implements NotificationSink {
    private final NotificationSink sink;
    private final PrivacyKeys keys;

    public SealedNotificationSink(NotificationSink sink, PrivacyKeys keys) {
        this.sink = sink;
        this.keys = keys;
    }

    @Override
    public void send(Notification n) {
        sink.send(n.sealedText() == null ? n : n.withClearText(keys.outbox().open(n.sealedText(), n.id())));
    }
}
