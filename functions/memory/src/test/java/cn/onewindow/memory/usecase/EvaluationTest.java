package cn.onewindow.memory.usecase;

import cn.onewindow.core.evaluation.usecase.RateCase;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.evaluation.EvaluationChannel;
import cn.onewindow.core.evaluation.Level;
import cn.onewindow.core.evaluation.RatingRequest;
import cn.onewindow.core.evaluation.Rectification;
import cn.onewindow.core.service.EvaluationForwarder;
import cn.onewindow.core.service.EvaluationService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static cn.onewindow.memory.usecase.EvaluationRig.DEPT_FGW;
import static cn.onewindow.memory.usecase.EvaluationRig.DEPT_SCJG;
import static cn.onewindow.memory.usecase.EvaluationRig.SUPERVISOR;
import static cn.onewindow.memory.usecase.EvaluationRig.TERMINAL;
import static cn.onewindow.memory.usecase.EvaluationRig.WINDOW;
import static cn.onewindow.memory.usecase.EvaluationRig.rating;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Single ratings, the rectification loop on the 2025 calendar, the invitation and forwarding, on the in-memory platform. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class EvaluationTest {
    /** Friday 2025-04-25 10:00 in Shanghai. */
    static final Instant FRIDAY_10 = Instant.parse("2025-04-25T02:00:00Z");
    EvaluationRig rig;
    EvaluationService evals;

    @BeforeAll
    void setUp() {
        rig = new EvaluationRig(FRIDAY_10);
        evals = rig.platform.evaluationService;
    }

    private static String code(Runnable r) {
        return assertThrows(DomainException.class, r::run).code();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void everyLevelAndEveryChannelIsStoredWithWhatNationalReportingNeeds() {
        for (Level level : Level.values()) {
            for (EvaluationChannel channel : EvaluationChannel.values()) {
                String id = rig.delivered("申请人" + level.ordinal() + channel.ordinal());
                RateCase.Rated r = evals.rate(TERMINAL, rating(id, level.name(), channel.name()), null);
                assertFalse(r.replayed());
                Evaluation e = evals.get(SUPERVISOR, id, 1);
                assertEquals(level, e.level());
                assertEquals(channel, e.channel());
                assertEquals("330100-XK-0001", e.itemCode());
                assertEquals(1, e.itemVersion());
                assertEquals("scjg", e.departmentCode());
                assertEquals("DELIVERED", e.caseStatus());
                assertNotNull(e.applicantType());
                assertNotNull(e.idType());
                assertNotNull(e.regionCode());
                assertEquals("W01", e.windowId());
                assertEquals(level.bad(), rig.platform.evaluations.rectification(id, 1).isPresent(),
                        "a bad rating, and only a bad one, opens a rectification");
            }
        }
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aRetryIsTheFirstResultAndADifferentSecondVoteIsRefused() {
        String id = rig.delivered("重试者");
        Evaluation first = evals.rate(TERMINAL, rating(id, "SATISFIED", "PAD"), null).evaluation();
        RateCase.Rated again = evals.rate(TERMINAL, rating(id, "SATISFIED", "PAD"), null);
        assertTrue(again.replayed());
        assertEquals(first, again.evaluation());
        assertEquals("ALREADY_RATED", code(() -> evals.rate(TERMINAL, rating(id, "VERY_DISSATISFIED", "PAD"), null)));

        // Idempotency-Key: the same key and body → the first answer; the same key with another body → refused
        String id2 = rig.delivered("幂等者");
        Evaluation k1 = evals.rate(TERMINAL, rating(id2, "BASIC", "EVALUATOR"), "key-1").evaluation();
        RateCase.Rated k2 = evals.rate(TERMINAL, rating(id2, "BASIC", "EVALUATOR"), "key-1");
        assertTrue(k2.replayed());
        assertEquals(k1, k2.evaluation());
        assertEquals("IDEMPOTENCY_KEY_REUSED",
                code(() -> evals.rate(TERMINAL, rating(id2, "SATISFIED", "EVALUATOR"), "key-1")));
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void onlyACaseWithAResultOrDeliveryByItsApplicantFromADevice() {
        String open = rig.accepted("未办结");
        assertEquals("CASE_NOT_RATEABLE", code(() -> evals.rate(TERMINAL, rating(open, "SATISFIED", "PAD"), null)));
        String ready = rig.resultReady("已出件");
        assertEquals(1, evals.rate(TERMINAL, rating(ready, "SATISFIED", "PAD"), null).evaluation().round());
        String id = rig.delivered("冒名");
        assertEquals("APPLICANT_NOT_CONFIRMED", code(() -> evals.rate(TERMINAL,
                new RatingRequest(id, "SATISFIED", "PAD", "0000", null, null, null, null), null)));
        assertEquals("FORBIDDEN", code(() -> evals.rate(WINDOW, rating(id, "SATISFIED", "PAD"), null)));
        assertEquals("CASE_NOT_FOUND", code(() -> evals.rate(TERMINAL, rating("20250425-NOSUCHCASE", "SATISFIED",
                "PAD"), null)));
        DomainException bad = assertThrows(DomainException.class, () -> evals.rate(TERMINAL,
                new RatingRequest(id, "GOOD", "FAX", null, null, null, null, "yesterday"), null));
        assertEquals("VALIDATION_FAILED", bad.code());
        assertEquals(List.of("applicantConfirmation", "level", "channel", "ratedAt"),
                bad.fieldErrors().stream().map(f -> f.field()).toList());
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void rectificationDeadlinesOnThe2025CalendarThenOneReRatingAndNoThird() {
        rig.clock.advanceTo(FRIDAY_10);
        String id = rig.delivered("差评人");
        evals.rate(TERMINAL, rating(id, "VERY_DISSATISFIED", "EVALUATOR"), null);
        String rid = Rectification.idFor(id, 1);
        Rectification r = evals.rectification(SUPERVISOR, rid);
        assertEquals(Rectification.Status.AWAITING_JUDGEMENT, r.status());
        assertEquals("RECTIFICATION_NOT_FOUND", code(() -> evals.judge(DEPT_FGW, rid, true, "不是本部门")),
                "another department does not even see it");
        assertEquals("ALREADY_RATED", code(() -> evals.rate(TERMINAL, rating(id, "SATISFIED", "PAD"), null)),
                "no re-rating before the fix");

        // judged valid on Friday 2025-04-25 10:00: call-back due on the next working day, Sunday 04-27 (make-up
        // working day) 18:00; fix due 15 working days later across the May Day holiday (05-01..05): Tuesday 05-20 18:00
        r = evals.judge(DEPT_SCJG, rid, true, "窗口答复不清，情况属实");
        assertEquals(Rectification.Status.IN_RECTIFICATION, r.status());
        assertEquals(Instant.parse("2025-04-27T10:00:00Z"), r.callbackDueAt());
        assertEquals(Instant.parse("2025-05-20T10:00:00Z"), r.fixDueAt());
        assertEquals(r, evals.judge(DEPT_SCJG, rid, true, "窗口答复不清，情况属实"), "a retry is the same answer");
        assertEquals("RECTIFICATION_ALREADY_JUDGED", code(() -> evals.judge(SUPERVISOR, rid, false, "改判")));

        // the call-back is missed: the checker finds it overdue on Monday, exactly once
        rig.clock.advanceTo(Instant.parse("2025-04-28T01:00:00Z"));
        assertTrue(rig.platform.deadlineChecker.run().overdue() >= 1); // also the unfinished case of another test
        assertEquals(0, rig.platform.deadlineChecker.run().overdue());
        r = evals.rectification(SUPERVISOR, rid);
        assertNotNull(r.callbackOverdueAt());
        assertNull(r.fixOverdueAt());
        r = evals.callback(DEPT_SCJG, rid, "已电话回访，申请人表示理解");

        // extended once by 5 working days: Tuesday 05-27 18:00; a second extension is refused
        r = evals.extend(DEPT_SCJG, rid, 5, "需协调另一部门");
        assertEquals(Instant.parse("2025-05-27T10:00:00Z"), r.fixDueAt());
        assertEquals("RECTIFICATION_EXTENSION_USED", code(() -> evals.extend(DEPT_SCJG, rid, 3, "再延")));

        // a warning one working day before (Monday 05-26 18:00), then overdue, each exactly once
        rig.clock.advanceTo(Instant.parse("2025-05-26T10:30:00Z"));
        assertEquals(1, rig.platform.deadlineChecker.run().warnings());
        rig.clock.advanceTo(Instant.parse("2025-05-28T02:00:00Z"));
        assertEquals(1, rig.platform.deadlineChecker.run().overdue());
        assertEquals(0, rig.platform.deadlineChecker.run().overdue());
        r = evals.rectification(SUPERVISOR, rid);
        assertEquals(60L, r.fixOverdueWorkingMinutes(), "Wednesday 09:00-10:00");
        assertTrue(rig.platform.evaluations.rectifications("department", "scjg", true, 100, null).items()
                .stream().anyMatch(x -> x.id().equals(rid)));

        r = evals.fix(DEPT_SCJG, rid, "已整改：窗口一次性告知规范");
        assertEquals(Rectification.Status.FIXED, r.status());
        assertFalse(rig.platform.evaluations.rectifications("department", "scjg", true, 100, null).items()
                .stream().anyMatch(x -> x.id().equals(rid)), "no longer listed as open");
        assertEquals(List.of("OPENED", "JUDGED_VALID", "CALLBACK_OVERDUE", "CALLED_BACK", "EXTENDED", "FIX_WARNING",
                "FIX_OVERDUE", "FIXED"), r.history().stream().map(Rectification.Step::event).toList());

        // after the fix: one re-rating, then no third
        Evaluation second = evals.rate(TERMINAL, rating(id, "SATISFIED", "PAD"), null).evaluation();
        assertEquals(2, second.round());
        assertEquals("RERATING_ALREADY_USED", code(() -> evals.rate(TERMINAL, rating(id, "BASIC", "PAD"), null)));
        assertTrue(evals.rate(TERMINAL, rating(id, "SATISFIED", "PAD"), null).replayed());
    }

    @Test
    @org.junit.jupiter.api.Order(5)
    void aDismissedRectificationAllowsNoReRating() {
        String id = rig.delivered("无效差评");
        evals.rate(TERMINAL, rating(id, "DISSATISFIED", "SMS"), null);
        Rectification r = evals.judge(SUPERVISOR, Rectification.idFor(id, 1), false, "恶意差评，与办件无关");
        assertEquals(Rectification.Status.DISMISSED, r.status());
        assertEquals("ALREADY_RATED", code(() -> evals.rate(TERMINAL, rating(id, "SATISFIED", "SMS"), null)));
    }

    @Test
    @org.junit.jupiter.api.Order(6)
    void anUnratedDeliveredCaseIsInvitedExactlyOnce() {
        rig.clock.advanceTo(Instant.parse("2025-06-10T02:00:00Z"));
        String unrated = rig.delivered("未评价");
        String rated = rig.delivered("已评价");
        evals.rate(TERMINAL, rating(rated, "SATISFIED", "WEB"), null);
        rig.clock.advance(Duration.ofDays(3).plusMinutes(1));
        rig.platform.deadlineChecker.run();
        rig.clock.advance(Duration.ofMinutes(5));
        rig.platform.deadlineChecker.run();
        rig.platform.notificationRelay.run(Duration.ofDays(2));
        rig.platform.notificationRelay.run(Duration.ofDays(2));
        // the relay delivers at least once (each message carries its id): exactly one invitation was written
        List<String> invitations = rig.platform.delivered.stream()
                .filter(n -> n.kind() == cn.onewindow.core.notify.Notification.Kind.EVALUATION_INVITATION
                        && (n.caseId().equals(unrated) || n.caseId().equals(rated)))
                .map(n -> n.caseId() + " " + n.id()).distinct().toList();
        assertEquals(1, invitations.size(), String.join("\n", invitations));
        assertTrue(invitations.get(0).startsWith(unrated));
        // rating after the invitation still works
        assertEquals(1, evals.rate(TERMINAL, rating(unrated, "BASIC", "SMS"), null).evaluation().round());
    }

    @Test
    @org.junit.jupiter.api.Order(7)
    void forwardingKeepsOrderPerCaseRetriesAFailingEndpointAndLosesNothing() {
        rig.clock.advanceTo(Instant.parse("2025-07-01T02:00:00Z"));
        // every run below looks back 2 days: the ratings earlier tests left unforwarded (2025-04-25..06-13) are out
        // of its reach, so "received" below must hold exactly this test's ratings (no 400-day drain: 9,600 queries)
        String a = rig.delivered("转发甲");
        String b = rig.delivered("转发乙");
        evals.rate(TERMINAL, rating(a, "DISSATISFIED", "PAD"), null);
        rig.clock.advance(Duration.ofMinutes(1));
        evals.rate(TERMINAL, rating(b, "SATISFIED", "PAD"), null);
        List<String> received = new ArrayList<>();
        AtomicBoolean down = new AtomicBoolean(true);
        cn.onewindow.core.ports.EvaluationRepository repo = rig.platform.evaluations;
        EvaluationForwarder fwd = new EvaluationForwarder(repo, e -> {
            if (down.get() && e.caseId().equals(a)) throw new IllegalStateException("503 from the province");
            received.add(e.id());
        }, rig.clock);
        EvaluationForwarder.Result r1 = fwd.run(Duration.ofDays(2));
        assertEquals(1, r1.failed());
        assertEquals(List.of(Evaluation.idFor(b, 1)), received, "a failure for one case never blocks another");

        // the rectification is fixed and the applicant re-rates while the first rating is still not forwarded
        String rid = Rectification.idFor(a, 1);
        evals.judge(SUPERVISOR, rid, true, "属实");
        evals.callback(SUPERVISOR, rid, "已回访");
        evals.fix(SUPERVISOR, rid, "已整改");
        evals.rate(TERMINAL, rating(a, "VERY_SATISFIED", "PAD"), null);
        rig.clock.advance(Duration.ofSeconds(30));
        fwd.run(Duration.ofDays(2)); // still in backoff: nothing of case a goes, the re-rating is held back
        assertEquals(List.of(Evaluation.idFor(b, 1)), received);
        rig.clock.advance(Duration.ofMinutes(2));
        fwd.run(Duration.ofDays(2)); // endpoint still down: retried, held back again
        assertEquals(List.of(Evaluation.idFor(b, 1)), received);
        down.set(false);
        rig.clock.advance(Duration.ofMinutes(5));
        fwd.run(Duration.ofDays(2));
        fwd.run(Duration.ofDays(2));
        assertEquals(List.of(Evaluation.idFor(b, 1), Evaluation.idFor(a, 1), Evaluation.idFor(a, 2)), received,
                "in order per case, nothing lost, nothing twice");
        assertTrue(repo.forwarded(a, 1) && repo.forwarded(a, 2) && repo.forwarded(b, 1));
    }
}
