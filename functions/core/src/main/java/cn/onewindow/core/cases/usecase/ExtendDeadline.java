package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.access.AccessPolicy.CaseAction;
import cn.onewindow.core.calendar.Deadline;
import cn.onewindow.core.calendar.ExtensionPolicy;
import cn.onewindow.core.calendar.ExtensionRefusedException;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.catalog.HandlingMode;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.intake.NoticeTexts;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.notify.Notifications;
import cn.onewindow.core.timers.Deadlines;

/** 延期: an accepted case's due moves by some working days, once, within the {@link ExtensionPolicy}. */
public final class ExtendDeadline {
    private final CaseWrites writes;

    public ExtendDeadline(CaseWrites writes) {
        this.writes = writes;
    }

    public CaseWritten extend(Caller caller, String caseId, CaseCommands.Extend cmd, String key) {
        return writes.change(caller, caseId, CaseAction.CLOCK, "extend", cmd, key, (c, ctx) -> {
            ServiceCase.Snapshot s = c.snapshot();
            if (s.dueAt() == null) {
                throw DomainException.illegalState("EXTENSION_NOT_POSSIBLE", "办件尚未受理，不能延期",
                        "a case that was not accepted has no deadline to extend");
            }
            try {
                ExtensionPolicy.standard().check(s.extensionDays() != null, s.mode() == HandlingMode.JOINT,
                        s.promisedDays(), s.legalDays(), cmd.days(), cmd.reason());
            } catch (ExtensionRefusedException e) {
                throw new DomainException(DomainException.Kind.UNPROCESSABLE, e.code(), e.messageZh(), e.messageEn());
            }
            Deadline d = ctx.calc().extend(s.dueAt(), cmd.days());
            c.extend(cmd.days(), cmd.reason(), d.dueAt(), d.provisional(),
                    NoticeTexts.extension(s, cmd.days(), cmd.reason(), d.dueAt(), ctx.now()), ctx.now(), ctx.actor());
            Deadlines.rearmWarning(c, ctx.calc(), ctx.now());
            ctx.notifications().addAll(Notifications.toApplicant(c.snapshot(), Notification.Kind.EXTENDED,
                    Notifications.sms(c.snapshot(), "延期" + cmd.days() + "个工作日，办结时间调整为"
                            + NoticeTexts.localTime(d.dueAt())), ctx.now()));
        });
    }
}
