package cn.onewindow.sdk.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A booking (预约): nothing personal beyond the masked name and phone. {@link #bookingCode()} only on the answer of
 * the booking itself (shown once: hand it to the person; it is never shown again).
 */
public final class Appointment {
    private final String id;
    private final String centerId;
    private final String category;
    private final LocalDate date;
    private final String start;
    private final String end;
    private final String status;
    private final String maskedName;
    private final String maskedPhone;
    private final boolean bookedByAgent;
    private final Instant bookedAt;
    private final Instant checkInFrom;
    private final Instant checkInUntil;
    private final String ticketId;
    private final String ticketNumber;
    private final String bookingCode;

    public Appointment(String id, String centerId, String category, LocalDate date, String start, String end,
                       String status, String maskedName, String maskedPhone, boolean bookedByAgent, Instant bookedAt,
                       Instant checkInFrom, Instant checkInUntil, String ticketId, String ticketNumber,
                       String bookingCode) {
        this.id = id;
        this.centerId = centerId;
        this.category = category;
        this.date = date;
        this.start = start;
        this.end = end;
        this.status = status;
        this.maskedName = maskedName;
        this.maskedPhone = maskedPhone;
        this.bookedByAgent = bookedByAgent;
        this.bookedAt = bookedAt;
        this.checkInFrom = checkInFrom;
        this.checkInUntil = checkInUntil;
        this.ticketId = ticketId;
        this.ticketNumber = ticketNumber;
        this.bookingCode = bookingCode;
    }

    /** @return {@code APT-} and 8 characters */
    public String id() { return id; }
    public String centerId() { return centerId; }
    public String category() { return category; }
    public LocalDate date() { return date; }
    public String start() { return start; }
    public String end() { return end; }
    /** @return {@code BOOKED}, {@code CHECKED_IN}, {@code CANCELLED} or {@code NO_SHOW} */
    public String status() { return status; }
    public String maskedName() { return maskedName; }
    public String maskedPhone() { return maskedPhone; }
    public boolean bookedByAgent() { return bookedByAgent; }
    public Instant bookedAt() { return bookedAt; }
    /** @return check-in opens (before the slot starts) */
    public Instant checkInFrom() { return checkInFrom; }
    /** @return check-in closes (the slot's end) */
    public Instant checkInUntil() { return checkInUntil; }
    /** @return the priority ticket issued at check-in, or null */
    public String ticketId() { return ticketId; }
    public String ticketNumber() { return ticketNumber; }
    /** @return the booking code (预约码), only on the booking's own answer; null otherwise */
    public String bookingCode() { return bookingCode; }

    @Override
    public String toString() {
        return "Appointment[" + id + " " + centerId + " " + category + " " + date + " " + start + " " + status + "]";
    }
}
