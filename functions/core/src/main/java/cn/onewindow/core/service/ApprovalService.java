package cn.onewindow.core.service;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.identity.Actor;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;
import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskCommand;
import cn.onewindow.core.approval.TaskDetail;
import cn.onewindow.core.approval.TaskLevel;
import cn.onewindow.core.approval.TaskMessage;
import cn.onewindow.core.approval.TaskStatus;
import cn.onewindow.core.calendar.Deadline;
import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Decision;
import cn.onewindow.core.cases.Notice;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.Suspension;
import cn.onewindow.core.catalog.HandlingMode;
import cn.onewindow.core.catalog.ParticipatingDepartment;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.RetryPolicy;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.intake.NoticeTexts;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.notify.Notifications;
import cn.onewindow.core.ports.ApprovalQueue;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.CaseWrite;
import cn.onewindow.core.ports.CatalogRepository;
import cn.onewindow.core.ports.Page;
import cn.onewindow.core.ports.TaskQuery;
import cn.onewindow.core.ports.TaskWrite;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Parallel approval (并联审批) and escalation (上报件): fan-out of one task per department when a case is accepted,
 * delivery of each task to its department's inbox (the approval worker), department decisions, and fan-in, which
 * moves the case on exactly once when the last task is decided. Every step is one store transaction guarded by the
 * versions of the case and the task, so duplicates, reordering and concurrent decisions lose nothing.
 */
public final class ApprovalService {
    private static final Logger LOG = Logger.getLogger(ApprovalService.class.getName());
    /** Joint cases: materials go to every department within 2 working days of acceptance. */
    public static final int DISTRIBUTION_WORKING_DAYS = 2;
    private static final Actor WORKER = new Actor(Role.SYSTEM, "approval-worker", null, null, null);

    private final CaseRepository cases;
    private final CatalogRepository catalog;
    private final ApprovalQueue queue;
    private final Deadlines deadlines;
    private final Clock clock;

    public ApprovalService(CaseRepository cases, CatalogRepository catalog, ApprovalQueue queue, Deadlines deadlines,
                           Clock clock) {
        this.cases = cases;
        this.catalog = catalog;
        this.queue = queue;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    // ---- fan-out ---------------------------------------------------------------------------------------------

    /**
     * The tasks an accepted case needs: one per participating department of a JOINT item, the local review of an
     * ESCALATED item; none otherwise. Records the distribution on the case.
     */
    public static List<DepartmentTask> fanOut(ServiceCase c, ServiceItem item, DeadlineCalculator calc, Instant now,
                                              Actor actor) {
        List<DepartmentTask> tasks = new ArrayList<>();
        if (item.mode() == HandlingMode.JOINT) {
            for (ParticipatingDepartment d : item.departments()) {
                tasks.add(newTask(c, d.code(), d.name(), TaskLevel.JOINT,
                        calc.dueAfterWorkingDays(now, d.timeLimitDays()).dueAt(), now));
            }
        } else if (item.mode() == HandlingMode.ESCALATED) {
            tasks.add(newTask(c, item.departmentCode(), item.departmentName(), TaskLevel.LOCAL,
                    c.snapshot().dueAt(), now));
        }
        if (!tasks.isEmpty()) {
            Instant distributionDue = calc.dueAfterWorkingDays(now, DISTRIBUTION_WORKING_DAYS).dueAt();
            c.distributeTo(tasks.stream().map(DepartmentTask::departmentCode).toList(), distributionDue, now, actor);
        }
        return tasks;
    }

    private static DepartmentTask newTask(ServiceCase c, String dept, String deptName, TaskLevel level, Instant due,
                                          Instant now) {
        ServiceCase.Snapshot s = c.snapshot();
        return new DepartmentTask(DepartmentTask.idFor(s.id(), dept), s.id(), s.itemCode(), s.itemName(), dept,
                deptName, level, TaskStatus.CREATED, now, null, due, null, List.of(), List.of(), null, null, null, null,
                0);
    }

    /** Puts the messages of new tasks on the queue; a failure is logged and left to {@link #redispatch}. */
    public void publish(List<DepartmentTask> created) {
        if (created.isEmpty()) return;
        try {
            queue.send(created.stream().map(t -> new TaskMessage(t.taskId(), t.caseId(), t.departmentCode())).toList());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "approval messages not sent now; the relay will resend them: " + e);
        }
    }

