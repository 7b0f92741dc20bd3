package cn.onewindow.core.appointment;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.access.AccessPolicy.AppointmentAction;
import cn.onewindow.core.appointment.AppointmentService.Book;
import cn.onewindow.core.appointment.AppointmentService.Booked;
import cn.onewindow.core.cases.IdentityNumbers;
import cn.onewindow.core.cases.Masking;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.queue.QueueService;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Books a slot: by a citizen (no caller; tries limited per client address), an agent for a villager or window staff.
 * A slot is never overbooked and a person holds at most one active booking per category of a center: both are
 * conditional writes of the store (a per-slot counter, a per-person lock). The booking code is given once, kept as
 * a keyed hash; a person past the no-show limit is blocked for a while.
 */
public final class BookAppointment {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_CHARS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

    private final AppointmentStore store;
    private final ShowSlots slots;
    private final BookingCodeGate gate;
    private final PrivacyKeys keys;
    private final AppointmentPolicy policy;
    private final Clock clock;

    BookAppointment(AppointmentStore store, ShowSlots slots, BookingCodeGate gate, PrivacyKeys keys,
                    AppointmentPolicy policy, Clock clock) {
        this.store = store;
        this.slots = slots;
        this.gate = gate;
        this.keys = keys;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * @throws DomainException 409 {@code SLOT_FULL}, {@code ALREADY_BOOKED}, {@code BOOKING_BLOCKED}; 422 for bad
     *                         fields (a slot not offered: {@code start} {@code SLOT_NOT_OFFERED})
     */
    public Booked book(Caller caller, Book cmd, String clientAddress) {
        if (caller != null) {
            AccessPolicy.requireAppointment(caller, cmd.centerId(), caller.servicePointId(), AppointmentAction.BOOK,
                    () -> AppointmentErrors.centerNotFound(cmd.centerId()));
        } else {
            gate.limitAddress(clientAddress);
        }
        validate(cmd);
        Slot slot = slots.offered(cmd.centerId(), cmd.category(), cmd.date(), cmd.start());
        Instant now = clock.instant();
        String applicantKey = keys.pseudonyms().applicantKey(cmd.idType(), cmd.idNumber());
        requireNotBlocked(applicantKey);
        String lockKey = applicantKey + "#" + cmd.centerId() + "#" + cmd.category();
        for (int round = 0; round < AppointmentErrors.ROUNDS; round++) {
            String id = newId();
            String code = String.format("%06d", RANDOM.nextInt(1_000_000));
            Appointment a = new Appointment(id, cmd.centerId(), cmd.category(), slot.date(), slot.start(),
                    (int) Duration.between(slot.start(), slot.end()).toMinutes(), AppointmentStatus.BOOKED,
                    applicantKey, lockKey, Masking.name(cmd.name().trim()), Masking.phone(cmd.phone()),
                    keys.outbox().seal(cmd.phone(), id), gate.codeHash(id, code), caller == null ? null : caller.id(),
                    caller == null ? null : caller.servicePointId(), now, now, null, null, false, 1);
            switch (store.book(a, slot.capacity())) {
                case STORED -> {
                    return new Booked(a, code);
                }
                case SLOT_FULL -> throw AppointmentErrors.slotFull();
                case ALREADY_BOOKED -> throw DomainException.conflict("ALREADY_BOOKED",
                        "您已有该中心此类业务的有效预约，请先取消或改约",
                        "this person already holds an active booking for this category at this center");
                case CHANGED -> {
                    // an id drawn twice: draw again
                }
            }
        }
        throw DomainException.conflict("CONCURRENT_UPDATE", "预约繁忙，请重试", "too many bookings at once; retry");
    }

    private static void validate(Book cmd) {
        Validator v = new Validator();
        v.notBlank(cmd.centerId(), "centerId").maxLength(cmd.centerId(), 40, "centerId");
        v.notBlank(cmd.name(), "name").maxLength(cmd.name(), 50, "name");
        v.notNull(cmd.idType(), "idType").notBlank(cmd.idNumber(), "idNumber").maxLength(cmd.idNumber(), 40,
                "idNumber");
        if (cmd.idType() != null && cmd.idNumber() != null) {
            v.require(IdentityNumbers.valid(cmd.idType(), cmd.idNumber()), "idNumber", "INVALID_ID_NUMBER",
                    "证件号码无效", "the identity number is invalid");
        }
        v.notBlank(cmd.phone(), "phone");
        v.require(cmd.phone() == null || IdentityNumbers.validPhone(cmd.phone()), "phone", "INVALID_PHONE",
                "电话号码无效", "the phone number is invalid");
        v.notNull(cmd.start(), "start");
        v.throwIfInvalid();
    }

    private void requireNotBlocked(String applicantKey) {
        LocalDate today = QueueService.today(clock.instant());
        policy.blockedUntil(store.noShows(applicantKey, policy.lookBackFrom(today)), today).ifPresent(until -> {
            throw DomainException.conflict("BOOKING_BLOCKED", "近" + policy.noShowWindowDays() + "天内爽约"
                    + policy.noShowLimit() + "次，" + until + "起可再预约", "after " + policy.noShowLimit()
                    + " no-shows within " + policy.noShowWindowDays() + " days booking is open again on " + until);
        });
    }

    static String newId() {
        StringBuilder b = new StringBuilder("APT-");
        for (int i = 0; i < 8; i++) b.append(ID_CHARS[RANDOM.nextInt(ID_CHARS.length)]);
        return b.toString();
    }
}
