package cn.onewindow.core.calendar;

import static cn.onewindow.core.calendar.Fixtures.d;
import static cn.onewindow.core.calendar.Fixtures.dates;
import static cn.onewindow.core.calendar.Fixtures.national;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private final WorkingCalendar cal = national();

    @Test
    void loadedYears() {
        assertEquals(Set.of(2025, 2026), cal.loadedYears());
        assertTrue(cal.isLoaded(2025));
        assertTrue(cal.isLoaded(2026));
        assertFalse(cal.isLoaded(2027));
        assertEquals("CN", cal.region());
    }

    @Test
    void workingDaysPerYearCountedByHand() {
        // 261 weekdays in each year; 2025: 18 weekday holidays, 5 make-up days; 2026: 19 and 6
        assertEquals(248, cal.workingDaysBetween(d("2024-12-31"), d("2025-12-31")));
        assertEquals(248, cal.workingDaysBetween(d("2025-12-31"), d("2026-12-31")));
    }

    @Test
    void nextWorkingDayIsStrictlyAfterAndHonoursHolidaysAndMakeupDays() {
        assertEquals(d("2025-04-28"), cal.nextWorkingDay(d("2025-04-27"))); // from a make-up Sunday
        assertEquals(d("2025-04-27"), cal.nextWorkingDay(d("2025-04-25"))); // Fri → make-up Sunday
        assertEquals(d("2025-05-06"), cal.nextWorkingDay(d("2025-04-30"))); // over May Day
        assertEquals(d("2025-02-05"), cal.nextWorkingDay(d("2025-01-27"))); // over Spring Festival
        assertEquals(d("2025-04-30"), cal.previousWorkingDay(d("2025-05-06")));
    }

    @Test
    void addWorkingDays() {
        assertEquals(d("2025-05-15"), cal.addWorkingDays(d("2025-04-25"), 12));
        assertEquals(d("2025-04-25"), cal.addWorkingDays(d("2025-04-25"), 0));
        assertEquals(d("2025-04-27"), cal.addWorkingDays(d("2025-04-26"), 0)); // Saturday → make-up Sunday
        assertEquals(d("2025-05-06"), cal.addWorkingDays(d("2025-05-01"), 0));
        assertThrows(IllegalArgumentException.class, () -> cal.addWorkingDays(d("2025-04-25"), -1));
    }

    @Test
    void unloadedYearCountsWeekendsOnly() {
        assertTrue(cal.isWorkingDay(d("2027-01-01")));  // a Friday; New Year unknown without 2027 data
        assertFalse(cal.isWorkingDay(d("2027-01-02"))); // Saturday
        assertTrue(cal.isWorkingDay(d("2024-10-01")));  // 2024 not loaded either
    }

    @Test
    void provisionalBetween() {
        assertFalse(cal.provisionalBetween(d("2025-01-01"), d("2026-12-31")));
        assertTrue(cal.provisionalBetween(d("2026-12-30"), d("2027-01-04")));
        assertTrue(cal.provisionalBetween(d("2027-01-04"), d("2026-12-30"))); // order does not matter
        assertTrue(cal.provisionalBetween(d("2024-12-31"), d("2025-01-02")));
        WorkingCalendar gap = new WorkingCalendar("CN", List.of(CalendarCodec.loadResource("CN-2025.json")));
        assertTrue(gap.provisionalBetween(d("2025-12-01"), d("2026-01-10")));
    }

    @Test
    void withYearAddsOrReplacesAndLeavesOriginalUntouched() {
        CalendarYear y2027 = new CalendarYear("CN", 2027, dates("2027-01-01"), Set.of());
        WorkingCalendar more = cal.withYear(y2027);
        assertTrue(more.isLoaded(2027));
        assertFalse(more.isWorkingDay(d("2027-01-01")));
        assertFalse(cal.isLoaded(2027));
        assertTrue(cal.isWorkingDay(d("2027-01-01")));

        // replacing 2025 with an empty calendar makes May Day an ordinary Thursday again
        WorkingCalendar replaced = cal.withYear(new CalendarYear("CN", 2025, Set.of(), Set.of()));
        assertTrue(replaced.isWorkingDay(d("2025-05-01")));
        assertFalse(replaced.isWorkingDay(d("2025-04-27")));
    }

    @Test
    void rejectsOtherRegionsAndDuplicateYears() {
        CalendarYear local = new CalendarYear("330100", 2027, Set.of(), Set.of());
        assertThrows(IllegalArgumentException.class, () -> cal.withYear(local));
        CalendarYear y = CalendarCodec.loadResource("CN-2025.json");
        assertThrows(IllegalArgumentException.class, () -> new WorkingCalendar("CN", List.of(y, y)));
        assertThrows(IllegalArgumentException.class, () -> new WorkingCalendar(" ", List.of()));
    }

    @Test
    void workingDaysBetween() {
        assertEquals(12, cal.workingDaysBetween(d("2025-04-25"), d("2025-05-15")));
        assertEquals(0, cal.workingDaysBetween(d("2025-04-25"), d("2025-04-25")));
        assertEquals(1, cal.workingDaysBetween(d("2025-04-30"), d("2025-05-06")));
        assertThrows(IllegalArgumentException.class, () -> cal.workingDaysBetween(d("2025-05-06"), d("2025-04-30")));
    }

    @Test
    void emptyCalendarIsAllProvisional() {
        WorkingCalendar none = new WorkingCalendar("CN", List.of());
        assertTrue(none.loadedYears().isEmpty());
        assertEquals(LocalDate.of(2025, 5, 1), none.nextWorkingDay(d("2025-04-30")));
        assertTrue(none.provisionalBetween(d("2025-04-30"), d("2025-04-30")));
    }
}
