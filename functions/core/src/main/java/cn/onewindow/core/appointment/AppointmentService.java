package cn.onewindow.core.appointment;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.access.AccessPolicy.AppointmentAction;
import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.IdentityNumbers;
import cn.onewindow.core.cases.Masking;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.RateCounter;
import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.privacy.Pseudonyms;
import cn.onewindow.core.queue.QueueConfig;
import cn.onewindow.core.queue.QueueService;
import cn.onewindow.core.queue.QueueStore;
import cn.onewindow.core.queue.Ticket;
import cn.onewindow.core.timers.Deadlines;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * Appointments (预约): the slots of a center's category with the places left, booking, rescheduling, cancelling and
 * checking in. A slot is never overbooked and a person holds at most one active booking per category of a center:
 * both are conditional writes of the store (a per-slot counter, a per-person lock). Citizens have no account: a
 * booking gives a booking code (预约码) once, kept as a keyed hash; the code with the appointment id is the
 * credential, with tries limited per appointment and per client address like the progress query, and a wrong code
 * answers like an unknown id. Agents book for villagers, window staff at their center, kiosks check in (with the
 * code); see {@link AccessPolicy#requireAppointment}. Checking in issues a priority ticket through
 * {@link QueueService#issue}.
 */
public final class AppointmentService {
    public static final int MAX_TRIES_PER_APPOINTMENT = 10;
    public static final int MAX_TRIES_PER_ADDRESS = 60;
    public static final Duration WINDOW = Duration.ofHours(1);
    public static final String PRIORITY = "APPOINTMENT";
    private static final int ROUNDS = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_CHARS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

    private final AppointmentStore store;
    private final QueueStore queues;
    private final QueueService queueService;
    private final Deadlines deadlines;
    private final PrivacyKeys keys;
    private final RateCounter counters;
    private final AppointmentPolicy policy;
    private final Clock clock;

    public AppointmentService(AppointmentStore store, QueueStore queues, QueueService queueService,
                              Deadlines deadlines, PrivacyKeys keys, RateCounter counters, AppointmentPolicy policy,
                              Clock clock) {
        this.store = store;
        this.queues = queues;
        this.queueService = queueService;
        this.deadlines = deadlines;
        this.keys = keys;
        this.counters = counters;
        this.policy = policy;
        this.clock = clock;
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
        QueueConfig cfg = centerConfig(centerId);
        return cfg.slots().stream().map(r -> new Bookable(r.category(), cfg.category(r.category())
                .map(QueueConfig.Category::name).orElse(r.category()), r.minutes(), r.capacity())).toList();
    }

    /**
     * The slots of a category at a center on a day with the places left (public: nothing personal). Today's slots
     * that have started are left out; a non-working day has none.
     */
    public List<Slot> slots(String centerId, String category, LocalDate date) {
        QueueConfig cfg = centerConfig(centerId);
        Validator v = new Validator();
        v.notBlank(category, "category").notNull(date, "date");
        v.require(category == null || cfg.slots().stream().anyMatch(r -> r.category().equals(category)), "category",
                "UNKNOWN_CATEGORY", "本中心没有此类别的预约", "the center takes no bookings for this category");
        LocalDate today = today();
        v.require(date == null || (!date.isBefore(today) && !date.isAfter(today.plusDays(policy.bookAheadDays()))),
                "date", "OUT_OF_RANGE", "可预约今天起" + policy.bookAheadDays() + "天内",
                "bookings are taken from today up to " + policy.bookAheadDays() + " days ahead");
        v.throwIfInvalid();
        Map<LocalTime, Integer> taken = store.booked(centerId, category, date);
        Instant now = clock.instant();
        return Slot.forDay(cfg, category, date, deadlines.calculatorFor(centerId).calendar()).stream()
                .filter(s -> date.atTime(s.start()).atZone(DeadlineCalculator.ZONE).toInstant().isAfter(now))
                .map(s -> s.withRemaining(s.capacity() - taken.getOrDefault(s.start(), 0))).toList();
    }

    /**
     * Books a slot: by a citizen ({@code caller} null), an agent for a villager or window staff.
     *
     * @throws DomainException 409 {@code SLOT_FULL}, {@code ALREADY_BOOKED}, {@code BOOKING_BLOCKED}; 422 for bad
     *                         fields (a slot not offered: {@code start} {@code SLOT_NOT_OFFERED})
     */
    public Booked book(Caller caller, Book cmd, String clientAddress) {
        if (caller != null) {
            AccessPolicy.requireAppointment(caller, cmd.centerId(), caller.servicePointId(), AppointmentAction.BOOK,
                    () -> centerNotFound(cmd.centerId()));
        } else {
            limitAddress(clientAddress);
        }
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
        Slot slot = offered(cmd.centerId(), cmd.category(), cmd.date(), cmd.start());
        Instant now = clock.instant();
        String applicantKey = keys.pseudonyms().applicantKey(cmd.idType(), cmd.idNumber());
        requireNotBlocked(applicantKey);
        String lockKey = applicantKey + "#" + cmd.centerId() + "#" + cmd.category();
        for (int round = 0; round < ROUNDS; round++) {
            String id = newId();
            String code = String.format("%06d", RANDOM.nextInt(1_000_000));
            Appointment a = new Appointment(id, cmd.centerId(), cmd.category(), slot.date(), slot.start(),
                    (int) Duration.between(slot.start(), slot.end()).toMinutes(), AppointmentStatus.BOOKED,
                    applicantKey, lockKey, Masking.name(cmd.name().trim()), Masking.phone(cmd.phone()),
                    keys.outbox().seal(cmd.phone(), id), codeHash(id, code), caller == null ? null : caller.id(),
                    caller == null ? null : caller.servicePointId(), now, now, null, null, false, 1);
            switch (store.book(a, slot.capacity())) {
                case STORED -> {
                    return new Booked(a, code);
                }
                case SLOT_FULL -> throw slotFull();
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

    /** A booking, with its booking code ({@code caller} null or a kiosk) or for a caller in its scope. */
    public Appointment get(Caller caller, String id, String code, String clientAddress) {
        return authorized(caller, id, code, clientAddress, AppointmentAction.READ);
    }

    /** To another slot of its category on any day offered (改约). */
    public Appointment reschedule(Caller caller, String id, String code, LocalDate date, LocalTime start,
                                  String clientAddress) {
        new Validator().notNull(date, "date").notNull(start, "start").throwIfInvalid();
        for (int round = 0; round < ROUNDS; round++) {
            Appointment a = authorized(caller, id, code, clientAddress, AppointmentAction.MANAGE);
            if (a.status() == AppointmentStatus.BOOKED && a.date().equals(date) && a.start().equals(start)) return a;
            Slot slot = offered(a.centerId(), a.category(), date, start);
            Appointment after = a.reschedule(slot.date(), slot.start(),
                    (int) Duration.between(slot.start(), slot.end()).toMinutes(), clock.instant());
            switch (store.reschedule(a, after, slot.capacity())) {
                case STORED -> {
                    return after.withVersion(a.version() + 1);
                }
                case SLOT_FULL -> throw slotFull();
                default -> {
                    // changed meanwhile: read again
                }
            }
        }
        throw changed();
    }

    public Appointment cancel(Caller caller, String id, String code, String clientAddress) {
        for (int round = 0; round < ROUNDS; round++) {
            Appointment a = authorized(caller, id, code, clientAddress, AppointmentAction.MANAGE);
            Appointment after = a.cancel(clock.instant());
            if (store.close(a, after) == AppointmentStore.Outcome.STORED) return after.withVersion(a.version() + 1);
        }
        throw changed();
    }

    /**
     * Checks in within the window around the slot and issues a priority ticket of its category. Checking in again
     * answers the same ticket (a kiosk that lost the answer).
     */
    public CheckedIn checkIn(Caller caller, String id, String code, String clientAddress) {
        for (int round = 0; round < ROUNDS; round++) {
            Appointment a = authorized(caller, id, code, clientAddress, AppointmentAction.CHECK_IN);
            Instant now = clock.instant();
            if (a.status() == AppointmentStatus.CHECKED_IN && a.ticketId() != null) {
                return new CheckedIn(a, queues.find(a.ticketId()).orElseThrow(() -> changed()));
            }
            Appointment claimed = a;
            if (a.status() != AppointmentStatus.CHECKED_IN) {
                Appointment after = a.checkIn(now, policy);
                if (store.close(a, after) != AppointmentStore.Outcome.STORED) continue;
                claimed = after.withVersion(a.version() + 1);
            }
            QueueConfig cfg = queues.config(a.centerId()).orElseThrow(() -> centerNotFound(a.centerId()));
            if (cfg.category(a.category()).isEmpty()) throw categoryGone(a.category());
            Ticket t = queueService.issue(cfg, QueueService.today(now), a.category(), PRIORITY, now,
                    a.applicantKey(), null, a.id()).ticket();
            Appointment withTicket = claimed.withTicket(t.id(), t.number());
            for (int attempt = 0; attempt < ROUNDS; attempt++) {
                if (store.update(claimed, withTicket) == AppointmentStore.Outcome.STORED) {
                    return new CheckedIn(withTicket.withVersion(claimed.version() + 1), t);
                }
                claimed = store.find(id).orElseThrow(AppointmentService::changed);
                if (claimed.ticketId() != null) {
                    return new CheckedIn(claimed, queues.find(claimed.ticketId()).orElseThrow(() -> changed()));
                }
                withTicket = claimed.withTicket(t.id(), t.number());
            }
            throw changed();
        }
        throw changed();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private Appointment authorized(Caller caller, String id, String code, String clientAddress,
                                   AppointmentAction action) {
        boolean withCode = caller == null || AccessPolicy.kioskNeedsCode(caller);
        if (!withCode) {
            Appointment a = id != null && id.matches(Appointment.ID_PATTERN) ? store.find(id).orElse(null) : null;
            if (a == null) throw notFound();
            AccessPolicy.requireAppointment(caller, a.centerId(), a.servicePointId(), action,
                    AppointmentService::notFound);
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
            throw notFound();
        }
        if (caller != null) {
            // a kiosk of the booking's center, with the code: it reads and checks in, nothing else
            if (!AccessPolicy.canSeeAppointment(caller, a.centerId(), null)) throw notFound();
            if (action != AppointmentAction.CHECK_IN && action != AppointmentAction.READ) {
                throw DomainException.forbidden("FORBIDDEN", "无权执行此预约操作", "your role may not do this to bookings");
            }
        }
        return a;
    }

    private void limitAddress(String clientAddress) {
        Instant now = clock.instant();
        long window = now.getEpochSecond() / WINDOW.toSeconds();
        Instant windowEnd = Instant.ofEpochSecond((window + 1) * WINDOW.toSeconds());
        String address = keys.pseudonyms().key(Pseudonyms.CLIENT_ADDRESS, clientAddress == null ? "-" : clientAddress);
        if (counters.increment("appointment#addr#" + address + "#" + window, windowEnd) > MAX_TRIES_PER_ADDRESS) {
            throw new DomainException.RateLimited(retryAfter(now, windowEnd));
        }
    }

    private static long retryAfter(Instant now, Instant windowEnd) {
        return Math.max(1, windowEnd.getEpochSecond() - now.getEpochSecond());
    }

    /** The offered slot at that start, or 422 with the field at fault. */
    private Slot offered(String centerId, String category, LocalDate date, LocalTime start) {
        List<Slot> slots = slots(centerId, category, date);
        return slots.stream().filter(s -> s.start().equals(start)).findFirst().orElseThrow(() ->
                DomainException.validation(List.of(FieldError.of("start", "SLOT_NOT_OFFERED",
                        "该日期没有此预约时段（非工作日、已过或不在开放时间）",
                        "no slot starts then on that day (not a working day, past, or outside the hours)"))));
    }

    private void requireNotBlocked(String applicantKey) {
        LocalDate today = today();
        policy.blockedUntil(store.noShows(applicantKey, policy.lookBackFrom(today)), today).ifPresent(until -> {
            throw DomainException.conflict("BOOKING_BLOCKED", "近" + policy.noShowWindowDays() + "天内爽约"
                    + policy.noShowLimit() + "次，" + until + "起可再预约", "after " + policy.noShowLimit()
                    + " no-shows within " + policy.noShowWindowDays() + " days booking is open again on " + until);
        });
    }

    private QueueConfig centerConfig(String centerId) {
        if (centerId == null || centerId.length() > 40) throw centerNotFound(centerId);
        return queues.config(centerId).orElseThrow(() -> centerNotFound(centerId));
    }

    private String codeHash(String id, String code) {
        return keys.pseudonyms().key(Pseudonyms.BOOKING_CODE, id + ":" + code);
    }

    private LocalDate today() {
        return QueueService.today(clock.instant());
    }

    static String newId() {
        StringBuilder b = new StringBuilder("APT-");
        for (int i = 0; i < 8; i++) b.append(ID_CHARS[RANDOM.nextInt(ID_CHARS.length)]);
        return b.toString();
    }

    static DomainException slotFull() {
        return DomainException.conflict("SLOT_FULL", "该时段已约满，请选择其他时段", "the slot is fully booked");
    }

    static DomainException notFound() {
        return DomainException.notFound("APPOINTMENT_NOT_FOUND", "预约号或预约码不正确",
                "no appointment with this id and booking code");
    }

    static DomainException centerNotFound(String centerId) {
        return DomainException.notFound("APPOINTMENT_CENTER_NOT_FOUND", "该中心不提供预约",
                "center " + centerId + " takes no bookings");
    }

    private static DomainException categoryGone(String category) {
        return DomainException.illegalState("UNKNOWN_CATEGORY", "本中心已不再办理此类别：" + category,
                "the center no longer has category " + category);
    }

    static DomainException changed() {
        return DomainException.conflict("CONCURRENT_UPDATE", "预约正被修改，请重试", "the appointment changed; retry");
    }
}
