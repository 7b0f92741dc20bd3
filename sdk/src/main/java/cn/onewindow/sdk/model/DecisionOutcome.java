package cn.onewindow.sdk.model;

/**
 * The decision on a non-joint case.
 * <p>Open for values the server adds later: they read as {@link #UNKNOWN} (the raw value stays available on
 * the model), never as an error.
 */
public enum DecisionOutcome {
    /** approve */
    APPROVE,
    /** deny (reasons required) */
    DENY,
    /** A value this SDK version does not know yet; it cannot be sent. */
    UNKNOWN;

    /**
     * @param value a value as the server sends it
     * @return the constant, {@link #UNKNOWN} for a value this SDK version does not know, {@code null} for {@code null}
     */
    public static DecisionOutcome of(String value) {
        return OpenEnums.of(DecisionOutcome.class, value);
    }
}
