package cn.onewindow.sdk.model;

/**
 * Kind of identity document.
 * <p>Open for values the server adds later: they read as {@link #UNKNOWN} (the raw value stays available on
 * the model), never as an error.
 */
public enum IdType {
    /** resident identity card */
    RESIDENT_ID,
    /** passport */
    PASSPORT,
    /** Hong Kong / Macao permit */
    HK_MACAO_PERMIT,
    /** Taiwan permit */
    TAIWAN_PERMIT,
    /** foreigner permanent resident card */
    FOREIGNER_PERMANENT_RESIDENT,
    /** unified social credit code (companies) */
    UNIFIED_SOCIAL_CREDIT_CODE,
    /** other */
    OTHER,
    /** A value this SDK version does not know yet; it cannot be sent. */
    UNKNOWN;

    /**
     * @param value a value as the server sends it
     * @return the constant, {@link #UNKNOWN} for a value this SDK version does not know, {@code null} for {@code null}
     */
    public static IdType of(String value) {
        return OpenEnums.of(IdType.class, value);
    }
}
