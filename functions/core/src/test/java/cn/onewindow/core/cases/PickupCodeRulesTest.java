package cn.onewindow.core.cases;

import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Actor;
import cn.onewindow.core.identity.Role;
import cn.onewindow.core.testing.TestItems;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static cn.onewindow.core.testing.TestItems.WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pick-up code's tries: counted, audited without the code, locked after five wrong ones in a row. */
class PickupCodeRulesTest {
    private static final Instant T0 = Instant.parse("2025-04-25T02:00:00Z");
    private static final Actor AGENT = new Actor(Role.AGENT, "agent-001", "330110-ZX", "330110-T01-V01", null);

    private static ServiceCase resultReadyForAgent() {
        ServiceCase c = ServiceCase.submit("20250425-TEST000002", TestItems.promised().build(),
                new Applicant("李四", null, IdType.RESIDENT_ID, "11010519491231002X", "13812345678"),
                Channel.VILLAGE_AGENT, "330110-ZX", "330110-T01-V01", "agent-001",
                List.of(new SubmittedMaterial("M01", 1)), T0, AGENT);
        c.accept(T0.plusSeconds(86_400 * 10), false, List.of(), null, T0, WINDOW);
        c.decide(new Decision(Decision.Outcome.APPROVE, List.of(), T0, WINDOW), null, T0);
        c.issueResult("R-1", null, T0, WINDOW);
        c.pickupCode("hash-1");
        return c;
    }

    @Test
    void fiveWrongTriesInARowLockTheCodeAndEachIsAuditedWithoutTheCode() {
        ServiceCase c = resultReadyForAgent();
        int before = c.pendingHistory().size();
        for (int i = 1; i <= 4; i++) {
            c.pickupCodeTried(PickupCode.Try.MISMATCHED, T0, AGENT);
            assertFalse(c.snapshot().pickupCodeLocked(), "after " + i + " wrong tries");
        }
        c.pickupCodeTried(PickupCode.Try.MISMATCHED, T0, AGENT);
        assertTrue(c.snapshot().pickupCodeLocked());
        assertEquals(5, c.snapshot().pickupCodeFailures());
        c.pickupCodeTried(PickupCode.Try.LOCKED, T0, AGENT);
        assertEquals(5, c.snapshot().pickupCodeFailures(), "a try on a locked code counts no further");
        List<HistoryEntry> lines = c.pendingHistory().subList(before, c.pendingHistory().size());
        assertEquals(List.of("MISMATCHED, wrong tries 1/5", "MISMATCHED, wrong tries 2/5", "MISMATCHED, wrong tries 3/5",
                "MISMATCHED, wrong tries 4/5", "MISMATCHED, wrong tries 5/5, locked", "LOCKED, wrong tries 5/5, locked"),
                lines.stream().map(HistoryEntry::reason).toList());
        assertTrue(lines.stream().allMatch(h -> h.event().equals("PICKUP_CODE_TRIED") && h.actor().equals(AGENT)));
        assertEquals(CaseStatus.RESULT_READY, c.status());
    }

    @Test
    void aMatchAuditsWithoutCountingAndANewCodeUnlocks() {
        ServiceCase c = resultReadyForAgent();
        c.pickupCodeTried(PickupCode.Try.MISMATCHED, T0, AGENT);
        c.pickupCodeTried(PickupCode.Try.MATCHED, T0, AGENT);
        assertEquals(1, c.snapshot().pickupCodeFailures());
        assertEquals("MATCHED", c.pendingHistory().get(c.pendingHistory().size() - 1).reason());
        for (int i = 0; i < 4; i++) c.pickupCodeTried(PickupCode.Try.MISMATCHED, T0, AGENT);
        assertTrue(c.snapshot().pickupCodeLocked());
        c.reissuePickupCode("hash-2", T0, Actor.system("supervisor"));
        assertFalse(c.snapshot().pickupCodeLocked());
        assertEquals("hash-2", c.snapshot().pickupCodeHash());
    }

    @Test
    void theRefusalsSayHowManyTriesAreLeft() {
        DomainException first = PickupCode.mismatchRefusal(1);
        assertEquals("CONFIRMATION_CODE_MISMATCH", first.code());
        assertEquals(DomainException.Kind.UNPROCESSABLE, first.kind());
        assertEquals("取件码不正确，还可尝试4次", first.messageZh());
        assertEquals("the pick-up code does not match; 4 tries left", first.messageEn());
        assertEquals("取件码不正确，取件码已锁定", PickupCode.mismatchRefusal(5).messageZh());
        assertEquals("the pick-up code does not match; the code is now locked", PickupCode.mismatchRefusal(5).messageEn());
        DomainException locked = PickupCode.lockedRefusal();
        assertEquals("PICKUP_CODE_LOCKED", locked.code());
        assertEquals(DomainException.Kind.CONFLICT, locked.kind());
        assertEquals("取件码已连续输错5次被锁定，请联系电子监察重新发放", locked.messageZh());
    }

    @Test
    void onlyAnAgentCaseWhoseResultIsReadyGetsANewCode() {
        ServiceCase c = resultReadyForAgent();
        c.deliver("李四", "签收", "CONFIRMATION_CODE", T0, AGENT);
        DomainException e = org.junit.jupiter.api.Assertions.assertThrows(DomainException.class,
                () -> c.reissuePickupCode("hash-3", T0, Actor.system("supervisor")));
        assertEquals("PICKUP_CODE_NOT_APPLICABLE", e.code());
    }
}
