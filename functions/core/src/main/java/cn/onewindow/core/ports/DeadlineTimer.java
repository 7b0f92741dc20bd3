package cn.onewindow.core.ports;

import java.time.Instant;

/**
 * A point in time the deadline checker must look at: the warning point or the due time of a case, or of one
 * department's task ({@code department} set). Stored in the due-time index, bucketed by hour, so the checker finds
 * what falls due without scanning.
 */
public record DeadlineTimer(String caseId, Kind kind, Instant at, String department) {
    public enum Kind { WARNING, DUE }

    /** A timer of the case itself. */
    public DeadlineTimer(String caseId, Kind kind, Instant at) {
        this(caseId, kind, at, null);
    }
}
