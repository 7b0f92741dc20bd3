package cn.onewindow.core.appointment;

import cn.onewindow.core.calendar.CalendarCodec;
import cn.onewindow.core.calendar.WorkingCalendar;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.queue.QueueConfig;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Appointment rules on the demo center's configuration and the real 2025/2026 national calendar: slots only on
 * working days (make-up days open, the National Day week closed), the check-in window's edges, and the no-show
 * block's boundaries.
 */
class AppointmentRulesTest {
    static final QueueConfig CFG = DemoData.queueConfig();
    static final WorkingCalendar CAL = CalendarCodec.nationalDemoCalendar();
    static final AppointmentPolicy P = AppointmentPolicy.DEFAULT;

    static Instant local(String t) {
        return LocalDateTime.parse(t).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @Test
    void slotsFillTheOpeningHoursBackToBackOnAnOrdinaryWorkingDay() {
        // 2026-12-08 is a Tuesday; category A: 30-minute slots for 4, 08:30–17:30
        List<Slot> a = Slot.forDay(CFG, "A", LocalDate.parse("2026-12-08"), CAL);
        assertEquals(18, a.size());
        assertEquals(LocalTime.of(8, 30), a.get(0).start());
        assertEquals(LocalTime.of(17, 0), a.get(17).start());
        assertEquals(LocalTime.of(17, 30), a.get(17).end());
        assertTrue(a.stream().allMatch(s -> s.capacity() == 4 && s.remaining() == 4));
        // category C: 60-minute slots for 2; the last one that still ends by 17:30 starts at 16:30
        List<Slot> c = Slot.forDay(CFG, "C", LocalDate.parse("2026-12-08"), CAL);
        assertEquals(9, c.size());
        assertEquals(LocalTime.of(16, 30), c.get(8).start());
        assertEquals(2, c.get(0).capacity());
    }

    @Test
    void noSlotsOnWeekendsAndHolidaysButOnMakeUpWorkingDays() {
        // the 2025 National Day and Mid-Autumn holiday: 2025-10-01 .. 2025-10-08, none of them has a slot
        for (LocalDate d = LocalDate.parse("2025-10-01"); !d.isAfter(LocalDate.parse("2025-10-08")); d = d.plusDays(1)) {
            assertEquals(List.of(), Slot.forDay(CFG, "A", d, CAL), d.toString());
        }
        // make-up working days: Sunday 2025-09-28 and Saturday 2025-10-11 are open
        assertEquals(18, Slot.forDay(CFG, "A", LocalDate.parse("2025-09-28"), CAL).size());
        assertEquals(18, Slot.forDay(CFG, "A", LocalDate.parse("2025-10-11"), CAL).size());
        // Sunday 2026-01-04 is a make-up day; Saturday 2026-01-03 a holiday; an ordinary Sunday is closed
        assertEquals(18, Slot.forDay(CFG, "A", LocalDate.parse("2026-01-04"), CAL).size());
        assertEquals(List.of(), Slot.forDay(CFG, "A", LocalDate.parse("2026-01-03"), CAL));
        assertEquals(List.of(), Slot.forDay(CFG, "A", LocalDate.parse("2026-12-06"), CAL));
        // a category without a slot rule has none
        assertEquals(List.of(), Slot.forDay(CFG, "Z", LocalDate.parse("2026-12-08"), CAL));
    }

    static Appointment booked(String date, String start, int minutes) {
        return new Appointment("APT-TEST0001", DemoData.COUNTY_CENTER, "A", LocalDate.parse(date),
                LocalTime.parse(start), minutes, AppointmentStatus.BOOKED, "k1:x", "k1:x#c#A", "张*", "138****0000",
                "sealed", "k1:h", null, null, Instant.EPOCH, Instant.EPOCH, null, null, false, 1);
    }

    @Test
    void checkInOpensThirtyMinutesBeforeTheSlotAndClosesWhenItEnds() {
        Appointment a = booked("2026-12-08", "10:00", 30);
        assertFalse(a.checkInOpen(local("2026-12-08T09:29:59"), P));
        assertTrue(a.checkInOpen(local("2026-12-08T09:30:00"), P));
        assertTrue(a.checkInOpen(local("2026-12-08T10:29:59"), P));
        assertFalse(a.checkInOpen(local("2026-12-08T10:30:00"), P));
        DomainException early = assertThrows(DomainException.class, () -> a.checkIn(local("2026-12-08T09:29:00"), P));
        assertEquals("CHECK_IN_CLOSED", early.code());
        Appointment in = a.checkIn(local("2026-12-08T09:30:00"), P);
        assertEquals(AppointmentStatus.CHECKED_IN, in.status());
        // a checked-in booking is no longer active: no cancel, no second check-in
        assertEquals("APPOINTMENT_NOT_BOOKED",
                assertThrows(DomainException.class, () -> in.cancel(local("2026-12-08T09:31:00"))).code());
    }

    @Test
    void aBookingIsANoShowOnlyFifteenMinutesAfterItsSlotEnded() {
        Appointment a = booked("2026-12-08", "10:00", 30);
        assertFalse(a.noShowAt(local("2026-12-08T10:44:59"), P));
        assertTrue(a.noShowAt(local("2026-12-08T10:45:00"), P));
        assertFalse(a.cancel(local("2026-12-08T09:00:00")).noShowAt(local("2026-12-08T11:00:00"), P));
    }

    static List<LocalDate> days(String... d) {
        return java.util.Arrays.stream(d).map(LocalDate::parse).toList();
    }

    @Test
    void exactlyTheThirdNoShowWithinNinetyDaysBlocksForThirtyDays() {
        LocalDate today = LocalDate.parse("2026-06-01");
        // two no-shows never block
        assertEquals(Optional.empty(), P.blockedUntil(days("2026-05-01", "2026-05-20"), today));
        // the third, 89 days after the first (all three within 90 days): blocked from its day for 30 days
        List<LocalDate> three = days("2026-03-04", "2026-04-10", "2026-06-01");
        assertEquals(Optional.of(LocalDate.parse("2026-07-01")), P.blockedUntil(three, today));
        assertEquals(Optional.of(LocalDate.parse("2026-07-01")), P.blockedUntil(three, LocalDate.parse("2026-06-30")));
        assertEquals(Optional.empty(), P.blockedUntil(three, LocalDate.parse("2026-07-01")));
        // the third on the 91st day after the first: the first is forgotten, no block
        assertEquals(Optional.empty(), P.blockedUntil(days("2026-03-03", "2026-04-10", "2026-06-01"), today));
        // a no-show later than the day asked about does not count yet
        assertEquals(Optional.empty(), P.blockedUntil(three, LocalDate.parse("2026-05-31")));
        // another policy: two no-shows in 30 days block for 7 days
        AppointmentPolicy strict = new AppointmentPolicy(30, 15, 2, 30, 7, 14);
        assertEquals(Optional.of(LocalDate.parse("2026-06-08")),
                strict.blockedUntil(days("2026-05-03", "2026-06-01"), today));
        assertEquals(Optional.empty(), strict.blockedUntil(days("2026-05-02", "2026-06-01"), today));
    }
}
