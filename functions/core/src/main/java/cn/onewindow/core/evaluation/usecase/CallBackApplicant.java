package cn.onewindow.core.evaluation.usecase;

import cn.onewindow.core.common.Validator;
import cn.onewindow.core.evaluation.Rectification;
import cn.onewindow.core.identity.Caller;

/** 回访: the rated department called the applicant back (once, before the fix can close). */
public final class CallBackApplicant {
    private final RectificationWrites writes;

    public CallBackApplicant(RectificationWrites writes) {
        this.writes = writes;
    }

    public Rectification callBack(Caller caller, String id, String note) {
        new Validator().notBlank(note, "note").maxLength(note, 500, "note").throwIfInvalid();
        return writes.change(caller, id, r -> r.calledBackWith(note) ? null
                : r.callBack(note, caller, writes.clock.instant()));
    }
}
