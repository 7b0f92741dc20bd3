package cn.onewindow.core.calendar;

import cn.onewindow.core.calendar.ExtensionRefusedException.Reason;

/**
 * Rules for extending a case's time limit (延期, Administrative Licensing Law art. 42): once per
 * case, with a reason, by at most {@code maxExtensionDays} working days, and never so that
 * promised + extension exceeds the legal limit + {@code maxExtensionDays}. Joint approval (并联)
 * cases have their own legal limit (45) and maximum extension (15), whatever legal limit the item
 * states.
 */
public final class ExtensionPolicy {

    private final int maxExtensionDays;
    private final int jointLegalDays;
    private final int jointMaxExtensionDays;

    public ExtensionPolicy(int maxExtensionDays, int jointLegalDays, int jointMaxExtensionDays) {
        if (maxExtensionDays < 1 || jointLegalDays < 1 || jointMaxExtensionDays < 1) {
            throw new IllegalArgumentException("extension policy figures must be positive");
        }
        this.maxExtensionDays = maxExtensionDays;
        this.jointLegalDays = jointLegalDays;
        this.jointMaxExtensionDays = jointMaxExtensionDays;
    }

    /** Art. 42: extension at most 10 working days; joint approval 45 days, extendable by 15. */
    public static ExtensionPolicy standard() {
        return new ExtensionPolicy(10, 45, 15);
    }

    public int maxExtensionDays() {
        return maxExtensionDays;
    }

    public int jointLegalDays() {
        return jointLegalDays;
    }

    public int jointMaxExtensionDays() {
        return jointMaxExtensionDays;
    }

    /**
     * Refuses the request with an {@link ExtensionRefusedException} if it breaks a rule; checks in
     * this order: already used, reason, days positive, too long, beyond legal limit.
     *
     * @param legalDays the item's legal limit in working days (≥ 0); ignored for joint cases
     * @throws IllegalArgumentException for impossible figures (negative promised or legal days)
     */
    public void check(boolean alreadyExtended, boolean joint, int promisedDays, int legalDays, int requestedDays,
                      String reason) {
        if (promisedDays < 0) {
            throw new IllegalArgumentException("promised days must not be negative: " + promisedDays);
        }
        if (!joint && legalDays < 0) {
            throw new IllegalArgumentException("legal days must not be negative: " + legalDays);
        }
        if (alreadyExtended) {
            throw new ExtensionRefusedException(Reason.EXTENSION_ALREADY_USED,
                    "该办件已延期过一次，不能再次延期",
                    "This case has already been extended once; it cannot be extended again");
        }
        if (reason == null || reason.isBlank()) {
            throw new ExtensionRefusedException(Reason.EXTENSION_REASON_REQUIRED,
                    "延期必须填写理由",
                    "An extension requires a reason");
        }
        if (requestedDays < 1) {
            throw new ExtensionRefusedException(Reason.EXTENSION_DAYS_INVALID,
                    "延期天数必须至少为1个工作日",
                    "An extension must be at least 1 working day (requested " + requestedDays + ")");
        }
        int maxDays = joint ? jointMaxExtensionDays : maxExtensionDays;
        int legal = joint ? jointLegalDays : legalDays;
        if (requestedDays > maxDays) {
            throw new ExtensionRefusedException(Reason.EXTENSION_TOO_LONG,
                    "延期不得超过" + maxDays + "个工作日（申请" + requestedDays + "个工作日）",
                    "An extension may add at most " + maxDays + " working days (requested " + requestedDays + ")");
        }
        int ceiling = legal + maxDays;
        if ((long) promisedDays + requestedDays > ceiling) {
            throw new ExtensionRefusedException(Reason.EXTENSION_BEYOND_LEGAL_LIMIT,
                    "承诺时限" + promisedDays + "个工作日加延期" + requestedDays + "个工作日超过法定时限" + legal
                            + "个工作日加" + maxDays + "个工作日（共" + ceiling + "个工作日）",
                    "Promised " + promisedDays + " + extension " + requestedDays + " working days exceeds the legal limit "
                            + legal + " + " + maxDays + " = " + ceiling + " working days");
        }
    }
}
