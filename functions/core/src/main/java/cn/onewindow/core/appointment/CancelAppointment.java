package cn.onewindow.core.appointment;

import cn.onewindow.core.access.AccessPolicy.AppointmentAction;
import cn.onewindow.core.identity.Caller;

import java.time.Clock;

/** A booking is cancelled: its place in the slot and the person's lock on the category are freed. */
public final class CancelAppointment {
    private final AppointmentStore store;
    private final BookingCodeGate gate;
    private final Clock clock;

    CancelAppointment(AppointmentStore store, BookingCodeGate gate, Clock clock) {
        this.store = store;
        this.gate = gate;
        this.clock = clock;
    }

    public Appointment cancel(Caller caller, String id, String code, String clientAddress) {
        for (int round = 0; round < AppointmentErrors.ROUNDS; round++) {
            Appointment a = gate.open(caller, id, code, clientAddress, AppointmentAction.MANAGE);
            Appointment after = a.cancel(clock.instant());
            if (store.close(a, after) == AppointmentStore.Outcome.STORED) return after.withVersion(a.version() + 1);
        }
        throw AppointmentErrors.changed();
    }
}
