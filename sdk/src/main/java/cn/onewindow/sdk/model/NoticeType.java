package cn.onewindow.sdk.model;

/**
 * Kinds of notices issued to the applicant.
 * <p>Open for values the server adds later: they read as {@link #UNKNOWN} (the raw value stays available on
 * the model), never as an error.
 */
public enum NoticeType {
    /** 一次性告知单 */
    ONE_TIME_NOTICE,
    /** 受理通知书 */
    ACCEPTANCE,
    /** 承诺件通知书 */
    PROMISE,
    /** 容缺受理通知书 */
    DEFICIENCY_ACCEPTANCE,
    /** 不予受理通知书 */
    NOT_ACCEPTED,
    /** 退办通知书 */
    DENIAL,
    /** 出件通知 */
    RESULT_READY,
    /** 暂停计时告知 */
    SUSPENSION,
    /** 延期告知 */
    EXTENSION,
    /** A value this SDK version does not know yet; it cannot be sent. */
    UNKNOWN;

    /**
     * @param value a value as the server sends it
     * @return the constant, {@link #UNKNOWN} for a value this SDK version does not know, {@code null} for {@code null}
     */
    public static NoticeType of(String value) {
        return OpenEnums.of(NoticeType.class, value);
    }
}
