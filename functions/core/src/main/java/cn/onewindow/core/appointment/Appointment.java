package cn.onewindow.core.appointment;

import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.common.DomainException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A booking (预约) of one slot. Immutable: each legal transition returns the next state, an illegal one is refused
 * with a typed code (409). Nothing personal in clear: the person is the keyed applicant key, the name and phone are
 * masked, the phone for the reminder SMS is sealed (only the notification sender opens it), the booking code is a
 * keyed hash.
 *
 * @param id             {@code APT-} and 8 characters
 * @param lockKey        the person-and-category lock this booking holds while it is active
 * @param bookedBy       the caller id of the agent or window who booked on the person's behalf; null: the citizen
 * @param servicePointId the service point of the agent who booked (their scope); null otherwise
 * @param sealedPhone    the phone, sealed with the appointment id as context
 * @param codeHash       keyed hash of the booking code (预约码), bound to the id
 * @param ticketId       the priority ticket issued at check-in
 * @param reminded       the reminder SMS was put in the outbox
 */
public record Appointment(String id, String centerId, String category, LocalDate date, LocalTime start, int minutes,
                          AppointmentStatus status, String applicantKey, String lockKey, String maskedName,
                          String maskedPhone, String sealedPhone, String codeHash, String bookedBy,
                          String servicePointId, Instant bookedAt, Instant changedAt, String ticketId,
                          String ticketNumber, boolean reminded, long version) {

    public static final String ID_PATTERN = "APT-[A-Z0-9]{8}";

    public LocalTime end() {
        return start.plusMinutes(minutes);
    }

    public Instant startsAt() {
        return date.atTime(start).atZone(DeadlineCalculator.ZONE).toInstant();
    }

    public Instant endsAt() {
        return date.atTime(end()).atZone(DeadlineCalculator.ZONE).toInstant();
    }

    /** Whether check-in is open now: from {@code checkInBeforeMinutes} before the start until the slot ends. */
    public boolean checkInOpen(Instant now, AppointmentPolicy policy) {
        return !now.isBefore(startsAt().minusSeconds(60L * policy.checkInBeforeMinutes())) && now.isBefore(endsAt());
    }

    /** Whether it is a no-show at {@code now}: still booked, the slot ended more than the grace ago. */
    public boolean noShowAt(Instant now, AppointmentPolicy policy) {
        return status == AppointmentStatus.BOOKED
                && !now.isBefore(endsAt().plusSeconds(60L * policy.noShowGraceMinutes()));
    }

    /** Another slot (改约), still booked. */
    public Appointment reschedule(LocalDate toDate, LocalTime toStart, int toMinutes, Instant now) {
        requireBooked();
        return new Appointment(id, centerId, category, toDate, toStart, toMinutes, status, applicantKey, lockKey,
                maskedName, maskedPhone, sealedPhone, codeHash, bookedBy, servicePointId, bookedAt, now, null, null,
                false, version);
    }

    public Appointment cancel(Instant now) {
        requireBooked();
        return with(AppointmentStatus.CANCELLED, now, null, null, reminded);
    }

    /** Checked in (签到); the ticket follows with {@link #withTicket}. */
    public Appointment checkIn(Instant now, AppointmentPolicy policy) {
        requireBooked();
        if (!checkInOpen(now, policy)) {
            throw DomainException.illegalState("CHECK_IN_CLOSED", "不在签到时间内（预约时段开始前"
                    + policy.checkInBeforeMinutes() + "分钟至时段结束）", "check-in is open from "
                    + policy.checkInBeforeMinutes() + " minutes before the slot until it ends");
        }
        return with(AppointmentStatus.CHECKED_IN, now, null, null, reminded);
    }

    public Appointment withTicket(String ticket, String number) {
        return with(status, changedAt, ticket, number, reminded);
    }

    public Appointment noShow(Instant now) {
        requireBooked();
        return with(AppointmentStatus.NO_SHOW, now, null, null, reminded);
    }

    public Appointment asReminded() {
        return with(status, changedAt, ticketId, ticketNumber, true);
    }

    public Appointment withVersion(long v) {
        return new Appointment(id, centerId, category, date, start, minutes, status, applicantKey, lockKey,
                maskedName, maskedPhone, sealedPhone, codeHash, bookedBy, servicePointId, bookedAt, changedAt,
                ticketId, ticketNumber, reminded, v);
    }

    private Appointment with(AppointmentStatus s, Instant at, String ticket, String number, boolean r) {
        return new Appointment(id, centerId, category, date, start, minutes, s, applicantKey, lockKey, maskedName,
                maskedPhone, sealedPhone, codeHash, bookedBy, servicePointId, bookedAt, at, ticket, number, r,
                version);
    }

    private void requireBooked() {
        if (status != AppointmentStatus.BOOKED) {
            throw DomainException.illegalState("APPOINTMENT_NOT_BOOKED", "该预约已" + zh(status) + "，不能再操作",
                    "the appointment is " + status);
        }
    }

    static String zh(AppointmentStatus s) {
        return switch (s) {
            case BOOKED -> "预约";
            case CHECKED_IN -> "签到";
            case CANCELLED -> "取消";
            case NO_SHOW -> "爽约";
        };
    }
}
