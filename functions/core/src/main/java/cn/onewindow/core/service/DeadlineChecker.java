package cn.onewindow.core.service;

import cn.onewindow.core.timers.Deadlines;
import cn.onewindow.core.identity.Actor;
import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.RetryPolicy;
import cn.onewindow.core.deadline.Accountability;
import cn.onewindow.core.intake.NoticeTexts;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.notify.Notifications;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.CaseWrite;
import cn.onewindow.core.ports.DeadlineTimer;
import cn.onewindow.core.ports.TimerIndex;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The deadline checker (限时办结 监察), run on a schedule. Each run reads the timers that fell due since the last run
 * from the due-time index (cost in proportion to what is due, never to how many cases exist), records a warning
 * (预警) at a case's warning point and an accountability record (问责) when it is overdue, each exactly once: the
 * record is written in the same transaction as the case, guarded by the case version, so overlapping or repeated
 * runs cannot double it, and the checkpoint only moves past timers that were handled, so a crash misses nothing.
 */
public final class DeadlineChecker {
    private static final Logger LOG = Logger.getLogger(DeadlineChecker.class.getName());
    public static final String NAME = "deadline-checker";
    /** Re-read a little before the checkpoint: a timer written during the previous run is not missed. */
    static final Duration OVERLAP = Duration.ofMinutes(10);
    /** The first run ever looks at least this far back (and further, to the earliest timer of the index). */
    static final Duration FIRST_LOOK_BACK = Duration.ofDays(3);
    /** How much of the index one slice reads (24 hour buckets). */
    static final Duration SLICE = Duration.ofDays(1);
    /** At most this many slices per run: 60 days of outage are caught up in one run, longer ones in the next. */
    static final int MAX_SLICES = 60;
    private static final Actor CHECKER = Actor.system(NAME);

    private final CaseRepository cases;
    private final TimerIndex timers;
    private final Deadlines deadlines;
    private final Clock clock;

    private final ApprovalService approvals;

    /** Null where evaluation timers (invitation, rectification deadlines) are not handled. */
    private final EvaluationService evaluations;

    public DeadlineChecker(CaseRepository cases, TimerIndex timers, Deadlines deadlines, Clock clock,
                           ApprovalService approvals) {
        this(cases, timers, deadlines, clock, approvals, null);
    }

