package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.access.AccessPolicy.CaseAction;
import cn.onewindow.core.cases.Decision;
import cn.onewindow.core.cases.Notice;
import cn.onewindow.core.catalog.HandlingMode;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.intake.NoticeTexts;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.notify.Notifications;

/**
 * The window or the item's own department decides a case handled by one department: approve, or deny with reasons
 * (a denial notice, and the applicant is told by SMS). A joint or escalated case is decided through its department
 * tasks only.
 */
public final class DecideCase {
    private final CaseWrites writes;

    public DecideCase(CaseWrites writes) {
        this.writes = writes;
    }

    public CaseWritten decide(Caller caller, String caseId, CaseCommands.Decide cmd, String key) {
        Validator v = new Validator();
        v.notNull(cmd.outcome(), "outcome");
        v.require(cmd.outcome() != Decision.Outcome.DENY || cmd.reasons().stream().anyMatch(r -> r != null && !r.isBlank()),
                "reasons", "REASONS_REQUIRED", "不予许可须说明理由", "a denial needs at least one reason");
        v.require(cmd.reasons().size() <= 20, "reasons", "TOO_MANY", "理由过多", "at most 20 reasons");
        cmd.reasons().forEach(r -> v.maxLength(r, 500, "reasons"));
        v.throwIfInvalid();
        return writes.change(caller, caseId, CaseAction.DECIDE, "decide", cmd, key, (c, ctx) -> {
            if (c.snapshot().mode() == HandlingMode.JOINT || c.snapshot().mode() == HandlingMode.ESCALATED) {
                throw DomainException.illegalState("DECIDED_BY_DEPARTMENT_TASKS",
                        "联办件、上报件由部门审批任务作出决定，不能直接决定",
                        "a JOINT or ESCALATED case is decided through its department tasks, not directly");
            }
            Decision d = new Decision(cmd.outcome(), cmd.reasons(), ctx.now(), ctx.actor());
            Notice notice = cmd.outcome() == Decision.Outcome.DENY
                    ? NoticeTexts.denial(c.snapshot(), cmd.reasons(), ctx.now()) : null;
            c.decide(d, notice, ctx.now());
            if (notice != null) {
                ctx.notifications().addAll(Notifications.toApplicant(c.snapshot(), Notification.Kind.DENIED,
                        Notifications.sms(c.snapshot(), "经审查不予许可，请到窗口领取退办通知书"), ctx.now()));
            }
        });
    }
}
