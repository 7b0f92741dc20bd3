package cn.onewindow.sdk.model;

/**
 * Item type.
 * <p>Open for values the server adds later: they read as {@link #UNKNOWN} (the raw value stays available on
 * the model), never as an error.
 */
public enum ItemType {
    /** 行政许可 */
    ADMINISTRATIVE_LICENSE,
    /** 公共服务 */
    PUBLIC_SERVICE,
    /** 其他 */
    OTHER,
    /** A value this SDK version does not know yet; it cannot be sent. */
    UNKNOWN;

    /**
     * @param value a value as the server sends it
     * @return the constant, {@link #UNKNOWN} for a value this SDK version does not know, {@code null} for {@code null}
     */
    public static ItemType of(String value) {
        return OpenEnums.of(ItemType.class, value);
    }
}
