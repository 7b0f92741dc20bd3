package cn.onewindow.core.access;

import cn.onewindow.core.access.AccessPolicy.AppointmentAction;
import cn.onewindow.core.access.AccessPolicy.QueueAction;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;

import java.util.function.Supplier;

/**
 * The hall of a center: its queue (排队叫号: tickets, windows, configuration) and bookings (预约), and the devices
 * there (kiosks, boards). Outside a caller's center the queue or booking does not exist (404); inside, a refused
 * action is 403.
 */
public final class HallAccess {
    private HallAccess() {
    }

    /**
     * A center's queue, tickets and windows. Seen by its own window staff, kiosks and boards, supervisors and
     * administrators (outside: 404). Tickets are taken by its kiosks and window staff, windows are worked by its
     * window staff, the configuration is replaced by administrators; anyone else who sees the queue gets 403.
     */
    public static boolean canSeeQueue(Caller caller, String centerId) {
        return switch (caller.role()) {
            case SUPERVISOR, ADMIN, SYSTEM -> true;
            case WINDOW, KIOSK, BOARD -> centerId != null && centerId.equals(caller.centerId());
            default -> false;
        };
    }

    public static void requireQueue(Caller caller, String centerId, QueueAction action,
                                    Supplier<DomainException> notFound) {
        if (!canSeeQueue(caller, centerId)) throw notFound.get();
        boolean allowed = switch (action) {
            case READ -> true;
            case TAKE -> caller.role() == Role.KIOSK || caller.role() == Role.WINDOW || caller.role() == Role.SYSTEM;
            case CALL -> caller.role() == Role.WINDOW || caller.role() == Role.SYSTEM;
            case CONFIGURE -> caller.role() == Role.ADMIN;
        };
        if (!allowed) {
            throw DomainException.forbidden("FORBIDDEN", "无权执行此排队操作", "your role may not do this to the queue");
        }
    }

    /**
     * Bookings without their booking code. Citizens have no caller: they book with ID, phone and name and get a
     * booking code once, which alone lets them read, reschedule, cancel and check in (checked by the service,
     * rate-limited). With a caller: an AGENT books, reads, reschedules and cancels for villagers at their point's
     * center, only the bookings made at their point; WINDOW staff do everything at their own center; a KIOSK of the
     * center checks in (with the booking code the citizen enters, {@link #kioskNeedsCode}); SUPERVISOR and ADMIN
     * read; SYSTEM everything. Outside the scope the booking does not exist (404); inside, a refused action is 403.
     *
     * @param servicePointId the point an agent's booking was made through (null for others)
     */
    public static boolean canSeeAppointment(Caller caller, String centerId, String servicePointId) {
        return switch (caller.role()) {
            case SUPERVISOR, ADMIN, SYSTEM -> true;
            case WINDOW, KIOSK -> centerId != null && centerId.equals(caller.centerId());
            case AGENT -> centerId != null && centerId.equals(caller.centerId())
                    && servicePointId != null && servicePointId.equals(caller.servicePointId());
            default -> false;
        };
    }

    public static void requireAppointment(Caller caller, String centerId, String servicePointId,
                                          AppointmentAction action, Supplier<DomainException> notFound) {
        if (!canSeeAppointment(caller, centerId, servicePointId)) throw notFound.get();
        boolean allowed = switch (action) {
            case READ -> caller.role() != Role.KIOSK;
            case BOOK, MANAGE -> caller.role() == Role.AGENT || caller.role() == Role.WINDOW
                    || caller.role() == Role.SYSTEM;
            case CHECK_IN -> caller.role() == Role.WINDOW || caller.role() == Role.KIOSK
                    || caller.role() == Role.SYSTEM;
        };
        if (!allowed) {
            throw DomainException.forbidden("FORBIDDEN", "无权执行此预约操作", "your role may not do this to bookings");
        }
    }

    /** A kiosk checks in only with the booking code the citizen enters (it is a device in a public hall). */
    public static boolean kioskNeedsCode(Caller caller) {
        return caller != null && caller.role() == Role.KIOSK;
    }
}
