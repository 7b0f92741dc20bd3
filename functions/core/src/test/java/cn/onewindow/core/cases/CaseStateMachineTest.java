package cn.onewindow.core.cases;

import cn.onewindow.core.common.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static cn.onewindow.core.cases.CaseStatus.*;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every (from, to) pair against the table of SPEC §2.2, written out here independently of the code. */
class CaseStateMachineTest {

    /** The intended transitions. WITHDRAWN is added below for every open state. */
    private static final Map<CaseStatus, Set<CaseStatus>> INTENDED = new EnumMap<>(CaseStatus.class);
    /** States the applicant may still withdraw from: everything before the result is issued or the case denied. */
    private static final Set<CaseStatus> OPEN_STATES = EnumSet.of(SUBMITTED, AWAITING_MATERIALS, ACCEPTED,
            ACCEPTED_WITH_DEFICIENCY, IN_REVIEW, SUSPENDED, APPROVED);

    static {
        INTENDED.put(SUBMITTED, EnumSet.of(NOT_ACCEPTED, AWAITING_MATERIALS, ACCEPTED, ACCEPTED_WITH_DEFICIENCY));
        // after the one-time notice: supplemented (fully or but for tolerable materials), or refused
        INTENDED.put(AWAITING_MATERIALS, EnumSet.of(ACCEPTED, ACCEPTED_WITH_DEFICIENCY, NOT_ACCEPTED));
        INTENDED.put(ACCEPTED, EnumSet.of(IN_REVIEW));
        // 容缺: review may start; supplying every tolerable material makes it a plain acceptance
        INTENDED.put(ACCEPTED_WITH_DEFICIENCY, EnumSet.of(IN_REVIEW, ACCEPTED));
        INTENDED.put(IN_REVIEW, EnumSet.of(APPROVED, DENIED, SUSPENDED));
        INTENDED.put(SUSPENDED, EnumSet.of(IN_REVIEW));
        INTENDED.put(APPROVED, EnumSet.of(RESULT_READY));
        INTENDED.put(RESULT_READY, EnumSet.of(DELIVERED));
        INTENDED.put(DENIED, EnumSet.of(DELIVERED));
        INTENDED.put(NOT_ACCEPTED, EnumSet.noneOf(CaseStatus.class));
        INTENDED.put(DELIVERED, EnumSet.noneOf(CaseStatus.class));
        INTENDED.put(WITHDRAWN, EnumSet.noneOf(CaseStatus.class));
        OPEN_STATES.forEach(s -> INTENDED.get(s).add(WITHDRAWN));
    }

    static Stream<Arguments> everyPair() {
        return Stream.of(CaseStatus.values()).flatMap(from -> Stream.of(CaseStatus.values())
                .map(to -> Arguments.of(from, to, INTENDED.get(from).contains(to))));
    }

    @ParameterizedTest(name = "{0} -> {1} allowed={2}")
    @MethodSource("everyPair")
    void transitionIsAllowedExactlyWhenTheTableSaysSo(CaseStatus from, CaseStatus to, boolean legal) {
        assertEquals(legal, CaseStateMachine.allowed(from, to), from + " -> " + to);
        if (legal) {
            assertDoesNotThrow(() -> CaseStateMachine.check(from, to));
        } else {
            DomainException e = assertThrows(DomainException.class, () -> CaseStateMachine.check(from, to));
            assertEquals("ILLEGAL_TRANSITION", e.code());
            assertEquals(DomainException.Kind.ILLEGAL_STATE, e.kind());
            assertTrue(e.messageZh().contains(from.chinese()) && e.messageZh().contains(to.chinese()), e.messageZh());
            assertTrue(e.messageEn().contains(from.name()) && e.messageEn().contains(to.name()), e.messageEn());
        }
    }

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void nextListsExactlyTheIntendedTargets(CaseStatus from) {
        assertEquals(INTENDED.get(from), CaseStateMachine.next(from));
    }

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void withdrawalIsPossibleFromEveryOpenStateAndOnlyThere(CaseStatus from) {
        assertEquals(OPEN_STATES.contains(from), CaseStateMachine.allowed(from, WITHDRAWN), from.name());
        assertEquals(OPEN_STATES.contains(from), from.isOpen(), from.name());
    }

    @Test
    void finalStatesHaveNoExits() {
        Set<CaseStatus> finals = EnumSet.noneOf(CaseStatus.class);
        for (CaseStatus s : CaseStatus.values()) if (s.isFinal()) finals.add(s);
        assertEquals(EnumSet.of(NOT_ACCEPTED, DELIVERED, WITHDRAWN), finals);
        finals.forEach(s -> assertEquals(Set.of(), CaseStateMachine.next(s), s.name()));
    }

    @Test
    void noStateMovesToItselfOrBackToSubmitted() {
        for (CaseStatus s : CaseStatus.values()) {
            assertTrue(!CaseStateMachine.allowed(s, s), s + " -> itself");
            assertTrue(!CaseStateMachine.allowed(s, SUBMITTED), s + " -> SUBMITTED");
        }
    }

    @Test
    void nextIsACopyThatCannotChangeTheTable() {
        Set<CaseStatus> next = CaseStateMachine.next(IN_REVIEW);
        assertThrows(UnsupportedOperationException.class, () -> next.add(DELIVERED));
        assertTrue(!CaseStateMachine.allowed(IN_REVIEW, DELIVERED));
    }

    @Test
    void theClockRunsOnlyWhileAcceptedOrInReview() {
        assertEquals(EnumSet.of(ACCEPTED, ACCEPTED_WITH_DEFICIENCY, IN_REVIEW), CaseStatus.CLOCK_RUNNING);
    }
}
