package cn.onewindow.core.cases;

import cn.onewindow.core.identity.Actor;
import cn.onewindow.core.identity.Role;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.testing.TestItems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static cn.onewindow.core.testing.TestItems.DEPARTMENT;
import static cn.onewindow.core.testing.TestItems.WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceCaseTest {
    private static final Instant T0 = Instant.parse("2025-04-25T02:00:00Z");
    private static final Instant DUE = Instant.parse("2025-05-15T10:00:00Z");
    private static final Actor AGENT = new Actor(Role.AGENT, "agent-001", "330110-ZX", "330110-T01-V01", null);
    private static final ServiceItem ITEM = TestItems.promised().build();
    private static final Applicant APPLICANT = new Applicant("张三", null, IdType.RESIDENT_ID, "11010519491231002X",
            "13812345678");

    private static Instant t(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static Notice notice(NoticeType type) {
        return new Notice(type, List.of(), type.chinese(), T0);
    }

    private static ServiceCase submitted(List<SubmittedMaterial> materials) {
        return ServiceCase.submit("20250425-TEST000001", ITEM, APPLICANT, Channel.WINDOW, "330110-ZX", "330110-ZX",
                null, materials, T0, WINDOW);
    }

    private static ServiceCase accepted() {
        ServiceCase c = submitted(List.of(new SubmittedMaterial("M01", 1), new SubmittedMaterial("M02", 2),
                new SubmittedMaterial("M03", 1)));
        c.accept(DUE, false, List.of(), notice(NoticeType.PROMISE), t(1), WINDOW);
        return c;
    }

    /** Accepted under 容缺 with M03 outstanding. */
    private static ServiceCase acceptedWithDeficiency() {
        ServiceCase c = submitted(List.of(new SubmittedMaterial("M01", 1), new SubmittedMaterial("M02", 2)));
        c.accept(DUE, false, List.of("M03"), notice(NoticeType.DEFICIENCY_ACCEPTANCE), t(1), WINDOW);
        return c;
    }

    private static void assertGapFree(List<HistoryEntry> history) {
        for (int i = 0; i < history.size(); i++) {
            assertEquals(i + 1, history.get(i).seq(), "history seq at position " + i);
        }
        for (int i = 1; i < history.size(); i++) {
            assertEquals(history.get(i - 1).to(), history.get(i).from(),
                    "line " + (i + 1) + " starts where line " + i + " ended");
        }
    }

    private static DomainException refused(Runnable r) {
        return assertThrows(DomainException.class, r::run);
    }

    // ---- history --------------------------------------------------------------------------------------------

    @Test
    void submittingRecordsTheFirstHistoryLine() {
        ServiceCase c = ServiceCase.submit("C1", ITEM, APPLICANT, Channel.VILLAGE_AGENT, "330110-ZX",
                "330110-T01-V01", "agent-001", List.of(new SubmittedMaterial("M01", 1)), T0, AGENT);
        assertEquals(CaseStatus.SUBMITTED, c.status());
        assertEquals(0, c.version());
        ServiceCase.Snapshot s = c.snapshot();
        assertEquals(ITEM.code(), s.itemCode());
        assertEquals(ITEM.version(), s.itemVersion());
        assertEquals(12, s.promisedDays());
        assertEquals(60, s.legalDays());
        assertEquals(1, s.historySize());
        List<HistoryEntry> h = c.pendingHistory();
        assertEquals(1, h.size());
        HistoryEntry first = h.get(0);
        assertEquals(1, first.seq());
        assertEquals("SUBMITTED", first.event());
        assertEquals(CaseStatus.SUBMITTED, first.from());
        assertEquals(CaseStatus.SUBMITTED, first.to());
        assertEquals(T0, first.at());
        assertEquals(AGENT, first.actor());
        assertTrue(first.reason().contains("VILLAGE_AGENT") && first.reason().contains("agent-001"), first.reason());
    }

    @Test
    void aWholeLifeIsKeptGapFreeWithWhoWhenAndWhy() {
        ServiceCase c = accepted();
        c.suspend(Suspension.Kind.SITE_INSPECTION, "需现场勘查界址", notice(NoticeType.SUSPENSION), t(60), DEPARTMENT);
        c.resume(DUE.plus(Duration.ofDays(1)), false, t(120), DEPARTMENT);
        c.decide(new Decision(Decision.Outcome.APPROVE, List.of("符合条件"), t(180), DEPARTMENT), null, t(180));
        c.issueResult("R-0001", notice(NoticeType.RESULT_READY), t(240), WINDOW);
        c.deliver("张三", "签收", t(300), WINDOW);

        List<HistoryEntry> h = c.pendingHistory();
        assertGapFree(h);
        assertEquals(List.of("SUBMITTED", "ACCEPTED", "REVIEW_STARTED", "SUSPENDED", "RESUMED", "APPROVED",
                "RESULT_READY", "DELIVERED"), h.stream().map(HistoryEntry::event).toList());
        assertEquals(List.of(CaseStatus.SUBMITTED, CaseStatus.ACCEPTED, CaseStatus.IN_REVIEW, CaseStatus.SUSPENDED,
                        CaseStatus.IN_REVIEW, CaseStatus.APPROVED, CaseStatus.RESULT_READY, CaseStatus.DELIVERED),
                h.stream().map(HistoryEntry::to).toList());
        HistoryEntry suspended = h.get(3);
        assertEquals(DEPARTMENT, suspended.actor());
        assertEquals(t(60), suspended.at());
        assertTrue(suspended.reason().contains("SITE_INSPECTION") && suspended.reason().contains("需现场勘查界址"));
        HistoryEntry approved = h.get(5);
        assertEquals(CaseStatus.IN_REVIEW, approved.from());
        assertEquals("符合条件", approved.reason());
        HistoryEntry delivered = h.get(7);
        assertEquals(WINDOW, delivered.actor());
        assertTrue(delivered.reason().contains("张三"));

        ServiceCase.Snapshot s = c.snapshot();
        assertEquals(8, s.historySize());
        assertEquals(CaseStatus.DELIVERED, s.status());
        assertEquals("R-0001", s.resultNumber());
        assertEquals(t(240), s.resultIssuedAt());
        assertEquals(t(300), s.deliveredAt());
        assertEquals(t(300), s.closedAt());
        assertEquals("张三", s.deliveredTo());
        assertEquals("签收", s.deliveryConfirmation());
        assertEquals(List.of(NoticeType.PROMISE, NoticeType.SUSPENSION, NoticeType.RESULT_READY),
                s.notices().stream().map(Notice::type).toList(), "every notice handed out is kept");
    }

    @Test
    void aRestoredCaseContinuesItsHistoryWhereTheStoreLeftIt() {
        ServiceCase first = accepted();
        ServiceCase restored = ServiceCase.restore(first.snapshot());
        assertEquals(List.of(), restored.pendingHistory(), "nothing new yet");
        restored.withdraw("申请人主动撤回", t(30), WINDOW);
        List<HistoryEntry> h = restored.pendingHistory();
        assertEquals(1, h.size());
        assertEquals(3, h.get(0).seq());
        assertEquals(CaseStatus.ACCEPTED, h.get(0).from());
        assertEquals(CaseStatus.WITHDRAWN, h.get(0).to());
        assertEquals("申请人主动撤回", h.get(0).reason());
    }

    @Test
    void aRefusedStepAddsNoHistoryLine() {
        ServiceCase c = accepted();
        int before = c.pendingHistory().size();
        refused(() -> c.deliver("张三", null, t(5), WINDOW));
        assertEquals(before, c.pendingHistory().size());
        assertEquals(CaseStatus.ACCEPTED, c.status());
    }

    // ---- one-time notice ------------------------------------------------------------------------------------

    @Test
    void theOneTimeNoticeIsIssuedOnlyOnce() {
        ServiceCase c = submitted(List.of(new SubmittedMaterial("M01", 1)));
        c.awaitMaterials(List.of("M02", "M03"), notice(NoticeType.ONE_TIME_NOTICE), t(1), WINDOW);
        assertEquals(CaseStatus.AWAITING_MATERIALS, c.status());
        assertEquals(List.of("M02", "M03"), c.snapshot().missing());
        assertNull(c.snapshot().dueAt(), "the clock does not start before the materials are complete");

        DomainException e = refused(() -> c.awaitMaterials(List.of("M02"), notice(NoticeType.ONE_TIME_NOTICE),
                t(2), WINDOW));
        assertEquals("ONE_TIME_NOTICE_ALREADY_ISSUED", e.code());
        assertEquals(DomainException.Kind.ILLEGAL_STATE, e.kind());
        assertEquals(List.of("M02", "M03"), c.snapshot().missing(), "the first notice stands");
        assertEquals(2, c.pendingHistory().size());
    }

    @Test
    void acceptanceAfterTheNoticeClearsTheMissingListAndStartsTheClock() {
        ServiceCase c = submitted(List.of(new SubmittedMaterial("M01", 1)));
        c.awaitMaterials(List.of("M02"), notice(NoticeType.ONE_TIME_NOTICE), t(1), WINDOW);
        c.supplement(List.of(new SubmittedMaterial("M02", 2), new SubmittedMaterial("M03", 1)), t(100), WINDOW);
        assertEquals(CaseStatus.AWAITING_MATERIALS, c.status(), "supplementing alone does not accept");
        c.accept(DUE, false, List.of(), notice(NoticeType.PROMISE), t(100), WINDOW);
        ServiceCase.Snapshot s = c.snapshot();
        assertEquals(CaseStatus.ACCEPTED, s.status());
        assertEquals(List.of(), s.missing());
        assertEquals(t(100), s.acceptedAt());
        assertEquals(DUE, s.dueAt());
        assertTrue(c.clockRunning());
        assertEquals(List.of("SUBMITTED", "ONE_TIME_NOTICE", "MATERIALS_SUPPLEMENTED", "ACCEPTED"),
                c.pendingHistory().stream().map(HistoryEntry::event).toList());
    }

    // ---- 容缺 ---------------------------------------------------------------------------------------------------

    @Test
    void supplyingTheTolerableMaterialTurnsADeficientAcceptanceIntoAPlainOne() {
        ServiceCase c = acceptedWithDeficiency();
        assertEquals(CaseStatus.ACCEPTED_WITH_DEFICIENCY, c.status());
        assertEquals(List.of("M03"), c.snapshot().outstandingTolerable());

        c.supplement(List.of(new SubmittedMaterial("M03", 1)), t(30), AGENT);
        assertEquals(CaseStatus.ACCEPTED, c.status());
        assertEquals(List.of(), c.snapshot().outstandingTolerable());
        assertTrue(c.snapshot().materials().contains(new SubmittedMaterial("M03", 1)));
        List<HistoryEntry> h = c.pendingHistory();
        assertGapFree(h);
        HistoryEntry supplemented = h.get(2);
        assertEquals("MATERIALS_SUPPLEMENTED", supplemented.event());
        assertEquals(CaseStatus.ACCEPTED_WITH_DEFICIENCY, supplemented.from());
        assertEquals(CaseStatus.ACCEPTED_WITH_DEFICIENCY, supplemented.to());
        assertEquals("M03", supplemented.reason());
        assertEquals(AGENT, supplemented.actor());
        assertEquals("DEFICIENCY_CLEARED", h.get(3).event());
        assertEquals(CaseStatus.ACCEPTED, h.get(3).to());
    }

    @Test
    void supplyingSomethingElseLeavesTheDeficiencyOpen() {
        ServiceCase c = acceptedWithDeficiency();
        c.supplement(List.of(new SubmittedMaterial("M02", 3)), t(30), WINDOW);
        assertEquals(CaseStatus.ACCEPTED_WITH_DEFICIENCY, c.status());
        assertEquals(List.of("M03"), c.snapshot().outstandingTolerable());
        assertTrue(c.snapshot().materials().contains(new SubmittedMaterial("M02", 3)), "more copies are kept");
    }

    @Test
    void theResultWaitsForEveryTolerableMaterial() {
        ServiceCase c = acceptedWithDeficiency();
        c.decide(new Decision(Decision.Outcome.APPROVE, List.of(), t(60), DEPARTMENT), null, t(60));
        assertEquals(CaseStatus.APPROVED, c.status());
        int lines = c.pendingHistory().size();

        DomainException e = refused(() -> c.issueResult("R-1", notice(NoticeType.RESULT_READY), t(61), WINDOW));
        assertEquals("TOLERABLE_MATERIALS_OUTSTANDING", e.code());
        assertEquals(DomainException.Kind.ILLEGAL_STATE, e.kind());
        assertTrue(e.messageZh().contains("M03") && e.messageEn().contains("M03"));
        assertEquals(CaseStatus.APPROVED, c.status());
        assertEquals(lines, c.pendingHistory().size());
        assertNull(c.snapshot().resultNumber());

        c.supplement(List.of(new SubmittedMaterial("M03", 1)), t(90), WINDOW);
        assertEquals(CaseStatus.APPROVED, c.status());
        c.issueResult("R-1", notice(NoticeType.RESULT_READY), t(91), WINDOW);
        assertEquals(CaseStatus.RESULT_READY, c.status());
        assertEquals("R-1", c.snapshot().resultNumber());
    }

    // ---- clock ----------------------------------------------------------------------------------------------

    @Test
    void suspensionsAreRecordedWithTheirPeriods() {
        ServiceCase c = accepted();
        c.suspend(Suspension.Kind.EXPERT_REVIEW, "组织专家评审", notice(NoticeType.SUSPENSION), t(10), DEPARTMENT);
        assertEquals(CaseStatus.SUSPENDED, c.status());
        assertTrue(!c.clockRunning());
        assertEquals(new Suspension(Suspension.Kind.EXPERT_REVIEW, "组织专家评审", t(10), null),
                c.currentSuspension());

        Instant newDue = DUE.plus(Duration.ofDays(2));
        c.resume(newDue, true, t(20), DEPARTMENT);
        assertEquals(CaseStatus.IN_REVIEW, c.status());
        assertEquals(newDue, c.snapshot().dueAt());
        assertTrue(c.snapshot().dueProvisional());
        assertTrue(c.clockRunning());

        c.suspend(Suspension.Kind.HEARING, "依申请举行听证", notice(NoticeType.SUSPENSION), t(30), DEPARTMENT);
        c.resume(newDue.plus(Duration.ofDays(1)), false, t(45), DEPARTMENT);
        assertEquals(List.of(
                        new Suspension(Suspension.Kind.EXPERT_REVIEW, "组织专家评审", t(10), t(20)),
                        new Suspension(Suspension.Kind.HEARING, "依申请举行听证", t(30), t(45))),
                c.snapshot().suspensions());
        assertGapFree(c.pendingHistory());
    }

    @Test
    void resumingACaseThatIsNotSuspendedIsRefused() {
        ServiceCase c = accepted();
        DomainException e = refused(() -> c.resume(DUE, false, t(5), DEPARTMENT));
        assertEquals("NOT_SUSPENDED", e.code());
        c.startReview(t(6), DEPARTMENT);
        assertEquals("NOT_SUSPENDED", refused(() -> c.currentSuspension()).code());
    }

    @Test
    void extensionIsRecordedWithItsReasonAndTheNewDueTime() {
        ServiceCase c = accepted();
        Instant later = DUE.plus(Duration.ofDays(14));
        c.extend(10, "案情复杂", later, false, notice(NoticeType.EXTENSION), t(5), DEPARTMENT);
        ServiceCase.Snapshot s = c.snapshot();
        assertEquals(10, s.extensionDays());
        assertEquals("案情复杂", s.extensionReason());
        assertEquals(later, s.dueAt());
        HistoryEntry line = c.pendingHistory().get(2);
        assertEquals("EXTENDED", line.event());
        assertEquals(CaseStatus.ACCEPTED, line.from());
        assertEquals(CaseStatus.ACCEPTED, line.to());
        assertTrue(line.reason().contains("案情复杂"));
    }

    // ---- decision, delivery, withdrawal ----------------------------------------------------------------------

    @Test
    void aDeniedCaseIsDeliveredWithItsReasons() {
        ServiceCase c = accepted();
        Decision d = new Decision(Decision.Outcome.DENY, List.of("用地不符合规划", "材料失实"), t(60), DEPARTMENT);
        c.decide(d, notice(NoticeType.DENIAL), t(60));
        assertEquals(CaseStatus.DENIED, c.status());
        assertEquals(d, c.snapshot().decision());
        assertEquals(NoticeType.DENIAL, c.snapshot().notice().type());
        assertEquals("用地不符合规划；材料失实", c.pendingHistory().get(c.pendingHistory().size() - 1).reason());
        DomainException noResult = refused(() -> c.issueResult("R-9", notice(NoticeType.RESULT_READY), t(61), WINDOW));
        assertEquals("ILLEGAL_TRANSITION", noResult.code());

        c.deliver("张三", null, t(70), WINDOW);
        assertEquals(CaseStatus.DELIVERED, c.status());
        assertEquals(t(70), c.snapshot().closedAt());
    }

    @Test
    void deliveryNeedsAResultOrADenial() {
        ServiceCase c = accepted();
        c.decide(new Decision(Decision.Outcome.APPROVE, List.of(), t(60), DEPARTMENT), null, t(60));
        DomainException e = refused(() -> c.deliver("张三", null, t(61), WINDOW));
        assertEquals("ILLEGAL_TRANSITION", e.code());
        assertEquals(DomainException.Kind.ILLEGAL_STATE, e.kind());
        assertNull(c.snapshot().deliveredAt());
    }

    /** Brings a fresh case to a status through the real steps. */
    private static ServiceCase caseIn(CaseStatus status) {
        List<Consumer<ServiceCase>> steps = new ArrayList<>();
        ServiceCase c;
        switch (status) {
            case SUBMITTED -> c = submitted(List.of());
            case NOT_ACCEPTED -> {
                c = submitted(List.of());
                c.refuse("不符合受理条件", "某法第1条", notice(NoticeType.NOT_ACCEPTED), t(1), WINDOW);
            }
            case AWAITING_MATERIALS -> {
                c = submitted(List.of());
                c.awaitMaterials(List.of("M01", "M02", "M03"), notice(NoticeType.ONE_TIME_NOTICE), t(1), WINDOW);
            }
            case ACCEPTED_WITH_DEFICIENCY -> c = acceptedWithDeficiency();
            default -> {
                c = accepted();
                switch (status) {
                    case ACCEPTED -> { }
                    case IN_REVIEW -> steps.add(x -> x.startReview(t(2), DEPARTMENT));
                    case SUSPENDED -> steps.add(x -> x.suspend(Suspension.Kind.TESTING, "检测", null, t(2), DEPARTMENT));
                    case APPROVED, RESULT_READY, DELIVERED -> {
                        steps.add(x -> x.decide(new Decision(Decision.Outcome.APPROVE, List.of(), t(3), DEPARTMENT),
                                null, t(3)));
                        if (status != CaseStatus.APPROVED) steps.add(x -> x.issueResult("R", null, t(4), WINDOW));
                        if (status == CaseStatus.DELIVERED) steps.add(x -> x.deliver("张三", null, t(5), WINDOW));
                    }
                    case DENIED -> steps.add(x -> x.decide(new Decision(Decision.Outcome.DENY, List.of("不符合"), t(3),
                            DEPARTMENT), null, t(3)));
                    case WITHDRAWN -> steps.add(x -> x.withdraw("撤回", t(3), WINDOW));
                    default -> throw new AssertionError(status);
                }
            }
        }
        for (Consumer<ServiceCase> step : steps) step.accept(c);
        assertEquals(status, c.status());
        return c;
    }

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void withdrawalOnlyFromOpenStates(CaseStatus status) {
        ServiceCase c = caseIn(status);
        int lines = c.pendingHistory().size();
        if (status.isOpen()) {
            c.withdraw("申请人撤回申请", t(100), AGENT);
            assertEquals(CaseStatus.WITHDRAWN, c.status());
            assertEquals(t(100), c.snapshot().closedAt());
            HistoryEntry last = c.pendingHistory().get(lines);
            assertEquals(status, last.from());
            assertEquals(CaseStatus.WITHDRAWN, last.to());
            assertEquals(AGENT, last.actor());
            assertTrue(!c.clockRunning());
        } else {
            DomainException e = refused(() -> c.withdraw("申请人撤回申请", t(100), AGENT));
            assertEquals("ILLEGAL_TRANSITION", e.code());
            assertEquals(status, c.status());
            assertEquals(lines, c.pendingHistory().size());
        }
        assertGapFree(c.pendingHistory());
    }

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = {"NOT_ACCEPTED", "DELIVERED", "WITHDRAWN", "RESULT_READY", "DENIED"})
    void closedOrDecidedCasesTakeNoMoreMaterials(CaseStatus status) {
        ServiceCase c = caseIn(status);
        DomainException e = refused(() -> c.supplement(List.of(new SubmittedMaterial("M01", 1)), t(200), WINDOW));
        assertEquals("MATERIALS_NOT_ACCEPTED_NOW", e.code());
    }

    @Test
    void refusalClosesTheCaseWithItsLegalBasis() {
        ServiceCase c = caseIn(CaseStatus.NOT_ACCEPTED);
        assertNotNull(c.snapshot().closedAt());
        HistoryEntry last = c.pendingHistory().get(1);
        assertEquals("NOT_ACCEPTED", last.event());
        assertTrue(last.reason().contains("不符合受理条件") && last.reason().contains("某法第1条"), last.reason());
        assertEquals(NoticeType.NOT_ACCEPTED, c.snapshot().notice().type());
    }

    @Test
    void materialsAreMergedKeepingTheMostCopies() {
        List<SubmittedMaterial> merged = SubmittedMaterial.merge(
                List.of(new SubmittedMaterial("M01", 1), new SubmittedMaterial("M02", 2)),
                List.of(new SubmittedMaterial("M02", 1), new SubmittedMaterial("M03", 1), new SubmittedMaterial("M01", 3)));
        assertEquals(List.of(new SubmittedMaterial("M01", 3), new SubmittedMaterial("M02", 2),
                new SubmittedMaterial("M03", 1)), merged);
    }
}