    /**
     * The outbox relay: tasks written but still undelivered a minute later get their message again (the worker
     * ignores a task it already delivered). Returns how many were resent.
     */
    public int redispatch(Duration lookBack) {
        Instant now = clock.instant();
        List<DepartmentTask> stale = cases.undispatched(now.minus(lookBack), now.minus(Duration.ofMinutes(1)), 500);
        publish(stale);
        return stale.size();
    }

    /**
     * The scheduled relay: like {@link #redispatch(Duration)}, but reads the index from a checkpoint (see
     * {@link OutboxCheckpoint}), so an idle run costs a checkpoint read and one or two bucket queries. A resent task
     * stays pending until the worker delivers it, so the checkpoint does not pass it.
     */
    public int redispatch(Duration lookBack, cn.onewindow.core.ports.TimerIndex checkpoints) {
        return redispatch(lookBack, checkpoints, MAX_DISPATCH_ATTEMPTS);
    }

    /**
     * Resends of one task's message after which it is dead-lettered (three days of 5-minute relay runs): a task
     * whose message the worker never manages to deliver stops being resent and no longer holds the checkpoint.
     */
    public static final int MAX_DISPATCH_ATTEMPTS = 864;

    /** As {@link #redispatch(Duration, cn.onewindow.core.ports.TimerIndex)}, dead-lettering after {@code maxAttempts}. */
    public int redispatch(Duration lookBack, cn.onewindow.core.ports.TimerIndex checkpoints, int maxAttempts) {
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

    // ---- the approval worker ---------------------------------------------------------------------------------

    /** What the worker did with one message. */
    public enum Delivery { DELIVERED, ALREADY_DELIVERED }

    /** Delivers a task to its department's inbox; a second delivery of the same task changes nothing. */
    public Delivery deliver(TaskMessage m) {
        return RetryPolicy.standard().onConflict(() -> {
            DepartmentTask task = cases.findTask(m.taskId()).orElseThrow(() -> new IllegalStateException(
                    "task " + m.taskId() + " does not exist"));
            if (task.status() != TaskStatus.CREATED) return Delivery.ALREADY_DELIVERED;
            ServiceCase.Snapshot before = cases.find(task.caseId()).orElseThrow(() -> new IllegalStateException(
                    "case of task " + m.taskId() + " does not exist"));
            ServiceCase c = ServiceCase.restore(before);
            Instant now = clock.instant();
            List<DepartmentTask> all = cases.tasksOf(task.caseId());
            boolean allDelivered = all.stream().allMatch(t -> t.taskId().equals(task.taskId())
                    || t.status() != TaskStatus.CREATED);
            if (before.status().isOpen()) c.taskDelivered(task.departmentCode(), allDelivered, now, WORKER);
            List<TaskWrite> writes = List.of(new TaskWrite(task.delivered(now), false, task.version()));
            cases.save(new CaseWrite(c.snapshot(), false, before.version(), c.pendingHistory(),
                    deadlines.timersFor(c, deadlines.calculatorFor(before.centerId()), writes), null, writes));
            return Delivery.DELIVERED;
        });
    }

    // ---- task deadlines (called by the deadline checker) ------------------------------------------------------

    /** What the deadline checker did with a task's timer. */
    public enum TaskTimerOutcome { WARNED, OVERDUE, DEEMED_APPROVED, NOTHING }

    private static final Actor CHECKER = new Actor(Role.SYSTEM, "deadline-checker", null, null, null);

    /**
     * A department task reached its warning point or due time: one warning, or one accountability record (问责) and
     * 红牌; for items with 超时默认制 ({@code deemedApprovedOnTimeout}) the overdue task counts as approved, and the
     * fan-in runs as for any decision. All in one transaction with the case.
     */
    public TaskTimerOutcome handleTaskTimer(String caseId, String department, Instant now) {
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
            List<cn.onewindow.core.deadline.Accountability> records = List.of();
            DepartmentTask after;
            TaskTimerOutcome outcome;
            if (task.overdueAt() == null && !now.isBefore(task.dueAt())) {
                long late = calc.workingMinutesLate(task.dueAt(), now);
                after = task.overdue(now);
                c.note("TASK_OVERDUE", department + " due " + task.dueAt() + ", " + late + " working minutes late",
                        now, CHECKER);
                records = List.of(new cn.onewindow.core.deadline.Accountability(caseId, "TASK#" + department,
                        department, before.centerId(), department, task.dueAt(), now, late));
                notes.add(Notifications.toHolder(before, Notification.Kind.OVERDUE,
                        Notification.Recipient.DEPARTMENT, department, "【催办】办件" + caseId + "的" + task.departmentName()
                                + "审批任务已超时（红牌），请立即办理。", now));
                outcome = TaskTimerOutcome.OVERDUE;
                ServiceItem item = catalog.version(before.itemCode(), before.itemVersion()).orElseThrow();
                if (item.deemedApprovedOnTimeout()) {
                    after = after.decided(TaskStatus.APPROVED, "DEEMED_APPROVED", List.of("超时默认同意（超时默认制）"),
                            List.of(), now, CHECKER);
                    c.note("DEEMED_APPROVED", department + " did not decide in time: counted as approved", now,
                            CHECKER);
                    fanIn(c, after, replace(cases.tasksOf(caseId), after), calc, now, CHECKER, created);
                    outcome = TaskTimerOutcome.DEEMED_APPROVED;
                }
            } else if (task.warnedAt() == null
                    && !now.isBefore(Deadlines.warningPoint(task, before.warningDaysBefore(), calc))) {
                after = task.warned(now);
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
            publish(created);
            return outcome;
        });
    }

