package cn.onewindow.core.ports;

import cn.onewindow.core.approval.DepartmentTask;

/**
 * A task written in the same transaction as its case.
 *
 * @param create          the task must not exist yet
 * @param expectedVersion the version read before the change (ignored on create)
 */
public record TaskWrite(DepartmentTask task, boolean create, long expectedVersion) {
}
