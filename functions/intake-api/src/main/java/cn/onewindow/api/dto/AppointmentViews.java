package cn.onewindow.api.dto;

import cn.onewindow.core.appointment.Appointment;
import cn.onewindow.core.appointment.AppointmentStatus;
import cn.onewindow.core.appointment.Slot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Appointment (预约) request bodies and answers. */
public final class AppointmentViews {
    private AppointmentViews() {
    }

    /**
     * Body of {@code POST /v1/appointments}: the slot ({@code centerId}, {@code category}, {@code date} YYYY-MM-DD,
     * {@code start} HH:mm as the slots list gives it) and the person ({@code name}, {@code idType} +
     * {@code idNumber}, {@code phone} for the reminder SMS). The ID number is kept only as a keyed pseudonym.
     */
    public record Book(String centerId, String category, String date, String start, String name, String idType,
                       String idNumber, String phone) {
    }

    /** Body of {@code PATCH /v1/appointments/{id}}: the new slot of the same category (改约). */
    public record Reschedule(String date, String start) {
    }

    /** One slot: start and end (HH:mm), capacity and the places left. */
    public record SlotView(String start, String end, int capacity, int remaining) {
        public static SlotView of(Slot s) {
            return new SlotView(hhmm(s.start()), hhmm(s.end()), s.capacity(), s.remaining());
        }
    }

    /** A time of day as {@code HH:mm} (the form the booking takes back). */
    public static String hhmm(LocalTime t) {
        return t == null ? null : String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    /**
     * The slots of a category at a center on a day (none on a non-working day), and the center's bookable
     * categories (without {@code category} and {@code date}: only those), and today's date at the platform
     * (Beijing time: the first day a page offers).
     */
    public record Slots(String centerId, String category, LocalDate date, LocalDate today, List<SlotView> slots,
                        List<cn.onewindow.core.appointment.AppointmentService.Bookable> categories) {
    }

    /**
     * A booking: nothing personal beyond the masked name and phone. {@code bookingCode} (预约码) only in the answer
     * of the booking that drew it: shown once, never stored in clear, never replayed.
     */
    public record AppointmentView(String id, String centerId, String category, LocalDate date, String start,
                                  String end, AppointmentStatus status, String maskedName, String maskedPhone,
                                  boolean bookedByAgent, Instant bookedAt, Instant changedAt, Instant checkInFrom,
                                  Instant checkInUntil, String ticketId, String ticketNumber, String bookingCode) {
        public static AppointmentView of(Appointment a, int checkInBeforeMinutes, String bookingCode) {
            return new AppointmentView(a.id(), a.centerId(), a.category(), a.date(), hhmm(a.start()), hhmm(a.end()),
                    a.status(),
                    a.maskedName(), a.maskedPhone(), a.bookedBy() != null, a.bookedAt(), a.changedAt(),
                    a.startsAt().minusSeconds(60L * checkInBeforeMinutes), a.endsAt(), a.ticketId(),
                    a.ticketNumber(), bookingCode);
        }
    }

    /** The answer to a check-in: the booking and its priority ticket. */
    public record CheckedIn(AppointmentView appointment, QueueViews.TicketView ticket) {
    }
}
