package cn.onewindow.sdk.model;

/**
 * Handling mode of an item (办件类型).
 * <p>Open for values the server adds later: they read as {@link #UNKNOWN} (the raw value stays available on
 * the model), never as an error.
 */
public enum HandlingMode {
    /** 即办件: decided the same working day */
    IMMEDIATE,
    /** 承诺件: decided within the promised working days */
    PROMISED,
    /** 并联审批: departments decide in parallel */
    JOINT,
    /** 上报件: a local review, then a higher authority */
    ESCALATED,
    /** A value this SDK version does not know yet; it cannot be sent. */
    UNKNOWN;

    /**
     * @param value a value as the server sends it
     * @return the constant, {@link #UNKNOWN} for a value this SDK version does not know, {@code null} for {@code null}
     */
    public static HandlingMode of(String value) {
        return OpenEnums.of(HandlingMode.class, value);
    }
}
