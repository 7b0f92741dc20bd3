package cn.onewindow.sdk.model;

import java.time.Instant;

/**
 * One accountability record (问责记录): a case or a department task found overdue, once. Immutable.
 */
public final class AccountabilityRecord {
    private final String caseId;
    private final String subject;
    private final String departmentCode;
    private final String centerId;
    private final String staffId;
    private final Instant dueAt;
    private final Instant detectedAt;
    private final long workingMinutesLate;

    /** Built by the SDK from the platform's answer. */
    public AccountabilityRecord(String caseId, String subject, String departmentCode, String centerId, String staffId,
                                Instant dueAt, Instant detectedAt, long workingMinutesLate) {
        this.caseId = caseId;
        this.subject = subject;
        this.departmentCode = departmentCode;
        this.centerId = centerId;
        this.staffId = staffId;
        this.dueAt = dueAt;
        this.detectedAt = detectedAt;
        this.workingMinutesLate = workingMinutesLate;
    }

    /** @return the case */
    public String caseId() {
        return caseId;
    }

    /** @return what went overdue: {@code CASE}, or {@code TASK#<department>} */
    public String subject() {
        return subject;
    }

    /** @return the department answerable */
    public String departmentCode() {
        return departmentCode;
    }

    /** @return the center of the case */
    public String centerId() {
        return centerId;
    }

    /** @return who held the work: the window staff who accepted, or the department; may be {@code null} */
    public String staffId() {
        return staffId;
    }

    /** @return the due time that passed */
    public Instant dueAt() {
        return dueAt;
    }

    /** @return when the platform found it overdue */
    public Instant detectedAt() {
        return detectedAt;
    }

    /** @return how late, in working minutes of office hours, when found */
    public long workingMinutesLate() {
        return workingMinutesLate;
    }

    @Override
    public String toString() {
        return "AccountabilityRecord{" + caseId + ' ' + subject + ", " + workingMinutesLate + " min late}";
    }
}
