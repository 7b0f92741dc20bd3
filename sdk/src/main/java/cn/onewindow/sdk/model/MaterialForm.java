package cn.onewindow.sdk.model;

/**
 * Form in which a material is handed in.
 * <p>Open for values the server adds later: they read as {@link #UNKNOWN} (the raw value stays available on
 * the model), never as an error.
 */
public enum MaterialForm {
    /** original */
    ORIGINAL,
    /** copy */
    COPY,
    /** original and copy */
    ORIGINAL_AND_COPY,
    /** A value this SDK version does not know yet; it cannot be sent. */
    UNKNOWN;

    /**
     * @param value a value as the server sends it
     * @return the constant, {@link #UNKNOWN} for a value this SDK version does not know, {@code null} for {@code null}
     */
    public static MaterialForm of(String value) {
        return OpenEnums.of(MaterialForm.class, value);
    }
}
