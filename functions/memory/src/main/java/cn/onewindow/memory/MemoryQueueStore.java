package cn.onewindow.memory;

import cn.onewindow.core.queue.QueueConfig;
import cn.onewindow.core.queue.QueueStore;
import cn.onewindow.core.queue.Ticket;
import cn.onewindow.core.queue.TicketStatus;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Queue configurations and tickets in memory: a ticket's state and its place in the waiting queue change together,
 * only if the stored ticket is still the one read (two windows never claim one ticket), as in the DynamoDB store.
 */
public final class MemoryQueueStore implements QueueStore {
    private final Map<String, QueueConfig> configs = new HashMap<>();
    private final Map<String, Long> counters = new HashMap<>();
    private final Map<String, Ticket> tickets = new HashMap<>();
    /** Per category and day: the waiting tickets' ids by their queue key (priority, time in the queue, number). */
    private final Map<String, TreeMap<String, String>> waiting = new HashMap<>();

    private static String dayKey(String centerId, LocalDate day) {
        return centerId + "#" + day;
    }

    private static String waitKey(String centerId, LocalDate day, String category) {
        return centerId + "#" + day + "#" + category;
    }

    @Override
    public synchronized Optional<QueueConfig> config(String centerId) {
        return Optional.ofNullable(configs.get(centerId));
    }

    @Override
    public synchronized Optional<QueueConfig> saveConfig(QueueConfig config, long expectedVersion) {
        QueueConfig now = configs.get(config.centerId());
        if (expectedVersion == 0 ? now != null : now == null || now.version() != expectedVersion) {
            return Optional.empty();
        }
        QueueConfig stored = config.withVersion(expectedVersion + 1);
        configs.put(config.centerId(), stored);
        return Optional.of(stored);
    }

    @Override
    public synchronized long nextNumber(String centerId, LocalDate day, String prefix) {
        return counters.merge(dayKey(centerId, day) + "#" + prefix, 1L, Long::sum);
    }

    @Override
    public synchronized Optional<Ticket> save(Ticket before, Ticket after) {
        Ticket stored = after.withVersion((before == null ? 0 : before.version()) + 1);
        Ticket now = tickets.get(stored.id());
        if (stored.equals(now)) return Optional.of(stored); // the same write again: its own, as in DynamoDB
        if (before == null ? now != null : now == null || now.version() != before.version()) return Optional.empty();
        if (before != null && before.status() == TicketStatus.WAITING) {
            TreeMap<String, String> queue = waiting.get(waitKey(before.centerId(), before.day(), before.category()));
            if (queue == null || !queue.containsKey(before.queueKey())) return Optional.empty();
            queue.remove(before.queueKey());
        }
        if (stored.status() == TicketStatus.WAITING) {
            waiting.computeIfAbsent(waitKey(stored.centerId(), stored.day(), stored.category()), k -> new TreeMap<>())
                    .put(stored.queueKey(), stored.id());
        }
        tickets.put(stored.id(), stored);
        return Optional.of(stored);
    }

    @Override
    public synchronized Optional<Ticket> find(String ticketId) {
        if (Ticket.parse(ticketId) == null) return Optional.empty();
        return Optional.ofNullable(tickets.get(ticketId));
    }

    @Override
    public synchronized List<Ticket> waiting(String centerId, LocalDate day, String category, int limit) {
        return waiting.getOrDefault(waitKey(centerId, day, category), new TreeMap<>()).values().stream().limit(limit)
                .map(tickets::get).filter(t -> t.status() == TicketStatus.WAITING).toList();
    }

    @Override
    public synchronized int waitingAhead(String centerId, LocalDate day, String category, String queueKey) {
        return waiting.getOrDefault(waitKey(centerId, day, category), new TreeMap<>()).headMap(queueKey).size();
    }

    @Override
    public synchronized List<Long> recentServiceSeconds(String centerId, LocalDate day, String category, int limit) {
        return tickets.values().stream().filter(t -> t.centerId().equals(centerId) && t.day().equals(day)
                        && t.category().equals(category) && t.serviceSeconds() != null)
                .sorted(Comparator.comparing(Ticket::finishedAt).thenComparing(Ticket::id).reversed()).limit(limit)
                .map(Ticket::serviceSeconds).toList();
    }

    @Override
    public synchronized List<Ticket> day(String centerId, LocalDate day) {
        return tickets.values().stream().filter(t -> t.centerId().equals(centerId) && t.day().equals(day))
                .sorted(Comparator.comparing(Ticket::number)).toList();
    }
}
