package cn.onewindow.core.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs at real speed from a chosen starting instant and can be moved forward: the local system uses
 * it so a demo or a test can start on a given day and watch deadlines pass without waiting. The cloud build uses
 * the system clock.
 */
public final class AdjustableClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset;

    private AdjustableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** Starts at {@code start} now and then runs with the system clock. */
    public static AdjustableClock startingAt(Instant start) {
        return anchored(start, Instant.now());
    }

    /**
     * Shows {@code start} until moved: in a test, the times recorded between two moves are exact, however long the
     * calls in between take (retries after injected faults included).
     */
    public static AdjustableClock stoppedAt(Instant start) {
        return new AdjustableClock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                new AtomicReference<>(Duration.between(Instant.EPOCH, start)));
    }

    /**
     * Shows {@code start} at the real instant {@code anchor} and runs with the system clock from there: several
     * processes given the same pair agree on the time.
     */
    public static AdjustableClock anchored(Instant start, Instant anchor) {
        return new AdjustableClock(Clock.systemUTC(), new AtomicReference<>(Duration.between(anchor, start)));
    }

    /** Moves the clock forward; never backwards, so recorded times stay in order. */
    public Instant advance(Duration by) {
        if (by.isNegative()) throw new IllegalArgumentException("the clock only moves forward");
        offset.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    /** Moves the clock to {@code target} if it lies ahead. */
    public Instant advanceTo(Instant target) {
        Instant now = instant();
        if (target.isAfter(now)) advance(Duration.between(now, target));
        return instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AdjustableClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}