    // ---- the department side ---------------------------------------------------------------------------------

    public Page<DepartmentTask> inbox(Caller caller, String department, TaskStatus status, int limit, String cursor) {
        requireOwnDepartment(caller, department);
        Page<DepartmentTask> page = cases.tasks(new TaskQuery(department, status == null ? TaskStatus.PENDING : status,
                limit, cursor));
        if (caller.role() != Role.DEPARTMENT) return page;
        // a department code exists in every city: a department sees only the tasks of its own city's cases (a page
        // may then hold fewer than limit; the cursor still goes on)
        Map<String, Boolean> visible = new HashMap<>();
        return new Page<>(page.items().stream().filter(t -> visible.computeIfAbsent(t.caseId(),
                id -> AccessPolicy.canReadTask(caller, t.departmentCode(), cases.find(id).orElse(null)))).toList(),
                page.nextCursor());
    }

    public TaskDetail detail(Caller caller, String taskId) {
        DepartmentTask task = visibleTask(caller, taskId);
        return new TaskDetail(task, cases.find(task.caseId()).orElseThrow());
    }

    /** Result of a decision: the task as stored and whether it is the replay of the same earlier decision. */
    public record Decided(DepartmentTask task, ServiceCase.Snapshot caseSnapshot, boolean replayed) {
    }

