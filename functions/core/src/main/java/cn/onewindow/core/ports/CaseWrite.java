package cn.onewindow.core.ports;

import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.ServiceCase;

import java.util.List;

/**
 * One atomic change to a case.
 *
 * @param create          true for a new case (must not exist)
 * @param expectedVersion the version read before the change (ignored on create)
 * @param timers          the deadline timers the case has after the change (replacing the previous ones)
 * @param claim           the idempotency key to record with the result, or null
 * @param tasks           department tasks created or changed together with the case
 * @param accountability  accountability records to create (each at most once per case and subject)
 * @param notifications   notifications to send after the change (the outbox)
 */
public record CaseWrite(ServiceCase.Snapshot snapshot, boolean create, long expectedVersion,
                        List<HistoryEntry> history, List<DeadlineTimer> timers, IdempotencyClaim claim,
                        List<TaskWrite> tasks, List<cn.onewindow.core.deadline.Accountability> accountability,
                        List<cn.onewindow.core.notify.Notification> notifications) {
    public CaseWrite {
        notifications = notifications == null ? List.of() : List.copyOf(notifications);
        history = List.copyOf(history);
        timers = List.copyOf(timers);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        accountability = accountability == null ? List.of() : List.copyOf(accountability);
    }

    public CaseWrite(ServiceCase.Snapshot snapshot, boolean create, long expectedVersion, List<HistoryEntry> history,
                     List<DeadlineTimer> timers, IdempotencyClaim claim, List<TaskWrite> tasks) {
        this(snapshot, create, expectedVersion, history, timers, claim, tasks, List.of(), List.of());
    }

    public CaseWrite(ServiceCase.Snapshot snapshot, boolean create, long expectedVersion, List<HistoryEntry> history,
                     List<DeadlineTimer> timers, IdempotencyClaim claim, List<TaskWrite> tasks,
                     List<cn.onewindow.core.deadline.Accountability> accountability) {
        this(snapshot, create, expectedVersion, history, timers, claim, tasks, accountability, List.of());
    }

    public CaseWrite(ServiceCase.Snapshot snapshot, boolean create, long expectedVersion, List<HistoryEntry> history,
                     List<DeadlineTimer> timers, IdempotencyClaim claim) {
        this(snapshot, create, expectedVersion, history, timers, claim, List.of());
    }
}
