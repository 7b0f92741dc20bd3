package cn.onewindow.core.service;

import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskCommand;
import cn.onewindow.core.approval.TaskDetail;
import cn.onewindow.core.approval.TaskMessage;
import cn.onewindow.core.approval.TaskStatus;
import cn.onewindow.core.approval.usecase.ApprovalOutbox;
import cn.onewindow.core.approval.usecase.CheckTaskDeadline;
import cn.onewindow.core.approval.usecase.DecideTask;
import cn.onewindow.core.approval.usecase.DeliverTask;
import cn.onewindow.core.approval.usecase.ShowTasks;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.ApprovalQueue;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.CatalogRepository;
import cn.onewindow.core.ports.Page;
import cn.onewindow.core.ports.TimerIndex;
import cn.onewindow.core.timers.Deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Parallel approval (并联审批) and escalation (上报件), one use case per action in
 * {@code cn.onewindow.core.approval.usecase}: {@link DeliverTask} (the approval worker), {@link DecideTask} (a
 * department's decision and the fan-in), {@link CheckTaskDeadline} (a task's warning and due), {@link ShowTasks}
 * (inbox and detail), {@link ApprovalOutbox} (messages and their relay). The rules themselves live in the model:
 * {@code DepartmentTask}, {@code JointApproval}, {@code Escalation}. This class only wires them for the platform.
 */
public final class ApprovalService {
    public final ApprovalOutbox outbox;
    public final DeliverTask deliverTask;
    public final DecideTask decideTask;
    public final CheckTaskDeadline checkTaskDeadline;
    public final ShowTasks showTasks;

    public ApprovalService(CaseRepository cases, CatalogRepository catalog, ApprovalQueue queue, Deadlines deadlines,
                           Clock clock) {
        this.outbox = new ApprovalOutbox(cases, queue, clock);
        this.deliverTask = new DeliverTask(cases, deadlines, clock);
        this.decideTask = new DecideTask(cases, catalog, outbox, deadlines, clock);
        this.checkTaskDeadline = new CheckTaskDeadline(cases, catalog, outbox, deadlines);
        this.showTasks = new ShowTasks(cases);
    }

    /** Puts the messages of new tasks on the queue; a failure is left to the relay. */
    public void publish(List<DepartmentTask> created) {
        outbox.publish(created);
    }

    /** See {@link ApprovalOutbox#redispatch(Duration)}. */
    public int redispatch(Duration lookBack) {
        return outbox.redispatch(lookBack);
    }

    /** See {@link ApprovalOutbox#redispatch(Duration, TimerIndex, int)}. */
    public int redispatch(Duration lookBack, TimerIndex checkpoints) {
        return outbox.redispatch(lookBack, checkpoints, ApprovalOutbox.MAX_DISPATCH_ATTEMPTS);
    }

    public int redispatch(Duration lookBack, TimerIndex checkpoints, int maxAttempts) {
        return outbox.redispatch(lookBack, checkpoints, maxAttempts);
    }

    public DeliverTask.Delivery deliver(TaskMessage m) {
        return deliverTask.deliver(m);
    }

    public CheckTaskDeadline.TaskTimerOutcome handleTaskTimer(String caseId, String department, Instant now) {
        return checkTaskDeadline.handle(caseId, department, now);
    }

    public Page<DepartmentTask> inbox(Caller caller, String department, TaskStatus status, int limit, String cursor) {
        return showTasks.inbox(caller, department, status, limit, cursor);
    }

    public TaskDetail detail(Caller caller, String taskId) {
        return showTasks.detail(caller, taskId);
    }

    public DecideTask.Decided decide(Caller caller, String taskId, TaskCommand cmd) {
        return decideTask.decide(caller, taskId, cmd);
    }
}
