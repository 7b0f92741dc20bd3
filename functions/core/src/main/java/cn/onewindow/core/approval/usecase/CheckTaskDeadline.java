package cn.onewindow.core.approval.usecase;

import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.JointApproval;
import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.RetryPolicy;
import cn.onewindow.core.deadline.Accountability;
import cn.onewindow.core.identity.Actor;
import cn.onewindow.core.intake.NoticeTexts;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.notify.Notifications;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.CaseWrite;
import cn.onewindow.core.ports.CatalogRepository;
import cn.onewindow.core.ports.TaskWrite;
import cn.onewindow.core.timers.Deadlines;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The deadline checker reached a department task's warning point or due time: one warning (黄牌), or one
 * accountability record (问责) and 红牌; for items with 超时默认制 the overdue task counts as approved and the fan-in
 * runs as for any decision. All in one transaction with the case.
 */
public final class CheckTaskDeadline {
    private static final Actor CHECKER = Actor.system("deadline-checker");

    /** What the deadline checker did with a task's timer. */
    public enum TaskTimerOutcome { WARNED, OVERDUE, DEEMED_APPROVED, NOTHING }

    private final CaseRepository cases;
    private final CatalogRepository catalog;
    private final ApprovalOutbox outbox;
    private final Deadlines deadlines;

    public CheckTaskDeadline(CaseRepository cases, CatalogRepository catalog, ApprovalOutbox outbox,
                             Deadlines deadlines) {
        this.cases = cases;
        this.catalog = catalog;
        this.outbox = outbox;
        this.deadlines = deadlines;
    }

    public TaskTimerOutcome handle(String caseId, String department, Instant now) {
        return RetryPolicy.standard().onConflict(() -> {
            Optional<DepartmentTask> found = cases.findTask(DepartmentTask.idFor(caseId, department));
            if (found.isEmpty() || !found.get().clockRunning()) return TaskTimerOutcome.NOTHING;
            DepartmentTask task = found.get();
            ServiceCase.Snapshot before = cases.find(caseId).orElse(null);
            if (before == null || !before.status().isOpen()) return TaskTimerOutcome.NOTHING;
            ServiceCase c = ServiceCase.restore(before);
            DeadlineCalculator calc = deadlines.calculatorFor(before.centerId());
            List<DepartmentTask> created = new ArrayList<>();
            List<Notification> notes = new ArrayList<>();
            List<Accountability> records = List.of();
            DepartmentTask after;
            TaskTimerOutcome outcome;
            if (task.overdueAt() == null && !now.isBefore(task.dueAt())) {
                long late = calc.workingMinutesLate(task.dueAt(), now);
                after = task.markOverdue(now);
                c.note("TASK_OVERDUE", department + " due " + task.dueAt() + ", " + late + " working minutes late",
                        now, CHECKER);
                records = List.of(new Accountability(caseId, "TASK#" + department, department, before.centerId(),
                        department, task.dueAt(), now, late));
                notes.add(Notifications.toHolder(before, Notification.Kind.OVERDUE,
                        Notification.Recipient.DEPARTMENT, department, "【催办】办件" + caseId + "的" + task.departmentName()
                                + "审批任务已超时（红牌），请立即办理。", now));
                outcome = TaskTimerOutcome.OVERDUE;
                ServiceItem item = catalog.version(before.itemCode(), before.itemVersion()).orElseThrow();
                if (item.deemedApprovedOnTimeout()) {
                    after = after.deemApproved(now, CHECKER);
                    c.note("DEEMED_APPROVED", department + " did not decide in time: counted as approved", now,
                            CHECKER);
                    created.addAll(JointApproval.of(c, cases.tasksOf(caseId)).decided(after, item, calc, now,
                            CHECKER));
                    outcome = TaskTimerOutcome.DEEMED_APPROVED;
                }
            } else if (task.warnedAt() == null
                    && !now.isBefore(Deadlines.warningPoint(task, before.warningDaysBefore(), calc))) {
                after = task.warn(now);
                c.note("TASK_WARNING", department + " due " + task.dueAt(), now, CHECKER);
                notes.add(Notifications.toHolder(before, Notification.Kind.WARNING,
                        Notification.Recipient.DEPARTMENT, department, "【催办】办件" + caseId + "的" + task.departmentName()
                                + "审批任务将于" + NoticeTexts.localTime(task.dueAt()) + "到期，请抓紧办理。", now));
                outcome = TaskTimerOutcome.WARNED;
            } else {
                return TaskTimerOutcome.NOTHING;
            }
            List<TaskWrite> writes = new ArrayList<>();
            writes.add(new TaskWrite(after, false, task.version()));
            created.forEach(t -> writes.add(new TaskWrite(t, true, 0)));
            cases.save(new CaseWrite(c.snapshot(), false, before.version(), c.pendingHistory(),
                    deadlines.timersFor(c, calc, writes), null, writes, records, notes));
            outbox.publish(created);
            return outcome;
        });
    }
}