    public Decided decide(Caller caller, String taskId, TaskCommand cmd) {
        validate(cmd);
        return RetryPolicy.standard().onConflict(() -> {
            DepartmentTask task = visibleTask(caller, taskId);
            // supervisors and administrators see tasks; only the department itself decides them
            AccessPolicy.requireRole(caller, Role.DEPARTMENT, Role.SYSTEM);
            if (task.status().decided()) return replayOrConflict(task, cmd);
            if (task.status() == TaskStatus.AWAITING_SUPPLEMENT) {
                if (cmd.outcome() == TaskCommand.Outcome.REQUEST_SUPPLEMENT && task.missing().equals(cmd.missing())) {
                    return new Decided(task, cases.find(task.caseId()).orElseThrow(), true);
                }
                throw DomainException.conflict("TASK_AWAITING_SUPPLEMENT", "该任务正在等待申请人补正材料",
                        "the task waits for the applicant's supplement");
            }
            ServiceCase.Snapshot before = cases.find(task.caseId()).orElseThrow();
            if (!before.status().isOpen()) {
                throw DomainException.illegalState("CASE_CLOSED", "办件已" + before.status().chinese() + "，不能再审批",
                        "the case is " + before.status() + " and takes no more decisions");
            }
            ServiceCase c = ServiceCase.restore(before);
            Instant now = clock.instant();
            Actor actor = caller.asActor();
            DeadlineCalculator calc = deadlines.calculatorFor(before.centerId());
            List<TaskWrite> writes = new ArrayList<>();
            List<DepartmentTask> created = new ArrayList<>();
            List<Notification> notes = new ArrayList<>();
            DepartmentTask after;
            if (cmd.outcome() == TaskCommand.Outcome.REQUEST_SUPPLEMENT) {
                after = task.decided(TaskStatus.AWAITING_SUPPLEMENT, cmd.outcome().name(), cmd.reasons(),
                        cmd.missing(), now, actor);
                requestSupplement(c, after, cmd, now, actor);
                notes.addAll(Notifications.toApplicant(c.snapshot(), Notification.Kind.SUPPLEMENT_REQUESTED,
                        CaseService.sms(c.snapshot(), "需补正材料：" + String.join("、", cmd.missing())
                                + "，请按一次性告知单补齐"), now));
            } else {
                TaskStatus to = cmd.outcome() == TaskCommand.Outcome.APPROVE ? TaskStatus.APPROVED : TaskStatus.DENIED;
                after = task.decided(to, cmd.outcome().name(), cmd.reasons(), List.of(), now, actor);
                c.taskDecided(task.departmentCode(), cmd.outcome().name(), String.join("；", cmd.reasons()), now, actor);
                List<DepartmentTask> all = replace(cases.tasksOf(task.caseId()), after);
                fanIn(c, after, all, calc, now, actor, created);
                if (c.status() == CaseStatus.DENIED) {
                    notes.addAll(Notifications.toApplicant(c.snapshot(), Notification.Kind.DENIED,
                            CaseService.sms(c.snapshot(), "经审查不予许可，请到窗口领取退办通知书"), now));
                }
            }
            writes.add(new TaskWrite(after, false, task.version()));
            created.forEach(t -> writes.add(new TaskWrite(t, true, 0)));
            ServiceCase.Snapshot stored = cases.save(new CaseWrite(c.snapshot(), false, before.version(),
                    c.pendingHistory(), deadlines.timersFor(c, calc, writes), null, writes, List.of(), notes));
            publish(created);
            return new Decided(after.withVersion(task.version() + 1), stored, false);
        });
    }

