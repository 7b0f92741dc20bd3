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

    /** Moves the checkpoint forward (never back); false when another run already moved it further. */
    boolean advanceCheckpoint(String checker, Instant to);
}
