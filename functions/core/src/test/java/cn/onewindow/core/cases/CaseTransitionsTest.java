package cn.onewindow.core.cases;

import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.testing.TestItems;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static cn.onewindow.core.cases.CaseStatus.*;
import static cn.onewindow.core.testing.TestItems.WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The case aggregate's methods are the arrows of the state diagram of SPEC §2.2 and nothing more: every action, tried
 * from every status, either moves the case to the status the diagram says (with a history line ending there) or is
 * refused with a typed {@link DomainException} and leaves the case exactly as it was. The table below is written
 * from the spec, independently of {@link CaseStateMachine}.
 */
class CaseTransitionsTest {
    private static final Instant T0 = Instant.parse("2025-04-25T02:00:00Z");
    private static final Instant DUE = Instant.parse("2025-05-15T10:00:00Z");
    private static final Instant NOW = Instant.parse("2025-04-28T02:00:00Z");
    private static final Set<CaseStatus> INTAKE = EnumSet.of(SUBMITTED, AWAITING_MATERIALS);
    private static final Set<CaseStatus> BEFORE_DECISION = EnumSet.of(ACCEPTED, ACCEPTED_WITH_DEFICIENCY, IN_REVIEW);
    private static final Set<CaseStatus> OPEN = EnumSet.of(SUBMITTED, AWAITING_MATERIALS, ACCEPTED,
            ACCEPTED_WITH_DEFICIENCY, IN_REVIEW, SUSPENDED, APPROVED);

    /** One user-visible action, the statuses it is legal from, and where it leads (null: the status stays). */
    private record Action(String name, Consumer<ServiceCase> apply, Set<CaseStatus> legalFrom, CaseStatus to,
                          String refusalCode) {
        @Override
        public String toString() { return name; }
    }

    private static Decision decision(Decision.Outcome outcome) {
        return new Decision(outcome, List.of("理由"), NOW, WINDOW);
    }

    private static final List<Action> ACTIONS = List.of(
            new Action("refuse", c -> c.refuse("不符合", "条例第5条", null, NOW, WINDOW), INTAKE, NOT_ACCEPTED,
                    "ILLEGAL_TRANSITION"),
            new Action("awaitMaterials", c -> c.awaitMaterials(List.of("M03"), null, NOW, WINDOW),
                    EnumSet.of(SUBMITTED), AWAITING_MATERIALS, "ILLEGAL_TRANSITION"),
            new Action("accept", c -> c.accept(DUE, false, List.of(), null, NOW, WINDOW), INTAKE, ACCEPTED,
                    "ILLEGAL_TRANSITION"),
            new Action("accept with deficiency", c -> c.accept(DUE, false, List.of("M03"), null, NOW, WINDOW),
                    INTAKE, ACCEPTED_WITH_DEFICIENCY, "ILLEGAL_TRANSITION"),
            new Action("approve", c -> c.decide(decision(Decision.Outcome.APPROVE), null, NOW), BEFORE_DECISION,
                    APPROVED, "ILLEGAL_TRANSITION"),
            new Action("deny", c -> c.decide(decision(Decision.Outcome.DENY), null, NOW), BEFORE_DECISION, DENIED,
                    "ILLEGAL_TRANSITION"),
            new Action("suspend", c -> c.suspend(Suspension.Kind.HEARING, "听证", null, NOW, WINDOW),
                    BEFORE_DECISION, SUSPENDED, "ILLEGAL_TRANSITION"),
            new Action("resume", c -> c.resume(DUE.plusSeconds(86_400), false, NOW, WINDOW), EnumSet.of(SUSPENDED),
                    IN_REVIEW, "NOT_SUSPENDED"),
            new Action("issueResult", c -> c.issueResult("R-1", null, NOW, WINDOW), EnumSet.of(APPROVED),
                    RESULT_READY, "ILLEGAL_TRANSITION"),
            new Action("deliver", c -> c.deliver("张三", "签收", NOW, WINDOW), EnumSet.of(RESULT_READY, DENIED),
                    DELIVERED, "ILLEGAL_TRANSITION"),
            new Action("withdraw", c -> c.withdraw("不办了", NOW, WINDOW), OPEN, WITHDRAWN, "ILLEGAL_TRANSITION"),
            new Action("extend", c -> c.extend(5, "复杂", DUE.plusSeconds(86_400 * 7), false, null, NOW, WINDOW),
                    EnumSet.of(ACCEPTED, ACCEPTED_WITH_DEFICIENCY, IN_REVIEW, SUSPENDED), null,
                    "EXTENSION_NOT_POSSIBLE"),
            // the last tolerable material turns a 容缺 acceptance into a plain one; other open cases keep their status
            new Action("supplement", c -> c.supplement(List.of(new SubmittedMaterial("M03", 1)), NOW, WINDOW),
                    EnumSet.of(SUBMITTED, AWAITING_MATERIALS, ACCEPTED, ACCEPTED_WITH_DEFICIENCY, IN_REVIEW,
                            SUSPENDED, APPROVED), null, "MATERIALS_NOT_ACCEPTED_NOW"));

