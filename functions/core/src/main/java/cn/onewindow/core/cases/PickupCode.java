package cn.onewindow.core.cases;

import cn.onewindow.core.common.DomainException;

/**
 * The pick-up code (取件码) of a 代办 result: how its tries are counted and audited (never the code itself), and
 * the refusals of a wrong or locked code. Five wrong codes in a row lock it until a supervisor issues a new one.
 */
public final class PickupCode {
    /** Wrong pick-up codes in a row after which the code is locked. */
    public static final int MAX_FAILURES = 5;

    /** The outcome of one try of a pick-up code, as audited. */
    public enum Try { MATCHED, MISMATCHED, LOCKED }

    private PickupCode() {
    }

    static boolean locked(int failures) {
        return failures >= MAX_FAILURES;
    }

    /** The wrong tries in a row after this try: a mismatch counts one more, anything else leaves the count. */
    static int failuresAfter(Try outcome, int failures) {
        return outcome == Try.MISMATCHED ? failures + 1 : failures;
    }

    /** The history line's reason for one try, with the failures after it. */
    static String auditLine(Try outcome, int failuresAfter) {
        return outcome + (outcome == Try.MATCHED ? ""
                : ", wrong tries " + Math.min(failuresAfter, MAX_FAILURES) + "/" + MAX_FAILURES
                + (locked(failuresAfter) ? ", locked" : ""));
    }

    /** The refusal of a try while the code is locked (409). */
    public static DomainException lockedRefusal() {
        return DomainException.conflict("PICKUP_CODE_LOCKED",
                "取件码已连续输错" + MAX_FAILURES + "次被锁定，请联系电子监察重新发放",
                "the pick-up code is locked after " + MAX_FAILURES + " wrong tries; a supervisor can issue a new one");
    }

    /** The refusal of a wrong code (422), saying how many tries are left after it. */
    public static DomainException mismatchRefusal(int failuresAfter) {
        int left = MAX_FAILURES - failuresAfter;
        return DomainException.unprocessable("CONFIRMATION_CODE_MISMATCH",
                "取件码不正确" + (left > 0 ? "，还可尝试" + left + "次" : "，取件码已锁定"),
                "the pick-up code does not match" + (left > 0 ? "; " + left + " tries left"
                        : "; the code is now locked"));
    }
}
