package cn.onewindow.core.approval;

import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Actor;

import java.time.Instant;
import java.util.List;

/**
 * One department's part of a joint or escalated case. Its id is derived from the case and the department, so a
 * duplicated message can never make a second task.
 *
 * @param warnedAt  when the deadline checker warned the department (once)
 * @param overdueAt when the deadline checker found it overdue (once)
 */
public record DepartmentTask(String taskId, String caseId, String itemCode, String itemName,
                             String departmentCode, String departmentName, TaskLevel level, TaskStatus status,
                             Instant createdAt, Instant deliveredAt, Instant dueAt, String outcome,
                             List<String> reasons, List<String> missing, Instant decidedAt, Actor decidedBy,
                             Instant warnedAt, Instant overdueAt, long version) {

    public DepartmentTask {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    public static String idFor(String caseId, String departmentCode) {
        return caseId + "~" + departmentCode;
    }

    /** The case a task id belongs to, or null when the id is not a task id. */
    public static String caseIdOf(String taskId) {
        int i = taskId == null ? -1 : taskId.lastIndexOf('~');
        return i <= 0 ? null : taskId.substring(0, i);
    }

    /** Whether its own deadline clock runs: delivered or on its way, not decided, not waiting for a supplement. */
    public boolean clockRunning() {
        return (status == TaskStatus.CREATED || status == TaskStatus.PENDING) && dueAt != null;
    }

    // ---- the legal transitions (SPEC §2.4): CREATED → PENDING → APPROVED | DENIED | AWAITING_SUPPLEMENT,
    // AWAITING_SUPPLEMENT → PENDING; a decided task never changes again. Everything else is refused. ----------------

    /** A new task, written with its case: its message is on the way to the department. */
    public static DepartmentTask create(String caseId, String itemCode, String itemName, String departmentCode,
                                        String departmentName, TaskLevel level, Instant dueAt, Instant now) {
        return new DepartmentTask(idFor(caseId, departmentCode), caseId, itemCode, itemName, departmentCode,
                departmentName, level, TaskStatus.CREATED, now, null, dueAt, null, List.of(), List.of(), null, null,
                null, null, 0);
    }

    /** Whether the approval worker already put it into its department's inbox (a redelivery changes nothing). */
    public boolean delivered() {
        return status != TaskStatus.CREATED;
    }

    /** CREATED → PENDING: the task is in its department's inbox. */
    public DepartmentTask deliver(Instant at) {
        if (status != TaskStatus.CREATED) {
            throw DomainException.illegalState("TASK_ALREADY_DELIVERED", "审批任务已送达部门", "the task was already delivered");
        }
        return new DepartmentTask(taskId, caseId, itemCode, itemName, departmentCode, departmentName, level,
                TaskStatus.PENDING, createdAt, at, dueAt, outcome, reasons, missing, decidedAt, decidedBy, warnedAt,
                overdueAt, version);
    }

    /**
     * Whether {@code cmd} repeats what this task already holds: the same decision (same outcome and reasons), or the
     * same supplement request (same missing materials) while it waits. A repeat is answered, never applied twice.
     */
    public boolean isReplayOf(TaskCommand cmd) {
        if (status.decided()) return cmd.outcome().name().equals(outcome) && cmd.reasons().equals(reasons);
        return status == TaskStatus.AWAITING_SUPPLEMENT && cmd.outcome() == TaskCommand.Outcome.REQUEST_SUPPLEMENT
                && missing.equals(cmd.missing());
    }

    /**
     * The department's decision: APPROVED, DENIED or AWAITING_SUPPLEMENT. A decided task cannot be decided again
     * ({@code TASK_ALREADY_DECIDED}); a task waiting for the applicant's supplement takes no decision until the
     * supplement came ({@code TASK_AWAITING_SUPPLEMENT}). Check {@link #isReplayOf} first for an idempotent retry.
     */
    public DepartmentTask decide(TaskCommand cmd, Instant at, Actor by) {
        requireUndecided();
        return switch (cmd.outcome()) {
            case APPROVE -> decided(TaskStatus.APPROVED, cmd.outcome().name(), cmd.reasons(), List.of(), at, by);
            case DENY -> decided(TaskStatus.DENIED, cmd.outcome().name(), cmd.reasons(), List.of(), at, by);
            case REQUEST_SUPPLEMENT -> decided(TaskStatus.AWAITING_SUPPLEMENT, cmd.outcome().name(), cmd.reasons(),
                    cmd.missing(), at, by);
        };
    }

    /** 超时默认制: an overdue task of an item that counts silence as consent is approved by the deadline checker. */
    public DepartmentTask deemApproved(Instant at, Actor by) {
        requireUndecided();
        if (overdueAt == null) {
            throw DomainException.illegalState("TASK_NOT_OVERDUE", "审批任务尚未超时", "the task is not overdue");
        }
        return decided(TaskStatus.APPROVED, "DEEMED_APPROVED", List.of("超时默认同意（超时默认制）"), List.of(), at, by);
    }

    /** AWAITING_SUPPLEMENT → PENDING: the applicant brought the materials; the task's clock runs to {@code newDue}. */
    public DepartmentTask returnAfterSupplement(Instant newDue) {
        if (status != TaskStatus.AWAITING_SUPPLEMENT) {
            throw DomainException.illegalState("TASK_NOT_AWAITING_SUPPLEMENT", "该审批任务不在等待补正",
                    "the task does not wait for a supplement");
        }
        return new DepartmentTask(taskId, caseId, itemCode, itemName, departmentCode, departmentName, level,
                TaskStatus.PENDING, createdAt, deliveredAt, newDue, null, List.of(), List.of(), null, null, warnedAt,
                overdueAt, version);
    }

    /** The one warning (黄牌) before its due; only while its clock runs. */
    public DepartmentTask warn(Instant at) {
        requireClockRunning();
        if (warnedAt != null) {
            throw DomainException.illegalState("TASK_ALREADY_WARNED", "审批任务已预警", "the task was already warned");
        }
        return new DepartmentTask(taskId, caseId, itemCode, itemName, departmentCode, departmentName, level, status,
                createdAt, deliveredAt, dueAt, outcome, reasons, missing, decidedAt, decidedBy, at, overdueAt,
                version);
    }

    /** After its due moved later: a warning already given fires again before the new due. */
    public DepartmentTask rearmWarning() {
        return new DepartmentTask(taskId, caseId, itemCode, itemName, departmentCode, departmentName, level, status,
                createdAt, deliveredAt, dueAt, outcome, reasons, missing, decidedAt, decidedBy, null, overdueAt,
                version);
    }

    /** Overdue (红牌) once, while its clock runs; counts as warned too. */
    public DepartmentTask markOverdue(Instant at) {
        requireClockRunning();
        if (overdueAt != null) {
            throw DomainException.illegalState("TASK_ALREADY_OVERDUE", "审批任务已记超时", "the task was already overdue");
        }
        return new DepartmentTask(taskId, caseId, itemCode, itemName, departmentCode, departmentName, level, status,
                createdAt, deliveredAt, dueAt, outcome, reasons, missing, decidedAt, decidedBy,
                warnedAt == null ? at : warnedAt, at, version);
    }

    private void requireUndecided() {
        if (status.decided()) {
            throw DomainException.conflict("TASK_ALREADY_DECIDED", "该任务已作出不同的审批决定，不能更改",
                    "this task was already decided differently; a decision cannot be changed");
        }
        if (status == TaskStatus.AWAITING_SUPPLEMENT) {
            throw DomainException.conflict("TASK_AWAITING_SUPPLEMENT", "该任务正在等待申请人补正材料",
                    "the task waits for the applicant's supplement");
        }
    }

    private void requireClockRunning() {
        if (!clockRunning()) {
            throw DomainException.illegalState("TASK_CLOCK_STOPPED", "审批任务的期限未在计时",
                    "the task's clock does not run (" + status + ")");
        }
    }

    private DepartmentTask decided(TaskStatus to, String outcome, List<String> reasons, List<String> missing,
                                   Instant at, Actor by) {
        return new DepartmentTask(taskId, caseId, itemCode, itemName, departmentCode, departmentName, level, to,
                createdAt, deliveredAt, dueAt, outcome, reasons, missing, at, by, warnedAt, overdueAt, version);
    }

    public DepartmentTask withVersion(long v) {
        return new DepartmentTask(taskId, caseId, itemCode, itemName, departmentCode, departmentName, level, status,
                createdAt, deliveredAt, dueAt, outcome, reasons, missing, decidedAt, decidedBy, warnedAt, overdueAt, v);
    }
}
