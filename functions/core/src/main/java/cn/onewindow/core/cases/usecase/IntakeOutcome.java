package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.JointApproval;
import cn.onewindow.core.calendar.Deadline;
import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.identity.Actor;
import cn.onewindow.core.intake.IntakeAssessment;
import cn.onewindow.core.intake.NoticeTexts;

import java.time.Instant;
import java.util.List;

/**
 * Applies the intake rules' verdict to a case, at intake or when missing materials came in: not accepted (with the
 * refusal notice), a one-time notice of what is missing, or accepted (the clock starts; a joint or escalated case
 * gets its department tasks).
 */
final class IntakeOutcome {
    private IntakeOutcome() {
    }

    /** Returns the department tasks an accepted joint or escalated case needs (none otherwise). */
    static List<DepartmentTask> apply(ServiceCase c, ServiceItem item, IntakeAssessment a, DeadlineCalculator calc,
                                      Instant now, Actor actor) {
        switch (a.outcome()) {
            case NOT_ACCEPTED -> c.refuse(a.refusalReason(), a.refusalBasis(),
                    NoticeTexts.notAccepted(c.snapshot(), item.name(), a.refusalReason(), a.refusalBasis(), now),
                    now, actor);
            case AWAITING_MATERIALS -> c.awaitMaterials(a.missing(),
                    NoticeTexts.oneTimeNotice(c.snapshot(), item, a.missing(), now), now, actor);
            case ACCEPTED, ACCEPTED_WITH_DEFICIENCY -> {
                Deadline due = calc.dueAfterWorkingDays(now, item.promisedDays());
                c.accept(due.dueAt(), due.provisional(), a.outstandingTolerable(),
                        NoticeTexts.acceptance(c.snapshot(), item, due.dueAt(), due.provisional(),
                                a.outstandingTolerable(), now), now, actor);
                return JointApproval.fanOut(c, item, calc, now, actor);
            }
        }
        return List.of();
    }
}
