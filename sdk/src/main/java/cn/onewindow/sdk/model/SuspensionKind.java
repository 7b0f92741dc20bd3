package cn.onewindow.sdk.model;

/**
 * Why a case clock stops (Administrative Licensing Law art. 45).
 * <p>Open for values the server adds later: they read as {@link #UNKNOWN} (the raw value stays available on
 * the model), never as an error.
 */
public enum SuspensionKind {
    /** hearing */
    HEARING,
    /** site inspection */
    SITE_INSPECTION,
    /** testing */
    TESTING,
    /** quarantine */
    QUARANTINE,
    /** appraisal */
    APPRAISAL,
    /** expert review */
    EXPERT_REVIEW,
    /** waiting for a supplement */
    SUPPLEMENT,
    /** A value this SDK version does not know yet; it cannot be sent. */
    UNKNOWN;

    /**
     * @param value a value as the server sends it
     * @return the constant, {@link #UNKNOWN} for a value this SDK version does not know, {@code null} for {@code null}
     */
    public static SuspensionKind of(String value) {
        return OpenEnums.of(SuspensionKind.class, value);
    }
}
