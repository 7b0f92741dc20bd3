package cn.onewindow.sdk.model;

/**
 * A department's decision on a task.
 * <p>Open for values the server adds later: they read as {@link #UNKNOWN} (the raw value stays available on
 * the model), never as an error.
 */
public enum TaskOutcome {
    /** approve */
    APPROVE,
    /** deny (reasons required) */
    DENY,
    /** ask the applicant for materials (missing codes required) */
    REQUEST_SUPPLEMENT,
    /** A value this SDK version does not know yet; it cannot be sent. */
    UNKNOWN;

    /**
     * @param value a value as the server sends it
     * @return the constant, {@link #UNKNOWN} for a value this SDK version does not know, {@code null} for {@code null}
     */
    public static TaskOutcome of(String value) {
        return OpenEnums.of(TaskOutcome.class, value);
    }
}