    public DeadlineChecker(CaseRepository cases, TimerIndex timers, Deadlines deadlines, Clock clock,
                           ApprovalService approvals, EvaluationService evaluations) {
        this.evaluations = evaluations;
        this.approvals = approvals;
        this.cases = cases;
        this.timers = timers;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** What one run did. */
    public record Result(Instant from, Instant to, int timersRead, int warnings, int overdue, int failures,
                         boolean checkpointMoved) {
    }

    /**
     * Reads and handles what fell due since the checkpoint, in slices of at most {@link #SLICE} of the index (24 hour
     * buckets each), moving the checkpoint past each slice once everything in it was handled: after a long outage
     * one run catches up on up to {@link #MAX_SLICES} slices, each costing in proportion to what it holds, and stops
     * at the first slice with a failure (the next run starts there again). Nothing is skipped for being old.
     */
    public Result run() {
        Instant now = clock.instant();
        // the first run ever starts at the earliest open timer: a deployment, a restore or a lost checkpoint must not
        // leave cases due before the look-back unwarned and never overdue
        Instant first = timers.checkpoint(NAME).map(c -> c.minus(OVERLAP)).orElseGet(() -> {
            Instant back = now.minus(FIRST_LOOK_BACK);
            return timers.earliestDue().filter(back::isAfter).orElse(back);
        });
        Instant from = first;
        Instant to = from;
        int read = 0;
        int warnings = 0;
        int overdue = 0;
        int failures = 0;
        boolean moved = false;
        for (int slice = 0; slice < MAX_SLICES && from.isBefore(now); slice++) {
            to = from.plus(SLICE).isBefore(now) ? from.plus(SLICE) : now;
            List<DeadlineTimer> due = timers.dueBetween(from, to);
            read += due.size();
            for (DeadlineTimer t : due) {
                try {
                    switch (handle(t, now)) {
                        case WARNED -> warnings++;
                        case OVERDUE -> overdue++;
                        case NOTHING -> { }
                    }
                } catch (RuntimeException e) {
                    failures++;
                    LOG.log(Level.WARNING, "timer " + t.kind() + " of case " + t.caseId() + " not handled: " + e);
                }
            }
            if (failures > 0) break;
            moved = timers.advanceCheckpoint(NAME, to) || moved;
            // the next slice starts just after this one ([from, to] is inclusive): no timer is read twice
            from = to.plusNanos(1);
        }
        return new Result(first, to, read, warnings, overdue, failures, moved);
    }

    enum Outcome { WARNED, OVERDUE, NOTHING }

    private Outcome handle(DeadlineTimer timer, Instant now) {
        if (!timer.kind().caseDeadline()) {
            // 好差评 invitation and rectification (整改) deadlines: warnings and one accountability record each
            if (evaluations == null) return Outcome.NOTHING;
            return switch (evaluations.handleTimer(timer, now)) {
                case WARNED -> Outcome.WARNED;
                case OVERDUE -> Outcome.OVERDUE;
                case INVITED, NOTHING -> Outcome.NOTHING;
            };
        }
        if (timer.department() != null) {
            return switch (approvals.handleTaskTimer(timer.caseId(), timer.department(), now)) {
                case WARNED -> Outcome.WARNED;
                case OVERDUE, DEEMED_APPROVED -> Outcome.OVERDUE;
                case NOTHING -> Outcome.NOTHING;
            };
        }
        return RetryPolicy.standard().onConflict(() -> {
            Optional<ServiceCase.Snapshot> found = cases.find(timer.caseId());
            if (found.isEmpty()) return Outcome.NOTHING;
            ServiceCase.Snapshot before = found.get();
            ServiceCase c = ServiceCase.restore(before);
            if (!c.clockRunning()) return Outcome.NOTHING;
            DeadlineCalculator calc = deadlines.calculatorFor(before.centerId());
            Outcome outcome = Outcome.NOTHING;
            List<Accountability> records = List.of();
            List<Notification> notes = new java.util.ArrayList<>();
            if (before.overdueAt() == null && !now.isBefore(before.dueAt())) {
                long late = calc.workingMinutesLate(before.dueAt(), now);
                c.warn(before.dueAt(), now, CHECKER);
                c.markOverdue(late, now, CHECKER);
                records = List.of(new Accountability(before.id(), "CASE", before.departmentCode(), before.centerId(),
                        acceptedBy(before.id()), before.dueAt(), now, late));
                outcome = Outcome.OVERDUE;
                notes.addAll(reminders(before, Notification.Kind.OVERDUE, "已超过办理时限（红牌），请立即办结", now));
            } else if (before.warnedAt() == null
                    && !now.isBefore(Deadlines.warningPoint(before, calc))) {
                c.warn(before.dueAt(), now, CHECKER);
                outcome = Outcome.WARNED;
                notes.addAll(reminders(before, Notification.Kind.WARNING,
                        "将于" + NoticeTexts.localTime(before.dueAt()) + "到期，请抓紧办理（预警）", now));
            }
            if (outcome == Outcome.NOTHING) return outcome;
            cases.save(new CaseWrite(c.snapshot(), false, before.version(), c.pendingHistory(),
                    deadlines.timersFor(c, calc), null, List.of(), records, notes));
            return outcome;
        });
    }

    /** 催办: whoever holds the work — the center's window, the agent of a 代办 case, the deciding departments. */
    private static List<Notification> reminders(ServiceCase.Snapshot c, Notification.Kind kind, String what,
                                                Instant now) {
        String text = "【催办】办件" + c.id() + "（" + c.itemName() + "）" + what + "。";
        List<Notification> out = new java.util.ArrayList<>();
        out.add(Notifications.toHolder(c, kind, Notification.Recipient.WINDOW, c.centerId(), text, now));
        if (c.agentId() != null) {
            out.add(Notifications.toHolder(c, kind, Notification.Recipient.AGENT, c.agentId(), text, now));
        }
        if (c.taskDepartments().isEmpty()) {
            out.add(Notifications.toHolder(c, kind, Notification.Recipient.DEPARTMENT, c.departmentCode(), text, now));
        } else {
            for (String d : c.taskDepartments()) {
                out.add(Notifications.toHolder(c, kind, Notification.Recipient.DEPARTMENT, d, text, now));
            }
        }
        return out;
    }

    /** The window staff who accepted the case, from its history. */
    private String acceptedBy(String caseId) {
        for (HistoryEntry h : cases.history(caseId)) {
            if (h.to() != null && h.to().name().startsWith("ACCEPTED") && h.actor() != null) return h.actor().id();
        }
        return null;
    }
}
