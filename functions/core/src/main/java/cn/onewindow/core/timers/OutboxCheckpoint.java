package cn.onewindow.core.timers;

import cn.onewindow.core.ports.TimerIndex;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Where a scheduled outbox sweep (undelivered approval messages, unsent notifications) starts reading the hour
 * buckets of the due-time index, so that an idle run reads one or two buckets, not every hour of its look-back.
 *
 * <p>The checkpoint is an hour boundary stored like the deadline checker's ({@code CHECKPOINT#<name>}); it only moves
 * forward, and only up to the oldest item the run left pending (a task still undelivered, a notification the sink
 * refused), and never closer to the run's own instant than {@link #OVERLAP}: an item whose write committed a little
 * after the instant it carries, or that a function with a slightly slower clock wrote, still falls in a bucket the
 * next run reads. Nothing is given up for being old: a run reads from the stored checkpoint however far back it lies
 * (after an outage of the relay, the whole outage at once, an hour bucket per query); the look-back only bounds the
 * very first run, before any checkpoint exists.
 */
public final class OutboxCheckpoint {
    /** How far behind the run's instant the checkpoint always stays. */
    static final Duration OVERLAP = Duration.ofMinutes(15);

    private final TimerIndex index;
    private final String name;
    private final Instant now;
    private final Optional<Instant> stored;
    private final Instant from;
    private Instant oldestPending;

    public OutboxCheckpoint(TimerIndex index, String name, Instant now, Duration lookBack) {
        this.index = index;
        this.name = name;
        this.now = now;
        // a checkpoint ahead of this run's clock (a clock moved back in a test) is ignored, never trusted
        this.stored = index.checkpoint(name).filter(c -> !c.isAfter(now));
        this.from = stored.orElse(now.minus(lookBack));
    }

    /** The instant the sweep reads from. */
    public Instant from() {
        return from;
    }

    /** An item this run saw and left pending: the checkpoint will not move past it. */
    public void pending(Instant createdAt) {
        if (oldestPending == null || createdAt.isBefore(oldestPending)) oldestPending = createdAt;
    }

    /** Moves the checkpoint as far as this run allows; returns the stored checkpoint after the run. */
    public Instant advance() {
        Instant target = now.minus(OVERLAP);
        if (oldestPending != null && oldestPending.isBefore(target)) target = oldestPending;
        if (target.isBefore(from)) target = from;
        target = target.truncatedTo(ChronoUnit.HOURS);
        if (stored.isEmpty() || target.isAfter(stored.get())) {
            index.advanceCheckpoint(name, target);
            return target;
        }
        return stored.get();
    }
}
