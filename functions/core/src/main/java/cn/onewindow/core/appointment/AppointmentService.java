package cn.onewindow.core.appointment;

import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.RateCounter;
import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.queue.QueueService;
import cn.onewindow.core.queue.QueueStore;
import cn.onewindow.core.queue.Ticket;
import cn.onewindow.core.timers.Deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Appointments (预约): the slots of a center's category with the places left, booking, rescheduling, cancelling and
 * checking in; one use case per action ({@link ShowSlots}, {@link BookAppointment}, {@link ShowAppointment},
 * {@link RescheduleAppointment}, {@link CancelAppointment}, {@link CheckInAppointment}). Citizens have no account: a
 * booking gives a booking code (预约码) once; the code with the appointment id is the credential
 * ({@link BookingCodeGate}). Agents book for villagers, window staff at their center, kiosks check in (with the
 * code); see {@link cn.onewindow.core.access.HallAccess#requireAppointment}.
 */
public final class AppointmentService {
    public static final int MAX_TRIES_PER_APPOINTMENT = BookingCodeGate.MAX_TRIES_PER_APPOINTMENT;
    public static final int MAX_TRIES_PER_ADDRESS = BookingCodeGate.MAX_TRIES_PER_ADDRESS;
    public static final Duration WINDOW = BookingCodeGate.WINDOW;
    public static final String PRIORITY = CheckInAppointment.PRIORITY;

    private final AppointmentPolicy policy;
    private final ShowSlots slots;
    private final BookAppointment book;
    private final ShowAppointment show;
    private final RescheduleAppointment reschedule;
    private final CancelAppointment cancel;
    private final CheckInAppointment checkIn;

    public AppointmentService(AppointmentStore store, QueueStore queues, QueueService queueService,
                              Deadlines deadlines, PrivacyKeys keys, RateCounter counters, AppointmentPolicy policy,
                              Clock clock) {
        this.policy = policy;
        BookingCodeGate gate = new BookingCodeGate(store, keys, counters, clock);
        this.slots = new ShowSlots(store, queues, deadlines, policy, clock);
        this.book = new BookAppointment(store, slots, gate, keys, policy, clock);
        this.show = new ShowAppointment(gate);
        this.reschedule = new RescheduleAppointment(store, slots, gate, clock);
        this.cancel = new CancelAppointment(store, gate, clock);
        this.checkIn = new CheckInAppointment(store, queues, queueService, gate, policy, clock);
    }

    public AppointmentPolicy policy() {
        return policy;
    }

    /** A booking: the slot (center, category, day, start) and the person (name, ID, phone for the reminder). */
    public record Book(String centerId, String category, LocalDate date, LocalTime start, String name,
                       IdType idType, String idNumber, String phone) {
    }

    /** The booking and its booking code, in clear only here (shown once). */
    public record Booked(Appointment appointment, String bookingCode) {
    }

    /** The checked-in booking and its priority ticket. */
    public record CheckedIn(Appointment appointment, Ticket ticket) {
    }

    /** A category that takes bookings: its prefix, name, slot length and places per slot. */
    public record Bookable(String category, String name, int minutes, int capacity) {
    }

    /** The categories of a center that take bookings (public: the booking page lists them). */
    public List<Bookable> bookable(String centerId) {
        return slots.bookable(centerId);
    }

    /** The slots of a category at a center on a day with the places left (public: nothing personal). */
    public List<Slot> slots(String centerId, String category, LocalDate date) {
        return slots.slots(centerId, category, date);
    }

    /** Books a slot: by a citizen ({@code caller} null), an agent for a villager or window staff. */
    public Booked book(Caller caller, Book cmd, String clientAddress) {
        return book.book(caller, cmd, clientAddress);
    }

    /** A booking, with its booking code ({@code caller} null or a kiosk) or for a caller in its scope. */
    public Appointment get(Caller caller, String id, String code, String clientAddress) {
        return show.get(caller, id, code, clientAddress);
    }

    /** To another slot of its category on any day offered (改约). */
    public Appointment reschedule(Caller caller, String id, String code, LocalDate date, LocalTime start,
                                  String clientAddress) {
        return reschedule.reschedule(caller, id, code, date, start, clientAddress);
    }

    public Appointment cancel(Caller caller, String id, String code, String clientAddress) {
        return cancel.cancel(caller, id, code, clientAddress);
    }

    /** Checks in and issues a priority ticket; checking in again answers the same ticket. */
    public CheckedIn checkIn(Caller caller, String id, String code, String clientAddress) {
        return checkIn.checkIn(caller, id, code, clientAddress);
    }
}
