package cn.onewindow.core.calendar;

import static cn.onewindow.core.calendar.Fixtures.calculator;
import static cn.onewindow.core.calendar.Fixtures.d;
import static cn.onewindow.core.calendar.Fixtures.dates;
import static cn.onewindow.core.calendar.Fixtures.sh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeadlineCalculatorTest {

    private final DeadlineCalculator calc = calculator();

    private static Deadline firm(String localDateTime) {
        return new Deadline(sh(localDateTime), false);
    }

    @Test
    void zoneIsShanghai() {
        assertEquals(ZoneId.of("Asia/Shanghai"), DeadlineCalculator.ZONE);
        // 18:00 in Shanghai is 10:00 UTC
        assertEquals(Instant.parse("2025-05-15T10:00:00Z"),
                calc.dueAfterWorkingDays(sh("2025-04-25T10:00"), 12).dueAt());
    }

    @Nested
    class DueAfterWorkingDays {

        @Test
        void specExample_Apr25Plus12_isThursdayMay15() {
            // Apr 26 Sat off, Apr 27 Sun make-up (1), Apr 28–30 (2–4), May 1–5 off,
            // May 6–9 (5–8), May 12–15 (9–12)
            for (String time : new String[] {"2025-04-25T00:00", "2025-04-25T09:00", "2025-04-25T17:59", "2025-04-25T23:59"}) {
                assertEquals(firm("2025-05-15T18:00"), calc.dueAfterWorkingDays(sh(time), 12), time);
            }
        }

        @Test
        void zeroDaysOnAWorkingDayIsCloseOfBusinessThatDay() {
            assertEquals(firm("2025-04-25T18:00"), calc.dueAfterWorkingDays(sh("2025-04-25T10:30"), 0));
        }

        @Test
        void zeroDaysAfterHoursIsNextWorkingDaysCloseOfBusiness() {
            // never due before it was accepted: Fri 2025-04-25 20:00 → make-up Sun 2025-04-27
            assertEquals(firm("2025-04-27T18:00"), calc.dueAfterWorkingDays(sh("2025-04-25T20:00"), 0));
            // Wed 2025-04-30 19:00, before the May Day holiday → Tue 2025-05-06
            assertEquals(firm("2025-05-06T18:00"), calc.dueAfterWorkingDays(sh("2025-04-30T19:00"), 0));
            // exactly at close of business: still that day
            assertEquals(firm("2025-04-25T18:00"), calc.dueAfterWorkingDays(sh("2025-04-25T18:00"), 0));
        }

        @Test
        void zeroDaysOnASaturdayIsNextWorkingDay() {
            // Saturday 2025-05-10 → Monday 2025-05-12
            assertEquals(firm("2025-05-12T18:00"), calc.dueAfterWorkingDays(sh("2025-05-10T11:00"), 0));
            // Saturday 2025-04-26 → the next day, make-up Sunday 2025-04-27
            assertEquals(firm("2025-04-27T18:00"), calc.dueAfterWorkingDays(sh("2025-04-26T11:00"), 0));
        }

        @Test
        void zeroDaysOnAHolidayIsNextWorkingDay() {
            assertEquals(firm("2025-05-06T18:00"), calc.dueAfterWorkingDays(sh("2025-05-01T10:00"), 0));
            assertEquals(firm("2025-01-02T18:00"), calc.dueAfterWorkingDays(sh("2025-01-01T10:00"), 0));
        }

        @Test
        void springFestival2025() {
            // accepted Mon 2025-01-27; Jan 28–Feb 4 off; Feb 5 (1), 6 (2), 7 (3), Sat Feb 8 make-up (4),
            // Sun Feb 9 off, Mon Feb 10 (5)
            assertEquals(firm("2025-02-10T18:00"), calc.dueAfterWorkingDays(sh("2025-01-27T15:00"), 5));
            // accepted Fri 2025-01-24: Sat 25 off, Sun 26 make-up (1), Mon 27 (2), then the festival
            assertEquals(firm("2025-01-26T18:00"), calc.dueAfterWorkingDays(sh("2025-01-24T15:00"), 1));
            assertEquals(firm("2025-02-05T18:00"), calc.dueAfterWorkingDays(sh("2025-01-24T15:00"), 3));
        }

        @Test
        void makeupDaysAreCounted() {
            // Sat 2025-02-08 make-up: accepted Thu Feb 6 → Fri 7 (1), Sat 8 (2)
            assertEquals(firm("2025-02-08T18:00"), calc.dueAfterWorkingDays(sh("2025-02-06T10:00"), 2));
            // Sat 2025-10-11 make-up: accepted Tue Sep 30; Oct 1–8 off; Oct 9 (1), 10 (2), Sat 11 (3)
            assertEquals(firm("2025-10-09T18:00"), calc.dueAfterWorkingDays(sh("2025-09-30T10:00"), 1));
            assertEquals(firm("2025-10-11T18:00"), calc.dueAfterWorkingDays(sh("2025-09-30T10:00"), 3));
            // Sun 2025-09-28 make-up: accepted Fri Sep 26 → Sun 28 (1)
            assertEquals(firm("2025-09-28T18:00"), calc.dueAfterWorkingDays(sh("2025-09-26T10:00"), 1));
            // Sat 2026-02-28 make-up: accepted Tue Feb 24 → 25, 26, 27, Sat 28 (4); 5 → Mon Mar 2
            assertEquals(firm("2026-02-28T18:00"), calc.dueAfterWorkingDays(sh("2026-02-24T10:00"), 4));
            assertEquals(firm("2026-03-02T18:00"), calc.dueAfterWorkingDays(sh("2026-02-24T10:00"), 5));
            // Sat 2026-02-14 make-up, then Feb 15–23 off: accepted Fri Feb 13 → Sat 14 (1), Tue 24 (2)
            assertEquals(firm("2026-02-14T18:00"), calc.dueAfterWorkingDays(sh("2026-02-13T10:00"), 1));
            assertEquals(firm("2026-02-24T18:00"), calc.dueAfterWorkingDays(sh("2026-02-13T10:00"), 2));
        }

        @Test
        void nationalDay2026() {
            // accepted Wed 2026-09-30; Oct 1–7 off; Thu Oct 8 (1), Fri 9 (2), Sat 10 make-up (3)
            assertEquals(firm("2026-10-10T18:00"), calc.dueAfterWorkingDays(sh("2026-09-30T10:00"), 3));
            // one more: Sun Oct 11 off, Mon Oct 12 (4)
            assertEquals(firm("2026-10-12T18:00"), calc.dueAfterWorkingDays(sh("2026-09-30T10:00"), 4));
        }

        @Test
        void intoUnloaded2027IsProvisionalAndWeekendsOnly() {
            // accepted Wed 2026-12-30: Thu Dec 31 (1), Fri 2027-01-01 counted (2), Mon Jan 4 (3)
            Deadline provisional = calc.dueAfterWorkingDays(sh("2026-12-30T10:00"), 3);
            assertEquals(new Deadline(sh("2027-01-04T18:00"), true), provisional);
            // staying inside 2026 is firm
            assertEquals(firm("2026-12-31T18:00"), calc.dueAfterWorkingDays(sh("2026-12-30T10:00"), 1));

            // loading 2027 with New Year's Day off moves it: Dec 31 (1), Jan 4 (2), Jan 5 (3)
            CalendarYear y2027 = new CalendarYear("CN", 2027, dates("2027-01-01"), Set.of());
            DeadlineCalculator loaded = new DeadlineCalculator(calc.calendar().withYear(y2027), OfficeHours.standard());
            assertEquals(firm("2027-01-05T18:00"), loaded.dueAfterWorkingDays(sh("2026-12-30T10:00"), 3));
        }

        @Test
        void acceptedInUnloadedYearIsProvisional() {
            // 2024 is not loaded: Tue 2024-12-31 + 1 → Thu 2025-01-02 (Jan 1 off), provisional
            assertEquals(new Deadline(sh("2025-01-02T18:00"), true), calc.dueAfterWorkingDays(sh("2024-12-31T10:00"), 1));
        }

        @Test
        void customOfficeHoursChangeCloseOfBusiness() {
            DeadlineCalculator c = new DeadlineCalculator(calc.calendar(),
                    OfficeHours.of(LocalTime.of(8, 30), LocalTime.of(12, 0), LocalTime.of(13, 30), LocalTime.of(17, 30)));
            assertEquals(firm("2025-05-15T17:30"), c.dueAfterWorkingDays(sh("2025-04-25T10:00"), 12));
        }

        @Test
        void negativeDaysRejected() {
            assertThrows(IllegalArgumentException.class, () -> calc.dueAfterWorkingDays(sh("2025-04-25T10:00"), -1));
        }
    }

    @Nested
    class WorkingMinutes {

        @Test
        void betweenAcrossLunchBreak() {
            // Mon 2025-04-28 11:30–12:00 (30) + 14:00–14:30 (30)
            assertEquals(60, calc.workingMinutesBetween(sh("2025-04-28T11:30"), sh("2025-04-28T14:30")));
            // 10:00–12:00 (120) + 14:00–16:00 (120)
            assertEquals(240, calc.workingMinutesBetween(sh("2025-04-28T10:00"), sh("2025-04-28T16:00")));
            // entirely inside the lunch break
            assertEquals(0, calc.workingMinutesBetween(sh("2025-04-28T12:10"), sh("2025-04-28T13:50")));
            assertEquals(0, calc.workingMinutesBetween(sh("2025-04-28T10:00"), sh("2025-04-28T10:00")));
        }

        @Test
        void betweenAcrossWeekendAndMakeupDay() {
            // Fri 2025-05-09 17:00–18:00 (60), weekend, Mon 09:00–10:00 (60)
            assertEquals(120, calc.workingMinutesBetween(sh("2025-05-09T17:00"), sh("2025-05-12T10:00")));
            // Fri 2025-04-25 17:00–18:00 (60), Sun 27 make-up (420), Mon 28 09:00–09:30 (30)
            assertEquals(510, calc.workingMinutesBetween(sh("2025-04-25T17:00"), sh("2025-04-28T09:30")));
            assertThrows(IllegalArgumentException.class,
                    () -> calc.workingMinutesBetween(sh("2025-04-28T10:00"), sh("2025-04-28T09:00")));
        }

        @Test
        void addWorkingMinutesBoundaries() {
            assertEquals(sh("2025-05-09T18:00"), calc.addWorkingMinutes(sh("2025-05-09T18:00"), 0));
            assertEquals(sh("2025-05-12T09:01"), calc.addWorkingMinutes(sh("2025-05-09T18:00"), 1));
            assertEquals(sh("2025-05-09T12:00"), calc.addWorkingMinutes(sh("2025-05-09T11:00"), 60)); // stays at end
            assertEquals(sh("2025-05-09T14:01"), calc.addWorkingMinutes(sh("2025-05-09T11:00"), 61));
            assertEquals(sh("2025-05-09T18:00"), calc.addWorkingMinutes(sh("2025-05-09T17:00"), 60));
            assertEquals(sh("2025-05-12T09:01"), calc.addWorkingMinutes(sh("2025-05-10T10:00"), 1));  // from Saturday
            assertEquals(sh("2025-05-12T14:01"), calc.addWorkingMinutes(sh("2025-05-12T12:30"), 1));  // from lunch
            assertEquals(sh("2025-05-06T09:01"), calc.addWorkingMinutes(sh("2025-04-30T17:00"), 61)); // over May Day
            assertEquals(sh("2025-04-27T09:30"), calc.addWorkingMinutes(sh("2025-04-25T17:30"), 60)); // onto make-up Sunday
            assertThrows(IllegalArgumentException.class, () -> calc.addWorkingMinutes(sh("2025-05-09T18:00"), -1));
        }

        @Test
        void subtractWorkingMinutesBoundaries() {
            // a full day before Monday close is Friday close, not Monday 09:00
            assertEquals(sh("2025-05-09T18:00"), calc.subtractWorkingMinutes(sh("2025-05-12T18:00"), 420));
            assertEquals(sh("2025-05-09T18:00"), calc.subtractWorkingMinutes(sh("2025-05-12T09:01"), 1));
            assertEquals(sh("2025-05-12T11:59"), calc.subtractWorkingMinutes(sh("2025-05-12T14:00"), 1));
            assertEquals(sh("2025-05-12T12:00"), calc.subtractWorkingMinutes(sh("2025-05-12T14:01"), 1));
            assertEquals(sh("2025-05-12T14:00"), calc.subtractWorkingMinutes(sh("2025-05-12T14:00"), 0));
            assertEquals(sh("2025-04-30T17:59"), calc.subtractWorkingMinutes(sh("2025-05-06T09:00"), 1));
            assertThrows(IllegalArgumentException.class, () -> calc.subtractWorkingMinutes(sh("2025-05-09T18:00"), -1));
        }

        @Test
        void addAndSubtractAreInverseAwayFromBoundaries() {
            Instant start = sh("2025-04-29T10:17");
            for (long m : new long[] {1, 59, 103, 420, 421, 2000, 12_345}) {
                Instant later = calc.addWorkingMinutes(start, m);
                assertEquals(m, calc.workingMinutesBetween(start, later), "minutes " + m);
                assertEquals(start, calc.subtractWorkingMinutes(later, m), "minutes " + m);
            }
        }
    }

    @Nested
    class Suspension {

        @Test
        void suspendedOverMayDayMovesDueByTheWorkingMinutesInBetween() {
            // Wed 2025-04-30 10:00–12:00 (120) + 14:00–18:00 (240); May 1–5 off; Tue May 6 09:00–10:00 (60)
            Instant suspended = sh("2025-04-30T10:00");
            Instant resumed = sh("2025-05-06T10:00");
            assertEquals(420, calc.workingMinutesBetween(suspended, resumed));
            // due Thu 2025-05-15 18:00 + 420 minutes = one full working day = Fri 2025-05-16 18:00
            Instant oldDue = calc.dueAfterWorkingDays(sh("2025-04-25T10:00"), 12).dueAt();
            assertEquals(firm("2025-05-16T18:00"), calc.resume(oldDue, suspended, resumed));
        }

        @Test
        void partialDaySuspensionLandsInsideOfficeHours() {
            // suspended Mon 2025-05-12 16:00, resumed Tue 2025-05-13 10:30: 120 + 90 = 210 minutes
            // due Thu 2025-05-15 18:00 + 210 → Fri May 16 09:00–12:00 (180) + 30 → 14:30
            Deadline d = calc.resume(sh("2025-05-15T18:00"), sh("2025-05-12T16:00"), sh("2025-05-13T10:30"));
            assertEquals(firm("2025-05-16T14:30"), d);
        }

        @Test
        void suspensionOutsideOfficeHoursChangesNothing() {
            Deadline d = calc.resume(sh("2025-05-15T18:00"), sh("2025-05-09T18:30"), sh("2025-05-12T08:45"));
            assertEquals(firm("2025-05-15T18:00"), d);
        }

        @Test
        void resumeKeepsProvisionalMarkAndRejectsBackwards() {
            Deadline old = new Deadline(sh("2025-05-15T18:00"), true);
            assertTrue(calc.resume(old, sh("2025-05-12T16:00"), sh("2025-05-13T10:30")).provisional());
            // pushed into 2027 by a long suspension → provisional
            assertTrue(calc.resume(sh("2026-12-31T18:00"), sh("2026-12-01T09:00"), sh("2026-12-02T09:00")).provisional());
            assertThrows(IllegalArgumentException.class,
                    () -> calc.resume(sh("2025-05-15T18:00"), sh("2025-05-13T10:30"), sh("2025-05-12T16:00")));
        }
    }

    @Nested
    class Extension {

        @Test
        void extendCountsFromTheOldDueDate() {
            // after Thu 2025-05-15: May 16 (1), 19–23 (2–6), 26–29 (7–10) → Thu 2025-05-29
            assertEquals(firm("2025-05-29T18:00"), calc.extend(sh("2025-05-15T18:00"), 10));
            // after Thu May 29: Fri May 30 (1); May 31–Jun 2 off (Dragon Boat); Tue Jun 3 (2)
            assertEquals(firm("2025-06-03T18:00"), calc.extend(sh("2025-05-29T18:00"), 2));
            // an old due inside office hours still ends at close of business
            assertEquals(firm("2025-05-19T18:00"), calc.extend(sh("2025-05-16T14:30"), 1));
        }

        @Test
        void extendKeepsProvisionalAndRejectsNonPositiveDays() {
            assertTrue(calc.extend(new Deadline(sh("2025-05-15T18:00"), true), 1).provisional());
            assertTrue(calc.extend(sh("2026-12-31T18:00"), 1).provisional());
            assertThrows(IllegalArgumentException.class, () -> calc.extend(sh("2025-05-15T18:00"), 0));
        }
    }

    @Nested
    class Warning {
        /** An acceptance long before each due below: the lead alone decides. */
        private final Instant EARLY = sh("2024-12-02T09:00");

        @Test
        void oneDayBeforeMondayDueIsFridayClose() {
            assertEquals(sh("2025-05-09T18:00"), calc.warningPoint(EARLY, sh("2025-05-12T18:00"), 1));
        }

        @Test
        void throughHolidays() {
            // due Tue 2025-05-06 (first day after May Day) → Wed 2025-04-30 18:00
            assertEquals(sh("2025-04-30T18:00"), calc.warningPoint(EARLY, sh("2025-05-06T18:00"), 1));
            // due Wed 2025-02-05 (first day after Spring Festival) → Mon 2025-01-27 18:00
            assertEquals(sh("2025-01-27T18:00"), calc.warningPoint(EARLY, sh("2025-02-05T18:00"), 1));
            // due Mon 2025-04-28 → make-up Sun 2025-04-27 18:00
            assertEquals(sh("2025-04-27T18:00"), calc.warningPoint(EARLY, sh("2025-04-28T18:00"), 1));
        }

        @Test
        void configurableDays() {
            assertEquals(sh("2025-05-13T18:00"), calc.warningPoint(EARLY, sh("2025-05-15T18:00"), 2));
            assertEquals(sh("2025-05-15T18:00"), calc.warningPoint(EARLY, sh("2025-05-15T18:00"), 0));
            // a due inside office hours (after a suspension): Tue 10:30 − 420 = Mon 10:30
            assertEquals(sh("2025-05-12T10:30"), calc.warningPoint(EARLY, sh("2025-05-13T10:30"), 1));
            assertThrows(IllegalArgumentException.class, () -> calc.warningPoint(EARLY, sh("2025-05-15T18:00"), -1));
        }

        @Test
        void limitNotLongerThanLeadWarnsHalfway() {
            // immediate case accepted Mon 10:00, due 18:00 (360 office minutes): halfway = 15:00
            assertEquals(sh("2025-05-12T15:00"), calc.warningPoint(sh("2025-05-12T10:00"), sh("2025-05-12T18:00"), 1));
            // accepted Tue 2025-09-30 19:00 (before the National Day holiday), due Thu 10-09 18:00: one office day,
            // not longer than the lead: 210 minutes into it
            assertEquals(sh("2025-10-09T14:30"), calc.warningPoint(sh("2025-09-30T19:00"), sh("2025-10-09T18:00"), 1));
            // accepted at close of business, due then: the warning is the due, never before acceptance
            assertEquals(sh("2025-05-12T18:00"), calc.warningPoint(sh("2025-05-12T18:00"), sh("2025-05-12T18:00"), 1));
        }
    }

    @Nested
    class Lateness {

        @Test
        void workingMinutesLate() {
            Instant due = sh("2025-05-09T18:00"); // Friday
            assertEquals(0, calc.workingMinutesLate(due, sh("2025-05-09T17:00")));
            assertEquals(0, calc.workingMinutesLate(due, due));
            assertEquals(0, calc.workingMinutesLate(due, sh("2025-05-10T12:00"))); // weekend: no office time yet
            assertEquals(90, calc.workingMinutesLate(due, sh("2025-05-12T10:30")));
            // Mon 420 + Tue 09:00–12:00 (180) + 14:00–15:00 (60)
            assertEquals(660, calc.workingMinutesLate(due, sh("2025-05-13T15:00")));
        }

        @Test
        void workingDaysBetweenForActualDaysTaken() {
            assertEquals(12, calc.workingDaysBetween(d("2025-04-25"), d("2025-05-15")));
            assertEquals(5, calc.workingDaysBetween(d("2025-01-27"), d("2025-02-10")));
            assertEquals(0, calc.workingDaysBetween(d("2025-05-01"), d("2025-05-05")));
            assertEquals(0, calc.workingDaysBetween(d("2025-04-25"), d("2025-04-25")));
        }
    }

    @Test
    void deadlineRequiresInstant() {
        assertThrows(NullPointerException.class, () -> new Deadline(null, false));
        assertFalse(firm("2025-05-15T18:00").provisional());
    }
}
