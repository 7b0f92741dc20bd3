package cn.onewindow.sdk.model;

/**
 * How supervision figures are grouped.
 * <p>Open for values the server adds later: they read as {@link #UNKNOWN} (the raw value stays available on
 * the model), never as an error.
 */
public enum GroupBy {
    /** per item */
    ITEM,
    /** per department */
    DEPARTMENT,
    /** per service point */
    SERVICE_POINT,
    /** per channel */
    CHANNEL,
    /** per center */
    CENTER,
    /** by the window rated (ratings only; cases carry no window) */
    WINDOW,
    /** by the staff member rated (ratings only) */
    STAFF,
    /** per calendar month of submission (ratings: of rating), group names like {@code 2025-04} */
    MONTH,
    /** A value this SDK version does not know yet; it cannot be sent. */
    UNKNOWN;

    /**
     * @param value a value as the server sends it
     * @return the constant, {@link #UNKNOWN} for a value this SDK version does not know, {@code null} for {@code null}
     */
    public static GroupBy of(String value) {
        return OpenEnums.of(GroupBy.class, value);
    }
}
