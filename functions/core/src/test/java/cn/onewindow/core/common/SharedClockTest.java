package cn.onewindow.core.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SharedClockTest {

    @Test
    void everyClockReadingTheFileMovesWhenItIsAdvanced(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("clock.txt");
        Instant start = Instant.parse("2025-04-25T02:00:00Z");
        SharedClock a = new SharedClock(Clock.fixed(start, ZoneOffset.UTC), file);
        SharedClock b = new SharedClock(Clock.fixed(start, ZoneOffset.UTC), file);
        assertEquals(start, a.instant());
        SharedClock.advance(file, Duration.ofDays(20));
        Thread.sleep(150);
        assertEquals(start.plus(Duration.ofDays(20)), a.instant());
        assertEquals(start.plus(Duration.ofDays(20)), b.instant());
        SharedClock.advance(file, Duration.ofHours(1));
        SharedClock c = new SharedClock(Clock.fixed(start, ZoneOffset.UTC), file);
        assertEquals(start.plus(Duration.ofDays(20)).plus(Duration.ofHours(1)), c.instant(), "a new process sees it");
        assertThrows(IllegalArgumentException.class, () -> SharedClock.advance(file, Duration.ofHours(-1)));
    }
}
