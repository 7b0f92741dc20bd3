package cn.onewindow.core.queue;

import cn.onewindow.core.timers.Deadlines;
import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.access.AccessPolicy.QueueAction;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.IdentityNumbers;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.privacy.Pseudonyms;
import cn.onewindow.core.ports.QueueFiguresSource;
import cn.onewindow.core.ports.TicketLinks;


import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Queue tickets (排队叫号): taking one at the kiosk, a window calling the next, and the window's actions on a ticket.
 * Numbers come from an atomic per-center, per-day, per-category counter; a call claims the head of the queue with a
 * conditional write and, when another window took it first, the next one, so two windows never get one ticket.
 */
public final class QueueService implements TicketLinks, QueueFiguresSource {
    /** Heads read per category for one call; rounds of reading before a call gives up as contended. */
    private static final int HEADS = 5;
    private static final int ROUNDS = 10;

    private final QueueStore store;
    private final Deadlines deadlines;
    private final PrivacyKeys keys;
    private final Clock clock;

    public QueueService(QueueStore store, Deadlines deadlines, PrivacyKeys keys, Clock clock) {
        this.store = store;
        this.deadlines = deadlines;
        this.keys = keys;
        this.clock = clock;
    }

    /** A ticket request: the category, optionally who (ID or phone, kept only as keyed pseudonyms), a green lane. */
    public record Take(String category, IdType idType, String idNumber, String phone, String greenLane) {
    }

    /** The ticket taken, how many wait before it in its category, and the estimated wait. */
    public record Taken(Ticket ticket, int waitingAhead, int estimatedWaitMinutes) {
    }

    public Taken take(Caller caller, String centerId, Take cmd) {
        AccessPolicy.requireQueue(caller, centerId, QueueAction.TAKE, () -> queueNotFound(centerId));
        QueueConfig cfg = config(centerId);
        Validator v = new Validator();
        v.notBlank(cmd.category(), "category");
        v.require(cmd.category() == null || cfg.category(cmd.category()).isPresent(), "category", "UNKNOWN_CATEGORY",
                "本中心没有此业务类别", "the center has no such category");
        v.require(cmd.greenLane() == null || cfg.greenLane().contains(cmd.greenLane()), "greenLane",
                "UNKNOWN_GREEN_LANE", "本中心没有此绿色通道类别", "the center has no such green-lane category");
        v.require((cmd.idType() == null) == (cmd.idNumber() == null), "idNumber", "REQUIRED",
                "证件类型与号码须同时提供", "give idType and idNumber together");
        if (cmd.idType() != null && cmd.idNumber() != null) {
            v.require(IdentityNumbers.valid(cmd.idType(), cmd.idNumber()), "idNumber", "INVALID_ID_NUMBER",
                    "证件号码无效", "the identity number is invalid");
        }
        if (cmd.phone() != null) {
            v.require(IdentityNumbers.validPhone(cmd.phone()), "phone", "INVALID_PHONE", "电话号码无效",
                    "the phone number is invalid");
        }
        v.throwIfInvalid();
        Instant now = clock.instant();
        LocalDate day = openDay(centerId, cfg, now);
        String applicantKey = cmd.idNumber() == null ? null : keys.pseudonyms().applicantKey(cmd.idType(), cmd.idNumber());
        String phoneKey = cmd.phone() == null ? null : keys.pseudonyms().key(Pseudonyms.APPLICANT, "phone:" + cmd.phone());
        return issue(cfg, day, cmd.category(), cmd.greenLane(), now, applicantKey, phoneKey, null);
    }

