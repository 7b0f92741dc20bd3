package cn.onewindow.core.catalog;

/** A department that takes part in a joint or escalated item, with its own time limit in working days. */
public record ParticipatingDepartment(String code, String name, int timeLimitDays) {
}
