package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.access.AccessPolicy.CaseAction;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.identity.Caller;

/** 撤回: an open case is withdrawn at the applicant's request, with the reason; it is closed. */
public final class WithdrawCase {
    private final CaseWrites writes;

    public WithdrawCase(CaseWrites writes) {
        this.writes = writes;
    }

    public CaseWritten withdraw(Caller caller, String caseId, CaseCommands.Withdraw cmd, String key) {
        new Validator().notBlank(cmd.reason(), "reason").maxLength(cmd.reason(), 500, "reason").throwIfInvalid();
        return writes.change(caller, caseId, CaseAction.WITHDRAW, "withdraw", cmd, key,
                (c, ctx) -> c.withdraw(cmd.reason(), ctx.now(), ctx.actor()));
    }
}
