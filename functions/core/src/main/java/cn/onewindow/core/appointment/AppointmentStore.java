package cn.onewindow.core.appointment;

import cn.onewindow.core.notify.Notification;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage of bookings, slot counters, person locks and no-show records. */
public interface AppointmentStore {
    /** What a write that takes a place found. */
    enum Outcome { STORED, SLOT_FULL, ALREADY_BOOKED, CHANGED }

    Optional<Appointment> find(String id);

    /** Places taken per slot start of a category at a center on a day. */
    Map<LocalTime, Integer> booked(String centerId, String category, LocalDate date);

    /**
     * Stores a new booking in one transaction: takes a place of its slot (only while fewer than {@code capacity} are
     * taken), the person's lock ({@link Appointment#lockKey()}, only if free) and the day's entry.
     */
    Outcome book(Appointment a, int capacity);

    /** Moves a booking to another slot: a place there (below {@code capacity}), its old place freed, in one write. */
    Outcome reschedule(Appointment before, Appointment after, int capacity);

    /**
     * Ends a booking ({@code after} cancelled, checked in or a no-show) if it still has {@code before}'s version:
     * the lock and the day's entry go, a cancellation frees its place, a no-show is recorded for the person.
     */
    Outcome close(Appointment before, Appointment after);

    /** Writes another state that changes no place (the check-in's ticket), if the version still holds. */
    Outcome update(Appointment before, Appointment after);

    /** Marks it reminded and puts the reminder in the notification outbox, in one write. */
    Outcome remind(Appointment before, Appointment after, Notification reminder);

    /** The days of a person's no-shows from {@code from} on. */
    List<LocalDate> noShows(String applicantKey, LocalDate from);

    /** The ids of the bookings still active on a day (every center). */
    List<String> activeOn(LocalDate date);
}
