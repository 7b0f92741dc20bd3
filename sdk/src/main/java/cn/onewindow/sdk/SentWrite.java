package cn.onewindow.sdk;

import cn.onewindow.sdk.model.ServiceCase;
import cn.onewindow.sdk.model.TaskDecisionResult;

/** A queued write the server accepted during {@link Outbox#flush()}, with its answer. Immutable. */
public final class SentWrite {
    private final PendingWrite write;
    private final ServiceCase serviceCase;
    private final TaskDecisionResult taskDecision;

    SentWrite(PendingWrite write, ServiceCase serviceCase, TaskDecisionResult taskDecision) {
        this.write = write;
        this.serviceCase = serviceCase;
        this.taskDecision = taskDecision;
    }

    /** @return the write */
    public PendingWrite write() {
        return write;
    }

    /** @return the case after the write (for a task decision: the task's case) */
    public ServiceCase serviceCase() {
        return serviceCase != null ? serviceCase : taskDecision == null ? null : taskDecision.serviceCase();
    }

    /** @return the answer to a task decision, else {@code null} */
    public TaskDecisionResult taskDecision() {
        return taskDecision;
    }

    /** @return whether the server had done this write before (it was sent earlier, the answer was lost) */
    public boolean replayed() {
        return serviceCase != null ? serviceCase.replayed() : taskDecision != null && taskDecision.replayed();
    }

    @Override
    public String toString() {
        ServiceCase c = serviceCase();
        return "SentWrite{#" + write.sequence() + " " + write.description() + " → "
                + (c == null ? "?" : c.id() + " " + c.statusValue()) + (replayed() ? ", replayed" : "") + '}';
    }
}
