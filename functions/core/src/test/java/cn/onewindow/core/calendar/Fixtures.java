package cn.onewindow.core.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.TreeSet;

/** Shared helpers: Asia/Shanghai wall-clock instants and the bundled national calendars. */
final class Fixtures {
    private Fixtures() {
    }

    /** {@code "2025-04-25T10:00"} read as Asia/Shanghai wall-clock time. */
    static Instant sh(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(DeadlineCalculator.ZONE).toInstant();
    }

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    static WorkingCalendar national() {
        return CalendarCodec.nationalDemoCalendar();
    }

    static DeadlineCalculator calculator() {
        return new DeadlineCalculator(national(), OfficeHours.standard());
    }

    /** Dates from {@code first} to {@code last} inclusive. */
    static Set<LocalDate> range(String first, String last) {
        Set<LocalDate> out = new TreeSet<>();
        for (LocalDate x = d(first); !x.isAfter(d(last)); x = x.plusDays(1)) {
            out.add(x);
        }
        return out;
    }

    static Set<LocalDate> dates(String... ds) {
        Set<LocalDate> out = new TreeSet<>();
        for (String s : ds) {
            out.add(d(s));
        }
        return out;
    }

    @SafeVarargs
    static Set<LocalDate> union(Set<LocalDate>... sets) {
        Set<LocalDate> out = new TreeSet<>();
        for (Set<LocalDate> s : sets) {
            out.addAll(s);
        }
        return out;
    }
}
