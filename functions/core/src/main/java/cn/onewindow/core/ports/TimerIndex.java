package cn.onewindow.core.ports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The due-time index and the deadline checker's checkpoint. Never a table scan. */
public interface TimerIndex {

    /** Timers whose instant lies in [from, to], found through the hour buckets of the due-time index. */
    List<DeadlineTimer> dueBetween(Instant from, Instant to);

    /** Items read from the index since this object was made (for the scale benchmark). */
    long itemsRead();

    Optional<Instant> checkpoint(String checker);

    /**
     * The instant of the earliest deadline timer in the index, if any: read once, by the checker's very first run
     * (there is no checkpoint yet), so that it starts early enough to cover every open case. Reads the sparse
     * due-time index only (open timers and outbox entries), never the table.
     */
    default Optional<Instant> earliestDue() {
        return Optional.empty();
    }

    /** Moves the checkpoint forward (never back); false when another run already moved it further. */
    boolean advanceCheckpoint(String checker, Instant to);
}