    /** Fan-in: moves the case on once every task is decided (or hands an escalated case to the higher level). */
    private void fanIn(ServiceCase c, DepartmentTask decided, List<DepartmentTask> all, DeadlineCalculator calc,
                       Instant now, Actor actor, List<DepartmentTask> created) {
        ServiceCase.Snapshot s = c.snapshot();
        if (s.mode() == HandlingMode.ESCALATED && decided.level() == TaskLevel.LOCAL
                && decided.status() == TaskStatus.APPROVED) {
            ServiceItem item = catalog.version(s.itemCode(), s.itemVersion()).orElseThrow();
            ParticipatingDepartment higher = item.escalateTo();
            Deadline due = calc.dueAfterWorkingDays(now, higher.timeLimitDays());
            created.add(newTask(c, higher.code(), higher.name(), TaskLevel.HIGHER, due.dueAt(), now));
            c.escalated(higher.code(), now, actor);
            return;
        }
        if (!all.stream().allMatch(t -> t.status().decided())) return;
        List<String> reasons = new ArrayList<>();
        for (DepartmentTask t : all) {
            if (t.status() == TaskStatus.DENIED) {
                for (String r : t.reasons()) reasons.add(t.departmentName() + "：" + r);
            }
        }
        c.startReview(now, actor);
        if (reasons.isEmpty()) {
            c.decide(new Decision(Decision.Outcome.APPROVE, List.of(), now, actor), null, now);
        } else {
            c.decide(new Decision(Decision.Outcome.DENY, reasons, now, actor),
                    NoticeTexts.denial(c.snapshot(), reasons, now), now);
        }
    }

    private void requestSupplement(ServiceCase c, DepartmentTask after, TaskCommand cmd, Instant now, Actor actor) {
        ServiceCase.Snapshot s = c.snapshot();
        ServiceItem item = catalog.version(s.itemCode(), s.itemVersion()).orElseThrow();
        List<String> unknown = cmd.missing().stream().filter(code -> item.material(code).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw DomainException.validation(List.of(FieldError.of("missing", "UNKNOWN_MATERIAL",
                    "该事项没有此材料：" + String.join(",", unknown), "the item has no material " + String.join(",", unknown))));
        }
        LinkedHashSet<String> missing = new LinkedHashSet<>(cmd.missing());
        for (DepartmentTask t : cases.tasksOf(s.id())) {
            if (t.status() == TaskStatus.AWAITING_SUPPLEMENT) missing.addAll(t.missing());
        }
        Notice notice = NoticeTexts.oneTimeNotice(s, item, List.copyOf(missing), now);
        String reason = after.departmentName() + "要求补正：" + String.join("、", cmd.reasons());
        if (s.status() == CaseStatus.SUSPENDED) {
            // the clock already stands (another department's request, or a special procedure): the applicant's
            // one-time notice must still list everything now missing
            c.taskDecided(after.departmentCode(), "REQUEST_SUPPLEMENT", reason, now, actor);
            c.issueNotice(notice);
        } else {
            c.suspend(Suspension.Kind.SUPPLEMENT, reason, notice, now, actor);
        }
    }

    /**
     * Called when the applicant supplemented a case suspended for a department's request: the clock restarts and
     * every task waiting for the supplement goes back to its department.
     */
    public static List<TaskWrite> returnTasksAfterSupplement(ServiceCase c, List<DepartmentTask> tasks,
                                                             DeadlineCalculator calc, Instant now, Actor actor) {
        List<TaskWrite> writes = new ArrayList<>();
        Suspension open = c.currentSuspension();
        Deadline due = calc.resume(c.snapshot().dueAt(), open.suspendedAt(), now);
        c.resume(due.dueAt(), due.provisional(), now, actor);
        Deadlines.rearmWarning(c, calc, now);
        for (DepartmentTask t : tasks) {
            if (t.status() != TaskStatus.AWAITING_SUPPLEMENT) continue;
            Instant taskDue = t.dueAt() == null ? null : calc.resume(t.dueAt(), open.suspendedAt(), now).dueAt();
            writes.add(new TaskWrite(Deadlines.rearmWarning(t.returned(taskDue), c.snapshot().warningDaysBefore(),
                    calc, now), false, t.version()));
            c.taskDelivered(t.departmentCode(), true, now, actor);
        }
        return writes;
    }

