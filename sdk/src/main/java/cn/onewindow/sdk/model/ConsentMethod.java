package cn.onewindow.sdk.model;

/**
 * How a villager gave consent (委托) to a village agent's application on their behalf.
 * <p>Open for values the server adds later: they read as {@link #UNKNOWN} (the raw value stays available on
 * the model), never as an error.
 */
public enum ConsentMethod {
    /** A signed written authorisation (书面委托书), identified by its reference. */
    WRITTEN_AUTHORIZATION,
    /** Signed on the service point's terminal. */
    SIGNED_ON_TERMINAL,
    /** Confirmed biometrically on the service point's terminal. */
    BIOMETRIC_ON_TERMINAL,
    /** A value this SDK version does not know yet; it cannot be sent. */
    UNKNOWN;

    /**
     * @param value a value as the server sends it
     * @return the constant, {@link #UNKNOWN} for a value this SDK version does not know, {@code null} for {@code null}
     */
    public static ConsentMethod of(String value) {
        return OpenEnums.of(ConsentMethod.class, value);
    }
}
