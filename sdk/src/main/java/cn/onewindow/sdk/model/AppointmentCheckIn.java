package cn.onewindow.sdk.model;

/** The answer to a check-in (签到): the booking and its priority ticket. */
public final class AppointmentCheckIn {
    private final Appointment appointment;
    private final Ticket ticket;

    public AppointmentCheckIn(Appointment appointment, Ticket ticket) {
        this.appointment = appointment;
        this.ticket = ticket;
    }

    public Appointment appointment() { return appointment; }
    /** @return priority {@code APPOINTMENT}: called before the normal tickets of its category */
    public Ticket ticket() { return ticket; }
}
