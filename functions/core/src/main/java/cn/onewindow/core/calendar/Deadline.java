package cn.onewindow.core.calendar;

import java.time.Instant;
import java.util.Objects;

/**
 * A computed due instant. {@code provisional} is true when the computation touched a year whose
 * calendar was not loaded (that part was counted on weekends alone); such a deadline must be
 * recomputed once the year's calendar is loaded.
 */
public record Deadline(Instant dueAt, boolean provisional) {
    public Deadline {
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