    /** Issues a ticket now (also for an appointment's check-in, with priority {@code APPOINTMENT}). */
    public Taken issue(QueueConfig cfg, LocalDate day, String category, String priorityReason, Instant now,
                       String applicantKey, String phoneKey, String appointmentId) {
        String centerId = cfg.centerId();
        long seq = store.nextNumber(centerId, day, category);
        Ticket t = Ticket.take(centerId, day, Ticket.number(category, seq), category, priorityReason, now,
                applicantKey, phoneKey, appointmentId);
        Ticket stored = store.save(null, t).orElseThrow(() -> new IllegalStateException(
                "ticket " + t.id() + " already exists: the counter was reset"));
        // bounded reads: the queue's entries ahead (a count) and the category's last finished tickets of the day
        int ahead = store.waitingAhead(centerId, day, category, stored.queueKey());
        List<Long> recent = store.recentServiceSeconds(centerId, day, category, QueueFigures.RECENT);
        return new Taken(stored, ahead, QueueFigures.estimatedWaitMinutes(cfg, category, ahead, recent));
    }

    /** The window calls the next ticket of its categories: priority first, then first come. Empty: none waiting. */
    public Optional<Ticket> callNext(Caller caller, String windowId) {
        QueueConfig.WindowRef ref = QueueConfig.parseWindowId(windowId).orElseThrow(() -> windowNotFound(windowId));
        AccessPolicy.requireQueue(caller, ref.centerId(), QueueAction.CALL, () -> windowNotFound(windowId));
        QueueConfig cfg = store.config(ref.centerId()).orElseThrow(() -> windowNotFound(windowId));
        QueueConfig.Window window = cfg.window(ref.number()).orElseThrow(() -> windowNotFound(windowId));
        Instant now = clock.instant();
        LocalDate day = today(now);
        for (int round = 0; round < ROUNDS; round++) {
            List<Ticket> heads = new ArrayList<>();
            for (String category : window.categories()) heads.addAll(store.waiting(ref.centerId(), day, category, HEADS));
            if (heads.isEmpty()) return Optional.empty();
            heads.sort(Comparator.comparing(Ticket::queueKey));
            for (Ticket head : heads) {
                Optional<Ticket> claimed = store.save(head, head.call(window.number(), now));
                if (claimed.isPresent()) return claimed; // else another window took it: the next one
            }
        }
        throw DomainException.conflict("CONCURRENT_UPDATE", "叫号繁忙，请重试", "too many windows calling at once; retry");
    }

    public Ticket recall(Caller caller, String ticketId) {
        return act(caller, ticketId, (t, cfg) -> t.recall(clock.instant()));
    }

    public Ticket noShow(Caller caller, String ticketId) {
        return act(caller, ticketId, (t, cfg) -> t.noShow(cfg.noShowCallLimit(), clock.instant()));
    }

    public Ticket start(Caller caller, String ticketId) {
        return act(caller, ticketId, (t, cfg) -> t.start(clock.instant()));
    }

    public Ticket finish(Caller caller, String ticketId) {
        return act(caller, ticketId, (t, cfg) -> t.finish(clock.instant()));
    }

    public Ticket transfer(Caller caller, String ticketId, String category) {
        new Validator().notBlank(category, "category").maxLength(category, 40, "category").throwIfInvalid();
        return act(caller, ticketId, (t, cfg) -> {
            if (cfg.category(category).isEmpty()) throw QueueConfig.unknownCategory(category);
            return t.transfer(category, clock.instant());
        });
    }

    /** A ticket, for window staff and whoever sees its center's queue. */
    public Ticket get(Caller caller, String ticketId) {
        Ticket.Ref ref = Ticket.parse(ticketId);
        if (ref == null) throw ticketNotFound(ticketId);
        AccessPolicy.requireQueue(caller, ref.centerId(), QueueAction.READ, () -> ticketNotFound(ticketId));
        return store.find(ticketId).orElseThrow(() -> ticketNotFound(ticketId));
    }

    @Override
    public String numberOf(Caller caller, String ticketId) {
        Ticket t = ticketAtWindow(caller, ticketId);
        if (t.status() != TicketStatus.SERVING) {
            throw DomainException.illegalState("TICKET_NOT_SERVING", "该号未在办理中", "the ticket is not being served");
        }
        return t.number();
    }

