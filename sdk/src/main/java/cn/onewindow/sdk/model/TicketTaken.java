package cn.onewindow.sdk.model;

/** The answer to taking a ticket: the ticket, how many wait before it in its category, the estimated wait. */
public final class TicketTaken {
    private final Ticket ticket;
    private final int waitingAhead;
    private final int estimatedWaitMinutes;

    public TicketTaken(Ticket ticket, int waitingAhead, int estimatedWaitMinutes) {
        this.ticket = ticket;
        this.waitingAhead = waitingAhead;
        this.estimatedWaitMinutes = estimatedWaitMinutes;
    }

    public Ticket ticket() { return ticket; }
    public int waitingAhead() { return waitingAhead; }
    /** @return from the category's recent service times and the windows that call it */
    public int estimatedWaitMinutes() { return estimatedWaitMinutes; }
}
