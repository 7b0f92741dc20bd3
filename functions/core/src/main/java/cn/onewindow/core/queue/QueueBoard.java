package cn.onewindow.core.queue;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.access.AccessPolicy.QueueAction;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.common.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hall board and window screens (叫号大屏): the current call of every window, the last few calls with their
 * announcements, and per category how many wait and the estimated wait. Ticket numbers and windows only: nothing
 * about who holds a ticket. Also the center's queue configuration (read by kiosks and windows, replaced by
 * administrators).
 */
public final class QueueBoard {
    /** Calls shown besides the current ones. */
    public static final int RECENT_CALLS = 10;

    private final QueueStore store;
    private final Clock clock;

    public QueueBoard(QueueStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record Board(String centerId, LocalDate date, List<Call> current, List<Call> recent,
                        List<CategoryState> categories) {
    }

    /** A call: the number, the window, the state, when, how many times, and what the voice says. */
    public record Call(String ticketId, String number, int window, String windowId, TicketStatus status,
                       Instant calledAt, int calls, String announcement) {
    }

    public record CategoryState(String prefix, String name, int waiting, int estimatedWaitMinutes) {
    }

    public Board board(Caller caller, String centerId) {
        AccessPolicy.requireQueue(caller, centerId, QueueAction.READ, () -> QueueService.queueNotFound(centerId));
        QueueConfig cfg = store.config(centerId).orElseThrow(() -> QueueService.queueNotFound(centerId));
        LocalDate day = QueueService.today(clock.instant());
        List<Ticket> tickets = store.day(centerId, day);
        Map<Integer, Call> current = new LinkedHashMap<>();
        tickets.stream().filter(t -> t.status() == TicketStatus.CALLED || t.status() == TicketStatus.SERVING)
                .sorted(Comparator.comparing(Ticket::calledAt))
                .forEach(t -> current.put(t.windowNumber(), call(centerId, t)));
        List<Call> recent = tickets.stream().filter(t -> t.calledAt() != null && t.windowNumber() > 0)
                .sorted(Comparator.comparing(Ticket::calledAt, Comparator.reverseOrder()).thenComparing(Ticket::id))
                .limit(RECENT_CALLS).map(t -> call(centerId, t)).toList();
        List<CategoryState> categories = cfg.categories().stream().map(c -> {
            int waiting = (int) tickets.stream().filter(t -> t.status() == TicketStatus.WAITING
                    && t.category().equals(c.prefix())).count();
            return new CategoryState(c.prefix(), c.name(), waiting,
                    QueueFigures.estimatedWaitMinutes(cfg, c.prefix(), waiting,
                            QueueFigures.recentServiceSeconds(tickets, c.prefix())));
        }).toList();
        return new Board(centerId, day, current.values().stream().sorted(Comparator.comparing(Call::window)).toList(),
                recent, categories);
    }

    private static Call call(String centerId, Ticket t) {
        return new Call(t.id(), t.number(), t.windowNumber(), QueueConfig.windowId(centerId, t.windowNumber()),
                t.status(), t.calledAt(), t.calls(), t.announcement());
    }

    public QueueConfig config(Caller caller, String centerId) {
        AccessPolicy.requireQueue(caller, centerId, QueueAction.READ, () -> QueueService.queueNotFound(centerId));
        return store.config(centerId).orElseThrow(() -> QueueService.queueNotFound(centerId));
    }

    /** Replaces the configuration (administrators); tickets already taken keep their category and number. */
    public QueueConfig replaceConfig(Caller caller, String centerId, QueueConfig cfg) {
        AccessPolicy.requireQueue(caller, centerId, QueueAction.CONFIGURE, () -> QueueService.queueNotFound(centerId));
        QueueConfig config = new QueueConfig(centerId, cfg.categories(), cfg.windows(), cfg.greenLane(),
                cfg.noShowCallLimit(), cfg.opensAt(), cfg.closesAt(), cfg.slots(), 0);
        config.validate();
        long expected = store.config(centerId).map(QueueConfig::version).orElse(0L);
        return store.saveConfig(config, expected).orElseThrow(() -> DomainException.conflict("CONCURRENT_UPDATE",
                "配置已被他人修改，请重试", "the configuration changed meanwhile; retry"));
    }
}
