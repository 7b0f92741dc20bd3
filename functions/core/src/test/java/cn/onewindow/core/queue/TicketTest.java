package cn.onewindow.core.queue;

import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ticket's legal transitions and the queue configuration's rules, on their own. */
class TicketTest {
    static final Instant T0 = Instant.parse("2026-02-14T01:00:00Z"); // make-up Saturday, 09:00 Shanghai
    static final LocalDate DAY = LocalDate.of(2026, 2, 14);

    static Ticket waiting(String reason) {
        return Ticket.take("330110-ZX", DAY, "A001", "A", reason, T0, null, null, null);
    }

    static String code(Runnable r) {
        return assertThrows(DomainException.class, r::run).code();
    }

    @Test
    void waitingCalledServingDone() {
        Ticket t = waiting(null);
        assertEquals("330110-ZX~20260214~A001", t.id());
        Ticket called = t.call(3, T0.plusSeconds(60));
        assertEquals(TicketStatus.CALLED, called.status());
        assertEquals("请 A001 号到 3 号窗口办理", called.announcement());
        assertEquals(T0.plusSeconds(60), called.firstCalledAt());
        Ticket recalled = called.recall(T0.plusSeconds(90));
        assertEquals(2, recalled.calls());
        assertEquals(T0.plusSeconds(60), recalled.firstCalledAt(), "the wait ends at the first call");
        Ticket serving = recalled.start(T0.plusSeconds(120));
        Ticket done = serving.withCase("C1").withCase("C1").finish(T0.plusSeconds(600));
        assertEquals(TicketStatus.DONE, done.status());
        assertEquals(List.of("C1"), done.caseIds());
        assertEquals("TICKET_NOT_SERVING", code(() -> done.finish(T0)));
        assertEquals("TICKET_NOT_WAITING", code(() -> done.call(1, T0)));
        assertEquals("TICKET_NOT_CALLED", code(() -> t.start(T0)));
        assertEquals("TICKET_NOT_CALLED", code(() -> t.noShow(3, T0)));
        assertEquals("TICKET_NOT_AT_WINDOW", code(() -> t.transfer("B", T0)));
    }

    @Test
    void noShowRequeuesAtTheEndUntilTheCallLimitThenDrops() {
        Ticket t = waiting(null).call(1, T0.plusSeconds(10));
        Ticket back = t.noShow(2, T0.plusSeconds(20));
        assertEquals(TicketStatus.WAITING, back.status());
        assertEquals(T0.plusSeconds(20), back.queuedAt());
        assertEquals(T0, back.takenAt());
        assertTrue(back.queueKey().compareTo(waiting(null).queueKey()) > 0, "behind those queued earlier");
        Ticket dropped = back.call(2, T0.plusSeconds(30)).noShow(2, T0.plusSeconds(40));
        assertEquals(TicketStatus.DROPPED, dropped.status());
    }

    @Test
    void priorityTicketsComeFirstAndATransferKeepsNumberAndTakeTime() {
        Ticket normal = waiting(null);
        Ticket elderly = Ticket.take("330110-ZX", DAY, "A002", "A", "ELDERLY", T0.plusSeconds(300), null, null,
                null);
        assertTrue(elderly.queueKey().compareTo(normal.queueKey()) < 0);
        Ticket moved = normal.call(1, T0.plusSeconds(5)).transfer("B", T0.plusSeconds(50));
        assertEquals("B", moved.category());
        assertEquals("A001", moved.number());
        assertEquals(T0, moved.takenAt());
        assertEquals(0, moved.calls());
        assertEquals("SAME_CATEGORY", code(() -> normal.call(1, T0).transfer("A", T0)));
    }

    @Test
    void configurationRulesAndWindowIds() {
        DemoData.queueConfig().validate();
        assertEquals("330110-ZX-W03", QueueConfig.windowId("330110-ZX", 3));
        assertEquals(new QueueConfig.WindowRef("330110-T01-V01", 12),
                QueueConfig.parseWindowId("330110-T01-V01-W12").orElseThrow());
        assertTrue(QueueConfig.parseWindowId("330110-ZX").isEmpty());
        assertEquals(3, DemoData.queueConfig().windowsFor("B"));
        QueueConfig bad = new QueueConfig("330110-ZX", List.of(new QueueConfig.Category("A", "综合", null),
                new QueueConfig.Category("A", "重复", null), new QueueConfig.Category("ab", "小写", null)),
                List.of(new QueueConfig.Window(1, "一", List.of("Q"))), List.of("vip"), 0,
                LocalTime.of(17, 0), LocalTime.of(9, 0), List.of(new QueueConfig.SlotRule("A", 1, 0)), 0);
        DomainException e = assertThrows(DomainException.class, bad::validate);
        List<String> codes = e.fieldErrors().stream().map(f -> f.field() + ":" + f.code()).toList();
        assertTrue(codes.containsAll(List.of("categories[1].prefix:DUPLICATE", "categories[2].prefix:INVALID_VALUE",
                "windows[0].categories:UNKNOWN_CATEGORY", "greenLane:INVALID_VALUE", "closesAt:OUT_OF_RANGE")),
                codes.toString());
        assertTrue(codes.stream().anyMatch(c -> c.startsWith("noShowCallLimit")), codes.toString());
        assertTrue(codes.stream().anyMatch(c -> c.startsWith("slots[0].minutes")), codes.toString());
        assertTrue(Ticket.parse("330110-ZX~20261301~A001") == null);
        assertEquals(DAY, Ticket.parse("330110-ZX~20260214~A001").day());
    }
}
