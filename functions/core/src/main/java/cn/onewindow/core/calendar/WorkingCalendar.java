package cn.onewindow.core.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Working days of one region, from data: the loaded {@link CalendarYear}s. In a year that is not
 * loaded only weekends are off (callers must then mark results provisional, see
 * {@link #provisionalBetween}). Immutable; {@link #withYear} returns a new calendar.
 */
public final class WorkingCalendar {

    /** Safety bound for searches: no calendar leaves this many days in a row without a working day. */
    static final int MAX_SCAN_DAYS = 3 * 366;

    private final String region;
    private final Map<Integer, CalendarYear> years;

    public WorkingCalendar(String region, Collection<CalendarYear> calendarYears) {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("calendar region must not be blank");
        }
        Objects.requireNonNull(calendarYears, "calendarYears");
        TreeMap<Integer, CalendarYear> byYear = new TreeMap<>();
        for (CalendarYear y : calendarYears) {
            Objects.requireNonNull(y, "calendar year");
            checkRegion(region, y);
            if (byYear.putIfAbsent(y.year(), y) != null) {
                throw new IllegalArgumentException("calendar " + region + ": year " + y.year() + " given twice");
            }
        }
        this.region = region;
        this.years = Collections.unmodifiableSortedMap(byYear);
    }

    private static void checkRegion(String region, CalendarYear y) {
        if (!region.equals(y.region())) {
            throw new IllegalArgumentException("calendar year " + y.region() + "/" + y.year()
                    + " does not belong to region " + region);
        }
    }

    public String region() {
        return region;
    }

    public boolean isLoaded(int year) {
        return years.containsKey(year);
    }

    /** The loaded years, ascending. */
    public Set<Integer> loadedYears() {
        return years.keySet();
    }

    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    public List<CalendarYear> years() {
        return List.copyOf(years.values());
    }

    /** A new calendar with {@code year} added, or replacing the loaded calendar of the same year. */
    public WorkingCalendar withYear(CalendarYear year) {
        Objects.requireNonNull(year, "year");
        checkRegion(region, year);
        TreeMap<Integer, CalendarYear> copy = new TreeMap<>(years);
        copy.put(year.year(), year);
        return new WorkingCalendar(region, copy.values());
    }

    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        CalendarYear y = years.get(date.getYear());
        return y != null ? y.isWorkingDay(date) : !CalendarYear.isWeekend(date);
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        LocalDate d = date;
        for (int i = 0; i < MAX_SCAN_DAYS; i++) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                return d;
            }
        }
        throw new IllegalStateException("calendar " + region + ": no working day within " + MAX_SCAN_DAYS + " days after " + date);
    }

    /** The last working day strictly before {@code date}. */
    public LocalDate previousWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        LocalDate d = date;
        for (int i = 0; i < MAX_SCAN_DAYS; i++) {
            d = d.minusDays(1);
            if (isWorkingDay(d)) {
                return d;
            }
        }
        throw new IllegalStateException("calendar " + region + ": no working day within " + MAX_SCAN_DAYS + " days before " + date);
    }

    /**
     * The {@code n}th working day strictly after {@code from} ({@code from} itself is not counted).
     * For {@code n == 0}: {@code from} if it is a working day, else the next working day.
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        Objects.requireNonNull(from, "from");
        if (n < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + n);
        }
        if (n == 0) {
            return isWorkingDay(from) ? from : nextWorkingDay(from);
        }
        LocalDate d = from;
        for (int i = 0; i < n; i++) {
            d = nextWorkingDay(d);
        }
        return d;
    }

    /** Number of working days d with {@code from < d <= to}; 0 when {@code to == from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' " + to + " is before 'from' " + from);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** Whether any year from the earlier to the later of {@code a}, {@code b} (inclusive) is not loaded. */
    public boolean provisionalBetween(LocalDate a, LocalDate b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        int lo = Math.min(a.getYear(), b.getYear());
        int hi = Math.max(a.getYear(), b.getYear());
        for (int y = lo; y <= hi; y++) {
            if (!years.containsKey(y)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkingCalendar other && region.equals(other.region) && years.equals(other.years);
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, years);
    }

    @Override
    public String toString() {
        return "WorkingCalendar[" + region + ", years=" + years.keySet() + "]";
    }
}