    /** A case as the store would hand it back in {@code status}, with the facts that status implies. */
    private static ServiceCase caseIn(CaseStatus status) {
        ServiceCase submitted = ServiceCase.submit("20250425-TEST000009", TestItems.promised().build(),
                new Applicant("张三", null, IdType.RESIDENT_ID, "11010519491231002X", "13812345678"),
                Channel.WINDOW, "330110-ZX", "330110-ZX", null,
                List.of(new SubmittedMaterial("M01", 1), new SubmittedMaterial("M02", 2)), T0, WINDOW);
        CaseSnapshotBuilder b = new CaseSnapshotBuilder(submitted.snapshot()).status(status);
        if (status != SUBMITTED && status != AWAITING_MATERIALS && status != NOT_ACCEPTED) {
            b.acceptedAt(T0).dueAt(DUE);
        }
        if (status == ACCEPTED_WITH_DEFICIENCY) b.outstandingTolerable(List.of("M03"));
        if (status == SUSPENDED) {
            b.suspensions(List.of(new Suspension(Suspension.Kind.HEARING, "听证", T0.plusSeconds(3600), null)));
        }
        return ServiceCase.restore(b.build().withVersion(7));
    }

    static Stream<Arguments> everyActionFromEveryStatus() {
        return ACTIONS.stream().flatMap(a -> Stream.of(CaseStatus.values()).map(s -> Arguments.of(a, s)));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("everyActionFromEveryStatus")
    void anActionIsLegalExactlyWhereTheDiagramHasItsArrow(Action action, CaseStatus from) {
        ServiceCase c = caseIn(from);
        ServiceCase.Snapshot before = c.snapshot();
        if (action.legalFrom().contains(from)) {
            action.apply().accept(c);
            CaseStatus expected = action.to() != null ? action.to()
                    : from == ACCEPTED_WITH_DEFICIENCY && action.name().equals("supplement") ? ACCEPTED : from;
            assertEquals(expected, c.status());
            List<HistoryEntry> lines = c.pendingHistory();
            assertTrue(!lines.isEmpty(), "a legal action leaves a history line");
            assertEquals(before.historySize() + lines.size(), c.snapshot().historySize());
            assertEquals(expected, lines.get(lines.size() - 1).to());
            assertEquals(from, lines.get(0).from());
            assertEquals(7, c.version(), "the aggregate never sets the version; the store does");
        } else {
            DomainException e = assertThrows(DomainException.class, () -> action.apply().accept(c));
            String code = from == AWAITING_MATERIALS && action.name().equals("awaitMaterials")
                    ? "ONE_TIME_NOTICE_ALREADY_ISSUED" : action.refusalCode();
            assertEquals(code, e.code(), e.getMessage());
            assertEquals(DomainException.Kind.ILLEGAL_STATE, e.kind());
            assertEquals(before, c.snapshot(), "a refused action changes nothing");
            assertEquals(List.of(), c.pendingHistory());
        }
    }

    @ParameterizedTest(name = "accept from {0}")
    @MethodSource("acceptedStatuses")
    void anAcceptedCaseIsNotAcceptedAgainAndItsClockNotRestarted(CaseStatus from) {
        ServiceCase c = caseIn(from);
        DomainException e = assertThrows(DomainException.class,
                () -> c.accept(DUE.plusSeconds(86_400 * 30), false, List.of(), null, NOW, WINDOW));
        assertEquals("ILLEGAL_TRANSITION", e.code());
        assertEquals(T0, c.snapshot().acceptedAt());
        assertEquals(DUE, c.snapshot().dueAt());
    }

    static Stream<CaseStatus> acceptedStatuses() {
        return Stream.of(ACCEPTED, ACCEPTED_WITH_DEFICIENCY, IN_REVIEW, SUSPENDED);
    }
}
