package cn.onewindow.core.evaluation.usecase;

import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.evaluation.Rectification;
import cn.onewindow.core.identity.Caller;

import java.time.Instant;

/** Extends the fix of a rectification once, by at most the regional limit, with a reason. */
public final class ExtendRectification {
    private final RectificationWrites writes;

    public ExtendRectification(RectificationWrites writes) {
        this.writes = writes;
    }

    public Rectification extend(Caller caller, String id, int days, String reason) {
        new Validator().range(days, 1, RectificationWrites.FIX_WORKING_DAYS, "days").notBlank(reason, "reason")
                .maxLength(reason, 500, "reason").throwIfInvalid();
        return writes.change(caller, id, r -> {
            if (r.extendedBy(days, reason)) return null;
            Instant now = writes.clock.instant();
            DeadlineCalculator calc = writes.deadlines.calculatorFor(r.centerId());
            Instant due = r.fixDueAt() == null ? null : calc.extend(r.fixDueAt(), days).dueAt();
            // the warning re-arms when the new warning point lies ahead: it fires again before the new due
            boolean rearm = due != null
                    && calc.warningPoint(r.judgedAt() != null ? r.judgedAt() : due, due, 1).isAfter(now);
            return r.extend(days, reason, due, rearm, caller, now);
        });
    }
}
