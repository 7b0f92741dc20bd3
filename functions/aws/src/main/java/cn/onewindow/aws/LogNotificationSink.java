package cn.onewindow.aws;

import cn.onewindow.core.cases.Masking;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.notify.NotificationSink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local stand-in for the SMS gateway: one JSON line per notification in a log file, with the phone number and
 * any one-time secret (pick-up code) masked: a log never holds either in clear.
 */
public final class LogNotificationSink implements NotificationSink {
    private final Path file;

    public LogNotificationSink(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void send(Notification n) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", n.id());
        line.put("at", n.createdAt().toString());
        line.put("case", n.caseId());
        line.put("kind", n.kind());
        line.put("to", n.recipient());
        if (n.recipientId() != null) line.put("recipientId", n.recipientId());
        if (n.phone() != null) line.put("sms", Masking.phone(n.phone()));
        line.put("text", cn.onewindow.core.privacy.OneTimeSecrets.mask(n.text()));
        try {
            Files.writeString(file, Json.write(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
