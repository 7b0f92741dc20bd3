package cn.onewindow.web.it;

import cn.onewindow.core.demo.DemoData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Journey 3 (issue 19): the window desk. The window finds 建设用地审批 by its pinyin initials, ticks every material,
 * enters a person as applicant, submits and sees 受理 with the case number; the acceptance notice's print view shows
 * the case number, the applicant's name masked (never in clear) and the QR code to follow the case.
 */
@ExtendWith(LocalConsole.class)
class WindowDeskJourneyTest {
    static final String J = "desk";
    static final String APPLICANT = "浏览器测试张三丰";

    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.desktop();

    @Test
    void theWindowAcceptsAnApplicationAndPrintsTheNotice() {
        Console.signIn(browser, "window");
        browser.driver().get(LocalConsole.console("desk"));
        browser.byTest("desk-search");
        browser.screen(J, "1-search");

        Console.type(browser, "desk-search", "jsyd");
        WebElement item = browser.byTest("desk-item-" + DemoData.ITEM_CONSTRUCTION_LAND);
        assertTrue(item.getText().contains("建设用地审批"), item.getText());
        assertTrue(item.getText().contains("承诺件"), item.getText());
        browser.screen(J, "2-found");
        item.click();

        WebElement card = browser.byTest("desk-item");
        assertTrue(card.getText().contains("建设用地审批"), card.getText());
        assertTrue(card.getText().contains("承诺件"), card.getText());
        for (String m : List.of("M01", "M02", "M03", "M04")) {
            browser.byTest("desk-material-" + m).click();
        }
        browser.await().until(d -> "ACCEPTED".equals(browser.byTest("desk-preview").getDomAttribute("data-outcome")));
        Console.type(browser, "desk-name", APPLICANT);
        Console.type(browser, "desk-id-number", "330110198501013354");
        Console.type(browser, "desk-phone", "13812345678");
        browser.screen(J, "3-filled");

        browser.byTest("desk-submit").click();
        WebElement result = browser.await(Duration.ofSeconds(30)).until(d -> browser.byTest("desk-result"));
        assertEquals("ACCEPTED", result.getDomAttribute("data-status"));
        String caseId = browser.byTest("desk-result-case").getText().trim();
        assertTrue(caseId.matches("[0-9A-Z-]{10,}"), caseId);
        assertTrue(result.getText().contains("受理"), result.getText());
        assertTrue(browser.byTest("desk-result-notice").getText().startsWith("承诺件通知书"));
        browser.screen(J, "4-accepted");

        browser.byTest("desk-print").click();
        browser.await().until(d -> d.getCurrentUrl().contains("/console/") && d.getCurrentUrl().contains(caseId));
        assertEquals(caseId, browser.byTest("notice-case").getText().trim());
        assertEquals("承诺件通知书", browser.byTest("notice-title").getText().replaceAll("\\s", ""));
        assertEquals("浏" + "*".repeat(APPLICANT.length() - 2) + "丰",
                browser.byTest("notice-applicant").getText().trim());
        String sheet = browser.byTest("notice-sheet").getText();
        assertFalse(sheet.contains(APPLICANT), "the notice never shows the clear name");
        assertFalse(browser.driver().getPageSource().contains(APPLICANT), "nor does the page hold it");
        WebElement qr = browser.byTest("notice-qr");
        browser.await().until(d -> ((Number) browser.driver().executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0", qr)).intValue() > 0);
        assertTrue(qr.getDomAttribute("alt").contains(caseId), qr.getDomAttribute("alt"));
        browser.screen(J, "5-notice");
    }
}
