package cn.onewindow.core.queue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Storage of queue configurations and tickets. */
public interface QueueStore {
    Optional<QueueConfig> config(String centerId);

    /**
     * Stores a configuration if the stored one still has {@code expectedVersion} (0: none yet); returns it with its
     * new version, or empty when another write came first.
     */
    Optional<QueueConfig> saveConfig(QueueConfig config, long expectedVersion);

    /** The next sequence number of a category at a center on a day, from 1: one atomic increment, never reused. */
    long nextNumber(String centerId, LocalDate day, String prefix);

    /**
     * Writes a ticket's new state if the stored one still has {@code before}'s version ({@code before} null: a new
     * ticket, which must not exist) and, in the same transaction, keeps its place in the waiting queue: a waiting
     * {@code before} leaves its queue (which must still hold it: two windows never claim one ticket), a waiting
     * {@code after} enters its category's queue. Returns the stored state, or empty when another write came first.
     */
    Optional<Ticket> save(Ticket before, Ticket after);

    Optional<Ticket> find(String ticketId);

    /** The first {@code limit} waiting tickets of a category, in queue order (priority, then time in the queue). */
    List<Ticket> waiting(String centerId, LocalDate day, String category, int limit);

    /** How many tickets wait in a category's queue before the place {@code queueKey} (see {@link Ticket#queueKey()}). */
    int waitingAhead(String centerId, LocalDate day, String category, String queueKey);

    /**
     * The service seconds of a category's last {@code limit} finished tickets of a day, the latest first (the
     * estimated wait's basis; bounded, never the whole day).
     */
    List<Long> recentServiceSeconds(String centerId, LocalDate day, String category, int limit);

    /** Every ticket of a center's day (board, waiting figures). */
    List<Ticket> day(String centerId, LocalDate day);
}
