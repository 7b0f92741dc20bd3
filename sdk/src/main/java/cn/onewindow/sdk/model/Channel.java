package cn.onewindow.sdk.model;

/**
 * How an application came in.
 * <p>Open for values the server adds later: they read as {@link #UNKNOWN} (the raw value stays available on
 * the model), never as an error.
 */
public enum Channel {
    /** at a service center window */
    WINDOW,
    /** by a village agent on behalf of a villager (代办) */
    VILLAGE_AGENT,
    /** online */
    ONLINE,
    /** at a self-service terminal */
    SELF_SERVICE,
    /** A value this SDK version does not know yet; it cannot be sent. */
    UNKNOWN;

    /**
     * @param value a value as the server sends it
     * @return the constant, {@link #UNKNOWN} for a value this SDK version does not know, {@code null} for {@code null}
     */
    public static Channel of(String value) {
        return OpenEnums.of(Channel.class, value);
    }
}
