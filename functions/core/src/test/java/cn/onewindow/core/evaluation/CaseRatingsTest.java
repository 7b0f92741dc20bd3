package cn.onewindow.core.evaluation;

import cn.onewindow.core.cases.Applicant;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.Decision;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.Notice;
import cn.onewindow.core.cases.NoticeType;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;
import cn.onewindow.core.testing.TestItems;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static cn.onewindow.core.testing.TestItems.WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 好差评 (SPEC §2.5): a case is rated once its result was issued, by its applicant, once; a retry is not a second
 * vote; a re-rating is allowed once, after the rectification of the first rating was fixed.
 */
class CaseRatingsTest {
    static final Instant T0 = Instant.parse("2025-05-06T02:00:00Z");
    static final Caller SUPERVISOR = new Caller("sup-1", Role.SUPERVISOR, "监察", null, null, null, null);

    static ServiceCase accepted() {
        ServiceCase c = ServiceCase.submit("20250506-TEST000002", TestItems.promised().build(),
                new Applicant("李四", null, IdType.RESIDENT_ID, "11010519491231002X", "13812345678"), Channel.WINDOW,
                "330110-ZX", "330110-ZX", null, List.of(new SubmittedMaterial("M01", 1)), T0, WINDOW);
        c.accept(T0.plus(Duration.ofDays(20)), false, List.of(), new Notice(NoticeType.PROMISE, List.of(), "承诺", T0),
                T0, WINDOW);
        return c;
    }

    static ServiceCase.Snapshot resultIssued() {
        ServiceCase c = accepted();
        c.decide(new Decision(Decision.Outcome.APPROVE, List.of(), T0, WINDOW), null, T0);
        c.issueResult("R-1", null, T0, WINDOW);
        return c.snapshot();
    }

    static Evaluation rating(ServiceCase.Snapshot c, int round, Level level) {
        return new Evaluation(Evaluation.idFor(c.id(), round), c.id(), round, level, EvaluationChannel.PAD, null,
                c.itemCode(), 1, c.itemName(), "xf", "330100", c.centerId(), c.servicePointId(), null, null,
                "RESULT_READY", null, null, "k1:x", T0, T0, "pad-1", null, null);
    }

    static String code(Runnable r) {
        return assertThrows(DomainException.class, r::run).code();
    }

    @Test
    void aCaseWithoutItsResultIsNotRateable() {
        CaseRatings none = new CaseRatings(accepted().snapshot(), null, null, null);
        assertEquals("CASE_NOT_RATEABLE", code(none::requireRateable));
        new CaseRatings(resultIssued(), null, null, null).requireRateable();
    }

    @Test
    void theApplicantConfirmsWithTheLastFourOfIdNumberOrPhone() {
        CaseRatings r = new CaseRatings(resultIssued(), null, null, null);
        r.requireApplicant("002x");
        r.requireApplicant("5678");
        assertEquals("APPLICANT_NOT_CONFIRMED", code(() -> r.requireApplicant("1234")));
        assertEquals("APPLICANT_NOT_CONFIRMED", code(() -> r.requireApplicant("25678")));
    }

    @Test
    void firstRatingIsRoundOneAndARetryIsNotASecondVote() {
        ServiceCase.Snapshot c = resultIssued();
        assertEquals(1, new CaseRatings(c, null, null, null).nextRound());
        Evaluation first = rating(c, 1, Level.SATISFIED);
        CaseRatings rated = new CaseRatings(c, null, null, null).with(first);
        assertEquals(first, rated.repeated(Level.SATISFIED, EvaluationChannel.PAD, " ").orElseThrow());
        assertFalse(rated.repeated(Level.BASIC, EvaluationChannel.PAD, null).isPresent());
        assertEquals("ALREADY_RATED", code(rated::nextRound));
    }

    @Test
    void aReRatingIsAllowedOnceAfterTheRectificationWasFixed() {
        ServiceCase.Snapshot c = resultIssued();
        Evaluation bad = rating(c, 1, Level.DISSATISFIED);
        Rectification open = Rectification.open(bad, T0);
        assertEquals("ALREADY_RATED", code(() -> new CaseRatings(c, bad, null, open).nextRound()),
                "not before the fix");
        Rectification fixed = open.acceptAsValid("属实", SUPERVISOR, T0, T0.plusSeconds(60), T0.plusSeconds(600))
                .callBack("已回访", SUPERVISOR, T0).fix("已整改", SUPERVISOR, T0);
        CaseRatings afterFix = new CaseRatings(c, bad, null, fixed);
        assertEquals(2, afterFix.nextRound());
        CaseRatings reRated = afterFix.with(rating(c, 2, Level.SATISFIED));
        assertEquals("RERATING_ALREADY_USED", code(reRated::nextRound));
        assertTrue(reRated.repeated(Level.SATISFIED, EvaluationChannel.PAD, null).isPresent());
    }
}
