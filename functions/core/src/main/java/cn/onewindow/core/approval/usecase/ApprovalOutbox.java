package cn.onewindow.core.approval.usecase;

import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskMessage;
import cn.onewindow.core.ports.ApprovalQueue;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.TimerIndex;
import cn.onewindow.core.timers.OutboxCheckpoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the messages of new department tasks to the approval queue, and the outbox relay that sends them again when
 * a task stays undelivered (the worker ignores a task it already delivered).
 */
public final class ApprovalOutbox {
    private static final Logger LOG = Logger.getLogger(ApprovalOutbox.class.getName());
    /**
     * Resends of one task's message after which it is dead-lettered (three days of 5-minute relay runs): a task
     * whose message the worker never manages to deliver stops being resent and no longer holds the checkpoint.
     */
    public static final int MAX_DISPATCH_ATTEMPTS = 864;

    private final CaseRepository cases;
    private final ApprovalQueue queue;
    private final Clock clock;

    public ApprovalOutbox(CaseRepository cases, ApprovalQueue queue, Clock clock) {
        this.cases = cases;
        this.queue = queue;
        this.clock = clock;
    }

    /** Puts the messages of new tasks on the queue; a failure is logged and left to the relay. */
    public void publish(List<DepartmentTask> created) {
        if (created.isEmpty()) return;
        try {
            queue.send(created.stream().map(t -> new TaskMessage(t.taskId(), t.caseId(), t.departmentCode())).toList());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "approval messages not sent now; the relay will resend them: " + e);
        }
    }

    /**
     * Tasks written but still undelivered a minute later get their message again. Returns how many were resent.
     */
    public int redispatch(Duration lookBack) {
        Instant now = clock.instant();
        List<DepartmentTask> stale = cases.undispatched(now.minus(lookBack), now.minus(Duration.ofMinutes(1)), 500);
        publish(stale);
        return stale.size();
    }

    /**
     * The scheduled relay: reads the index from a checkpoint (see {@link OutboxCheckpoint}), so an idle run costs a
     * checkpoint read and one or two bucket queries; dead-letters a task after {@code maxAttempts} resends. A resent
     * task stays pending until the worker delivers it, so the checkpoint does not pass it.
     */
    public int redispatch(Duration lookBack, TimerIndex checkpoints, int maxAttempts) {
        Instant now = clock.instant();
        OutboxCheckpoint checkpoint = new OutboxCheckpoint(checkpoints, "outbox-approval", now, lookBack);
        Instant before = now.minus(Duration.ofMinutes(1));
        List<DepartmentTask> found = cases.undispatched(checkpoint.from(), before, 500);
        List<DepartmentTask> stale = new ArrayList<>();
        for (DepartmentTask t : found) {
            int resends;
            try {
                resends = cases.dispatchResent(t, maxAttempts, now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "task " + t.taskId() + " resend not counted now, will retry: " + e);
                checkpoint.pending(t.createdAt());
                continue;
            }
            if (resends == 0) continue; // delivered meanwhile
            if (resends >= maxAttempts) {
                LOG.log(Level.SEVERE, "task " + t.taskId() + " resent " + resends + " times, never delivered:"
                        + " dead-lettered");
                continue;
            }
            stale.add(t);
        }
        publish(stale);
        stale.forEach(t -> checkpoint.pending(t.createdAt()));
        // a full page: what lies beyond its last item was not read, so the checkpoint stays before it
        if (found.size() >= 500) checkpoint.pending(found.get(found.size() - 1).createdAt());
        // tasks written in the last minute are not resent yet: still pending
        checkpoint.pending(before);
        checkpoint.advance();
        return stale.size();
    }
}
