package cn.onewindow.core.evaluation.usecase;

import cn.onewindow.core.common.Validator;
import cn.onewindow.core.evaluation.Rectification;
import cn.onewindow.core.identity.Caller;

/** 整改完成: closes the rectification; the applicant may now re-rate once. A call-back must come first. */
public final class FixRectification {
    private final RectificationWrites writes;

    public FixRectification(RectificationWrites writes) {
        this.writes = writes;
    }

    public Rectification fix(Caller caller, String id, String note) {
        new Validator().notBlank(note, "note").maxLength(note, 1000, "note").throwIfInvalid();
        return writes.change(caller, id, r -> r.fixedWith(note) ? null : r.fix(note, caller, writes.clock.instant()));
    }
}
