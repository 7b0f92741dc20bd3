package cn.onewindow.core.deadline;

import java.time.Instant;

/**
 * 问责记录: one per overdue case (or task), never two.
 *
 * @param staffId            who held the work: the window staff who accepted, or the department
 * @param workingMinutesLate how late, in working minutes of office hours, when it was found
 */
public record Accountability(String caseId, String subject, String departmentCode, String centerId, String staffId,
                             Instant dueAt, Instant detectedAt, long workingMinutesLate) {
}
