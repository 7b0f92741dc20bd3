package cn.onewindow.core.cases;

import cn.onewindow.core.identity.Actor;

import java.time.Instant;

/**
 * One line of a case's append-only audit trail.
 *
 * @param seq    position in the history, from 1, gap-free
 * @param event  what happened (e.g. ACCEPTED, MATERIALS_SUPPLEMENTED, SUSPENDED, EXTENDED)
 * @param from   status before; equal to {@code to} when the event changed no status
 */
public record HistoryEntry(int seq, String event, CaseStatus from, CaseStatus to, Instant at, Actor actor,
                           String reason) {
}
