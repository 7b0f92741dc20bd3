package cn.onewindow.sdk.model;

import java.time.LocalDate;

/** An appointment slot (预约时段) of a category at a center: start and end ({@code HH:mm}), capacity, places left. */
public final class AppointmentSlot {
    private final LocalDate date;
    private final String start;
    private final String end;
    private final int capacity;
    private final int remaining;

    public AppointmentSlot(LocalDate date, String start, String end, int capacity, int remaining) {
        this.date = date;
        this.start = start;
        this.end = end;
        this.capacity = capacity;
        this.remaining = remaining;
    }

    public LocalDate date() { return date; }
    /** @return {@code HH:mm}, as {@code AppointmentsApi.book} takes it */
    public String start() { return start; }
    public String end() { return end; }
    public int capacity() { return capacity; }
    public int remaining() { return remaining; }

    @Override
    public String toString() {
        return "AppointmentSlot[" + date + " " + start + "-" + end + ", " + remaining + "/" + capacity + "]";
    }
}
