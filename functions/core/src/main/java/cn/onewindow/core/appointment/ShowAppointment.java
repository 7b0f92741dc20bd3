package cn.onewindow.core.appointment;

import cn.onewindow.core.access.AccessPolicy.AppointmentAction;
import cn.onewindow.core.identity.Caller;

/** A booking, read with its booking code ({@code caller} null or a kiosk) or by a caller in its scope. */
public final class ShowAppointment {
    private final BookingCodeGate gate;

    ShowAppointment(BookingCodeGate gate) {
        this.gate = gate;
    }

    public Appointment get(Caller caller, String id, String code, String clientAddress) {
        return gate.open(caller, id, code, clientAddress, AppointmentAction.READ);
    }
}
