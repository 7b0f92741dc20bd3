package cn.onewindow.core.cases;

import cn.onewindow.core.common.DomainException;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static cn.onewindow.core.cases.CaseStatus.*;

/** The legal transitions between case states; everything else is refused with ILLEGAL_TRANSITION. */
public final class CaseStateMachine {

    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = new EnumMap<>(CaseStatus.class);

    static {
        NEXT.put(SUBMITTED, EnumSet.of(NOT_ACCEPTED, AWAITING_MATERIALS, ACCEPTED, ACCEPTED_WITH_DEFICIENCY));
        NEXT.put(AWAITING_MATERIALS, EnumSet.of(ACCEPTED, ACCEPTED_WITH_DEFICIENCY, NOT_ACCEPTED));
        NEXT.put(ACCEPTED, EnumSet.of(IN_REVIEW));
        NEXT.put(ACCEPTED_WITH_DEFICIENCY, EnumSet.of(IN_REVIEW, ACCEPTED));
        NEXT.put(IN_REVIEW, EnumSet.of(APPROVED, DENIED, SUSPENDED));
        NEXT.put(SUSPENDED, EnumSet.of(IN_REVIEW));
        NEXT.put(APPROVED, EnumSet.of(RESULT_READY));
        NEXT.put(RESULT_READY, EnumSet.of(DELIVERED));
        NEXT.put(DENIED, EnumSet.of(DELIVERED));
        NEXT.put(NOT_ACCEPTED, EnumSet.noneOf(CaseStatus.class));
        NEXT.put(DELIVERED, EnumSet.noneOf(CaseStatus.class));
        NEXT.put(WITHDRAWN, EnumSet.noneOf(CaseStatus.class));
        for (CaseStatus open : CaseStatus.OPEN) {
            NEXT.get(open).add(WITHDRAWN);
        }
    }

    private CaseStateMachine() {
    }

    public static boolean allowed(CaseStatus from, CaseStatus to) {
        return NEXT.get(from).contains(to);
    }

    public static Set<CaseStatus> next(CaseStatus from) {
        return Set.copyOf(NEXT.get(from));
    }

    public static void check(CaseStatus from, CaseStatus to) {
        if (!allowed(from, to)) throw illegal(from, to);
    }

    /** The refusal of a move the table, or the rule of the transition on top of it, does not allow. */
    static DomainException illegal(CaseStatus from, CaseStatus to) {
        return DomainException.illegalState("ILLEGAL_TRANSITION",
                "办件当前状态为" + from.chinese() + "，不能变更为" + to.chinese(),
                "a case in status " + from + " cannot move to " + to);
    }
}
