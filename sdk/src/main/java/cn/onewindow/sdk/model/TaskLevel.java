package cn.onewindow.sdk.model;

/**
 * Level of a department task.
 * <p>Open for values the server adds later: they read as {@link #UNKNOWN} (the raw value stays available on
 * the model), never as an error.
 */
public enum TaskLevel {
    /** one of the departments of a joint item */
    JOINT,
    /** the local level of an escalated item */
    LOCAL,
    /** the higher authority of an escalated item */
    HIGHER,
    /** A value this SDK version does not know yet; it cannot be sent. */
    UNKNOWN;

    /**
     * @param value a value as the server sends it
     * @return the constant, {@link #UNKNOWN} for a value this SDK version does not know, {@code null} for {@code null}
     */
    public static TaskLevel of(String value) {
        return OpenEnums.of(TaskLevel.class, value);
    }
}
