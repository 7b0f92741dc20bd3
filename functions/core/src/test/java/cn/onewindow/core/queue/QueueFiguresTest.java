package cn.onewindow.core.queue;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.ports.QueueFiguresSource.QueueSummary;
import cn.onewindow.core.ports.QueueFiguresSource.WindowThroughput;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Waiting figures with exact times on real days (Tuesday 2026-09-29, Shanghai), and the bounded estimate. */
class QueueFiguresTest {
    static final LocalDate TUESDAY = LocalDate.of(2026, 9, 29);
    static final LocalDate MONDAY = LocalDate.of(2026, 9, 28);
    static final String CENTER = DemoData.COUNTY_CENTER;

    static Instant at(LocalDate day, String time) {
        return LocalDateTime.of(day, java.time.LocalTime.parse(time)).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    static Ticket taken(LocalDate day, String number, String time) {
        return Ticket.take(CENTER, day, number, number.substring(0, 1), null, at(day, time), null, null, null);
    }

    /** Three tickets: two served (by windows 1 and 5), one dropped after its no-show. */
    static List<Ticket> tuesday() {
        Ticket a1 = taken(TUESDAY, "A001", "09:00:00").call(1, at(TUESDAY, "09:04:00"))
                .start(at(TUESDAY, "09:05:00")).finish(at(TUESDAY, "09:17:00"));
        Ticket a2 = taken(TUESDAY, "A002", "09:01:00").call(5, at(TUESDAY, "09:10:00"))
                .recall(at(TUESDAY, "09:10:20")).start(at(TUESDAY, "09:10:30")).finish(at(TUESDAY, "09:18:30"));
        Ticket a3 = taken(TUESDAY, "A003", "09:02:00").call(1, at(TUESDAY, "09:20:00"))
                .noShow(3, at(TUESDAY, "09:22:00")).call(1, at(TUESDAY, "09:40:00")).noShow(2, at(TUESDAY, "09:41:00"));
        assertEquals(TicketStatus.DROPPED, a3.status());
        return List.of(a1, a2, a3);
    }

    @Test
    void perTicketWaitAndServiceTimes() {
        List<Ticket> day = tuesday();
        assertEquals(240L, day.get(0).waitSeconds());
        assertEquals(720L, day.get(0).serviceSeconds());
        assertEquals(540L, day.get(1).waitSeconds(), "a recall does not move the end of the wait");
        assertEquals(480L, day.get(1).serviceSeconds());
        assertEquals(1080L, day.get(2).waitSeconds(), "the wait ends at the first call, not the call after the no-show");
        assertNull(day.get(2).serviceSeconds());
        assertNull(taken(TUESDAY, "A004", "09:03:00").waitSeconds());
    }

    @Test
    void averagesAbandonmentAndThroughputOfThreeTickets() {
        QueueSummary s = QueueFigures.summary(CENTER, tuesday(), TUESDAY);
        assertEquals(3, s.tickets());
        assertEquals(3, s.called());
        assertEquals(2, s.served());
        assertEquals(1, s.abandoned());
        // waits 4, 9 and 18 minutes; services 12 and 8 minutes
        assertEquals(new BigDecimal("10.33"), s.averageWaitMinutes());
        assertEquals(new BigDecimal("10.00"), s.averageServiceMinutes());
        assertEquals(new BigDecimal("0.3333"), s.abandonmentRate());
        assertEquals(List.of(new WindowThroughput(1, CENTER + "-W01", 1, new BigDecimal("12.00")),
                new WindowThroughput(5, CENTER + "-W05", 1, new BigDecimal("8.00"))), s.windows());
    }

    @Test
    void ticketsLeftOpenAreAbandonedOnlyOnceTheirDayIsOver() {
        List<Ticket> tickets = new ArrayList<>(tuesday());
        tickets.add(taken(MONDAY, "B001", "16:50:00")); // never called on Monday: gone
        tickets.add(taken(MONDAY, "B002", "16:55:00").call(3, at(MONDAY, "17:20:00"))); // called, never came
        tickets.add(taken(TUESDAY, "B001", "09:30:00")); // still waiting today
        QueueSummary s = QueueFigures.summary(CENTER, tickets, TUESDAY);
        assertEquals(6, s.tickets());
        assertEquals(3, s.abandoned());
        assertEquals(new BigDecimal("0.5000"), s.abandonmentRate());
        assertEquals(4, s.called());
        // waits 4, 9, 18 and 25 minutes
        assertEquals(new BigDecimal("14.00"), s.averageWaitMinutes());
    }

    @Test
    void noTicketsNoFigures() {
        QueueSummary s = QueueFigures.summary(CENTER, List.of(), TUESDAY);
        assertEquals(0, s.tickets());
        assertNull(s.averageWaitMinutes());
        assertNull(s.averageServiceMinutes());
        assertNull(s.abandonmentRate());
        assertEquals(List.of(), s.windows());
    }

    @Test
    void estimatedWaitFromRecentServiceTimesElseTheConfiguredDefault() {
        QueueConfig cfg = DemoData.queueConfig(); // A: 10 minutes configured, called by windows 1, 2 and 5
        assertEquals(3, cfg.windowsFor("A"));
        // no history: 4 ahead × 10 configured minutes ÷ 3 windows = 13.3 → 14
        assertEquals(14, QueueFigures.estimatedWaitMinutes(cfg, "A", 4, List.of()));
        // nobody ahead: no wait
        assertEquals(0, QueueFigures.estimatedWaitMinutes(cfg, "A", 0, List.of()));
        // B: 15 minutes configured, windows 1, 2 and 3: 2 × 15 ÷ 3 = 10
        assertEquals(10, QueueFigures.estimatedWaitMinutes(cfg, "B", 2, List.of()));
        // a category without a configured time: the platform default of 5 minutes
        QueueConfig bare = new QueueConfig(CENTER, List.of(new QueueConfig.Category("A", "综合", null)),
                List.of(new QueueConfig.Window(1, "1", List.of("A"))), List.of(), 3, java.time.LocalTime.of(8, 30),
                java.time.LocalTime.of(17, 30), List.of(), 0);
        assertEquals(QueueFigures.DEFAULT_SERVICE_MINUTES * 4, QueueFigures.estimatedWaitMinutes(bare, "A", 4, null));
        // with history: the average of the recent services (12 and 8 minutes: 10), 7 ahead, 3 windows → 23.3 → 24
        List<Long> recent = QueueFigures.recentServiceSeconds(tuesday(), "A");
        assertEquals(List.of(480L, 720L), recent, "the latest finished first");
        assertEquals(24, QueueFigures.estimatedWaitMinutes(cfg, "A", 7, recent));
    }

    @Test
    void theEstimateAveragesOnlyTheLastTwentyFinishedTickets() {
        List<Ticket> day = new ArrayList<>();
        // 5 slow services (60 min, finished by 09:05), then 20 quick ones (2 min, from 10:06)
        for (int i = 1; i <= 25; i++) {
            Instant start = at(TUESDAY, i <= 5 ? "08:00:00" : "10:00:00").plusSeconds(60L * i);
            day.add(Ticket.take(CENTER, TUESDAY, Ticket.number("A", i), "A", null, start.minusSeconds(60), null,
                            null, null).call(1, start).start(start)
                    .finish(start.plusSeconds(i <= 5 ? 3600 : 120)));
        }
        Collections.shuffle(day, new java.util.Random(7));
        List<Long> recent = QueueFigures.recentServiceSeconds(day, "A");
        assertEquals(QueueFigures.RECENT, recent.size());
        assertEquals(List.of(120L), recent.stream().distinct().toList());
        // 6 ahead × 2 minutes ÷ 3 windows = 4
        assertEquals(4, QueueFigures.estimatedWaitMinutes(DemoData.queueConfig(), "A", 6, recent));
    }
}
