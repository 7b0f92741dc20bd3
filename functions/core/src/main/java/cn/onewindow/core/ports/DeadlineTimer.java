package cn.onewindow.core.ports;

import java.time.Instant;

/**
 * A point in time the deadline checker must look at: the warning point or the due time of a case, or of one
 * department's task ({@code department} set). Stored in the due-time index, bucketed by hour, so the checker finds
 * what falls due without scanning.
 */
public record DeadlineTimer(String caseId, Kind kind, Instant at, String department) {
    public enum Kind {
        WARNING, DUE,
        /** 好差评: invite the applicant to rate a delivered case that has no rating yet. */
        INVITE,
        /** 整改: the call-back (回访) and the fix of a valid rectification. */
        RECT_CALLBACK_DUE, RECT_FIX_WARNING, RECT_FIX_DUE;

        /** The deadline kinds of a case or task (the others belong to evaluations). */
        public boolean caseDeadline() { return this == WARNING || this == DUE; }
    }

    /** A timer of the case itself. */
    public DeadlineTimer(String caseId, Kind kind, Instant at) {
        this(caseId, kind, at, null);
    }
}
