package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.access.AccessPolicy.CaseAction;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.notify.Notifications;

/**
 * A supervisor issues a new pick-up code (the old one was locked after wrong tries, or lost): it goes to the
 * applicant by SMS through the outbox (sealed there), the old code stops working, the lock is lifted.
 */
public final class ReissuePickupCode {
    private final CaseWrites writes;

    public ReissuePickupCode(CaseWrites writes) {
        this.writes = writes;
    }

    public CaseWritten reissue(Caller caller, String caseId, String key) {
        return writes.change(caller, caseId, CaseAction.REISSUE_PICKUP_CODE, "reissue-pickup-code",
                "reissue-pickup-code", key, (c, ctx) -> {
                    String code = CaseSecrets.newCode();
                    c.reissuePickupCode(writes.secrets.pickupHash(c.id(), code), ctx.now(), ctx.actor());
                    for (Notification n : Notifications.toApplicant(c.snapshot(),
                            Notification.Kind.PICKUP_CODE_REISSUED, Notifications.sms(c.snapshot(),
                                    "取件码已重新发放，新取件码" + code + "，原取件码作废，请在签收时告知代办员"), ctx.now())) {
                        if (n.recipient() == Notification.Recipient.APPLICANT) {
                            ctx.notifications().add(writes.secrets.sealed(n));
                        }
                    }
                });
    }
}
