package cn.onewindow.core.approval;

import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Actor;
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
 * A department task's life cycle (SPEC §2.4): CREATED → PENDING → APPROVED | DENIED | AWAITING_SUPPLEMENT;
 * AWAITING_SUPPLEMENT → PENDING; a decided task never changes; one warning and one 红牌 while its clock runs.
 */
class DepartmentTaskTest {
    static final Instant T0 = Instant.parse("2025-05-06T02:00:00Z");
    static final Instant DUE = T0.plus(Duration.ofDays(10));
    static final Actor DEPT = new Actor(Role.DEPARTMENT, "dept-xf", null, null, "xf");
    static final Actor CHECKER = Actor.system("deadline-checker");
    static final TaskCommand APPROVE = new TaskCommand(TaskCommand.Outcome.APPROVE, List.of(), List.of());
    static final TaskCommand DENY = new TaskCommand(TaskCommand.Outcome.DENY, List.of("消防不合格"), List.of());
    static final TaskCommand SUPPLEMENT = new TaskCommand(TaskCommand.Outcome.REQUEST_SUPPLEMENT, List.of("缺图纸"),
            List.of("M02"));

    static Instant t(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static DepartmentTask created() {
        return DepartmentTask.create("C1", "ITEM", "事项", "xf", "消防", TaskLevel.JOINT, DUE, T0);
    }

    static DepartmentTask pending() {
        return created().deliver(t(1));
    }

    static DepartmentTask approved() {
        return pending().decide(APPROVE, t(2), DEPT);
    }

    static DepartmentTask denied() {
        return pending().decide(DENY, t(2), DEPT);
    }

    static DepartmentTask awaiting() {
        return pending().decide(SUPPLEMENT, t(2), DEPT);
    }

    @Test
    void createdTaskHasItsIdFromCaseAndDepartmentAndRunsItsClock() {
        DepartmentTask t = created();
        assertEquals("C1~xf", t.taskId());
        assertEquals(TaskStatus.CREATED, t.status());
        assertFalse(t.delivered());
        assertTrue(t.clockRunning());
    }

    @Test
    void deliveryPutsTheTaskIntoTheInbox() {
        DepartmentTask t = pending();
        assertEquals(TaskStatus.PENDING, t.status());
        assertEquals(t(1), t.deliveredAt());
        assertTrue(t.delivered());
    }

    @Test
    void approveDenyAndRequestSupplementAreTheThreeDecisions() {
        assertEquals(TaskStatus.APPROVED, approved().status());
        assertEquals("APPROVE", approved().outcome());
        assertEquals(TaskStatus.DENIED, denied().status());
        assertEquals(List.of("消防不合格"), denied().reasons());
        DepartmentTask a = awaiting();
        assertEquals(TaskStatus.AWAITING_SUPPLEMENT, a.status());
        assertEquals(List.of("M02"), a.missing());
        assertFalse(a.clockRunning(), "the clock stands while the applicant supplements");
        assertEquals(DEPT, a.decidedBy());
    }

    @Test
    void aSupplementedTaskGoesBackToTheDepartmentWithItsNewDue() {
        Instant later = DUE.plus(Duration.ofDays(3));
        DepartmentTask back = awaiting().returnAfterSupplement(later);
        assertEquals(TaskStatus.PENDING, back.status());
        assertEquals(later, back.dueAt());
        assertNull(back.outcome());
        assertTrue(back.missing().isEmpty());
        assertEquals(TaskStatus.APPROVED, back.decide(APPROVE, t(9), DEPT).status(), "and can then be decided");
    }

    @Test
    void oneWarningThenOneRedCardThenDeemedApproved() {
        DepartmentTask warned = pending().warn(t(5));
        assertEquals(t(5), warned.warnedAt());
        DepartmentTask overdue = warned.markOverdue(DUE);
        assertEquals(DUE, overdue.overdueAt());
        DepartmentTask deemed = overdue.deemApproved(DUE, CHECKER);
        assertEquals(TaskStatus.APPROVED, deemed.status());
        assertEquals("DEEMED_APPROVED", deemed.outcome());
        assertEquals(DUE, pending().markOverdue(DUE).warnedAt(), "a red card counts as the warning too");
        assertNull(warned.rearmWarning().warnedAt(), "a moved due re-arms the warning");
    }

    @Test
    void theSameDecisionAgainIsAReplayNotANewDecision() {
        assertTrue(approved().isReplayOf(APPROVE));
        assertFalse(approved().isReplayOf(DENY));
        assertTrue(denied().isReplayOf(new TaskCommand(TaskCommand.Outcome.DENY, List.of("消防不合格"), null)));
        assertTrue(awaiting().isReplayOf(SUPPLEMENT));
        assertFalse(awaiting().isReplayOf(new TaskCommand(TaskCommand.Outcome.REQUEST_SUPPLEMENT, List.of(),
                List.of("M03"))));
        assertFalse(pending().isReplayOf(APPROVE));
    }

    static Stream<Arguments> illegal() {
        UnaryOperator<DepartmentTask> deliver = t -> t.deliver(t(3));
        UnaryOperator<DepartmentTask> approve = t -> t.decide(APPROVE, t(3), DEPT);
        UnaryOperator<DepartmentTask> deny = t -> t.decide(DENY, t(3), DEPT);
        UnaryOperator<DepartmentTask> supplement = t -> t.decide(SUPPLEMENT, t(3), DEPT);
        UnaryOperator<DepartmentTask> returnBack = t -> t.returnAfterSupplement(DUE);
        UnaryOperator<DepartmentTask> warn = t -> t.warn(t(3));
        UnaryOperator<DepartmentTask> overdue = t -> t.markOverdue(DUE);
        UnaryOperator<DepartmentTask> deem = t -> t.deemApproved(DUE, CHECKER);
        return Stream.of(
                Arguments.of("PENDING", pending(), "deliver", deliver, "TASK_ALREADY_DELIVERED"),
                Arguments.of("APPROVED", approved(), "deliver", deliver, "TASK_ALREADY_DELIVERED"),
                Arguments.of("APPROVED", approved(), "approve", approve, "TASK_ALREADY_DECIDED"),
                Arguments.of("APPROVED", approved(), "deny", deny, "TASK_ALREADY_DECIDED"),
                Arguments.of("DENIED", denied(), "approve", approve, "TASK_ALREADY_DECIDED"),
                Arguments.of("DENIED", denied(), "request supplement", supplement, "TASK_ALREADY_DECIDED"),
                Arguments.of("AWAITING_SUPPLEMENT", awaiting(), "approve", approve, "TASK_AWAITING_SUPPLEMENT"),
                Arguments.of("AWAITING_SUPPLEMENT", awaiting(), "request supplement", supplement,
                        "TASK_AWAITING_SUPPLEMENT"),
                Arguments.of("PENDING", pending(), "return after supplement", returnBack,
                        "TASK_NOT_AWAITING_SUPPLEMENT"),
                Arguments.of("APPROVED", approved(), "return after supplement", returnBack,
                        "TASK_NOT_AWAITING_SUPPLEMENT"),
                Arguments.of("AWAITING_SUPPLEMENT", awaiting(), "warn", warn, "TASK_CLOCK_STOPPED"),
                Arguments.of("DENIED", denied(), "red card", overdue, "TASK_CLOCK_STOPPED"),
                Arguments.of("PENDING, warned", pending().warn(t(2)), "warn", warn, "TASK_ALREADY_WARNED"),
                Arguments.of("PENDING, overdue", pending().markOverdue(DUE), "red card", overdue,
                        "TASK_ALREADY_OVERDUE"),
                Arguments.of("PENDING, not overdue", pending(), "deem approved", deem, "TASK_NOT_OVERDUE"),
                Arguments.of("APPROVED", approved(), "deem approved", deem, "TASK_ALREADY_DECIDED"));
    }

    @ParameterizedTest(name = "{0}: {2} is refused with {4}")
    @MethodSource("illegal")
    void illegalTransitionsAreRefusedWithTheirCode(String state, DepartmentTask task, String action,
                                                   UnaryOperator<DepartmentTask> transition, String code) {
        DomainException e = assertThrows(DomainException.class, () -> transition.apply(task));
        assertEquals(code, e.code());
    }
}
