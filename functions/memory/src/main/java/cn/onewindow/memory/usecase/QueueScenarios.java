package cn.onewindow.memory.usecase;


import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.queue.QueueBoard;
import cn.onewindow.core.queue.QueueConfig;
import cn.onewindow.core.queue.QueueService;
import cn.onewindow.core.queue.Ticket;
import cn.onewindow.core.queue.TicketStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Queue tickets against dynoxide on real calendar days: numbers per category and day from an atomic counter (unique
 * under concurrent takes, from 1 again on the next working day, none on a holiday, a make-up Saturday open), calls
 * in priority-then-arrival order, concurrent windows never sharing a ticket, and the window's transitions.
 */
public abstract class QueueScenarios extends OnPlatform {
    static final Caller WINDOW = Fixtures.WINDOW;
    static final Caller KIOSK = DemoData.callers().get("demo-kiosk");
    static final String CENTER = DemoData.COUNTY_CENTER;
    static final String W1 = QueueConfig.windowId(CENTER, 1);
    static final String W3 = QueueConfig.windowId(CENTER, 3);
    static final String W4 = QueueConfig.windowId(CENTER, 4);

    /** 2026-09-29 (Tuesday) 10:00 Shanghai, a working day before the National Day holiday. */
    static final Instant TUESDAY = Instant.parse("2026-09-29T02:00:00Z");
    /** Each test its own clock (moving forward only) and services on data of its own. */
    AdjustableClock clock;
    Services platform;

    /** One instance serves the whole class: every test starts again from Tuesday on fresh data. */
    @BeforeEach
    void freshClock() {
        clock = null;
        platform = null;
    }

    static QueueService.Take take(String category) {
        return new QueueService.Take(category, null, null, null, null);
    }

