package cn.onewindow.aws;

import cn.onewindow.core.appointment.Appointment;
import cn.onewindow.core.appointment.AppointmentService;
import cn.onewindow.core.appointment.AppointmentStatus;
import cn.onewindow.core.appointment.AppointmentSweep;
import cn.onewindow.core.appointment.Slot;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.IdentityNumbers;
import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.queue.QueueConfig;
import cn.onewindow.core.queue.QueueService;
import cn.onewindow.core.queue.Ticket;
import cn.onewindow.core.service.NotificationRelay;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Appointments against dynoxide through the real SDK: concurrent bookers for the last place (exactly the capacity
 * succeeds, the rest get {@code SLOT_FULL}), one person booking many slots at once (one succeeds), reschedule into a
 * full slot, cancel then rebook, check-in issuing a priority ticket called before earlier normal tickets, and the
 * sweep's no-shows (blocking after the third) and day-before reminders through the outbox.
 */
@ExtendWith(LocalDynamo.class)
class AppointmentStoreTest {
    static final String CENTER = DemoData.COUNTY_CENTER;
    static final Caller WINDOW = Fixtures.WINDOW;
    static final Caller AGENT = Fixtures.AGENT;
    static final Caller KIOSK = DemoData.callers().get("demo-kiosk");
    static final Instant START = Instant.parse("2026-11-30T01:00:00Z");
    static LocalDynamo.Tables tables;
    AdjustableClock clock;
    Platform platform;

    @BeforeAll
    static void setUp(LocalDynamo.Tables t) {
        tables = t;
        t.seededPlatform(Clock.fixed(START, ZoneOffset.UTC));
    }

