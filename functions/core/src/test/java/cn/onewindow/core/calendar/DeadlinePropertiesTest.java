package cn.onewindow.core.calendar;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static cn.onewindow.core.calendar.Fixtures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deadline rules as properties, on the national 2025/2026 calendars the project ships (holidays and make-up
 * working days) and the standard office hours 09:00–12:00, 14:00–18:00.
 */
class DeadlinePropertiesTest {
    private static final DeadlineCalculator CALC = Fixtures.calculator();
    /** Acceptances from 2025-01-01 to 2026-10-31: every due below stays within the loaded years. */
    private static final Instant FIRST = Fixtures.sh("2025-01-01T00:00");
    private static final long MINUTES = Duration.between(FIRST, Fixtures.sh("2026-10-31T23:59")).toMinutes();

    @Provide
    Arbitrary<Instant> acceptances() {
        return Arbitraries.longs().between(0, MINUTES).map(m -> FIRST.plus(m, ChronoUnit.MINUTES));
    }

    @Property(tries = 2000)
    void dueIsNeverBeforeAcceptance(@ForAll("acceptances") Instant accepted, @ForAll @IntRange(max = 30) int days) {
        Deadline due = CALC.dueAfterWorkingDays(accepted, days);
        assertFalse(due.dueAt().isBefore(accepted), () -> accepted + " + " + days + " → " + due);
        assertFalse(due.provisional());
        // always at close of business of a working day
        assertTrue(CALC.calendar().isWorkingDay(DeadlineCalculator.date(due.dueAt())));
        assertEquals(LocalTime.of(18, 0), due.dueAt().atZone(DeadlineCalculator.ZONE).toLocalTime());
    }

    @Property(tries = 2000)
    void dueGrowsWithTheLimit(@ForAll("acceptances") Instant accepted, @ForAll @IntRange(max = 30) int days) {
        Instant shorter = CALC.dueAfterWorkingDays(accepted, days).dueAt();
        Instant longer = CALC.dueAfterWorkingDays(accepted, days + 1).dueAt();
        assertFalse(longer.isBefore(shorter), () -> accepted + ": " + days + " → " + shorter + ", +1 → " + longer);
        // from 1 day on, exactly one working day more; 0 and 1 days meet when the case was accepted on a
        // non-working day or after close of business (both: the close of the next working day)
        LocalDate acceptedDay = DeadlineCalculator.date(accepted);
        boolean sameDayPossible = CALC.calendar().isWorkingDay(acceptedDay)
                && !accepted.isAfter(CALC.closeOfBusiness(acceptedDay));
        int more = CALC.workingDaysBetween(DeadlineCalculator.date(shorter), DeadlineCalculator.date(longer));
        assertEquals(days == 0 && !sameDayPossible ? 0 : 1, more, () -> accepted + ": " + days + " → " + shorter);
    }

    @Property(tries = 1000)
    void aSuspensionMovesTheDueByExactlyTheSuspendedWorkingTime(
            @ForAll("acceptances") Instant accepted, @ForAll @IntRange(max = 20) int days,
            @ForAll @IntRange(max = 20 * 1440) int suspendAfterMinutes,
            @ForAll @IntRange(max = 20 * 1440) int suspendedForMinutes) {
        Instant due = CALC.dueAfterWorkingDays(accepted, days).dueAt();
        Instant suspended = accepted.plus(suspendAfterMinutes, ChronoUnit.MINUTES);
        if (!suspended.isBefore(due)) suspended = accepted; // the clock stops before the due
        Instant resumed = suspended.plus(suspendedForMinutes, ChronoUnit.MINUTES);
        Deadline moved = CALC.resume(due, suspended, resumed);
        long stopped = CALC.workingMinutesBetween(suspended, resumed);
        assertEquals(stopped, CALC.workingMinutesBetween(due, moved.dueAt()),
                () -> "due " + due + " suspended " + stopped + " working minutes → " + moved.dueAt());
        assertFalse(moved.dueAt().isBefore(due));
    }

    @Property(tries = 2000)
    void theWarningPointLiesBetweenAcceptanceAndDue(@ForAll("acceptances") Instant accepted,
                                                   @ForAll @IntRange(max = 30) int days,
                                                   @ForAll @IntRange(max = 3) int warningDaysBefore) {
        Instant due = CALC.dueAfterWorkingDays(accepted, days).dueAt();
        Instant warn = CALC.warningPoint(accepted, due, warningDaysBefore);
        assertFalse(warn.isBefore(accepted), () -> "warned " + warn + " before acceptance " + accepted);
        assertFalse(warn.isAfter(due), () -> "warned " + warn + " after due " + due);
        long whole = CALC.workingMinutesBetween(accepted, due);
        long lead = warningDaysBefore * 420L;
        if (warningDaysBefore > 0 && whole <= lead) {
            // halfway through the case's office time
            assertEquals(whole / 2, CALC.workingMinutesBetween(accepted, warn), () -> accepted + " → " + warn);
        } else if (warningDaysBefore > 0) {
            assertEquals(lead, CALC.workingMinutesBetween(warn, due), () -> accepted + " → " + warn);
        } else {
            assertEquals(due, warn);
        }
    }

    /**
     * The working days of two weeks, written out from the State Council notice (not from the calendar under test):
     * Sun 2025-04-27 is a make-up working day, May 1–5 are off; Sun 2025-09-28 is a make-up working day,
     * Oct 1–8 are off.
     */
    private static final List<LocalDate> WORKING = List.of(d("2025-04-27"), d("2025-04-28"), d("2025-04-29"),
            d("2025-04-30"), d("2025-05-06"), d("2025-09-28"), d("2025-09-29"), d("2025-09-30"), d("2025-10-09"));

    @Provide
    Arbitrary<Instant> everyMinuteOfTwoWeeks() {
        Arbitrary<LocalDate> week = Arbitraries.of(d("2025-04-27"), d("2025-09-28"));
        Arbitrary<Integer> minute = Arbitraries.integers().between(0, 7 * 1440 - 1);
        return Combinators.combine(week, minute).as((w, m) ->
                ZonedDateTime.of(w.atStartOfDay(), DeadlineCalculator.ZONE).toInstant().plus(m, ChronoUnit.MINUTES));
    }

    @Property(generation = GenerationMode.EXHAUSTIVE, tries = 2 * 7 * 1440)
    void aSameDayCaseIsDueAtTheCloseOfItsWorkingDayOrOfTheNext(@ForAll("everyMinuteOfTwoWeeks") Instant accepted) {
        LocalDate day = DeadlineCalculator.date(accepted);
        LocalTime time = accepted.atZone(DeadlineCalculator.ZONE).toLocalTime();
        LocalDate expected = WORKING.stream()
                .filter(w -> w.isAfter(day) || (w.equals(day) && !time.isAfter(LocalTime.of(18, 0))))
                .findFirst().orElseThrow();
        assertEquals(ZonedDateTime.of(expected, LocalTime.of(18, 0), DeadlineCalculator.ZONE).toInstant(),
                CALC.dueAfterWorkingDays(accepted, 0).dueAt(), () -> "accepted " + accepted);
    }
}
