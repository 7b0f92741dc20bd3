package cn.onewindow.sdk.model;

/**
 * Status of a catalog item.
 * <p>Open for values the server adds later: they read as {@link #UNKNOWN} (the raw value stays available on
 * the model), never as an error.
 */
public enum ItemStatus {
    /** active */
    ACTIVE,
    /** cancelled */
    CANCELLED,
    /** A value this SDK version does not know yet; it cannot be sent. */
    UNKNOWN;

    /**
     * @param value a value as the server sends it
     * @return the constant, {@link #UNKNOWN} for a value this SDK version does not know, {@code null} for {@code null}
     */
    public static ItemStatus of(String value) {
        return OpenEnums.of(ItemStatus.class, value);
    }
}
