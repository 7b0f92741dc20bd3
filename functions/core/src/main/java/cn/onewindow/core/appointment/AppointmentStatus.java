package cn.onewindow.core.appointment;

/** Where a booking (预约) stands. Only {@link #BOOKED} is active: it holds its slot place and the person's lock. */
public enum AppointmentStatus {
    BOOKED, CHECKED_IN, CANCELLED, NO_SHOW;

    public boolean active() {
        return this == BOOKED;
    }
}
