package cn.onewindow.core.evaluation;

import cn.onewindow.core.cases.ApplicantType;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 整改 (SPEC §2.5): a bad rating opens it AWAITING_JUDGEMENT; 研判 dismisses it (DISMISSED) or starts it
 * (IN_RECTIFICATION, call-back and fix due); the call-back is recorded once, the fix extended once, and it is FIXED
 * only after the call-back. The deadline checker records each missed due once.
 */
class RectificationTest {
    static final Instant T0 = Instant.parse("2025-05-06T02:00:00Z");
    static final Instant CALLBACK_DUE = T0.plus(Duration.ofDays(1));
    static final Instant FIX_DUE = T0.plus(Duration.ofDays(21));
    static final Caller SUPERVISOR = new Caller("sup-1", Role.SUPERVISOR, "监察", null, null, null, null);

    static Instant t(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    static Rectification opened() {
        Evaluation e = new Evaluation("C1-E1", "C1", 1, Level.VERY_DISSATISFIED, EvaluationChannel.PAD, "太慢", "ITEM",
                1, "事项", "xf", "330100", "330110-ZX", "330110-ZX", null, null, "DELIVERED", ApplicantType.PERSON,
                IdType.RESIDENT_ID, "k1:abc", T0, T0, "pad-1", null, null);
        return Rectification.open(e, T0);
    }

    static Rectification inRectification() {
        return opened().acceptAsValid("服务超时属实", SUPERVISOR, t(1), CALLBACK_DUE, FIX_DUE);
    }

    static Rectification calledBack() {
        return inRectification().callBack("已致电道歉", SUPERVISOR, t(2));
    }

    static Rectification fixed() {
        return calledBack().fix("流程已优化", SUPERVISOR, t(3));
    }

    static Rectification dismissed() {
        return opened().dismiss("评价与事实不符", SUPERVISOR, t(1));
    }

    @Test
    void aBadRatingOpensARectificationAwaitingJudgement() {
        Rectification r = opened();
        assertEquals("C1-R1", r.id());
        assertEquals(Rectification.Status.AWAITING_JUDGEMENT, r.status());
        assertEquals(List.of("OPENED"), r.history().stream().map(Rectification.Step::event).toList());
    }

    @Test
    void judgedInvalidItIsClosed() {
        Rectification r = dismissed();
        assertEquals(Rectification.Status.DISMISSED, r.status());
        assertEquals(Boolean.FALSE, r.valid());
        assertEquals(t(1), r.closedAt());
        assertTrue(r.judgedAs(false, "评价与事实不符"));
        assertFalse(r.judgedAs(true, "评价与事实不符"));
    }

    @Test
    void judgedValidItRunsToItsFixAfterTheCallBack() {
        Rectification r = inRectification();
        assertEquals(Rectification.Status.IN_RECTIFICATION, r.status());
        assertEquals(CALLBACK_DUE, r.callbackDueAt());
        assertEquals(FIX_DUE, r.fixDueAt());
        assertEquals("sup-1", r.judgedBy());
        Rectification extended = calledBack().extend(5, "需采购设备", FIX_DUE.plus(Duration.ofDays(7)), true,
                SUPERVISOR, t(3));
        assertEquals(5, extended.extensionDays());
        assertTrue(extended.extendedBy(5, "需采购设备"));
        Rectification done = extended.fix("流程已优化", SUPERVISOR, t(4));
        assertEquals(Rectification.Status.FIXED, done.status());
        assertEquals(t(4), done.closedAt());
        assertTrue(done.fixedWith("流程已优化"));
        assertEquals(List.of("OPENED", "JUDGED_VALID", "CALLED_BACK", "EXTENDED", "FIXED"),
                done.history().stream().map(Rectification.Step::event).toList());
    }

    @Test
    void theDeadlineCheckerRecordsEachMissedDueOnce() {
        Rectification r = inRectification();
        assertFalse(r.callbackOverdueAt(CALLBACK_DUE.minusSeconds(1)));
        assertTrue(r.callbackOverdueAt(CALLBACK_DUE));
        Rectification late = r.markCallbackOverdue(30, "deadline-checker", CALLBACK_DUE);
        assertFalse(late.callbackOverdueAt(CALLBACK_DUE.plusSeconds(60)), "once");
        Instant warnAt = FIX_DUE.minus(Duration.ofDays(1));
        assertTrue(late.fixWarningDue(warnAt, warnAt));
        Rectification warned = late.warnFix(warnAt, "deadline-checker", warnAt);
        assertFalse(warned.fixWarningDue(warnAt, warnAt), "once");
        Rectification red = warned.markFixOverdue(60, "deadline-checker", FIX_DUE);
        assertEquals(60L, red.fixOverdueWorkingMinutes());
        assertFalse(red.fixOverdueAt(FIX_DUE.plusSeconds(60)), "once");
        assertEquals(FIX_DUE, inRectification().markFixOverdue(1, "deadline-checker", FIX_DUE).fixWarnedAt(),
                "a red card counts as the warning too");
        assertNull(calledBack().extend(1, "x", FIX_DUE.plus(Duration.ofDays(1)), true, SUPERVISOR, t(3))
                .fixWarnedAt());
    }

    static Stream<Arguments> illegal() {
        UnaryOperator<Rectification> judgeValid = r -> r.acceptAsValid("x", SUPERVISOR, t(5), CALLBACK_DUE, FIX_DUE);
        UnaryOperator<Rectification> dismiss = r -> r.dismiss("x", SUPERVISOR, t(5));
        UnaryOperator<Rectification> callBack = r -> r.callBack("x", SUPERVISOR, t(5));
        UnaryOperator<Rectification> extend = r -> r.extend(3, "x", FIX_DUE, false, SUPERVISOR, t(5));
        UnaryOperator<Rectification> fix = r -> r.fix("x", SUPERVISOR, t(5));
        UnaryOperator<Rectification> callbackLate = r -> r.markCallbackOverdue(1, "c", CALLBACK_DUE);
        UnaryOperator<Rectification> fixLate = r -> r.markFixOverdue(1, "c", FIX_DUE);
        return Stream.of(
                Arguments.of("IN_RECTIFICATION", inRectification(), "judge valid", judgeValid,
                        "RECTIFICATION_ALREADY_JUDGED"),
                Arguments.of("DISMISSED", dismissed(), "judge invalid", dismiss, "RECTIFICATION_ALREADY_JUDGED"),
                Arguments.of("FIXED", fixed(), "judge valid", judgeValid, "RECTIFICATION_ALREADY_JUDGED"),
                Arguments.of("AWAITING_JUDGEMENT", opened(), "call back", callBack, "RECTIFICATION_NOT_IN_PROGRESS"),
                Arguments.of("AWAITING_JUDGEMENT", opened(), "extend", extend, "RECTIFICATION_NOT_IN_PROGRESS"),
                Arguments.of("AWAITING_JUDGEMENT", opened(), "fix", fix, "RECTIFICATION_NOT_IN_PROGRESS"),
                Arguments.of("DISMISSED", dismissed(), "call back", callBack, "RECTIFICATION_NOT_IN_PROGRESS"),
                Arguments.of("FIXED", fixed(), "fix", fix, "RECTIFICATION_NOT_IN_PROGRESS"),
                Arguments.of("FIXED", fixed(), "extend", extend, "RECTIFICATION_NOT_IN_PROGRESS"),
                Arguments.of("IN_RECTIFICATION, called back", calledBack(), "call back", callBack,
                        "CALLBACK_ALREADY_RECORDED"),
                Arguments.of("IN_RECTIFICATION, extended", calledBack().extend(2, "y", FIX_DUE, false, SUPERVISOR,
                        t(3)), "extend", extend, "RECTIFICATION_EXTENSION_USED"),
                Arguments.of("IN_RECTIFICATION, not called back", inRectification(), "fix", fix, "CALLBACK_REQUIRED"),
                Arguments.of("IN_RECTIFICATION, called back", calledBack(), "call-back overdue", callbackLate,
                        "CALLBACK_NOT_OVERDUE"),
                Arguments.of("FIXED", fixed(), "fix overdue", fixLate, "FIX_NOT_OVERDUE"));
    }

    @ParameterizedTest(name = "{0}: {2} is refused with {4}")
    @MethodSource("illegal")
    void illegalTransitionsAreRefusedWithTheirCode(String state, Rectification r, String action,
                                                   UnaryOperator<Rectification> transition, String code) {
        DomainException e = assertThrows(DomainException.class, () -> transition.apply(r));
        assertEquals(code, e.code());
    }
}
