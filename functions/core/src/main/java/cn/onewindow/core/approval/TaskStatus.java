package cn.onewindow.core.approval;

/** Where a department's task stands. */
public enum TaskStatus {
    /** Written with the case; its message is on the way to the department. */
    CREATED,
    /** In the department's inbox, waiting for a decision. */
    PENDING,
    /** The department asked for more materials; the case clock is stopped until they arrive. */
    AWAITING_SUPPLEMENT,
    APPROVED,
    DENIED;

    public boolean decided() {
        return this == APPROVED || this == DENIED;
    }
}
