package cn.onewindow.core.approval.usecase;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.Escalation;
import cn.onewindow.core.approval.JointApproval;
import cn.onewindow.core.approval.TaskCommand;
import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Notice;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.Suspension;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.common.RetryPolicy;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.identity.Actor;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.intake.NoticeTexts;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.notify.Notifications;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.CaseWrite;
import cn.onewindow.core.ports.CatalogRepository;
import cn.onewindow.core.ports.TaskWrite;
import cn.onewindow.core.timers.Deadlines;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A department decides its task: approve, deny (with reasons) or request a supplement (with the missing
 * materials). A request stops the case clock and gives the applicant one one-time notice listing everything now
 * missing; a decision runs the fan-in ({@link JointApproval#decided}). The same decision sent again is answered
 * with the stored one; a different one is refused. One transaction with the case.
 */
public final class DecideTask {
    private final CaseRepository cases;
    private final CatalogRepository catalog;
    private final ApprovalOutbox outbox;
    private final Deadlines deadlines;
    private final Clock clock;

    public DecideTask(CaseRepository cases, CatalogRepository catalog, ApprovalOutbox outbox, Deadlines deadlines,
                      Clock clock) {
        this.cases = cases;
        this.catalog = catalog;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** Result of a decision: the task as stored and whether it is the replay of the same earlier decision. */
    public record Decided(DepartmentTask task, ServiceCase.Snapshot caseSnapshot, boolean replayed) {
    }

    public Decided decide(Caller caller, String taskId, TaskCommand cmd) {
        validate(cmd);
        return RetryPolicy.standard().onConflict(() -> {
            DepartmentTask task = ShowTasks.visibleTask(cases, caller, taskId);
            // supervisors and administrators see tasks; only the department itself decides them
            AccessPolicy.requireTaskDecider(caller);
            if (task.isReplayOf(cmd)) return new Decided(task, cases.find(task.caseId()).orElseThrow(), true);
            Instant now = clock.instant();
            Actor actor = caller.asActor();
            DepartmentTask after = task.decide(cmd, now, actor); // refuses a decided or waiting task
            ServiceCase.Snapshot before = cases.find(task.caseId()).orElseThrow();
            ServiceCase c = ServiceCase.restore(before);
            if (!before.status().isOpen()) {
                throw DomainException.illegalState("CASE_CLOSED", "办件已" + before.status().chinese() + "，不能再审批",
                        "the case is " + before.status() + " and takes no more decisions");
            }
            DeadlineCalculator calc = deadlines.calculatorFor(before.centerId());
            // the item is read only when a rule needs it: the materials of a request, the higher authority
            ServiceItem item = cmd.outcome() == TaskCommand.Outcome.REQUEST_SUPPLEMENT
                    || Escalation.passesLocalReview(before, after)
                    ? catalog.version(before.itemCode(), before.itemVersion()).orElseThrow() : null;
            JointApproval approval = JointApproval.of(c, cases.tasksOf(task.caseId()));
            List<DepartmentTask> created = new ArrayList<>();
            List<Notification> notes = new ArrayList<>();
            if (cmd.outcome() == TaskCommand.Outcome.REQUEST_SUPPLEMENT) {
                requestSupplement(c, approval, item, after, cmd, now, actor);
                notes.addAll(Notifications.toApplicant(c.snapshot(), Notification.Kind.SUPPLEMENT_REQUESTED,
                        Notifications.sms(c.snapshot(), "需补正材料：" + String.join("、", cmd.missing())
                                + "，请按一次性告知单补齐"), now));
            } else {
                c.taskDecided(task.departmentCode(), cmd.outcome().name(), String.join("；", cmd.reasons()), now, actor);
                created.addAll(approval.decided(after, item, calc, now, actor));
                if (c.status() == CaseStatus.DENIED) {
                    notes.addAll(Notifications.toApplicant(c.snapshot(), Notification.Kind.DENIED,
                            Notifications.sms(c.snapshot(), "经审查不予许可，请到窗口领取退办通知书"), now));
                }
            }
            List<TaskWrite> writes = new ArrayList<>();
            writes.add(new TaskWrite(after, false, task.version()));
            created.forEach(t -> writes.add(new TaskWrite(t, true, 0)));
            ServiceCase.Snapshot stored = cases.save(new CaseWrite(c.snapshot(), false, before.version(),
                    c.pendingHistory(), deadlines.timersFor(c, calc, writes), null, writes, List.of(), notes));
            outbox.publish(created);
            return new Decided(after.withVersion(task.version() + 1), stored, false);
        });
    }

    /** Stops the clock (or, when it already stands, gives a new one-time notice listing everything missing). */
    private static void requestSupplement(ServiceCase c, JointApproval approval, ServiceItem item,
                                          DepartmentTask after, TaskCommand cmd, Instant now, Actor actor) {
        ServiceCase.Snapshot s = c.snapshot();
        List<String> unknown = cmd.missing().stream().filter(code -> item.material(code).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw DomainException.validation(List.of(FieldError.of("missing", "UNKNOWN_MATERIAL",
                    "该事项没有此材料：" + String.join(",", unknown), "the item has no material " + String.join(",", unknown))));
        }
        Notice notice = NoticeTexts.oneTimeNotice(s, item, approval.missingWith(cmd.missing()), now);
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
}
