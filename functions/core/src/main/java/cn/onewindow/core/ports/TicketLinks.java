package cn.onewindow.core.ports;

import cn.onewindow.core.identity.Caller;

/** How intake ties a case to the queue ticket being served (so that its rating carries the queue number). */
public interface TicketLinks {
    /**
     * The queue number (e.g. {@code A001}) of a ticket that is being served at the caller's center; anything else is
     * refused ({@code TICKET_NOT_FOUND} 404 outside the caller's center, {@code TICKET_NOT_SERVING} 409).
     */
    String numberOf(Caller caller, String ticketId);

    /** Adds the case to the ticket's cases (after the case is stored). */
    void linkCase(String ticketId, String caseId);
}
