package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.access.AccessPolicy.CaseAction;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.intake.NoticeTexts;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.notify.Notifications;

/** 暂停计时: the clock of a case in review stops (a special procedure, a site inspection …), with a notice and SMS. */
public final class SuspendClock {
    private final CaseWrites writes;

    public SuspendClock(CaseWrites writes) {
        this.writes = writes;
    }

    public CaseWritten suspend(Caller caller, String caseId, CaseCommands.Suspend cmd, String key) {
        new Validator().notNull(cmd.kind(), "kind").notBlank(cmd.reason(), "reason").maxLength(cmd.reason(), 500, "reason")
                .throwIfInvalid();
        return writes.change(caller, caseId, CaseAction.CLOCK, "suspend", cmd, key, (c, ctx) -> {
            c.suspend(cmd.kind(), cmd.reason(),
                    NoticeTexts.suspension(c.snapshot(), cmd.kind(), cmd.reason(), ctx.now()), ctx.now(), ctx.actor());
            ctx.notifications().addAll(Notifications.toApplicant(c.snapshot(), Notification.Kind.SUSPENDED,
                    Notifications.sms(c.snapshot(), "因" + cmd.kind().chinese() + "暂停计时：" + cmd.reason()),
                    ctx.now()));
        });
    }
}
