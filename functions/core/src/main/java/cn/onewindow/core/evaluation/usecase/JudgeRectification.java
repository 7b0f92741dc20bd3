package cn.onewindow.core.evaluation.usecase;

import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.evaluation.Rectification;
import cn.onewindow.core.identity.Caller;

import java.time.Instant;

/** 研判: a bad rating is judged valid (call-back and fix become due) or not (closed), with a reason. */
public final class JudgeRectification {
    private final RectificationWrites writes;

    public JudgeRectification(RectificationWrites writes) {
        this.writes = writes;
    }

    public Rectification judge(Caller caller, String id, Boolean valid, String reason) {
        new Validator().notNull(valid, "valid").notBlank(reason, "reason").maxLength(reason, 500, "reason")
                .throwIfInvalid();
        return writes.change(caller, id, r -> {
            if (r.judgedAs(valid, reason)) return null;
            Instant now = writes.clock.instant();
            if (!valid) return r.dismiss(reason, caller, now);
            DeadlineCalculator calc = writes.deadlines.calculatorFor(r.centerId());
            Instant callback = calc.dueAfterWorkingDays(now, RectificationWrites.CALLBACK_WORKING_DAYS).dueAt();
            Instant fix = calc.dueAfterWorkingDays(now, RectificationWrites.FIX_WORKING_DAYS).dueAt();
            return r.acceptAsValid(reason, caller, now, callback, fix);
        });
    }
}
