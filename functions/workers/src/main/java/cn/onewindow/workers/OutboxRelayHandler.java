package cn.onewindow.workers;

import cn.onewindow.core.ports.TimerIndex;
import cn.onewindow.core.service.ApprovalService;
import cn.onewindow.core.service.EvaluationForwarder;
import cn.onewindow.core.service.NotificationRelay;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox relay, run on a schedule: a task written with its case whose queue message was lost (the function
 * stopped between the commit and the send) gets its message again, and the notification outbox (reminders, overdue
 * notices, suspension / extension / result-ready SMS) is sent with retry. Reads from a checkpoint that never passes
 * an item still pending, however old (after an outage, everything since); the look-back bounds only the first run.
 */
@Singleton
@Named("relay")
public class OutboxRelayHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = Logger.getLogger(OutboxRelayHandler.class);
    static final Duration LOOK_BACK = Duration.ofDays(2);
    /**
     * Refusals of a notification, and resends of a task message never delivered, after which either is dead-lettered
     * (kept in the {@code NOTIFY#DEAD} / {@code DISPATCH#DEAD} bucket of the due-time index for an operator);
     * {@code OUTBOX_MAX_ATTEMPTS}, default 864 (three days of 5-minute runs).
     */
    static final int MAX_ATTEMPTS = maxAttempts(System.getenv("OUTBOX_MAX_ATTEMPTS"));

    static int maxAttempts(String configured) {
        if (configured == null || configured.isBlank()) return NotificationRelay.MAX_ATTEMPTS;
        int n = Integer.parseInt(configured.trim());
        if (n < 1) throw new IllegalArgumentException("OUTBOX_MAX_ATTEMPTS must be at least 1: " + n);
        return n;
    }

    private final ApprovalService approvals;
    /** Empty where the function has no notification sink configured. */
    private final Optional<NotificationRelay> notifications;
    private final EvaluationForwarder ratings;
    /** Where each part keeps its checkpoint (the cases table's due-time index). */
    private final TimerIndex checkpoints;

    @Inject
    public OutboxRelayHandler(ApprovalService approvals, Optional<NotificationRelay> notifications,
                              EvaluationForwarder ratings, TimerIndex checkpoints) {
        this.approvals = approvals;
        this.notifications = notifications;
        this.ratings = ratings;
        this.checkpoints = checkpoints;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        // each part keeps a checkpoint in the cases table: an idle tick reads one or two hour buckets of the index
        int resent = approvals.redispatch(LOOK_BACK, checkpoints, MAX_ATTEMPTS);
        int notified = notifications.map(n -> n.run(LOOK_BACK, checkpoints, MAX_ATTEMPTS)).orElse(0);
        // 好差评: every rating to the provincial system, in order per case, with backoff; never blocks ingestion
        int forwarded = ratings.run(LOOK_BACK, checkpoints).forwarded();
        if (resent > 0 || notified > 0 || forwarded > 0) {
            LOG.infof("outbox relay: %d approval messages resent, %d notifications sent, %d ratings forwarded",
                    resent, notified, forwarded);
        }
        return Map.of("resent", resent, "notified", notified, "forwarded", forwarded);
    }
}
