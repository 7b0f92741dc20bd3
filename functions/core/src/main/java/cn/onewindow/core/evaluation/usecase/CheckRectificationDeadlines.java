package cn.onewindow.core.evaluation.usecase;

import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.RetryPolicy;
import cn.onewindow.core.deadline.Accountability;
import cn.onewindow.core.evaluation.Rectification;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.ports.DeadlineTimer;
import cn.onewindow.core.ports.EvaluationRepository.RatingState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The deadline checker's part of 好差评: the one invitation to rate a delivered case, and the rectification's
 * call-back due, fix warning and fix due (each once, with an accountability record and a notice to the department
 * when missed).
 */
public final class CheckRectificationDeadlines {
    /** The name the deadline checker acts under in a rectification's history. */
    public static final String CHECKER = "deadline-checker";

    public enum TimerOutcome { WARNED, OVERDUE, INVITED, NOTHING }

    private final RectificationWrites writes;

    public CheckRectificationDeadlines(RectificationWrites writes) {
        this.writes = writes;
    }

    public TimerOutcome handle(DeadlineTimer timer, Instant now) {
        if (timer.kind() == DeadlineTimer.Kind.INVITE) return invite(timer.caseId(), now);
        return RetryPolicy.standard().onConflict(() -> {
            RatingState st = writes.repo.state(timer.caseId());
            if (st == null) return TimerOutcome.NOTHING;
            Rectification r = st.secondRectification() != null && st.secondRectification().status().open()
                    ? st.secondRectification() : st.firstRectification();
            if (r == null || r.status() != Rectification.Status.IN_RECTIFICATION) return TimerOutcome.NOTHING;
            DeadlineCalculator calc = writes.deadlines.calculatorFor(r.centerId());
            Rectification next = r;
            TimerOutcome outcome = TimerOutcome.NOTHING;
            List<Accountability> acc = new ArrayList<>();
            List<Notification> notes = new ArrayList<>();
            if (next.callbackOverdueAt(now)) {
                long late = calc.workingMinutesLate(r.callbackDueAt(), now);
                next = next.markCallbackOverdue(late, CHECKER, now);
                acc.add(new Accountability(r.caseId(), "RECT#" + r.round() + "#CALLBACK", r.departmentCode(),
                        r.centerId(), r.judgedBy(), r.callbackDueAt(), now, late));
                notes.add(note(r, Notification.Kind.RECTIFICATION_OVERDUE, "回访已超期", now));
                outcome = TimerOutcome.OVERDUE;
            }
            if (next.fixOverdueAt(now)) {
                long late = calc.workingMinutesLate(next.fixDueAt(), now);
                Instant due = next.fixDueAt();
                next = next.markFixOverdue(late, CHECKER, now);
                acc.add(new Accountability(r.caseId(), "RECT#" + r.round() + "#FIX", r.departmentCode(),
                        r.centerId(), r.judgedBy(), due, now, late));
                notes.add(note(r, Notification.Kind.RECTIFICATION_OVERDUE, "整改已超期（红牌）", now));
                outcome = TimerOutcome.OVERDUE;
            } else if (next.fixWarningDue(RectificationWrites.fixWarningPoint(next, calc), now)) {
                next = next.warnFix(RectificationWrites.fixWarningPoint(next, calc), CHECKER, now);
                notes.add(note(r, Notification.Kind.RECTIFICATION_WARNING, "整改即将到期（预警）", now));
                if (outcome == TimerOutcome.NOTHING) outcome = TimerOutcome.WARNED;
            }
            if (next == r) return TimerOutcome.NOTHING;
            writes.repo.saveRectification(next, writes.timersFor(next), acc, notes);
            return outcome;
        });
    }

    private static Notification note(Rectification r, Notification.Kind kind, String what, Instant now) {
        String text = "【整改督办】办件" + r.caseId() + "的差评整改" + what + "。";
        return new Notification(r.id() + "-" + kind + "-" + now.toEpochMilli(), r.caseId(), kind,
                Notification.Recipient.DEPARTMENT, r.departmentCode(), null, text, now);
    }

    private TimerOutcome invite(String caseId, Instant now) {
        RatingState st = writes.repo.state(caseId);
        if (st == null || st.caseSnapshot() == null || st.first() != null) return TimerOutcome.NOTHING;
        ServiceCase.Snapshot c = st.caseSnapshot();
        String phone = c.applicant() == null ? null : c.applicant().phone();
        Notification n = new Notification(caseId + "-INVITE", caseId, Notification.Kind.EVALUATION_INVITATION,
                Notification.Recipient.APPLICANT, null, phone, "【好差评】您办理的" + c.itemName() + "（办件" + caseId
                + "）已办结，欢迎对本次服务进行评价：非常满意、满意、基本满意、不满意、非常不满意。", now);
        return writes.repo.invite(caseId, n) ? TimerOutcome.INVITED : TimerOutcome.NOTHING;
    }
}
