package cn.onewindow.core.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Local system only: a clock every process of the local system agrees on, moved forward by writing how far it was
 * moved (an ISO-8601 duration) into one file. Each process re-reads the file at most every 100 ms. The cloud never
 * configures one.
 */
public final class SharedClock extends Clock {
    private static final long RECHECK_NANOS = 100_000_000L;
    private final Clock base;
    private final Path file;
    private volatile Duration moved = Duration.ZERO;
    private volatile long checkedAt;

    public SharedClock(Clock base, Path file) {
        this.base = base;
        this.file = file;
        this.moved = read(file);
        this.checkedAt = System.nanoTime();
    }

    @Override
    public Instant instant() {
        long now = System.nanoTime();
        if (now - checkedAt > RECHECK_NANOS) {
            moved = read(file);
            checkedAt = now;
        }
        return base.instant().plus(moved);
    }

    /** Moves every clock that reads {@code file} forward by {@code by}; returns the total moved so far. */
    public static synchronized Duration advance(Path file, Duration by) {
        if (by.isNegative()) throw new IllegalArgumentException("the clock only moves forward");
        Duration total = read(file).plus(by);
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, total.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    static Duration read(Path file) {
        try {
            return Duration.parse(Files.readString(file, StandardCharsets.UTF_8).trim());
        } catch (NoSuchFileException e) {
            return Duration.ZERO;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
