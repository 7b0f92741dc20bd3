package cn.onewindow.core.cases;

import cn.onewindow.core.identity.Actor;

import java.time.Instant;
import java.util.List;

/** The decision on a case: approve, or deny with reasons. */
public record Decision(Outcome outcome, List<String> reasons, Instant decidedAt, Actor by) {
    public enum Outcome { APPROVE, DENY }

    public Decision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
