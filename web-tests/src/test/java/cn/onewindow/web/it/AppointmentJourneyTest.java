package cn.onewindow.web.it;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.model.AppointmentCheckIn;
import cn.onewindow.sdk.model.Ticket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Appointments (预约): a citizen books today's next slot on the citizen booking page at phone size (category → day
 * → slot → name, ID, phone → appointment id and booking code shown once), checks in with them (the kiosk's API
 * call), and the priority ticket is called before a normal ticket of its category taken earlier. axe checks each
 * screen.
 */
@ExtendWith(LocalConsole.class)
class AppointmentJourneyTest {
    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.phone();
    static final String CENTER = DemoData.COUNTY_CENTER;

    @Test
    void bookOnTheCitizenPageCheckInAndThePriorityTicketIsCalledFirst() {
        browser.driver().get(LocalConsole.baseUrl() + "/citizen/book?center=" + CENTER);
        browser.byTest("category-A").click();
        // the days offered are working days from the slots API; today (a Friday in the demo clock) comes first
        List<WebElement> days = browser.await().until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("[data-test^=\"day-\"]"), 0));
        days.get(0).click();
        WebElement slot = browser.await().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-test^=\"slot-\"]:not([disabled])")));
        browser.screen("appointment", "slots");
        slot.click();
        browser.byTest("booking-name").sendKeys("钱七");
        browser.byTest("booking-idnumber").sendKeys("330110198003150022");
        browser.byTest("booking-phone").sendKeys("13812345678");
        browser.screen("appointment", "form");
        browser.byTest("booking-submit").click();
        String id = browser.byTest("booking-id").getText().trim();
        String code = browser.byTest("booking-code").getText().trim();
        assertTrue(id.matches("APT-[A-Z0-9]{8}"), id);
        assertTrue(code.matches("\\d{6}"), code);
        assertTrue(browser.byTest("booking-notice").getText().contains("15 分钟"));
        browser.screen("appointment", "booked");

        // a normal ticket of A is taken first; then the citizen checks in at the kiosk with id and code
        OneWindowClient kiosk = LocalConsole.client("demo-kiosk");
        OneWindowClient window = LocalConsole.client("demo-window");
        while (window.queue().callNext(CENTER + "-W05") != null) {
            // window 5 calls A only: drain what earlier journeys left waiting
        }
        Ticket normal = kiosk.queue().take(CENTER, "A").ticket();
        AppointmentCheckIn in = kiosk.appointments().checkIn(id, code);
        assertEquals("CHECKED_IN", in.appointment().status());
        assertTrue(in.ticket().priority());
        assertEquals("APPOINTMENT", in.ticket().priorityReason());
        assertEquals(2, kiosk.queue().board(CENTER).categories().stream().filter(c -> c.prefix().equals("A"))
                .findFirst().get().waiting());
        // the window calls the checked-in appointment first, then the earlier normal ticket
        assertEquals(in.ticket().id(), window.queue().callNext(CENTER + "-W05").id());
        assertEquals(normal.id(), window.queue().callNext(CENTER + "-W05").id());
        assertEquals(in.ticket().number(), kiosk.queue().board(CENTER).recent().stream()
                .filter(c -> c.ticketId().equals(in.ticket().id())).findFirst().get().number());

        // "my booking" with id and code shows it checked in
        browser.byTest("booking-again").click();
        browser.byTest("mode-mine").click();
        browser.byTest("lookup-id").sendKeys(id);
        browser.byTest("lookup-code").sendKeys(code);
        browser.byTest("lookup-submit").click();
        assertEquals("已签到", browser.byTest("mine-status").getText().trim());
        browser.screen("appointment", "mine");
    }
}
