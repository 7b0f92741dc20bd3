package cn.onewindow.sdk.model;

/**
 * Where a case is in its life cycle (SPEC §2.2).
 * <p>Open for values the server adds later: they read as {@link #UNKNOWN} (the raw value stays available on
 * the model), never as an error.
 */
public enum CaseStatus {
    /** submitted, not yet assessed */
    SUBMITTED,
    /** not accepted (不予受理) */
    NOT_ACCEPTED,
    /** waiting for the materials of the one-time notice */
    AWAITING_MATERIALS,
    /** accepted */
    ACCEPTED,
    /** accepted with tolerable materials outstanding (容缺受理) */
    ACCEPTED_WITH_DEFICIENCY,
    /** in review */
    IN_REVIEW,
    /** clock suspended */
    SUSPENDED,
    /** approved */
    APPROVED,
    /** denied (退办) */
    DENIED,
    /** result issued and ready to be fetched (出件) */
    RESULT_READY,
    /** result handed over */
    DELIVERED,
    /** withdrawn by the applicant */
    WITHDRAWN,
    /** A value this SDK version does not know yet; it cannot be sent. */
    UNKNOWN;

    /** @return whether a case in this status can still change (every status but the ends) */
    public boolean isOpen() {
        return this != NOT_ACCEPTED && this != DELIVERED && this != WITHDRAWN;
    }

    /**
     * @param value a value as the server sends it
     * @return the constant, {@link #UNKNOWN} for a value this SDK version does not know, {@code null} for {@code null}
     */
    public static CaseStatus of(String value) {
        return OpenEnums.of(CaseStatus.class, value);
    }
}