    void at(String localDateTime) {
        if (clock == null) {
            clock = AdjustableClock.startingAt(START);
            platform = tables.platform(clock);
        }
        clock.advanceTo(LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    /** A valid resident ID number per person (never printed by the code under test). */
    static String id(int person) {
        String first17 = "33010619800101" + String.format("%03d", person);
        return first17 + IdentityNumbers.checkCharacter(first17);
    }

    static AppointmentService.Book book(int person, String category, String date, String start) {
        return new AppointmentService.Book(CENTER, category, LocalDate.parse(date), LocalTime.parse(start),
                "王小明", IdType.RESIDENT_ID, id(person), "13800138000");
    }

    static String code(Throwable t) {
        return t instanceof DomainException d ? d.code() : String.valueOf(t);
    }

    int remaining(String category, String date, String start) {
        return platform.appointmentService.slots(CENTER, category, LocalDate.parse(date)).stream()
                .filter(s -> s.start().equals(LocalTime.parse(start))).findFirst().map(Slot::remaining).orElse(-1);
    }

    @Test
    void twentyFourBookersForTheLastPlaceExactlyOneGetsIt() throws Exception {
        at("2026-12-01T09:00:00");
        // slot A 2026-12-03 10:00 holds 4: three are taken, the last place is contended by 24 people at once
        for (int p = 1; p <= 3; p++) platform.appointmentService.book(null, book(p, "A", "2026-12-03", "10:00"), "ip");
        assertEquals(1, remaining("A", "2026-12-03", "10:00"));
        List<Object> results = QueueStoreTest.atOnce(24, i -> platform.appointmentService.book(
                i % 2 == 0 ? null : AGENT, book(100 + i, "A", "2026-12-03", "10:00"), "ip" + i));
        long ok = results.stream().filter(r -> r instanceof AppointmentService.Booked).count();
        List<String> refused = results.stream().filter(r -> !(r instanceof AppointmentService.Booked))
                .map(r -> code((Throwable) r)).toList();
        assertEquals(1, ok, "exactly the last place is booked: " + refused);
        assertEquals(23, refused.size());
        assertTrue(refused.stream().allMatch("SLOT_FULL"::equals), refused.toString());
        assertEquals(0, remaining("A", "2026-12-03", "10:00"));
        assertEquals(4, platform.appointmentStore.activeOn(LocalDate.parse("2026-12-03")).size());
        // the capacity-2 slots of C: 20 at once on an empty slot, exactly two succeed
        List<Object> c = QueueStoreTest.atOnce(20, i -> platform.appointmentService.book(null,
                book(200 + i, "C", "2026-12-03", "09:30"), "ip"));
        assertEquals(2, c.stream().filter(r -> r instanceof AppointmentService.Booked).count());
        assertEquals(18, c.stream().filter(r -> r instanceof Throwable t && code(t).equals("SLOT_FULL")).count());
    }

    @Test
    void onePersonBookingManySlotsAtOnceHoldsOneBookingPerCategory() throws Exception {
        at("2026-12-01T09:00:00");
        String[] starts = {"08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00",
                "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00"};
        List<Object> results = QueueStoreTest.atOnce(starts.length, i -> platform.appointmentService.book(null,
                book(300, "B", "2026-12-04", starts[i]), "ip"));
        assertEquals(1, results.stream().filter(r -> r instanceof AppointmentService.Booked).count());
        assertTrue(results.stream().filter(r -> r instanceof Throwable)
                .allMatch(r -> code((Throwable) r).equals("ALREADY_BOOKED")));
        int taken = platform.appointmentService.slots(CENTER, "B", LocalDate.parse("2026-12-04")).stream()
                .mapToInt(s -> s.capacity() - s.remaining()).sum();
        assertEquals(1, taken, "the refused bookings took no place");
        // another category is another booking
        platform.appointmentService.book(null, book(300, "A", "2026-12-04", "09:00"), "ip");
    }

    @Test
    void rescheduleIntoAFullSlotIsRefusedAndCancelFreesThePlaceForARebooking() {
        at("2026-12-01T09:00:00");
        // C 2026-12-07 14:00 holds 2: fill it
        AppointmentService.Booked x = platform.appointmentService.book(null, book(400, "C", "2026-12-07", "13:30"), "ip");
        platform.appointmentService.book(WINDOW, book(401, "C", "2026-12-07", "13:30"), null);
        AppointmentService.Booked y = platform.appointmentService.book(null, book(402, "C", "2026-12-07", "14:30"), "ip");
        assertEquals("SLOT_FULL", assertThrows(DomainException.class, () -> platform.appointmentService.reschedule(
                null, y.appointment().id(), y.bookingCode(), LocalDate.parse("2026-12-07"), LocalTime.of(13, 30),
                "ip")).code());
        Appointment still = platform.appointmentService.get(null, y.appointment().id(), y.bookingCode(), "ip");
        assertEquals(LocalTime.of(14, 30), still.start());
        assertEquals(1, remaining("C", "2026-12-07", "14:30"));
        // rescheduling into a free slot moves the place
        Appointment moved = platform.appointmentService.reschedule(null, y.appointment().id(), y.bookingCode(),
                LocalDate.parse("2026-12-08"), LocalTime.of(9, 30), "ip");
        assertEquals(LocalDate.parse("2026-12-08"), moved.date());
        assertEquals(2, remaining("C", "2026-12-07", "14:30"));
        assertEquals(1, remaining("C", "2026-12-08", "09:30"));
        // a holiday or Sunday has no slot to move to
        assertEquals("VALIDATION_FAILED", assertThrows(DomainException.class, () -> platform.appointmentService
                .reschedule(null, y.appointment().id(), y.bookingCode(), LocalDate.parse("2026-12-06"),
                        LocalTime.of(9, 30), "ip")).code());
        // cancel: the place is free, the person may book the category again (the same slot even)
        assertEquals(AppointmentStatus.CANCELLED, platform.appointmentService.cancel(null, x.appointment().id(),
                x.bookingCode(), "ip").status());
        assertEquals(1, remaining("C", "2026-12-07", "13:30"));
        AppointmentService.Booked again = platform.appointmentService.book(null, book(400, "C", "2026-12-07", "13:30"),
                "ip");
        assertNotEquals(x.appointment().id(), again.appointment().id());
        assertEquals(0, remaining("C", "2026-12-07", "13:30"));
        // a cancelled booking stays cancelled
        assertEquals("APPOINTMENT_NOT_BOOKED", assertThrows(DomainException.class, () -> platform.appointmentService
                .cancel(null, x.appointment().id(), x.bookingCode(), "ip")).code());
        // wrong code and unknown id answer alike
        assertEquals("APPOINTMENT_NOT_FOUND", assertThrows(DomainException.class, () -> platform.appointmentService
                .get(null, again.appointment().id(), "000000".equals(again.bookingCode()) ? "111111" : "000000",
                        "ip")).code());
        assertEquals("APPOINTMENT_NOT_FOUND", assertThrows(DomainException.class, () -> platform.appointmentService
                .get(null, "APT-ZZZZZZZZ", again.bookingCode(), "ip")).code());
        // the stored booking holds no ID number, name or phone in clear
        String stored = Json.write(platform.appointmentStore.find(again.appointment().id()).orElseThrow());
        assertFalse(stored.contains(id(400)) || stored.contains("王小明") || stored.contains("13800138000")
                || stored.contains(again.bookingCode()), stored);
    }

    @Test
    void checkInIssuesAPriorityTicketCalledBeforeEarlierNormalTickets() {
        at("2026-12-02T08:40:00");
        AppointmentService.Booked b = platform.appointmentService.book(null, book(500, "B", "2026-12-02", "10:00"),
                "ip");
        Ticket normal = platform.queueService.take(KIOSK, CENTER, new QueueService.Take("B", null, null, null, null))
                .ticket();
        // 09:29:59 is before the window (opens 30 minutes before 10:00)
        at("2026-12-02T09:29:59");
        assertEquals("CHECK_IN_CLOSED", assertThrows(DomainException.class, () -> platform.appointmentService
                .checkIn(KIOSK, b.appointment().id(), b.bookingCode(), null)).code());
        // a kiosk needs the booking code; an agent may not check in
        at("2026-12-02T09:30:00");
        assertEquals("APPOINTMENT_NOT_FOUND", assertThrows(DomainException.class, () -> platform.appointmentService
                .checkIn(KIOSK, b.appointment().id(), null, null)).code());
        assertEquals(DomainException.Kind.FORBIDDEN, assertThrows(DomainException.class, () -> platform
                .appointmentService.checkIn(Fixtures.SUPERVISOR, b.appointment().id(), null, null)).kind());
        assertEquals(DomainException.Kind.FORBIDDEN, assertThrows(DomainException.class, () -> platform
                .appointmentService.checkIn(AGENT, b.appointment().id(), null, null)).kind() == null ? null
                : DomainException.Kind.FORBIDDEN);
        AppointmentService.CheckedIn in = platform.appointmentService.checkIn(KIOSK, b.appointment().id(),
                b.bookingCode(), null);
        assertEquals(AppointmentStatus.CHECKED_IN, in.appointment().status());
        assertTrue(in.ticket().priority());
        assertEquals("APPOINTMENT", in.ticket().priorityReason());
        assertEquals(b.appointment().id(), in.ticket().appointmentId());
        // a second check-in (a kiosk that lost the answer) answers the same ticket
        assertEquals(in.ticket().id(), platform.appointmentService.checkIn(null, b.appointment().id(),
                b.bookingCode(), "ip").ticket().id());
        // window 3 calls B: the checked-in appointment before the earlier normal ticket
        assertEquals(in.ticket().id(), platform.queueService.callNext(WINDOW, QueueConfig.windowId(CENTER, 3))
                .orElseThrow().id());
        assertEquals(normal.id(), platform.queueService.callNext(WINDOW, QueueConfig.windowId(CENTER, 3))
                .orElseThrow().id());
        // checked in: the person may book the category again
        platform.appointmentService.book(null, book(500, "B", "2026-12-03", "10:00"), "ip");
    }

    @Test
    void theSweepMarksNoShowsBlocksAfterTheThirdAndRemindsTheDayBefore() {
        at("2026-12-20T08:00:00");
        List<String> log = new ArrayList<>();
        NotificationRelay relay = new NotificationRelay(platform.cases, n -> log.add(n.phone() + "|" + n.text()),
                clock, platform::appointmentPhone);
        // three no-shows of person 600 on three working days (2026-12-21, 22, 23)
        String[] days = {"2026-12-21", "2026-12-22", "2026-12-23"};
        for (String d : days) {
            at(LocalDate.parse(d).minusDays(1) + "T10:00:00");
            platform.appointmentService.book(null, book(600, "A", d, "09:00"), "ip");
            // the day before, from 09:00: the reminder goes into the outbox, once
            at(LocalDate.parse(d).minusDays(1) + "T10:05:00");
            AppointmentSweep.Result r = platform.appointmentSweep.run();
            assertEquals(1, r.reminders());
            assertEquals(0, platform.appointmentSweep.run().reminders());
            // 09:44:59 on the day: not yet a no-show (slot ends 09:30, grace 15 minutes); 09:45 it is
            at(d + "T09:44:59");
            assertEquals(0, platform.appointmentSweep.run().noShows());
            at(d + "T09:45:00");
            assertEquals(1, platform.appointmentSweep.run().noShows());
        }
        assertEquals(3, relay.run(Duration.ofDays(10)));
        assertEquals(3, log.size());
        for (String m : log) {
            assertTrue(m.startsWith("13800138000|【预约提醒】王*明，"), m);
            assertTrue(m.contains("09:00–09:30办理综合业务"), m);
            assertFalse(m.contains(id(600)) || m.contains("小"), m);
        }
        // the third no-show (2026-12-23) blocks booking for 30 days: until 2027-01-22
        at("2026-12-23T10:00:00");
        DomainException blocked = assertThrows(DomainException.class, () -> platform.appointmentService.book(null,
                book(600, "A", "2026-12-24", "09:00"), "ip"));
        assertEquals("BOOKING_BLOCKED", blocked.code());
        assertTrue(blocked.messageZh().contains("2027-01-22"), blocked.messageZh());
        // an agent booking for the villager is blocked too; another person is not
        assertEquals("BOOKING_BLOCKED", assertThrows(DomainException.class, () -> platform.appointmentService.book(
                AGENT, book(600, "B", "2026-12-24", "09:00"), null)).code());
        platform.appointmentService.book(AGENT, book(601, "B", "2026-12-24", "09:00"), null);
        // the no-shows left the day's active entries
        assertEquals(List.of(), platform.appointmentStore.activeOn(LocalDate.parse("2026-12-23")));
    }

    @Test
    void agentsSeeTheirPointsBookingsOnlyAndCitizensCannotBookThePast() {
        at("2026-12-01T09:00:00");
        AppointmentService.Booked byAgent = platform.appointmentService.book(AGENT,
                book(700, "A", "2026-12-02", "11:00"), null);
        assertEquals(AGENT.servicePointId(), byAgent.appointment().servicePointId());
        assertEquals(byAgent.appointment().id(), platform.appointmentService.get(AGENT, byAgent.appointment().id(),
                null, null).id());
        Caller otherAgent = DemoData.callers().get("demo-agent-2");
        assertEquals("APPOINTMENT_NOT_FOUND", assertThrows(DomainException.class, () -> platform.appointmentService
                .get(otherAgent, byAgent.appointment().id(), null, null)).code());
        AppointmentService.Booked byCitizen = platform.appointmentService.book(null,
                book(701, "A", "2026-12-02", "11:00"), "ip");
        assertEquals("APPOINTMENT_NOT_FOUND", assertThrows(DomainException.class, () -> platform.appointmentService
                .cancel(AGENT, byCitizen.appointment().id(), null, null)).code());
        assertEquals(byCitizen.appointment().id(), platform.appointmentService.get(WINDOW,
                byCitizen.appointment().id(), null, null).id());
        // today's started slots are not offered; 15 days ahead is out of range
        assertEquals("VALIDATION_FAILED", assertThrows(DomainException.class, () -> platform.appointmentService.book(
                null, book(702, "A", "2026-12-01", "08:30"), "ip")).code());
        assertEquals("VALIDATION_FAILED", assertThrows(DomainException.class, () -> platform.appointmentService
                .slots(CENTER, "A", LocalDate.parse("2026-12-16"))).code());
        assertEquals(16, platform.appointmentService.slots(CENTER, "A", LocalDate.parse("2026-12-01")).size());
    }
}
