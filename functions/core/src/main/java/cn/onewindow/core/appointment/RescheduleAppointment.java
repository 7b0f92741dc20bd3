package cn.onewindow.core.appointment;

import cn.onewindow.core.access.AccessPolicy.AppointmentAction;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.identity.Caller;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

/** 改约: a booking moves to another slot of its category on any day offered; the new slot must have a place. */
public final class RescheduleAppointment {
    private final AppointmentStore store;
    private final ShowSlots slots;
    private final BookingCodeGate gate;
    private final Clock clock;

    RescheduleAppointment(AppointmentStore store, ShowSlots slots, BookingCodeGate gate, Clock clock) {
        this.store = store;
        this.slots = slots;
        this.gate = gate;
        this.clock = clock;
    }

    public Appointment reschedule(Caller caller, String id, String code, LocalDate date, LocalTime start,
                                  String clientAddress) {
        new Validator().notNull(date, "date").notNull(start, "start").throwIfInvalid();
        for (int round = 0; round < AppointmentErrors.ROUNDS; round++) {
            Appointment a = gate.open(caller, id, code, clientAddress, AppointmentAction.MANAGE);
            if (a.status() == AppointmentStatus.BOOKED && a.date().equals(date) && a.start().equals(start)) return a;
            Slot slot = slots.offered(a.centerId(), a.category(), date, start);
            Appointment after = a.reschedule(slot.date(), slot.start(),
                    (int) Duration.between(slot.start(), slot.end()).toMinutes(), clock.instant());
            switch (store.reschedule(a, after, slot.capacity())) {
                case STORED -> {
                    return after.withVersion(a.version() + 1);
                }
                case SLOT_FULL -> throw AppointmentErrors.slotFull();
                default -> {
                    // changed meanwhile: read again
                }
            }
        }
        throw AppointmentErrors.changed();
    }
}