    /**
     * Called when the applicant supplemented a case that does not stand for a department's request (the clock was
     * stopped for something else, e.g. a site inspection, or resumed by hand meanwhile): the tasks waiting for the
     * supplement go back to their departments all the same (each task's clock stood from its request); the case's own
     * clock is left as it is.
     */
    public static List<TaskWrite> returnWaitingTasks(ServiceCase c, List<DepartmentTask> tasks,
                                                     DeadlineCalculator calc, Instant now, Actor actor) {
        List<TaskWrite> writes = new ArrayList<>();
        for (DepartmentTask t : tasks) {
            if (t.status() != TaskStatus.AWAITING_SUPPLEMENT) continue;
            Instant taskDue = t.dueAt() == null || t.decidedAt() == null ? t.dueAt()
                    : calc.resume(t.dueAt(), t.decidedAt(), now).dueAt();
            writes.add(new TaskWrite(Deadlines.rearmWarning(t.returned(taskDue), c.snapshot().warningDaysBefore(),
                    calc, now), false, t.version()));
            c.taskDelivered(t.departmentCode(), true, now, actor);
        }
        return writes;
    }

    private Decided replayOrConflict(DepartmentTask task, TaskCommand cmd) {
        if (cmd.outcome().name().equals(task.outcome()) && cmd.reasons().equals(task.reasons())) {
            return new Decided(task, cases.find(task.caseId()).orElseThrow(), true);
        }
        throw DomainException.conflict("TASK_ALREADY_DECIDED", "该任务已作出不同的审批决定，不能更改",
                "this task was already decided differently; a decision cannot be changed");
    }

    private DepartmentTask visibleTask(Caller caller, String taskId) {
        Optional<DepartmentTask> task = DepartmentTask.caseIdOf(taskId) == null ? Optional.empty()
                : cases.findTask(taskId);
        boolean visible = task.isPresent() && (caller.role() == Role.SUPERVISOR || caller.role() == Role.ADMIN
                || caller.role() == Role.DEPARTMENT) && AccessPolicy.canReadTask(caller, task.get().departmentCode(),
                cases.find(task.get().caseId()).orElse(null));
        if (!visible) throw DomainException.notFound("TASK_NOT_FOUND", "审批任务不存在", "no task " + taskId);
        return task.get();
    }

    private static void requireOwnDepartment(Caller caller, String department) {
        boolean ok = caller.role() == Role.SUPERVISOR || caller.role() == Role.ADMIN
                || (caller.role() == Role.DEPARTMENT && department.equals(caller.departmentCode()));
        if (!ok) {
            throw DomainException.forbidden("FORBIDDEN", "只能查看本部门的审批任务", "a department sees only its own tasks");
        }
    }

    private static void validate(TaskCommand cmd) {
        Validator v = new Validator();
        v.notNull(cmd.outcome(), "decision");
        v.require(cmd.outcome() != TaskCommand.Outcome.DENY || cmd.reasons().stream().anyMatch(r -> r != null && !r.isBlank()),
                "reasons", "REASONS_REQUIRED", "不予许可须说明理由", "a denial needs at least one reason");
        v.require(cmd.outcome() != TaskCommand.Outcome.REQUEST_SUPPLEMENT || !cmd.missing().isEmpty(), "missing",
                "MISSING_REQUIRED", "要求补正须列明所缺材料", "a supplement request lists the missing materials");
        v.require(cmd.reasons().size() <= 20, "reasons", "TOO_MANY", "理由过多", "at most 20 reasons");
        cmd.reasons().forEach(r -> v.maxLength(r, 500, "reasons"));
        v.require(cmd.missing().size() <= 50, "missing", "TOO_MANY", "过多", "at most 50 materials");
        v.throwIfInvalid();
    }

    private static List<DepartmentTask> replace(List<DepartmentTask> all, DepartmentTask changed) {
        List<DepartmentTask> out = new ArrayList<>();
        for (DepartmentTask t : all) out.add(t.taskId().equals(changed.taskId()) ? changed : t);
        return out;
    }

}
