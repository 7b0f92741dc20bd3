package cn.onewindow.core.approval.usecase;

import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.JointApproval;
import cn.onewindow.core.approval.TaskMessage;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.RetryPolicy;
import cn.onewindow.core.identity.Actor;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.CaseWrite;
import cn.onewindow.core.ports.TaskWrite;
import cn.onewindow.core.timers.Deadlines;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The approval worker's action: a task's message arrived, the task goes into its department's inbox. A second
 * delivery of the same task changes nothing. One transaction with the case (its history and distribution).
 */
public final class DeliverTask {
    private static final Actor WORKER = Actor.system("approval-worker");

    /** What the worker did with one message. */
    public enum Delivery { DELIVERED, ALREADY_DELIVERED }

    private final CaseRepository cases;
    private final Deadlines deadlines;
    private final Clock clock;

    public DeliverTask(CaseRepository cases, Deadlines deadlines, Clock clock) {
        this.cases = cases;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public Delivery deliver(TaskMessage m) {
        return RetryPolicy.standard().onConflict(() -> {
            DepartmentTask task = cases.findTask(m.taskId()).orElseThrow(() -> new IllegalStateException(
                    "task " + m.taskId() + " does not exist"));
            if (task.delivered()) return Delivery.ALREADY_DELIVERED;
            ServiceCase.Snapshot before = cases.find(task.caseId()).orElseThrow(() -> new IllegalStateException(
                    "case of task " + m.taskId() + " does not exist"));
            ServiceCase c = ServiceCase.restore(before);
            Instant now = clock.instant();
            DepartmentTask after = JointApproval.of(c, cases.tasksOf(task.caseId())).delivered(task, now, WORKER);
            List<TaskWrite> writes = List.of(new TaskWrite(after, false, task.version()));
            cases.save(new CaseWrite(c.snapshot(), false, before.version(), c.pendingHistory(),
                    deadlines.timersFor(c, deadlines.calculatorFor(before.centerId()), writes), null, writes));
            return Delivery.DELIVERED;
        });
    }
}
