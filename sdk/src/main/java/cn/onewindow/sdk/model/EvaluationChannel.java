package cn.onewindow.sdk.model;

/**
 * Where a rating was given (SPEC §2.5).
 * <p>Open for values the server adds later: they read as {@link #UNKNOWN} (the raw value stays available on
 * the model), never as an error.
 */
public enum EvaluationChannel {
    /** a PAD at the window */
    PAD,
    /** an evaluator device */
    EVALUATOR,
    /** a terminal */
    TERMINAL,
    /** SMS */
    SMS,
    /** the web */
    WEB,
    /** A value this SDK version does not know yet; it cannot be sent. */
    UNKNOWN;

    /**
     * @param value a value as the server sends it
     * @return the constant, {@link #UNKNOWN} for a value this SDK version does not know, {@code null} for {@code null}
     */
    public static EvaluationChannel of(String value) {
        return OpenEnums.of(EvaluationChannel.class, value);
    }
}
