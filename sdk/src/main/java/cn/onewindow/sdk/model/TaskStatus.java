package cn.onewindow.sdk.model;

/**
 * Where a department task is.
 * <p>Open for values the server adds later: they read as {@link #UNKNOWN} (the raw value stays available on
 * the model), never as an error.
 */
public enum TaskStatus {
    /** written, not yet in the inbox */
    CREATED,
    /** in the department's inbox */
    PENDING,
    /** waiting for the applicant's supplement */
    AWAITING_SUPPLEMENT,
    /** approved */
    APPROVED,
    /** denied */
    DENIED,
    /** A value this SDK version does not know yet; it cannot be sent. */
    UNKNOWN;

    /** @return whether the task has been decided */
    public boolean isDecided() {
        return this == APPROVED || this == DENIED;
    }

    /**
     * @param value a value as the server sends it
     * @return the constant, {@link #UNKNOWN} for a value this SDK version does not know, {@code null} for {@code null}
     */
    public static TaskStatus of(String value) {
        return OpenEnums.of(TaskStatus.class, value);
    }
}
