package cn.onewindow.core.approval;

import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.cases.Decision;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.catalog.HandlingMode;
import cn.onewindow.core.catalog.ParticipatingDepartment;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Actor;
import cn.onewindow.core.intake.NoticeTexts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The department tasks of one case (并联审批, SPEC §2.4) and the rules that tie them to the case:
 * <ul>
 *   <li><b>fan-out</b> ({@link #fanOut}): an accepted JOINT case gets one task per participating department, an
 *   ESCALATED case its local review ({@link Escalation}); the distribution is due within
 *   {@value #DISTRIBUTION_WORKING_DAYS} working days;</li>
 *   <li><b>delivery</b> ({@link #delivered}): the case records each task reaching its department's inbox, and when
 *   the last one arrived;</li>
 *   <li><b>fan-in</b> ({@link #decided}): the case moves on exactly once, when its last task is decided — approved
 *   when every department approved, denied with every department's reasons otherwise. A passed local review of an
 *   escalated case hands the case to the higher authority instead.</li>
 * </ul>
 * Holds the case it changes; the caller writes the case and the tasks in one transaction.
 */
public final class JointApproval {
    /** Joint cases: materials go to every department within 2 working days of acceptance. */
    public static final int DISTRIBUTION_WORKING_DAYS = 2;

    private final ServiceCase c;
    private final List<DepartmentTask> tasks;

    private JointApproval(ServiceCase c, List<DepartmentTask> tasks) {
        this.c = c;
        this.tasks = new ArrayList<>(tasks);
    }

    /** The approval of case {@code c} with all its tasks as stored. */
    public static JointApproval of(ServiceCase c, List<DepartmentTask> tasks) {
        for (DepartmentTask t : tasks) {
            if (!t.caseId().equals(c.id())) {
                throw new IllegalArgumentException("task " + t.taskId() + " is not a task of case " + c.id());
            }
        }
        return new JointApproval(c, tasks);
    }

    /**
     * Fan-out: the tasks an accepted case needs — one per participating department of a JOINT item, the local review
     * of an ESCALATED item, none otherwise — and records the distribution on the case.
     */
    public static List<DepartmentTask> fanOut(ServiceCase c, ServiceItem item, DeadlineCalculator calc, Instant now,
                                              Actor actor) {
        List<DepartmentTask> out = new ArrayList<>();
        ServiceCase.Snapshot s = c.snapshot();
        if (item.mode() == HandlingMode.JOINT) {
            for (ParticipatingDepartment d : item.departments()) {
                out.add(DepartmentTask.create(s.id(), s.itemCode(), s.itemName(), d.code(), d.name(), TaskLevel.JOINT,
                        calc.dueAfterWorkingDays(now, d.timeLimitDays()).dueAt(), now));
            }
        } else if (item.mode() == HandlingMode.ESCALATED) {
            out.add(Escalation.localReview(c, item, now));
        }
        if (!out.isEmpty()) {
            Instant distributionDue = calc.dueAfterWorkingDays(now, DISTRIBUTION_WORKING_DAYS).dueAt();
            c.distributeTo(out.stream().map(DepartmentTask::departmentCode).toList(), distributionDue, now, actor);
        }
        return out;
    }

    /**
     * A task reached its department's inbox: recorded on the case while it is open (the first delivery starts the
     * review; the last one completes the distribution). Returns the delivered task.
     */
    public DepartmentTask delivered(DepartmentTask task, Instant now, Actor actor) {
        DepartmentTask after = task.deliver(now);
        boolean allDelivered = tasks.stream().allMatch(t -> t.taskId().equals(task.taskId()) || t.delivered());
        if (c.status().isOpen()) c.taskDelivered(task.departmentCode(), allDelivered, now, actor);
        replace(after);
        return after;
    }

    /**
     * Fan-in after {@code decided} (APPROVED or DENIED) was decided: when it passes the local review of an escalated
     * case the higher authority's task is created and returned; otherwise, when it was the last undecided task, the
     * case is decided (approved when all approved, denied with every denying department's reasons). Returns the tasks
     * created, to be written with the case. {@code item} (the case's item version) is needed only for the escalation.
     */
    public List<DepartmentTask> decided(DepartmentTask decided, ServiceItem item, DeadlineCalculator calc,
                                        Instant now, Actor actor) {
        if (!decided.status().decided()) {
            throw DomainException.illegalState("TASK_NOT_DECIDED", "审批任务尚未作出决定", "the task is not decided");
        }
        replace(decided);
        if (Escalation.passesLocalReview(c.snapshot(), decided)) {
            DepartmentTask higher = Escalation.escalate(c, tasks, item, calc, now, actor);
            tasks.add(higher);
            return List.of(higher);
        }
        if (!allDecided()) return List.of();
        List<String> reasons = denialReasons();
        c.startReview(now, actor);
        if (reasons.isEmpty()) {
            c.decide(new Decision(Decision.Outcome.APPROVE, List.of(), now, actor), null, now);
        } else {
            c.decide(new Decision(Decision.Outcome.DENY, reasons, now, actor),
                    NoticeTexts.denial(c.snapshot(), reasons, now), now);
        }
        return List.of();
    }

    /** Whether every task is decided (approved or denied). */
    public boolean allDecided() {
        return tasks.stream().allMatch(t -> t.status().decided());
    }

    /** Each denying department's reasons, prefixed with its name, in task order. */
    public List<String> denialReasons() {
        List<String> reasons = new ArrayList<>();
        for (DepartmentTask t : tasks) {
            if (t.status() == TaskStatus.DENIED) {
                for (String r : t.reasons()) reasons.add(t.departmentName() + "：" + r);
            }
        }
        return reasons;
    }

    /**
     * Everything the applicant must now bring: {@code requested} and what the other departments waiting for a
     * supplement asked for (one one-time notice lists it all).
     */
    public List<String> missingWith(List<String> requested) {
        LinkedHashSet<String> missing = new LinkedHashSet<>(requested);
        for (DepartmentTask t : tasks) {
            if (t.status() == TaskStatus.AWAITING_SUPPLEMENT) missing.addAll(t.missing());
        }
        return List.copyOf(missing);
    }

    /** The tasks as they are now. */
    public List<DepartmentTask> tasks() {
        return List.copyOf(tasks);
    }

    private void replace(DepartmentTask changed) {
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).taskId().equals(changed.taskId())) {
                tasks.set(i, changed);
                return;
            }
        }
        if (!changed.caseId().equals(c.id())) {
            throw new IllegalArgumentException("task " + changed.taskId() + " is not a task of case " + c.id());
        }
        tasks.add(changed); // written after the tasks were read
    }
}
