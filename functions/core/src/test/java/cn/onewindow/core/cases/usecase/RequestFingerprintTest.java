package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.cases.Applicant;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.Consent;
import cn.onewindow.core.cases.Decision;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.cases.Suspension;
import cn.onewindow.core.service.Commands;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An Idempotency-Key is bound to the text of the request (keyed-hashed). The platform's commands are handed to the
 * use cases as their own inputs: the text must stay exactly the same, or a retry across a release that moved the
 * code would be refused as IDEMPOTENCY_KEY_REUSED.
 */
class RequestFingerprintTest {
    private static final Applicant APPLICANT = new Applicant("张三", null, IdType.RESIDENT_ID, "11010519491231002X",
            "13812345678");
    private static final List<SubmittedMaterial> MATERIALS = List.of(new SubmittedMaterial("M01", 2));

    @Test
    void everyCaseCommandHasTheSameTextAsTheUseCaseInput() {
        Consent consent = new Consent(Consent.Method.WRITTEN_AUTHORIZATION, "WT-1",
                Instant.parse("2025-04-25T02:00:00Z"));
        assertSame(new Commands.Intake("330100-XK-0001", APPLICANT, Channel.VILLAGE_AGENT, "P1", "agent-001",
                        MATERIALS, List.of("C01"), consent, "T-9"),
                new CaseCommands.Intake("330100-XK-0001", APPLICANT, Channel.VILLAGE_AGENT, "P1", "agent-001",
                        MATERIALS, List.of("C01"), consent, "T-9"));
        assertSame(new Commands.Intake("X", null, null, null, null, null, null),
                new CaseCommands.Intake("X", null, null, null, null, null, null, null, null));
        assertSame(new Commands.Supplement(MATERIALS), new CaseCommands.Supplement(MATERIALS));
        assertSame(new Commands.Decide(Decision.Outcome.DENY, List.of("不符合条件")),
                new CaseCommands.Decide(Decision.Outcome.DENY, List.of("不符合条件")));
        assertSame(new Commands.Suspend(Suspension.Kind.SUPPLEMENT, "缺件"),
                new CaseCommands.Suspend(Suspension.Kind.SUPPLEMENT, "缺件"));
        assertSame(new Commands.Resume("ok"), new CaseCommands.Resume("ok"));
        assertSame(new Commands.Extend(5, "复杂"), new CaseCommands.Extend(5, "复杂"));
        assertSame(new Commands.IssueResult("R-1"), new CaseCommands.IssueResult("R-1"));
        assertSame(new Commands.Deliver("张三", "签收", "123456", "SIG-1"),
                new CaseCommands.Deliver("张三", "签收", "123456", "SIG-1"));
        assertSame(new Commands.Deliver("张三", null), new CaseCommands.Deliver("张三", null, null, null));
        assertSame(new Commands.Withdraw("不办了"), new CaseCommands.Withdraw("不办了"));
    }

    private static void assertSame(Object command, Object input) {
        assertEquals(String.valueOf(command), String.valueOf(input));
    }
}
