package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.access.AccessPolicy.CaseAction;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.intake.NoticeTexts;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.notify.Notifications;

/**
 * 出件: the result of an approved case is ready. The applicant is told by SMS; for a 代办 case the SMS carries a
 * pick-up code (取件码, stored only as a keyed hash, sent sealed) and the agent is told, without the code.
 */
public final class IssueCaseResult {
    private final CaseWrites writes;

    public IssueCaseResult(CaseWrites writes) {
        this.writes = writes;
    }

    public CaseWritten issue(Caller caller, String caseId, CaseCommands.IssueResult cmd, String key) {
        new Validator().maxLength(cmd.resultNumber(), 64, "resultNumber").throwIfInvalid();
        return writes.change(caller, caseId, CaseAction.ISSUE_RESULT, "result", cmd, key, (c, ctx) -> {
            String number = cmd.resultNumber() != null && !cmd.resultNumber().isBlank() ? cmd.resultNumber()
                    : "R-" + c.id();
            c.issueResult(number, NoticeTexts.resultReady(c.snapshot(), number, ctx.now()), ctx.now(), ctx.actor());
            if (c.snapshot().agentId() == null) {
                ctx.notifications().addAll(Notifications.toApplicant(c.snapshot(), Notification.Kind.RESULT_READY,
                        Notifications.sms(c.snapshot(), "已办结，请凭受理回执领取结果"), ctx.now()));
            } else {
                // 代办: the villager gets a pick-up code (取件码) that the agent enters at the hand-over; the agent is
                // told the result is ready, without the code
                String code = CaseSecrets.newCode();
                c.pickupCode(writes.secrets.pickupHash(c.id(), code));
                for (Notification n : Notifications.toApplicant(c.snapshot(), Notification.Kind.RESULT_READY,
                        Notifications.sms(c.snapshot(), "已办结，代办员将为您送达，取件码" + code + "，请在签收时告知代办员"),
                        ctx.now())) {
                    ctx.notifications().add(n.recipient() == Notification.Recipient.APPLICANT ? writes.secrets.sealed(n)
                            : new Notification(n.id(), n.caseId(), n.kind(), n.recipient(), n.recipientId(), null,
                            "【代办提醒】办件" + c.id() + "（" + c.snapshot().itemName()
                                    + "）已出件，请领取结果并送达申请人，签收时核验取件码或请申请人签名。", n.createdAt()));
                }
            }
        });
    }
}
