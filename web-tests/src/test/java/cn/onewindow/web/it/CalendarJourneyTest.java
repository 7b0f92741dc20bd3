package cn.onewindow.web.it;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.model.Applicant;
import cn.onewindow.sdk.model.CaseStatus;
import cn.onewindow.sdk.model.Channel;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.ServiceCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Journey 6 (issue 19): the administrator loads next year's calendar with a holiday before an open case's due, and
 * the case's due moves one working day later. Only a deadline that reached into a year without a calendar (computed
 * on weekends alone, provisional) is recomputed, so the case is accepted in late December 2026, when 2027 has no
 * calendar yet: the journey moves the local system's clock to Monday 2026-12-21 10:00 (Shanghai) first, which every
 * journey after it shares (none depends on the date).
 */
@ExtendWith(LocalConsole.class)
class CalendarJourneyTest {
    static final String J = "calendar";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant MONDAY = Instant.parse("2026-12-21T02:00:00Z");

    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.desktop();

    @Test
    void aHolidayInNextYearsCalendarMovesAnOpenCasesDue() {
        Instant now = LocalConsole.system().clock().instant();
        if (now.isBefore(MONDAY)) {
            LocalConsole.system().advanceClock(Duration.between(now, MONDAY));
        }
        // 建设项目环境影响评价审批（报告书）: 15 promised working days from 2026-12-21 reach into 2027
        OneWindowClient window = LocalConsole.client("demo-window");
        ServiceCase c = window.cases().submit(NewCase.builder().itemCode(DemoData.ITEM_EIA_REPORT)
                .channel(Channel.WINDOW)
                .applicant(Applicant.person("浏览器测试王五", "330110198501013354", "13812345678"))
                .materials(Material.of("M01"), Material.of("M02", 2), Material.of("M03"), Material.of("M04")).build());
        assertEquals(CaseStatus.ACCEPTED, c.status());
        assertTrue(c.dueProvisional(), "2027 has no calendar yet: the due is provisional");
        ZonedDateTime due = c.dueAt().atZone(SHANGHAI);
        assertEquals("2027-01-11", due.toLocalDate().toString(), "15 working days on weekends alone");

        Console.signIn(browser, "admin");
        browser.driver().get(LocalConsole.console("admin/calendars?region=CN&year=2027"));
        browser.byTest("cal-not-loaded");
        browser.byTest("cal-day-2027-01-04");
        assertEquals("workday", browser.byTest("cal-day-2027-01-04").getDomAttribute("data-kind"));
        browser.screen(J, "1-empty-year");

        browser.byTest("cal-day-2027-01-04").click();
        browser.await().until(d -> "holiday".equals(browser.byTest("cal-day-2027-01-04").getDomAttribute("data-kind")));
        browser.byTest("cal-dirty");
        browser.screen(J, "2-holiday-marked");
        browser.byTest("cal-save").click();
        browser.await().until(d -> d.findElements(BrowserExtension.testId("cal-dirty")).isEmpty());
        browser.await().until(d -> d.findElements(BrowserExtension.testId("cal-not-loaded")).isEmpty());
        String message = browser.await().until(d -> d.findElements(org.openqa.selenium.By.cssSelector(".el-message"))
                .stream().map(e -> e.getText()).filter(t -> t.startsWith("已保存")).findFirst().orElse(null));
        assertTrue(message.matches("已保存，重算 [1-9]\\d* 件在办办件"), message);
        browser.screen(J, "3-saved");

        ServiceCase after = window.cases().get(c.id());
        assertFalse(after.dueProvisional(), "2027 has a calendar now");
        ZonedDateTime moved = after.dueAt().atZone(SHANGHAI);
        assertEquals("2027-01-12", moved.toLocalDate().toString(), "the holiday on 01-04 moves the due one working day");
        assertEquals(due.toLocalTime(), moved.toLocalTime(), "still at close of business");
        Console.signOut(browser);
    }
}
