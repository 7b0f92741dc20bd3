package cn.onewindow.core.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * The office hours of a service center on a working day: one or more intervals, sorted and not
 * overlapping (touching is allowed). Close of business is the end of the last interval.
 */
public record OfficeHours(List<TimeRange> intervals) {

    /** A half-open interval [start, end) of a day; start must be before end. */
    public record TimeRange(LocalTime start, LocalTime end) {
        public TimeRange {
            if (start == null || end == null) {
                throw new IllegalArgumentException("office-hours interval needs a start and an end");
            }
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("office-hours interval " + start + "–" + end + " must start before it ends");
            }
            if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
                throw new IllegalArgumentException("office-hours interval " + start + "–" + end + " must be in whole minutes");
            }
        }

        public long minutes() {
            return Duration.between(start, end).toMinutes();
        }
    }

    public OfficeHours {
        if (intervals == null || intervals.isEmpty()) {
            throw new IllegalArgumentException("office hours need at least one interval");
        }
        for (TimeRange r : intervals) {
            if (r == null) {
                throw new IllegalArgumentException("office hours contain a null interval");
            }
        }
        intervals = List.copyOf(intervals);
        for (int i = 1; i < intervals.size(); i++) {
            TimeRange prev = intervals.get(i - 1);
            TimeRange cur = intervals.get(i);
            if (cur.start().isBefore(prev.end())) {
                throw new IllegalArgumentException("office-hours intervals must be sorted and not overlap: "
                        + prev.start() + "–" + prev.end() + " then " + cur.start() + "–" + cur.end());
            }
        }
    }

    /** 09:00–12:00 and 14:00–18:00. */
    public static OfficeHours standard() {
        return of(LocalTime.of(9, 0), LocalTime.of(12, 0), LocalTime.of(14, 0), LocalTime.of(18, 0));
    }

    /** Convenience: pairs of start, end times. */
    public static OfficeHours of(LocalTime... startEndPairs) {
        Objects.requireNonNull(startEndPairs, "startEndPairs");
        if (startEndPairs.length == 0 || startEndPairs.length % 2 != 0) {
            throw new IllegalArgumentException("office hours need pairs of start and end times");
        }
        TimeRange[] ranges = new TimeRange[startEndPairs.length / 2];
        for (int i = 0; i < ranges.length; i++) {
            ranges[i] = new TimeRange(startEndPairs[2 * i], startEndPairs[2 * i + 1]);
        }
        return new OfficeHours(List.of(ranges));
    }

    public LocalTime closeOfBusiness() {
        return intervals.get(intervals.size() - 1).end();
    }

    public long minutesPerDay() {
        long total = 0;
        for (TimeRange r : intervals) {
            total += r.minutes();
        }
        return total;
    }
}