    @Override
    public void linkCase(String ticketId, String caseId) {
        for (int attempt = 0; attempt < ROUNDS; attempt++) {
            Ticket t = store.find(ticketId).orElseThrow(() -> ticketNotFound(ticketId));
            if (store.save(t, t.withCase(caseId)).isPresent()) return;
        }
        throw DomainException.conflict("CONCURRENT_UPDATE", "排队号正被修改，请重试", "the ticket changed; retry");
    }

    /**
     * The waiting figures of a center's tickets taken from {@code from} to {@code to} (working days of its calendar:
     * tickets are issued on no other day). One query per working day; the caller checks who may see them.
     */
    @Override
    public QueueSummary figures(String centerId, LocalDate from, LocalDate to) {
        var calendar = deadlines.calculatorFor(centerId).calendar();
        QueueFigures.Acc acc = new QueueFigures.Acc(today(clock.instant()));
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) acc.addAll(store.day(centerId, d));
        }
        return acc.summary(centerId);
    }

    private interface Change {
        Ticket apply(Ticket t, QueueConfig cfg);
    }

    private Ticket act(Caller caller, String ticketId, Change change) {
        ticketAtWindow(caller, ticketId);
        Ticket.Ref ref = Ticket.parse(ticketId);
        QueueConfig cfg = config(ref.centerId());
        for (int attempt = 0; attempt < ROUNDS; attempt++) {
            Ticket t = store.find(ticketId).orElseThrow(() -> ticketNotFound(ticketId));
            Optional<Ticket> saved = store.save(t, change.apply(t, cfg));
            if (saved.isPresent()) return saved.get();
        }
        throw DomainException.conflict("CONCURRENT_UPDATE", "排队号正被修改，请重试", "the ticket changed; retry");
    }

    private Ticket ticketAtWindow(Caller caller, String ticketId) {
        Ticket.Ref ref = Ticket.parse(ticketId);
        if (ref == null) throw ticketNotFound(ticketId);
        AccessPolicy.requireQueue(caller, ref.centerId(), QueueAction.CALL, () -> ticketNotFound(ticketId));
        return store.find(ticketId).orElseThrow(() -> ticketNotFound(ticketId));
    }

    QueueConfig config(String centerId) {
        return store.config(centerId).orElseThrow(() -> DomainException.illegalState("QUEUE_NOT_CONFIGURED",
                "本中心未配置排队叫号", "the center has no queue configuration"));
    }

    /** Today (Asia/Shanghai) if tickets are issued now: a working day of the calendar, within the opening hours. */
    private LocalDate openDay(String centerId, QueueConfig cfg, Instant now) {
        ZonedDateTime local = now.atZone(DeadlineCalculator.ZONE);
        boolean working = deadlines.calculatorFor(centerId).calendar().isWorkingDay(local.toLocalDate());
        if (!working || local.toLocalTime().isBefore(cfg.opensAt()) || !local.toLocalTime().isBefore(cfg.closesAt())) {
            throw DomainException.illegalState("QUEUE_CLOSED", "当前不在取号时间（工作日 " + cfg.opensAt() + "–"
                    + cfg.closesAt() + "）", "tickets are issued on working days " + cfg.opensAt() + "–" + cfg.closesAt());
        }
        return local.toLocalDate();
    }

    public static LocalDate today(Instant now) {
        return now.atZone(DeadlineCalculator.ZONE).toLocalDate();
    }

    static DomainException queueNotFound(String centerId) {
        return DomainException.notFound("QUEUE_NOT_FOUND", "排队信息不存在", "no queue for center " + centerId);
    }

    static DomainException windowNotFound(String windowId) {
        return DomainException.notFound("WINDOW_NOT_FOUND", "窗口不存在", "no window " + windowId);
    }

    static DomainException ticketNotFound(String ticketId) {
        return DomainException.notFound("TICKET_NOT_FOUND", "排队号不存在", "no ticket " + ticketId);
    }
}
