package cn.onewindow.core.approval;

/** What goes on the approval queue for one task: enough to find it again, nothing personal. */
public record TaskMessage(String taskId, String caseId, String departmentCode) {
}
