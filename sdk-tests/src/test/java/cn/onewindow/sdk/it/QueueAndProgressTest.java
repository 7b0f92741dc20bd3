package cn.onewindow.sdk.it;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.sdk.ConflictException;
import cn.onewindow.sdk.ForbiddenException;
import cn.onewindow.sdk.NotFoundException;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.model.Channel;
import cn.onewindow.sdk.model.IdType;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.Progress;
import cn.onewindow.sdk.model.QueueBoard;
import cn.onewindow.sdk.model.ServiceCase;
import cn.onewindow.sdk.model.Ticket;
import cn.onewindow.sdk.model.TicketTaken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Queue ticketing and the citizen's progress query through the SDK, against the running local system. */
@ExtendWith(LocalPlatform.class)
class QueueAndProgressTest {
    static final String CENTER = DemoData.COUNTY_CENTER;
    static final String WINDOW_3 = CENTER + "-W03";

    @Test
    void kioskWindowAndBoardThroughTheSdk() {
        OneWindowClient kiosk = LocalPlatform.client("demo-kiosk");
        OneWindowClient window = LocalPlatform.client("demo-window");
        OneWindowClient board = LocalPlatform.client("demo-board");
        while (window.queue().callNext(WINDOW_3) != null) {
            // drain B so that this test's ticket is window 3's next
        }
        QueueBoard before = board.queue().board(CENTER);
        assertNotNull(before.etag());
        assertNull(board.queue().poll(CENTER, before.etag()), "nothing changed: 304");

        TicketTaken taken = kiosk.queue().take(CENTER, "B", IdType.RESIDENT_ID, "330110198003150022", null,
                "ELDERLY");
        Ticket t = taken.ticket();
        assertTrue(t.number().matches("B\\d{3}"), t.number());
        assertEquals("WAITING", t.status());
        assertTrue(t.priority());
        assertEquals("ELDERLY", t.priorityReason());

        QueueBoard after = board.queue().poll(CENTER, before.etag());
        assertNotNull(after, "changed: the new board");
        assertEquals(1, after.categories().stream().filter(c -> c.prefix().equals("B")).findFirst().get().waiting());

        Ticket called = window.queue().callNext(WINDOW_3);
        assertEquals(t.id(), called.id());
        assertEquals("请 " + t.number() + " 号到 3 号窗口办理", called.announcement());
        assertEquals(Integer.valueOf(3), called.window());
        assertEquals(t.number(), board.queue().board(CENTER).current().stream().filter(c -> c.window() == 3)
                .findFirst().get().number());
        assertEquals(2, window.queue().recall(t.id()).calls());
        assertEquals("SERVING", window.queue().start(t.id()).status());

        ServiceCase c = window.cases().submit(NewCase.builder().itemCode(DemoData.ITEM_TREE_FELLING)
                .channel(Channel.WINDOW).applicant(LocalPlatform.villager()).ticketId(t.id())
                .materials(Material.of("M01"), Material.of("M02"), Material.of("M03"), Material.of("M04")).build());
        assertEquals(t.number(), c.queueNumber());
        Ticket done = window.queue().finish(t.id());
        assertEquals("DONE", done.status());
        assertEquals(Arrays.asList(c.id()), done.caseIds());
        assertEquals("DONE", kiosk.queue().ticket(t.id()).status());

        ConflictException again = assertThrows(ConflictException.class, () -> window.queue().finish(t.id()));
        assertEquals("TICKET_NOT_SERVING", again.code());
        assertThrows(ForbiddenException.class, () -> kiosk.queue().callNext(WINDOW_3));
        assertThrows(ForbiddenException.class, () -> board.queue().take(CENTER, "A"));
    }

    @Test
    void theQueryPasswordFromTheIntakeOpensTheProgressWithoutAToken() {
        OneWindowClient window = LocalPlatform.client("demo-window");
        ServiceCase c = window.cases().submit(NewCase.builder().itemCode(DemoData.ITEM_TREE_FELLING)
                .channel(Channel.WINDOW).applicant(LocalPlatform.villager())
                .materials(Material.of("M01"), Material.of("M02"), Material.of("M03"), Material.of("M04")).build());
        String password = c.queryPassword();
        assertNotNull(password);
        assertTrue(password.matches("\\d{6}"));
        assertNull(window.cases().get(c.id()).queryPassword(), "shown once");

        OneWindowClient citizen = OneWindowClient.builder().baseUrl(LocalPlatform.baseUrl()).build();
        Progress p = citizen.progress().query(c.id(), password);
        assertEquals(c.id(), p.caseNumber());
        assertEquals("ACCEPTED", p.status());
        assertTrue(p.applicantName().contains("*"), p.applicantName());
        assertEquals(c.dueAt(), p.dueAt());
        assertEquals(Arrays.asList("SUBMITTED", "ACCEPTED"), Arrays.asList(p.steps().stream()
                .map(Progress.Step::event).toArray()));
        NotFoundException wrong = assertThrows(NotFoundException.class,
                () -> citizen.progress().query(c.id(), password.equals("000000") ? "111111" : "000000"));
        assertEquals("PROGRESS_NOT_FOUND", wrong.code());
    }
}
