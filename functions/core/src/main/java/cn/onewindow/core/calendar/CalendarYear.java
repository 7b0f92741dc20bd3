package cn.onewindow.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One region's working-day calendar for one year: the days off (public holidays, 法定节假日) and
 * the make-up working days (调休, weekend days that are worked). Days not listed follow the rule
 * "Monday to Friday work, Saturday and Sunday off".
 *
 * <p>A holiday that falls on a weekend may still be listed (it changes nothing). The sets are
 * copied into unmodifiable sorted sets.
 *
 * @param region         region key, e.g. {@code CN} for the national calendar or {@code 330100}
 * @param year           the calendar year every listed date must belong to
 * @param holidays       days off
 * @param makeupWorkdays Saturdays or Sundays that are working days
 */
public record CalendarYear(String region, int year, Set<LocalDate> holidays, Set<LocalDate> makeupWorkdays) {

    /** Years outside this range are rejected as implausible input. */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2999;

    public CalendarYear {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("calendar region must not be blank");
        }
        if (!region.equals(region.strip())) {
            throw new IllegalArgumentException("calendar region must not have leading or trailing spaces: '" + region + "'");
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("calendar year " + year + " is outside " + MIN_YEAR + ".." + MAX_YEAR);
        }
        holidays = copy(region, year, "holidays", holidays);
        makeupWorkdays = copy(region, year, "makeupWorkdays", makeupWorkdays);
        for (LocalDate d : makeupWorkdays) {
            DayOfWeek dow = d.getDayOfWeek();
            if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
                throw new IllegalArgumentException("calendar " + region + "/" + year + ": make-up working day " + d
                        + " is a " + dow + "; a make-up working day must be a Saturday or Sunday");
            }
            if (holidays.contains(d)) {
                throw new IllegalArgumentException("calendar " + region + "/" + year + ": " + d
                        + " is listed both as a holiday and as a make-up working day");
            }
        }
    }

    private static Set<LocalDate> copy(String region, int year, String what, Set<LocalDate> dates) {
        if (dates == null) {
            throw new IllegalArgumentException("calendar " + region + "/" + year + ": " + what + " must not be null");
        }
        SortedSet<LocalDate> sorted = new TreeSet<>();
        for (LocalDate d : dates) {
            if (d == null) {
                throw new IllegalArgumentException("calendar " + region + "/" + year + ": " + what + " contains null");
            }
            if (d.getYear() != year) {
                throw new IllegalArgumentException("calendar " + region + "/" + year + ": " + what + " date " + d
                        + " does not belong to year " + year);
            }
            sorted.add(d);
        }
        return Collections.unmodifiableSortedSet(sorted);
    }

    /** Whether {@code date} (which must belong to this year) is a working day in this calendar. */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (date.getYear() != year) {
            throw new IllegalArgumentException(date + " does not belong to calendar year " + year);
        }
        if (makeupWorkdays.contains(date)) {
            return true;
        }
        if (holidays.contains(date)) {
            return false;
        }
        return !isWeekend(date);
    }

    /**
     * A local calendar for {@code localRegion} built on top of this (e.g. national) one: this year's
     * holidays and make-up days plus the extra ones given. Conflicts are rejected as usual.
     */
    public CalendarYear withLocalDays(String localRegion, Set<LocalDate> extraHolidays, Set<LocalDate> extraMakeupWorkdays) {
        Set<LocalDate> h = new TreeSet<>(holidays);
        h.addAll(Objects.requireNonNull(extraHolidays, "extraHolidays"));
        Set<LocalDate> m = new TreeSet<>(makeupWorkdays);
        m.addAll(Objects.requireNonNull(extraMakeupWorkdays, "extraMakeupWorkdays"));
        return new CalendarYear(localRegion, year, h, m);
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}
