package cn.onewindow.memory.usecase;


import cn.onewindow.core.calendar.CalendarYear;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.service.CalendarService;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static cn.onewindow.memory.usecase.Fixtures.ADMIN;
import static cn.onewindow.memory.usecase.Fixtures.WINDOW;
import static cn.onewindow.memory.usecase.Fixtures.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A deadline reaching into a year without a calendar is provisional, and is recomputed when that year is loaded. */
public abstract class ProvisionalDeadlineScenarios extends OnPlatform {

    @Test
    void loadingTheNextYearsCalendarRecomputesTheProvisionalDeadlinesItTouches() {
        // Wednesday 2026-12-30 10:00 Shanghai; only the 2025 and 2026 calendars are loaded
        AdjustableClock clock = AdjustableClock.anchored(Instant.parse("2026-12-30T02:00:00Z"), Instant.now());
        Services p = seeded(clock);
        // 烟花爆竹经营许可初审, 5 working days: 12-31, then on weekends alone 2027-01-01, 01-04, 01-05, 01-06
        ServiceCase.Snapshot s = p.caseService.intake(WINDOW, complete(DemoData.ITEM_FIREWORKS_WHOLESALE, "周"), null)
                .snapshot();
        assertTrue(s.dueProvisional());
        assertEquals(Instant.parse("2027-01-06T10:00:00Z"), s.dueAt());
        assertTrue(s.notice().text().contains("暂定"), "the promise notice says the date is provisional");
        ServiceCase.Snapshot sameDay = p.caseService.intake(WINDOW, complete(DemoData.ITEM_EIA_FILING, "吴"), null)
                .snapshot();
        assertFalse(sameDay.dueProvisional());

        CalendarService.Loaded loaded = p.calendarService.put(ADMIN, "CN", 2027,
                new CalendarYear("CN", 2027, Set.of(LocalDate.parse("2027-01-01")), Set.of()));
        assertEquals(1, loaded.recomputedCases());
        ServiceCase.Snapshot after = p.caseService.get(WINDOW, s.id());
        assertFalse(after.dueProvisional());
        assertEquals(Instant.parse("2027-01-07T10:00:00Z"), after.dueAt(), "New Year's Day is off: one day later");
        assertTrue(p.caseService.history(WINDOW, s.id()).stream().map(HistoryEntry::event)
                .anyMatch("DUE_RECOMPUTED"::equals));
        assertEquals(0, p.calendarService.put(ADMIN, "CN", 2027,
                new CalendarYear("CN", 2027, Set.of(LocalDate.parse("2027-01-01")), Set.of())).recomputedCases(),
                "loading the same year again changes nothing");
    }
}
