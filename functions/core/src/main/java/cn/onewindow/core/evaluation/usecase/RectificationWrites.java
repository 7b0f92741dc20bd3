package cn.onewindow.core.evaluation.usecase;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.RetryPolicy;
import cn.onewindow.core.evaluation.Rectification;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.DeadlineTimer;
import cn.onewindow.core.ports.EvaluationRepository;
import cn.onewindow.core.timers.Deadlines;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The write path shared by the rectification actions (judge, call back, extend, fix): load within the caller's
 * reach, the access decision, one transition of the {@link Rectification}, one write guarded by its version with
 * the deadline timers it needs now.
 */
public final class RectificationWrites {
    /** Call-back (回访) due within this many working days of a valid judgement. */
    public static final int CALLBACK_WORKING_DAYS = 1;
    /** The fix is due within this many working days of a valid judgement (regional default). */
    public static final int FIX_WORKING_DAYS = 15;

    final EvaluationRepository repo;
    final ShowEvaluations reads;
    final Deadlines deadlines;
    final Clock clock;

    public RectificationWrites(EvaluationRepository repo, Deadlines deadlines, Clock clock) {
        this.repo = repo;
        this.reads = new ShowEvaluations(repo);
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** Applies a transition guarded by the version; null from {@code f} means "already done" (idempotent retry). */
    Rectification change(Caller caller, String id, Function<Rectification, Rectification> f) {
        return RetryPolicy.standard().onConflict(() -> {
            Rectification r = reads.rectification(caller, id);
            if (!AccessPolicy.canHandleRectification(caller, r.departmentCode(), reads.regionOf(caller, r))) {
                throw DomainException.forbidden("FORBIDDEN", "只有监察人员或被评价部门可以处理整改",
                        "only a supervisor or the rated department may handle a rectification");
            }
            Rectification next = f.apply(r);
            if (next == null) return r;
            return repo.saveRectification(next, timersFor(next), List.of(), List.of());
        });
    }

    /** The deadline timers a rectification needs: call-back due, fix warning and fix due, until each happened. */
    List<DeadlineTimer> timersFor(Rectification r) {
        List<DeadlineTimer> t = new ArrayList<>(3);
        if (r.status() != Rectification.Status.IN_RECTIFICATION) return t;
        Instant now = clock.instant();
        if (r.calledBackAt() == null && r.callbackOverdueAt() == null) {
            t.add(new DeadlineTimer(r.caseId(), DeadlineTimer.Kind.RECT_CALLBACK_DUE,
                    Deadlines.notBefore(r.callbackDueAt(), now)));
        }
        if (r.fixWarnedAt() == null && r.fixOverdueAt() == null) {
            Instant warn = fixWarningPoint(r, deadlines.calculatorFor(r.centerId()));
            t.add(new DeadlineTimer(r.caseId(), DeadlineTimer.Kind.RECT_FIX_WARNING, Deadlines.notBefore(warn, now)));
        }
        if (r.fixOverdueAt() == null) {
            t.add(new DeadlineTimer(r.caseId(), DeadlineTimer.Kind.RECT_FIX_DUE, Deadlines.notBefore(r.fixDueAt(), now)));
        }
        return t;
    }

    /** The fix's warning point: 1 working day before its due, counted from the judgement (its clock's start). */
    static Instant fixWarningPoint(Rectification r, DeadlineCalculator calc) {
        return calc.warningPoint(r.judgedAt() != null ? r.judgedAt() : r.fixDueAt(), r.fixDueAt(), 1);
    }
}
