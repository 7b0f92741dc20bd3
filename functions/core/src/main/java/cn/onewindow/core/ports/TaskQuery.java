package cn.onewindow.core.ports;

import cn.onewindow.core.approval.TaskStatus;

/** A department's inbox, by status, oldest due first. */
public record TaskQuery(String departmentCode, TaskStatus status, int limit, String cursor) {
}
