package cn.onewindow.core.approval;

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

    public DepartmentTask delivered(Instant at) {
        return new DepartmentTask(taskId, caseId, itemCode, itemName, departmentCode, departmentName, level,
                TaskStatus.PENDING, createdAt, at, dueAt, outcome, reasons, missing, decidedAt, decidedBy, warnedAt,
                overdueAt, version);
    }

    public DepartmentTask decided(TaskStatus to, String outcome, List<String> reasons, List<String> missing,
                                  Instant at, Actor by) {
        return new DepartmentTask(taskId, caseId, itemCode, itemName, departmentCode, departmentName, level, to,
                createdAt, deliveredAt, dueAt, outcome, reasons, missing, at, by, warnedAt, overdueAt, version);
    }

    public DepartmentTask returned(Instant newDue) {
        return new DepartmentTask(taskId, caseId, itemCode, itemName, departmentCode, departmentName, level,
                TaskStatus.PENDING, createdAt, deliveredAt, newDue, null, List.of(), List.of(), null, null, warnedAt,
                overdueAt, version);
    }

    public DepartmentTask warned(Instant at) {
        return new DepartmentTask(taskId, caseId, itemCode, itemName, departmentCode, departmentName, level, status,
                createdAt, deliveredAt, dueAt, outcome, reasons, missing, decidedAt, decidedBy, at, overdueAt,
                version);
    }

    public DepartmentTask overdue(Instant at) {
        return new DepartmentTask(taskId, caseId, itemCode, itemName, departmentCode, departmentName, level, status,
                createdAt, deliveredAt, dueAt, outcome, reasons, missing, decidedAt, decidedBy,
                warnedAt == null ? at : warnedAt, at, version);
    }

    public DepartmentTask withVersion(long v) {
        return new DepartmentTask(taskId, caseId, itemCode, itemName, departmentCode, departmentName, level, status,
                createdAt, deliveredAt, dueAt, outcome, reasons, missing, decidedAt, decidedBy, warnedAt, overdueAt, v);
    }
}
