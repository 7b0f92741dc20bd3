package cn.onewindow.api.dto;

import cn.onewindow.core.approval.TaskLevel;
import cn.onewindow.core.approval.TaskStatus;

import java.time.Instant;
import java.util.List;

/** A department's task as the API shows it. */
public record TaskView(String taskId, String caseId, String itemCode, String itemName, String departmentCode,
                       String departmentName, TaskLevel level, TaskStatus status, Instant createdAt,
                       Instant deliveredAt, Instant dueAt, String outcome, List<String> reasons, List<String> missing,
                       Instant decidedAt, long version) {
}
