package cn.onewindow.core.service;

import cn.onewindow.core.timers.OutboxCheckpoint;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.notify.NotificationSink;
import cn.onewindow.core.ports.CaseRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the notification outbox holds, oldest first (an SMS to the applicant addressed from the case: the
 * outbox holds no phone number), and takes each out of the outbox once the sink accepted
 * it. A failure leaves it for the next run (retry); delivery is at least once, each message carries its id.
 */
public final class NotificationRelay {
    private static final Logger LOG = Logger.getLogger(NotificationRelay.class.getName());
    /** Refused this many times (three days of 5-minute runs), a notification is dead-lettered. */
    public static final int MAX_ATTEMPTS = 864;
    private final CaseRepository cases;
    private final NotificationSink sink;
    private final Clock clock;
    private final java.util.function.Function<String, java.util.Optional<String>> otherPhones;

    public NotificationRelay(CaseRepository cases, NotificationSink sink, Clock clock) {
        this(cases, sink, clock, id -> java.util.Optional.empty());
    }

    /**
     * @param otherPhones the phone of an applicant notification whose subject is not a case (an appointment
     *                    reminder: its booking's sealed phone), by the notification's {@code caseId}
     */
    public NotificationRelay(CaseRepository cases, NotificationSink sink, Clock clock,
                             java.util.function.Function<String, java.util.Optional<String>> otherPhones) {
        this.cases = cases;
        this.sink = sink;
        this.clock = clock;
        this.otherPhones = otherPhones;
    }

    /** @return how many were sent */
    public int run(Duration lookBack) {
        Instant now = clock.instant();
        List<Notification> pending = cases.unsentNotifications(now.minus(lookBack), now, 1000);
        int sent = 0;
        for (Notification n : pending) {
            try {
                sink.send(addressed(n));
                cases.markSent(n, clock.instant());
                sent++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "notification " + n.id() + " not sent now, will retry: " + e);
            }
        }
        return sent;
    }

    /**
     * The scheduled relay: like {@link #run(Duration)}, but reads the index from a checkpoint (see
     * {@link OutboxCheckpoint}), so an idle run costs a checkpoint read and one or two bucket queries. A notification
     * the sink refused stays pending and holds the checkpoint.
     *
     * @return how many were sent
     */
    public int run(Duration lookBack, cn.onewindow.core.ports.TimerIndex checkpoints) {
        return run(lookBack, checkpoints, MAX_ATTEMPTS);
    }

    /** As {@link #run(Duration, cn.onewindow.core.ports.TimerIndex)}, dead-lettering after {@code maxAttempts} refusals. */
    public int run(Duration lookBack, cn.onewindow.core.ports.TimerIndex checkpoints, int maxAttempts) {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        Instant now = clock.instant();
        OutboxCheckpoint checkpoint = new OutboxCheckpoint(checkpoints, "outbox-notifications", now, lookBack);
        List<Notification> pending = cases.unsentNotifications(checkpoint.from(), now, 1000);
        int sent = 0;
        for (Notification n : pending) {
            try {
                sink.send(addressed(n));
                cases.markSent(n, clock.instant());
                sent++;
            } catch (RuntimeException e) {
                refused(n, checkpoint, e, maxAttempts);
            }
        }
        // a full page: what lies beyond its last item was not read, so the checkpoint stays before it
        if (pending.size() >= 1000) checkpoint.pending(pending.get(pending.size() - 1).createdAt());
        checkpoint.advance();
        return sent;
    }

    /**
     * The outbox holds no phone number: an SMS to the applicant is addressed here, from the case, just before it is
     * handed to the sink.
     */
    private Notification addressed(Notification n) {
        if (n.recipient() != Notification.Recipient.APPLICANT || n.phone() != null) return n;
        if (n.kind() == Notification.Kind.APPOINTMENT_REMINDER) {
            return n.withPhone(otherPhones.apply(n.caseId()).orElse(null));
        }
        return n.withPhone(cases.find(n.caseId()).map(c -> c.applicant() == null ? null : c.applicant().phone())
                .orElse(null));
    }

    /** A refused notification is retried at every run, holding the checkpoint, until it is dead-lettered. */
    private void refused(Notification n, OutboxCheckpoint checkpoint, RuntimeException e, int maxAttempts) {
        int attempts;
        try {
            attempts = cases.notificationRefused(n, maxAttempts, clock.instant());
        } catch (RuntimeException counting) {
            checkpoint.pending(n.createdAt());
            LOG.log(Level.WARNING, "notification " + n.id() + " not sent now, will retry: " + e);
            return;
        }
        if (attempts >= maxAttempts) {
            LOG.log(Level.SEVERE, "notification " + n.id() + " refused " + attempts + " times: dead-lettered: " + e);
        } else {
            checkpoint.pending(n.createdAt());
            LOG.log(Level.WARNING, "notification " + n.id() + " not sent now (attempt " + attempts
                    + "), will retry: " + e);
        }
    }
}
