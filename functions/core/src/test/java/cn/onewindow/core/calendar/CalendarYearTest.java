package cn.onewindow.core.calendar;

import static cn.onewindow.core.calendar.Fixtures.d;
import static cn.onewindow.core.calendar.Fixtures.dates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CalendarYearTest {

    @Test
    void rejectsHolidayFromAnotherYear() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CalendarYear("CN", 2025, dates("2026-01-01"), Set.of()));
        assertTrue(e.getMessage().contains("2026-01-01"), e.getMessage());
    }

    @Test
    void rejectsMakeupDayFromAnotherYear() {
        assertThrows(IllegalArgumentException.class,
                () -> new CalendarYear("CN", 2025, Set.of(), dates("2026-02-14")));
    }

    @Test
    void rejectsMakeupDayOnAWeekday() {
        // 2025-01-27 is a Monday: it is a working day anyway, so it cannot be a make-up day
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CalendarYear("CN", 2025, Set.of(), dates("2025-01-27")));
        assertTrue(e.getMessage().contains("Saturday or Sunday"), e.getMessage());
    }

    @Test
    void rejectsDayThatIsBothHolidayAndMakeup() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CalendarYear("CN", 2025, dates("2025-01-26"), dates("2025-01-26")));
        assertTrue(e.getMessage().contains("both"), e.getMessage());
    }

    @Test
    void rejectsBlankRegionNullSetsAndNullDates() {
        assertThrows(IllegalArgumentException.class, () -> new CalendarYear(" ", 2025, Set.of(), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new CalendarYear(null, 2025, Set.of(), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new CalendarYear("CN", 2025, null, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new CalendarYear("CN", 2025, Set.of(), null));
        Set<LocalDate> withNull = new HashSet<>();
        withNull.add(null);
        assertThrows(IllegalArgumentException.class, () -> new CalendarYear("CN", 2025, withNull, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new CalendarYear("CN", 20250, Set.of(), Set.of()));
    }

    @Test
    void copiesAndSortsTheSets() {
        Set<LocalDate> holidays = new HashSet<>(dates("2025-05-02", "2025-05-01"));
        CalendarYear y = new CalendarYear("CN", 2025, holidays, Set.of());
        holidays.add(d("2025-06-02"));
        assertEquals(List.of(d("2025-05-01"), d("2025-05-02")), List.copyOf(y.holidays()));
        assertThrows(UnsupportedOperationException.class, () -> y.holidays().add(d("2025-06-02")));
    }

    @Test
    void weekendHolidayIsHarmlessAndMakeupWins() {
        CalendarYear y = CalendarCodec.loadResource("CN-2025.json");
        assertFalse(y.isWorkingDay(d("2025-02-01"))); // Saturday inside Spring Festival, listed as holiday
        assertTrue(y.isWorkingDay(d("2025-01-26")));  // Sunday make-up day
        assertFalse(y.isWorkingDay(d("2025-01-25"))); // ordinary Saturday
        assertTrue(y.isWorkingDay(d("2025-01-27")));  // ordinary Monday
        assertThrows(IllegalArgumentException.class, () -> y.isWorkingDay(d("2026-01-05")));
    }

    @Test
    void localCalendarAddsDaysOnTopOfNational() {
        CalendarYear national = CalendarCodec.loadResource("CN-2025.json");
        // a hypothetical local day off on Monday 2025-03-03 for region 330100
        CalendarYear local = national.withLocalDays("330100", dates("2025-03-03"), Set.of());
        assertEquals("330100", local.region());
        assertFalse(local.isWorkingDay(d("2025-03-03")));
        assertFalse(local.isWorkingDay(d("2025-05-01")));
        assertTrue(local.isWorkingDay(d("2025-04-27")));
        assertTrue(national.isWorkingDay(d("2025-03-03")));
        // a local holiday may not collide with a national make-up day
        assertThrows(IllegalArgumentException.class,
                () -> national.withLocalDays("330100", dates("2025-04-27"), Set.of()));
    }
}
