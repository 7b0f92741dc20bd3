package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.Consent;
import cn.onewindow.core.cases.Decision;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.cases.Suspension;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An Idempotency-Key is bound to the text of the request (keyed-hashed): the text of each case command (its record
 * {@code toString}) must stay exactly as releases before wrote it, or a retry across a release would be refused as
 * IDEMPOTENCY_KEY_REUSED. Renaming a record or a component fails here.
 */
class RequestFingerprintTest {
    private static final List<SubmittedMaterial> MATERIALS = List.of(new SubmittedMaterial("M01", 2));

    @Test
    void everyCaseCommandKeepsItsText() {
        Consent consent = new Consent(Consent.Method.WRITTEN_AUTHORIZATION, "WT-1",
                Instant.parse("2025-04-25T02:00:00Z"));
        assertEquals("Intake[itemCode=330100-XK-0001, applicant=null, channel=VILLAGE_AGENT, servicePointId=P1, "
                        + "agentId=agent-001, materials=" + MATERIALS + ", unmetConditions=[C01], consent=" + consent
                        + ", ticketId=T-9]",
                new CaseCommands.Intake("330100-XK-0001", null, Channel.VILLAGE_AGENT, "P1", "agent-001",
                        MATERIALS, List.of("C01"), consent, "T-9").toString());
        assertEquals(new CaseCommands.Intake("X", null, null, null, null, null, null, null, null).toString(),
                new CaseCommands.Intake("X", null, null, null, null, null, null).toString());
        assertEquals("Supplement[materials=" + MATERIALS + "]", new CaseCommands.Supplement(MATERIALS).toString());
        assertEquals("Decide[outcome=DENY, reasons=[不符合条件]]",
                new CaseCommands.Decide(Decision.Outcome.DENY, List.of("不符合条件")).toString());
        assertEquals("Suspend[kind=SUPPLEMENT, reason=缺件]",
                new CaseCommands.Suspend(Suspension.Kind.SUPPLEMENT, "缺件").toString());
        assertEquals("Resume[note=ok]", new CaseCommands.Resume("ok").toString());
        assertEquals("Extend[days=5, reason=复杂]", new CaseCommands.Extend(5, "复杂").toString());
        assertEquals("IssueResult[resultNumber=R-1]", new CaseCommands.IssueResult("R-1").toString());
        assertEquals("Deliver[deliveredTo=张三, confirmation=签收, confirmationCode=123456, signature=SIG-1]",
                new CaseCommands.Deliver("张三", "签收", "123456", "SIG-1").toString());
        assertEquals("Deliver[deliveredTo=张三, confirmation=null, confirmationCode=null, signature=null]",
                new CaseCommands.Deliver("张三", null).toString());
        assertEquals("Withdraw[reason=不办了]", new CaseCommands.Withdraw("不办了").toString());
    }
}
