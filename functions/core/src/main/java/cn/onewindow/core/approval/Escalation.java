package cn.onewindow.core.approval;

import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.catalog.HandlingMode;
import cn.onewindow.core.catalog.ParticipatingDepartment;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Actor;

import java.time.Instant;
import java.util.List;

/**
 * 上报件 (SPEC §2.4): an ESCALATED item is first reviewed by the local department (a LOCAL task due with the case);
 * when that review approves, the case goes once to the higher authority (a HIGHER task with the higher authority's
 * own time limit), whose decision decides the case. A denied local review decides the case at once.
 */
public final class Escalation {
    private Escalation() {
    }

    /** The local review of an accepted escalated case, due with the case. */
    static DepartmentTask localReview(ServiceCase c, ServiceItem item, Instant now) {
        ServiceCase.Snapshot s = c.snapshot();
        return DepartmentTask.create(s.id(), s.itemCode(), s.itemName(), item.departmentCode(),
                item.departmentName(), TaskLevel.LOCAL, s.dueAt(), now);
    }

    /** Whether {@code decided} is the approved local review of an escalated case: the moment to escalate. */
    public static boolean passesLocalReview(ServiceCase.Snapshot s, DepartmentTask decided) {
        return s.mode() == HandlingMode.ESCALATED && decided.level() == TaskLevel.LOCAL
                && decided.status() == TaskStatus.APPROVED;
    }

    /**
     * Hands the case to the higher authority: the HIGHER task, recorded on the case. Refused unless the local review
     * was approved ({@code LOCAL_REVIEW_NOT_PASSED}) and the case was not escalated before ({@code ALREADY_ESCALATED}).
     */
    public static DepartmentTask escalate(ServiceCase c, List<DepartmentTask> tasks, ServiceItem item,
                                          DeadlineCalculator calc, Instant now, Actor actor) {
        ServiceCase.Snapshot s = c.snapshot();
        boolean localPassed = tasks.stream().anyMatch(t -> passesLocalReview(s, t));
        if (!localPassed || item.escalateTo() == null) {
            throw DomainException.illegalState("LOCAL_REVIEW_NOT_PASSED", "本级审查未通过，不能上报",
                    "only a case whose local review was approved goes to the higher authority");
        }
        if (tasks.stream().anyMatch(t -> t.level() == TaskLevel.HIGHER)) {
            throw DomainException.illegalState("ALREADY_ESCALATED", "办件已上报", "the case was already escalated");
        }
        ParticipatingDepartment higher = item.escalateTo();
        DepartmentTask task = DepartmentTask.create(s.id(), s.itemCode(), s.itemName(), higher.code(), higher.name(),
                TaskLevel.HIGHER, calc.dueAfterWorkingDays(now, higher.timeLimitDays()).dueAt(), now);
        c.escalated(higher.code(), now, actor);
        return task;
    }
}