    /** Runs {@code n} tasks started at the same instant; each one's result or exception, in order. */
    public static <T> List<Object> atOnce(int n, IntFunction<T> task) throws Exception {
        return Simultaneously.run(n, task, Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    /** Moves the clock to a local (Shanghai) date and time. */
    void at(String localDateTime) {
        if (clock == null) {
            clock = AdjustableClock.startingAt(TUESDAY);
            platform = seeded(clock);
        }
        clock.advanceTo(java.time.LocalDateTime.parse(localDateTime).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toInstant());
    }

    @Test
    void numbersRestartEachWorkingDayNoneOnHolidaysAndMakeUpDaysOpen() {
        at("2026-09-29T09:00:00");
        Ticket first = platform.queueService.take(KIOSK, CENTER, take("C")).ticket();
        Ticket second = platform.queueService.take(KIOSK, CENTER, take("C")).ticket();
        assertEquals("C001", first.number());
        assertEquals("C002", second.number());
        assertEquals(CENTER + "~20260929~C001", first.id());
        // before opening and after closing: no tickets
        at("2026-09-29T17:30:00");
        assertEquals("QUEUE_CLOSED", assertThrows(DomainException.class,
                () -> platform.queueService.take(KIOSK, CENTER, take("C"))).code());
        // National Day 2026-10-01..07: closed every day
        at("2026-10-01T10:00:00");
        assertEquals("QUEUE_CLOSED", assertThrows(DomainException.class,
                () -> platform.queueService.take(KIOSK, CENTER, take("C"))).code());
        at("2026-10-07T10:00:00");
        assertEquals("QUEUE_CLOSED", assertThrows(DomainException.class,
                () -> platform.queueService.take(KIOSK, CENTER, take("C"))).code());
        // Saturday 2026-10-10 is a make-up working day: open, numbers from 1 again
        at("2026-10-10T08:30:00");
        assertEquals("C001", platform.queueService.take(KIOSK, CENTER, take("C")).ticket().number());
        // an ordinary Sunday: closed
        at("2026-10-11T10:00:00");
        assertEquals("QUEUE_CLOSED", assertThrows(DomainException.class,
                () -> platform.queueService.take(KIOSK, CENTER, take("C"))).code());
        // Monday: from 1 again
        at("2026-10-12T09:00:00");
        assertEquals("C001", platform.queueService.take(KIOSK, CENTER, take("C")).ticket().number());
        // the earlier day's tickets are untouched
        assertEquals(TicketStatus.WAITING, platform.queueService.get(WINDOW, second.id()).status());
    }

    @Test
    void thirtyConcurrentTakesGetThirtyDistinctConsecutiveNumbers() throws Exception {
        at("2026-10-13T09:00:00");
        List<Object> results = atOnce(30, i -> platform.queueService.take(KIOSK, CENTER, take("B")).ticket());
        Set<String> numbers = new HashSet<>();
        for (Object r : results) {
            assertTrue(r instanceof Ticket, "a take failed: " + r);
            numbers.add(((Ticket) r).number());
        }
        Set<String> expected = new HashSet<>();
        for (int i = 1; i <= 30; i++) expected.add(String.format("B%03d", i));
        assertEquals(expected, numbers);
        assertEquals(30, platform.queueStore.day(CENTER, java.time.LocalDate.of(2026, 10, 13)).stream()
                .filter(t -> t.category().equals("B")).count());
    }

    @Test
    void eightWindowsCallingAtOnceNeverShareATicket() throws Exception {
        at("2026-10-14T09:00:00");
        for (int i = 0; i < 12; i++) platform.queueService.take(KIOSK, CENTER, take("C"));
        // window 4 calls C only; eight staff press "call next" on it (and window 1, which calls all) at once, twice
        List<Object> results = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            results.addAll(atOnce(8, i -> platform.queueService.callNext(WINDOW, i % 2 == 0 ? W4 : W1)));
        }
        List<String> called = new ArrayList<>();
        for (Object r : results) {
            assertTrue(r instanceof Optional, "a call failed: " + r);
            ((Optional<?>) r).ifPresent(t -> called.add(((Ticket) t).number()));
        }
        assertEquals(12, called.size(), "12 waiting tickets, 16 calls: every ticket called once " + called);
        assertEquals(12, new HashSet<>(called).size(), "a ticket called twice: " + called);
        assertTrue(platform.queueService.callNext(WINDOW, W4).isEmpty());
        assertTrue(platform.queueStore.day(CENTER, java.time.LocalDate.of(2026, 10, 14)).stream()
                .allMatch(t -> t.status() == TicketStatus.CALLED && t.calls() == 1));
    }

    @Test
    void priorityFirstThenFirstComeAcrossTheWindowsCategories() {
        at("2026-10-15T09:00:00");
        Ticket a1 = platform.queueService.take(KIOSK, CENTER, take("A")).ticket();
        clock.advance(Duration.ofMinutes(1));
        Ticket b1 = platform.queueService.take(KIOSK, CENTER, take("B")).ticket();
        clock.advance(Duration.ofMinutes(1));
        Ticket elderly = platform.queueService.take(KIOSK, CENTER,
                new QueueService.Take("B", null, null, null, "ELDERLY")).ticket();
        assertTrue(elderly.priority());
        assertEquals("B002", elderly.number());
        // the comprehensive window calls all categories: the green lane first, then A001 (earlier than B001)
        assertEquals(elderly.id(), platform.queueService.callNext(WINDOW, W1).orElseThrow().id());
        assertEquals(a1.id(), platform.queueService.callNext(WINDOW, W1).orElseThrow().id());
        // window 3 calls B only
        Ticket b = platform.queueService.callNext(WINDOW, W3).orElseThrow();
        assertEquals(b1.id(), b.id());
        assertEquals(3, b.windowNumber());
        assertEquals("请 B001 号到 3 号窗口办理", b.announcement());
        // an unknown green lane, category or window
        assertEquals("VALIDATION_FAILED", assertThrows(DomainException.class, () -> platform.queueService.take(KIOSK,
                CENTER, new QueueService.Take("A", null, null, null, "VIP"))).code());
        assertEquals("WINDOW_NOT_FOUND", assertThrows(DomainException.class,
                () -> platform.queueService.callNext(WINDOW, QueueConfig.windowId(CENTER, 9))).code());
    }

    @Test
    void windowActionsFollowTheTicketsLifeCycle() {
        at("2026-10-16T09:00:00");
        Ticket t = platform.queueService.take(KIOSK, CENTER, take("C")).ticket();
        Instant takenAt = t.takenAt();
        assertEquals("TICKET_NOT_CALLED", assertThrows(DomainException.class,
                () -> platform.queueService.start(WINDOW, t.id())).code());
        platform.queueService.callNext(WINDOW, W4).orElseThrow();
        assertEquals(2, platform.queueService.recall(WINDOW, t.id()).calls());
        // no-show after 2 of 3 calls: back to the queue; called a third time and no-show again: dropped
        Ticket back = platform.queueService.noShow(WINDOW, t.id());
        assertEquals(TicketStatus.WAITING, back.status());
        assertEquals(t.id(), platform.queueService.callNext(WINDOW, W4).orElseThrow().id());
        assertEquals(TicketStatus.DROPPED, platform.queueService.noShow(WINDOW, t.id()).status());
        assertEquals("TICKET_NOT_CALLED", assertThrows(DomainException.class,
                () -> platform.queueService.recall(WINDOW, t.id())).code());

        // transfer: keeps its number and take time, waits in the new category, is called by that category's window
        Ticket u = platform.queueService.take(KIOSK, CENTER, take("C")).ticket();
        platform.queueService.callNext(WINDOW, W4).orElseThrow();
        clock.advance(Duration.ofMinutes(3));
        Ticket moved = platform.queueService.transfer(WINDOW, u.id(), "B");
        assertEquals(TicketStatus.WAITING, moved.status());
        assertEquals("B", moved.category());
        assertEquals(u.number(), moved.number());
        assertEquals(u.takenAt(), moved.takenAt());
        assertTrue(platform.queueService.callNext(WINDOW, W4).isEmpty());
        assertEquals(u.id(), platform.queueService.callNext(WINDOW, W3).orElseThrow().id());
        Ticket serving = platform.queueService.start(WINDOW, u.id());
        assertNotNull(serving.servingSince());
        clock.advance(Duration.ofMinutes(7));
        Ticket done = platform.queueService.finish(WINDOW, u.id());
        assertEquals(TicketStatus.DONE, done.status());
        assertEquals("TICKET_NOT_SERVING", assertThrows(DomainException.class,
                () -> platform.queueService.finish(WINDOW, u.id())).code());
        assertTrue(takenAt.isBefore(done.finishedAt()));

        // the board: numbers and windows, the announcement; B's estimate from its 7-minute service
        QueueBoard.Board board = platform.queueBoard.board(DemoData.callers().get("demo-board"), CENTER);
        assertEquals(u.number(), board.recent().get(0).number());
        assertEquals("请 " + u.number() + " 号到 3 号窗口办理", board.recent().get(0).announcement());
        platform.queueService.take(KIOSK, CENTER, take("B"));
        QueueService.Taken next = platform.queueService.take(KIOSK, CENTER, take("B"));
        assertEquals(1, next.waitingAhead());
        // one ahead, 7 minutes each, three windows call B (1, 2, 3): ceil(7 / 3) = 3
        assertEquals(3, next.estimatedWaitMinutes());
    }

    @Test
    void callersOutsideTheCenterOrRoleAreRefused() {
        at("2026-10-19T09:00:00");
        Caller otherWindow = new Caller("w-x", cn.onewindow.core.identity.Role.WINDOW, "x", "330106-ZX", "330100",
                null, null);
        assertEquals("QUEUE_NOT_FOUND", assertThrows(DomainException.class,
                () -> platform.queueService.take(otherWindow, CENTER, take("A"))).code());
        assertEquals("WINDOW_NOT_FOUND", assertThrows(DomainException.class,
                () -> platform.queueService.callNext(otherWindow, W1)).code());
        assertEquals("FORBIDDEN", assertThrows(DomainException.class,
                () -> platform.queueService.callNext(KIOSK, W1)).code());
        assertEquals("FORBIDDEN", assertThrows(DomainException.class,
                () -> platform.queueBoard.replaceConfig(WINDOW, CENTER, DemoData.queueConfig())).code());
    }

    /**
     * The waiting figures through the store: per-ticket wait and service, the estimate from the last finished
     * tickets (bounded reads: a count of the queue ahead, the last finished entries), the period's figures.
     */
    @Test
    void waitingFiguresFromTheStoredTicketsOfADay() {
        // a stopped clock: the waits and service times asserted to the second stay exact however long a call takes
        clock = AdjustableClock.stoppedAt(TUESDAY);
        platform = seeded(clock);
        QueueService q;
        at("2026-10-20T09:00:00");
        q = platform.queueService;
        assertEquals(0, q.take(KIOSK, CENTER, take("A")).waitingAhead());
        at("2026-10-20T09:01:00");
        Ticket a2 = q.take(KIOSK, CENTER, take("A")).ticket();
        at("2026-10-20T09:02:00");
        QueueService.Taken third = q.take(KIOSK, CENTER, take("A"));
        // no finished A today: 2 ahead × 10 configured minutes ÷ 3 windows (1, 2, 5) = 6.7 → 7
        assertEquals(2, third.waitingAhead());
        assertEquals(7, third.estimatedWaitMinutes());
        Ticket a3 = third.ticket();
        String w5 = QueueConfig.windowId(CENTER, 5);
        at("2026-10-20T09:04:00");
        Ticket a1 = q.callNext(WINDOW, w5).orElseThrow();
        at("2026-10-20T09:05:00");
        q.start(WINDOW, a1.id());
        at("2026-10-20T09:10:00");
        assertEquals(a2.id(), q.callNext(WINDOW, W1).orElseThrow().id());
        at("2026-10-20T09:10:30");
        q.start(WINDOW, a2.id());
        at("2026-10-20T09:16:30");
        Ticket done2 = q.finish(WINDOW, a2.id());
        assertEquals(360L, done2.serviceSeconds());
        assertEquals(540L, done2.waitSeconds());
        at("2026-10-20T09:17:00");
        assertEquals(720L, q.finish(WINDOW, a1.id()).serviceSeconds());
        // A003: called three times, never came: dropped
        for (String t : List.of("09:20", "09:40", "09:50")) {
            at("2026-10-20T" + t + ":00");
            assertEquals(a3.id(), q.callNext(WINDOW, W1).orElseThrow().id());
            at("2026-10-20T" + t + ":30");
            q.noShow(WINDOW, a3.id());
        }
        assertEquals(TicketStatus.DROPPED, q.get(WINDOW, a3.id()).status());
        java.time.LocalDate day = java.time.LocalDate.of(2026, 10, 20);
        assertEquals(List.of(720L, 360L), platform.queueStore.recentServiceSeconds(CENTER, day, "A", 20),
                "the latest finished first");
        assertEquals(List.of(720L), platform.queueStore.recentServiceSeconds(CENTER, day, "A", 1));
        at("2026-10-20T09:55:00");
        assertEquals(0, q.take(KIOSK, CENTER, take("A")).waitingAhead());
        at("2026-10-20T09:56:00");
        QueueService.Taken fifth = q.take(KIOSK, CENTER, take("A"));
        // from history now: services of 12 and 6 minutes average 9; 1 ahead ÷ 3 windows = 3 (the default gave 4)
        assertEquals(1, fifth.waitingAhead());
        assertEquals(3, fifth.estimatedWaitMinutes());
        // the board: a ticket taken now waits behind both: 2 × 9 ÷ 3 = 6
        assertEquals(6, platform.queueBoard.board(DemoData.callers().get("demo-board"), CENTER).categories().stream()
                .filter(c -> c.prefix().equals("A")).findFirst().orElseThrow().estimatedWaitMinutes());

        var today = q.figures(CENTER, day, day);
        assertEquals(5, today.tickets());
        assertEquals(3, today.called());
        assertEquals(2, today.served());
        assertEquals(1, today.abandoned(), "the two waiting now are not abandoned yet");
        assertEquals(new java.math.BigDecimal("10.33"), today.averageWaitMinutes()); // 4, 9 and 18 minutes
        assertEquals(new java.math.BigDecimal("9.00"), today.averageServiceMinutes());
        assertEquals(new java.math.BigDecimal("0.2000"), today.abandonmentRate());
        assertEquals(List.of(new cn.onewindow.core.ports.QueueFiguresSource.WindowThroughput(1, W1, 1,
                        new java.math.BigDecimal("6.00")),
                new cn.onewindow.core.ports.QueueFiguresSource.WindowThroughput(5, w5, 1,
                        new java.math.BigDecimal("12.00"))), today.windows());
        // the next day the two left waiting count as abandoned: 3 of 5
        at("2026-10-21T09:00:00");
        assertEquals(new java.math.BigDecimal("0.6000"), q.figures(CENTER, day, day).abandonmentRate());
        // the supervision figures carry them
        var report = platform.statsService.figures(DemoData.callers().get("demo-supervisor"), CENTER, day,
                java.time.LocalDate.of(2026, 10, 21), cn.onewindow.core.service.StatsService.GroupBy.ITEM);
        assertEquals(5, report.queue().tickets());
        assertEquals(3, report.queue().abandoned());
    }

    /** Thirty windows (a temporary configuration) call, start and finish at once until the queue is empty. */
    @Test
    void thirtyWindowsServingAtOnceServeEveryTicketExactlyOnce() throws Exception {
        at("2026-10-22T09:00:00");
        QueueConfig demo = platform.queueStore.config(CENTER).orElseThrow();
        List<QueueConfig.Window> windows = new ArrayList<>();
        for (int w = 1; w <= 30; w++) {
            windows.add(new QueueConfig.Window(w, "窗口" + w, w % 3 == 0 ? List.of("A", "B", "C")
                    : List.of(String.valueOf((char) ('A' + w % 3)))));
        }
        QueueConfig thirty = new QueueConfig(CENTER, demo.categories(), windows, demo.greenLane(),
                demo.noShowCallLimit(), demo.opensAt(), demo.closesAt(), demo.slots(), 0);
        QueueConfig stored = platform.queueStore.saveConfig(thirty, demo.version()).orElseThrow();
        try {
            List<Object> taken = atOnce(30, i -> platform.queueService.take(KIOSK, CENTER,
                    take(String.valueOf((char) ('A' + i % 3)))).ticket().number());
            assertEquals(30, new HashSet<>(taken).size(), "numbers unique per center and day: " + taken);
            List<Object> served = atOnce(30, i -> {
                List<String> mine = new ArrayList<>();
                String windowId = QueueConfig.windowId(CENTER, i + 1);
                for (Optional<Ticket> t = platform.queueService.callNext(WINDOW, windowId); t.isPresent();
                     t = platform.queueService.callNext(WINDOW, windowId)) {
                    platform.queueService.start(WINDOW, t.get().id());
                    platform.queueService.finish(WINDOW, t.get().id());
                    mine.add(t.get().number());
                }
                return mine;
            });
            List<String> all = new ArrayList<>();
            for (Object r : served) {
                assertTrue(r instanceof List, "a window failed: " + r);
                for (Object n : (List<?>) r) all.add((String) n);
            }
            assertEquals(30, all.size(), "30 tickets, each served once: " + all);
            assertEquals(30, new HashSet<>(all).size(), "a ticket served twice: " + all);
            assertTrue(platform.queueStore.day(CENTER, java.time.LocalDate.of(2026, 10, 22)).stream()
                    .allMatch(t -> t.status() == TicketStatus.DONE));
        } finally {
            platform.queueStore.saveConfig(demo.withVersion(0), stored.version());
        }
    }
}
