package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.access.AccessPolicy.CaseAction;
import cn.onewindow.core.calendar.Deadline;
import cn.onewindow.core.cases.Suspension;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.intake.NoticeTexts;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.notify.Notifications;
import cn.onewindow.core.timers.Deadlines;

/**
 * 恢复计时: the clock of a suspended case runs again; its due moves by the working time it stood, and a warning
 * given for the old due is re-armed.
 */
public final class ResumeClock {
    private final CaseWrites writes;

    public ResumeClock(CaseWrites writes) {
        this.writes = writes;
    }

    public CaseWritten resume(Caller caller, String caseId, CaseCommands.Resume cmd, String key) {
        return writes.change(caller, caseId, CaseAction.CLOCK, "resume", cmd, key, (c, ctx) -> {
            Suspension open = c.currentSuspension();
            Deadline d = ctx.calc().resume(c.snapshot().dueAt(), open.suspendedAt(), ctx.now());
            c.resume(d.dueAt(), d.provisional(), ctx.now(), ctx.actor());
            Deadlines.rearmWarning(c, ctx.calc(), ctx.now());
            ctx.notifications().addAll(Notifications.toApplicant(c.snapshot(), Notification.Kind.RESUMED,
                    Notifications.sms(c.snapshot(), "已恢复计时，办结时间调整为" + NoticeTexts.localTime(d.dueAt())),
                    ctx.now()));
        });
    }
}
