package cn.onewindow.memory;

import cn.onewindow.core.appointment.Appointment;
import cn.onewindow.core.appointment.AppointmentStatus;
import cn.onewindow.core.appointment.AppointmentStore;
import cn.onewindow.core.notify.Notification;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Bookings, slot counters, person locks, the day's active entries and no-show records in memory, next to the cases of
 * a {@link MemoryCaseRepository} (the reminder goes into its notification outbox under the appointment id). Every
 * write checks all its conditions before it applies any change, under the case store's lock, in the order the
 * DynamoDB transaction of {@code DynamoAppointmentStore} lists its items, so it answers the same {@link Outcome}:
 * a slot counter is raised only below the capacity and never goes below zero, a person holds one active booking per
 * category, a booking changes only from the version it was read at.
 */
public final class MemoryAppointmentStore implements AppointmentStore {
    private final MemoryCaseRepository cases;
    private final Object lock;
    private final Map<String, Appointment> bookings = new HashMap<>();
    /** Places taken per slot ({@code center#category#date}), by slot start; a slot once taken stays listed. */
    private final Map<String, TreeMap<LocalTime, Integer>> slots = new HashMap<>();
    /** The booking holding each person-and-category lock. */
    private final Map<String, String> locks = new HashMap<>();
    /** Per day, the active bookings by {@code center#HH:mm#id}. */
    private final Map<LocalDate, TreeMap<String, String>> days = new HashMap<>();
    /** Per person, the no-shows by {@code date#id}. */
    private final Map<String, TreeMap<String, LocalDate>> noShows = new HashMap<>();

    public MemoryAppointmentStore(MemoryCaseRepository cases) {
        this.cases = cases;
        this.lock = cases.lock();
    }

    @Override
    public Optional<Appointment> find(String id) {
        synchronized (lock) {
            return Optional.ofNullable(bookings.get(id));
        }
    }

    @Override
    public Map<LocalTime, Integer> booked(String centerId, String category, LocalDate date) {
        synchronized (lock) {
            return new TreeMap<>(slots.getOrDefault(slotKey(centerId, category, date), new TreeMap<>()));
        }
    }

    @Override
    public Outcome book(Appointment a, int capacity) {
        synchronized (lock) {
            if (taken(a) >= capacity) return Outcome.SLOT_FULL;
            if (locks.containsKey(a.lockKey())) return Outcome.ALREADY_BOOKED;
            if (bookings.containsKey(a.id())) return Outcome.CHANGED;
            addPlace(a, 1);
            locks.put(a.lockKey(), a.id());
            bookings.put(a.id(), a);
            days.computeIfAbsent(a.date(), d -> new TreeMap<>()).put(dayKey(a), a.id());
            return Outcome.STORED;
        }
    }

    @Override
    public Outcome reschedule(Appointment before, Appointment after, int capacity) {
        Appointment stored = after.withVersion(before.version() + 1);
        synchronized (lock) {
            if (taken(stored) >= capacity) return Outcome.SLOT_FULL;
            if (!versionHolds(before) || taken(before) <= 0) return Outcome.CHANGED;
            addPlace(stored, 1);
            addPlace(before, -1);
            bookings.put(stored.id(), stored);
            removeDayEntry(before);
            days.computeIfAbsent(stored.date(), d -> new TreeMap<>()).put(dayKey(stored), stored.id());
            return Outcome.STORED;
        }
    }

    @Override
    public Outcome close(Appointment before, Appointment after) {
        Appointment stored = after.withVersion(before.version() + 1);
        boolean frees = stored.status() == AppointmentStatus.CANCELLED;
        synchronized (lock) {
            if (!versionHolds(before) || frees && taken(before) <= 0) return Outcome.CHANGED;
            bookings.put(stored.id(), stored);
            locks.remove(before.lockKey());
            removeDayEntry(before);
            if (frees) addPlace(before, -1);
            if (stored.status() == AppointmentStatus.NO_SHOW) {
                noShows.computeIfAbsent(before.applicantKey(), k -> new TreeMap<>())
                        .put(before.date() + "#" + before.id(), before.date());
            }
            return Outcome.STORED;
        }
    }

    @Override
    public Outcome update(Appointment before, Appointment after) {
        synchronized (lock) {
            if (!versionHolds(before)) return Outcome.CHANGED;
            bookings.put(after.id(), after.withVersion(before.version() + 1));
            return Outcome.STORED;
        }
    }

    @Override
    public Outcome remind(Appointment before, Appointment after, Notification reminder) {
        synchronized (lock) {
            if (!versionHolds(before) || cases.inOutbox(reminder)) return Outcome.CHANGED;
            bookings.put(after.id(), after.withVersion(before.version() + 1));
            cases.putInOutbox(reminder); // without the phone: the relay opens the booking's
            return Outcome.STORED;
        }
    }

    @Override
    public List<LocalDate> noShows(String applicantKey, LocalDate from) {
        synchronized (lock) {
            TreeMap<String, LocalDate> all = noShows.getOrDefault(applicantKey, new TreeMap<>());
            return new ArrayList<>(all.tailMap(from.toString(), true).values());
        }
    }

    @Override
    public List<String> activeOn(LocalDate date) {
        synchronized (lock) {
            return new ArrayList<>(days.getOrDefault(date, new TreeMap<>()).values());
        }
    }

    private boolean versionHolds(Appointment before) {
        Appointment stored = bookings.get(before.id());
        return stored != null && stored.version() == before.version();
    }

    private static String slotKey(String centerId, String category, LocalDate date) {
        return centerId + "#" + category + "#" + date;
    }

    private int taken(Appointment a) {
        return slots.getOrDefault(slotKey(a.centerId(), a.category(), a.date()), new TreeMap<>())
                .getOrDefault(a.start(), 0);
    }

    private void addPlace(Appointment a, int delta) {
        slots.computeIfAbsent(slotKey(a.centerId(), a.category(), a.date()), k -> new TreeMap<>())
                .merge(a.start(), delta, Integer::sum);
    }

    private static String dayKey(Appointment a) {
        return a.centerId() + "#" + a.start() + "#" + a.id();
    }

    private void removeDayEntry(Appointment a) {
        TreeMap<String, String> day = days.get(a.date());
        if (day != null) day.remove(dayKey(a));
    }
}
