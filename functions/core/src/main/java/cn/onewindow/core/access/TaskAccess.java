package cn.onewindow.core.access;

import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;

/**
 * Department tasks (联合审批 and escalations): who reads a task and a department's inbox, who decides a task. A
 * department code exists in every city, so a department's reach is its own code in its own city.
 */
public final class TaskAccess {
    private TaskAccess() {
    }

    /**
     * A department task (inbox, detail, decision): supervisors and administrators; the task's own department of the
     * case's city. {@code c} is the case the task belongs to (null when it is gone: visible to nobody).
     */
    public static boolean canReadTask(Caller caller, String taskDepartment, ServiceCase.Snapshot c) {
        if (c == null) return false;
        return switch (caller.role()) {
            case SUPERVISOR, ADMIN, SYSTEM -> true;
            case DEPARTMENT -> taskDepartment.equals(caller.departmentCode())
                    && CaseAccess.inCity(caller, c.regionCode());
            default -> false;
        };
    }

    /** A task opened by its id (detail, decision): as {@link #canReadTask}, for people only, not the platform. */
    public static boolean canOpenTask(Caller caller, String taskDepartment, ServiceCase.Snapshot c) {
        boolean person = caller.role() == Role.SUPERVISOR || caller.role() == Role.ADMIN
                || caller.role() == Role.DEPARTMENT;
        return person && canReadTask(caller, taskDepartment, c);
    }

    /** Deciding a task: the department itself (or the platform); supervisors and administrators only see tasks. */
    public static void requireTaskDecider(Caller caller) {
        RoleAccess.requireRole(caller, Role.DEPARTMENT, Role.SYSTEM);
    }

    /** A department's inbox: its own department's; supervisors and administrators any. */
    public static void requireInbox(Caller caller, String department) {
        boolean ok = caller.role() == Role.SUPERVISOR || caller.role() == Role.ADMIN
                || (caller.role() == Role.DEPARTMENT && department.equals(caller.departmentCode()));
        if (!ok) {
            throw DomainException.forbidden("FORBIDDEN", "只能查看本部门的审批任务", "a department sees only its own tasks");
        }
    }

    /**
     * Whether what the caller lists is cut to its own city record by record: a department (a department code exists
     * in every city). Others' lists are bounded by their query alone.
     */
    public static boolean listsCutToOwnCity(Caller caller) {
        return caller.role() == Role.DEPARTMENT;
    }
}
