package cn.onewindow.core.appointment;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.access.AccessPolicy.AppointmentAction;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.RateCounter;
import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.privacy.Pseudonyms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Opens a booking for an action: for a caller in its scope ({@link AccessPolicy#requireAppointment}), or with its
 * booking code (a citizen without a caller, or a kiosk), the tries limited per appointment and per client address
 * like the progress query. A wrong code answers like an unknown id.
 */
final class BookingCodeGate {
    static final int MAX_TRIES_PER_APPOINTMENT = 10;
    static final int MAX_TRIES_PER_ADDRESS = 60;
    static final Duration WINDOW = Duration.ofHours(1);

    private final AppointmentStore store;
    private final PrivacyKeys keys;
    private final RateCounter counters;
    private final Clock clock;

    BookingCodeGate(AppointmentStore store, PrivacyKeys keys, RateCounter counters, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.counters = counters;
        this.clock = clock;
    }

    /** The booking, if the caller (or the holder of the code) may do {@code action} to it; 404 / 403 / 429 if not. */
    Appointment open(Caller caller, String id, String code, String clientAddress, AppointmentAction action) {
        boolean withCode = caller == null || AccessPolicy.kioskNeedsCode(caller);
        if (!withCode) {
            Appointment a = id != null && id.matches(Appointment.ID_PATTERN) ? store.find(id).orElse(null) : null;
            if (a == null) throw AppointmentErrors.notFound();
            AccessPolicy.requireAppointment(caller, a.centerId(), a.servicePointId(), action,
                    AppointmentErrors::notFound);
            return a;
        }
        Instant now = clock.instant();
        long window = now.getEpochSecond() / WINDOW.toSeconds();
        Instant windowEnd = Instant.ofEpochSecond((window + 1) * WINDOW.toSeconds());
        limitAddress(clientAddress);
        boolean wellFormed = id != null && id.matches(Appointment.ID_PATTERN) && code != null && code.length() <= 16;
        if (wellFormed && counters.increment("appointment#id#" + id + "#" + window, windowEnd)
                > MAX_TRIES_PER_APPOINTMENT) {
            throw new DomainException.RateLimited(retryAfter(now, windowEnd));
        }
        Appointment a = wellFormed ? store.find(id).orElse(null) : null;
        if (a == null || !keys.pseudonyms().matches(a.codeHash(), Pseudonyms.BOOKING_CODE, id + ":" + code)) {
            throw AppointmentErrors.notFound();
        }
        if (caller != null) {
            // a kiosk of the booking's center, with the code: it reads and checks in, nothing else
            if (!AccessPolicy.canSeeAppointment(caller, a.centerId(), null)) throw AppointmentErrors.notFound();
            if (action != AppointmentAction.CHECK_IN && action != AppointmentAction.READ) {
                throw DomainException.forbidden("FORBIDDEN", "无权执行此预约操作", "your role may not do this to bookings");
            }
        }
        return a;
    }

    /** Counts one try from the client address (a citizen's booking or code); 429 past the limit of the window. */
    void limitAddress(String clientAddress) {
        Instant now = clock.instant();
        long window = now.getEpochSecond() / WINDOW.toSeconds();
        Instant windowEnd = Instant.ofEpochSecond((window + 1) * WINDOW.toSeconds());
        String address = keys.pseudonyms().key(Pseudonyms.CLIENT_ADDRESS, clientAddress == null ? "-" : clientAddress);
        if (counters.increment("appointment#addr#" + address + "#" + window, windowEnd) > MAX_TRIES_PER_ADDRESS) {
            throw new DomainException.RateLimited(retryAfter(now, windowEnd));
        }
    }

    /** The booking code's keyed hash, as stored with the booking. */
    String codeHash(String id, String code) {
        return keys.pseudonyms().key(Pseudonyms.BOOKING_CODE, id + ":" + code);
    }

    private static long retryAfter(Instant now, Instant windowEnd) {
        return Math.max(1, windowEnd.getEpochSecond() - now.getEpochSecond());
    }
}
