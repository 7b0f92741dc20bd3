package cn.onewindow.core.approval.usecase;

import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskStatus;
import cn.onewindow.core.calendar.Deadline;
import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.Suspension;
import cn.onewindow.core.identity.Actor;
import cn.onewindow.core.ports.TaskWrite;
import cn.onewindow.core.timers.Deadlines;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Part of "supplement materials" (the case use case): the applicant brought what the departments asked for, and
 * every task waiting for the supplement goes back to its department with its clock running again.
 */
public final class ReturnWaitingTasks {
    private ReturnWaitingTasks() {
    }

    /**
     * The case stood for a department's request: its clock restarts, and every waiting task goes back, its due moved
     * by the time the case stood.
     */
    public static List<TaskWrite> afterSupplement(ServiceCase c, List<DepartmentTask> tasks, DeadlineCalculator calc,
                                                  Instant now, Actor actor) {
        Suspension open = c.currentSuspension();
        Deadline due = calc.resume(c.snapshot().dueAt(), open.suspendedAt(), now);
        c.resume(due.dueAt(), due.provisional(), now, actor);
        Deadlines.rearmWarning(c, calc, now);
        List<TaskWrite> writes = new ArrayList<>();
        for (DepartmentTask t : tasks) {
            if (t.status() != TaskStatus.AWAITING_SUPPLEMENT) continue;
            Instant taskDue = t.dueAt() == null ? null : calc.resume(t.dueAt(), open.suspendedAt(), now).dueAt();
            writes.add(returned(c, t, taskDue, calc, now, actor));
        }
        return writes;
    }

    /**
     * The case does not stand for a department's request (the clock was stopped for something else, e.g. a site
     * inspection, or resumed by hand meanwhile): the waiting tasks go back all the same, each task's clock having
     * stood from its request; the case's own clock is left as it is.
     */
    public static List<TaskWrite> whileClockStands(ServiceCase c, List<DepartmentTask> tasks,
                                                   DeadlineCalculator calc, Instant now, Actor actor) {
        List<TaskWrite> writes = new ArrayList<>();
        for (DepartmentTask t : tasks) {
            if (t.status() != TaskStatus.AWAITING_SUPPLEMENT) continue;
            Instant taskDue = t.dueAt() == null || t.decidedAt() == null ? t.dueAt()
                    : calc.resume(t.dueAt(), t.decidedAt(), now).dueAt();
            writes.add(returned(c, t, taskDue, calc, now, actor));
        }
        return writes;
    }

    private static TaskWrite returned(ServiceCase c, DepartmentTask t, Instant taskDue, DeadlineCalculator calc,
                                      Instant now, Actor actor) {
        DepartmentTask back = Deadlines.rearmWarning(t.returnAfterSupplement(taskDue),
                c.snapshot().warningDaysBefore(), calc, now);
        c.taskDelivered(t.departmentCode(), true, now, actor);
        return new TaskWrite(back, false, t.version());
    }
}
