package cn.onewindow.core.appointment;

import cn.onewindow.core.access.AccessPolicy.AppointmentAction;
import cn.onewindow.core.appointment.AppointmentService.CheckedIn;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.queue.QueueConfig;
import cn.onewindow.core.queue.QueueService;
import cn.onewindow.core.queue.QueueStore;
import cn.onewindow.core.queue.Ticket;

import java.time.Clock;
import java.time.Instant;

/**
 * 签到: within the window around the slot a booking is checked in and a priority ticket of its category is issued
 * through {@link QueueService#issue}. Checking in again answers the same ticket (a kiosk that lost the answer).
 */
public final class CheckInAppointment {
    /** The priority of the tickets issued on check-in. */
    static final String PRIORITY = "APPOINTMENT";

    private final AppointmentStore store;
    private final QueueStore queues;
    private final QueueService queueService;
    private final BookingCodeGate gate;
    private final AppointmentPolicy policy;
    private final Clock clock;

    CheckInAppointment(AppointmentStore store, QueueStore queues, QueueService queueService, BookingCodeGate gate,
                       AppointmentPolicy policy, Clock clock) {
        this.store = store;
        this.queues = queues;
        this.queueService = queueService;
        this.gate = gate;
        this.policy = policy;
        this.clock = clock;
    }

    public CheckedIn checkIn(Caller caller, String id, String code, String clientAddress) {
        for (int round = 0; round < AppointmentErrors.ROUNDS; round++) {
            Appointment a = gate.open(caller, id, code, clientAddress, AppointmentAction.CHECK_IN);
            Instant now = clock.instant();
            if (a.status() == AppointmentStatus.CHECKED_IN && a.ticketId() != null) {
                return new CheckedIn(a, queues.find(a.ticketId()).orElseThrow(AppointmentErrors::changed));
            }
            Appointment claimed = a;
            if (a.status() != AppointmentStatus.CHECKED_IN) {
                Appointment after = a.checkIn(now, policy);
                if (store.close(a, after) != AppointmentStore.Outcome.STORED) continue;
                claimed = after.withVersion(a.version() + 1);
            }
            QueueConfig cfg = queues.config(a.centerId())
                    .orElseThrow(() -> AppointmentErrors.centerNotFound(a.centerId()));
            if (cfg.category(a.category()).isEmpty()) throw AppointmentErrors.categoryGone(a.category());
            Ticket t = queueService.issue(cfg, QueueService.today(now), a.category(), PRIORITY, now,
                    a.applicantKey(), null, a.id()).ticket();
            return withTicket(id, claimed, t);
        }
        throw AppointmentErrors.changed();
    }

    /** Records the issued ticket on the checked-in booking; a ticket recorded meanwhile by another try wins. */
    private CheckedIn withTicket(String id, Appointment claimed, Ticket t) {
        Appointment withTicket = claimed.withTicket(t.id(), t.number());
        for (int attempt = 0; attempt < AppointmentErrors.ROUNDS; attempt++) {
            if (store.update(claimed, withTicket) == AppointmentStore.Outcome.STORED) {
                return new CheckedIn(withTicket.withVersion(claimed.version() + 1), t);
            }
            claimed = store.find(id).orElseThrow(AppointmentErrors::changed);
            if (claimed.ticketId() != null) {
                return new CheckedIn(claimed, queues.find(claimed.ticketId()).orElseThrow(AppointmentErrors::changed));
            }
            withTicket = claimed.withTicket(t.id(), t.number());
        }
        throw AppointmentErrors.changed();
    }
}
