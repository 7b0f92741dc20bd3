package cn.onewindow.web.it;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.model.Applicant;
import cn.onewindow.sdk.model.CaseStatus;
import cn.onewindow.sdk.model.Channel;
import cn.onewindow.sdk.model.DecisionOutcome;
import cn.onewindow.sdk.model.Evaluation;
import cn.onewindow.sdk.model.EvaluationChannel;
import cn.onewindow.sdk.model.EvaluationLevel;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.Rating;
import cn.onewindow.sdk.model.ServiceCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Journey 5 (issue 19): a bad rating opens a rectification (整改) for the item's department; the department judges it
 * valid, calls the applicant back and records the fix in the rectification workbench; the applicant re-rates. The
 * supervisor's 未结整改 figure of the center goes up by one with the bad rating and back down with the fix.
 */
@ExtendWith(LocalConsole.class)
class RectificationJourneyTest {
    static final String J = "rect";
    static final String CENTER = "330110-ZX";
    /** The month the local system's clock is in (it starts on 2025-04-25; {@link CalendarJourneyTest} moves it). */
    static String month;

    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.desktop();

    @Test
    void aBadRatingIsRectifiedAndTheSupervisorSeesItOpenThenClosed() {
        String caseId = delivered();
        month = LocalConsole.system().clock().instant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toString()
                .substring(0, 7);

        Console.signIn(browser, "supervisor");
        long before = openRectifications(null);
        browser.screen(J, "1-supervisor-before");

        OneWindowClient terminal = LocalConsole.client("demo-terminal");
        Evaluation bad = terminal.evaluations().rate(Rating.builder().caseId(caseId)
                .level(EvaluationLevel.DISSATISFIED).channel(EvaluationChannel.PAD).applicantConfirmation("5678")
                .windowId("W03").comment("等候时间太长").build());
        assertEquals(caseId + "-E1", bad.id());

        assertEquals(before + 1, openRectifications(before + 1), "the bad rating opened one rectification");
        browser.screen(J, "2-supervisor-opened");
        Console.signOut(browser);

        String rectId = caseId + "-R1";
        Console.signIn(browser, "dept-sthj");
        browser.driver().get(LocalConsole.console("rectifications"));
        browser.byTest("rect-open-" + rectId);
        assertEquals("AWAITING_JUDGEMENT", browser.byTest("rect-status-" + rectId).getDomAttribute("data-status"));
        browser.screen(J, "3-department-list");
        browser.byTest("rect-open-" + rectId).click();
        browser.await().until(d -> d.getCurrentUrl().contains("/console/rectifications/" + rectId));
        awaitStatus("AWAITING_JUDGEMENT");
        browser.screen(J, "4-awaiting-judgement");

        browser.byTest("rect-judge-valid").click();
        Console.type(browser, "rect-judge-reason", "窗口答复不清，情况属实");
        browser.byTest("rect-judge-submit").click();
        awaitStatus("IN_RECTIFICATION");
        browser.screen(J, "5-in-rectification");

        Console.type(browser, "rect-callback-note", "已电话回访申请人，说明整改安排");
        browser.byTest("rect-callback-submit").click();
        browser.await().until(d -> browser.driver().findElements(BrowserExtension.testId("rect-callback-form"))
                .isEmpty());
        assertEquals("IN_RECTIFICATION", browser.byTest("rect-status").getDomAttribute("data-status"));
        Console.type(browser, "rect-fix-note", "已整改：增设取号引导，一次性告知规范");
        browser.byTest("rect-fix-submit").click();
        awaitStatus("FIXED");
        browser.screen(J, "6-fixed");
        Console.signOut(browser);

        Evaluation again = terminal.evaluations().rate(Rating.builder().caseId(caseId)
                .level(EvaluationLevel.SATISFIED).channel(EvaluationChannel.PAD).applicantConfirmation("5678")
                .windowId("W03").build());
        assertEquals(caseId + "-E2", again.id());
        assertEquals(2, again.round());

        Console.signIn(browser, "supervisor");
        assertEquals(before, openRectifications(before), "the fix closed it again");
        browser.screen(J, "7-supervisor-after");
        browser.driver().get(LocalConsole.console("rectifications/" + rectId));
        awaitStatus("FIXED");
        browser.await().until(d -> browser.byTest("rect-rerating").getText().startsWith("满意 · "));
        browser.screen(J, "8-rerated");
        Console.signOut(browser);
    }

    /** A case of 建设项目环境影响登记表备案 (an immediate item of 生态环境局, whose user is a demo user) delivered. */
    static String delivered() {
        OneWindowClient window = LocalConsole.client("demo-window");
        ServiceCase c = window.cases().submit(NewCase.builder().itemCode(DemoData.ITEM_EIA_FILING)
                .channel(Channel.WINDOW)
                .applicant(Applicant.person("浏览器测试李四", "330110198501013354", "13812345678"))
                .materials(Material.of("M01"), Material.of("M02"), Material.of("M03")).build());
        assertEquals(CaseStatus.ACCEPTED, c.status());
        window.cases().decide(c.id(), DecisionOutcome.APPROVE, List.of());
        window.cases().issueResult(c.id(), "HP-2025-WEB1");
        assertEquals(CaseStatus.DELIVERED, window.cases().deliver(c.id(), "浏览器测试李四", "本人签收").status());
        return c.id();
    }

    /**
     * The 未结整改 figure of the demo center for the month, as the supervisor's dashboard shows it; with an
     * expectation, reloads until it shows that (the figure is read when the page loads).
     */
    static long openRectifications(Long expected) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            browser.driver().get(LocalConsole.console("supervision?center=" + CENTER + "&month=" + month));
            browser.await().until(d -> browser.byTest("supervision-period").getText().startsWith(month + "-01"));
            WebElement kpi = browser.byTest("supervision-kpi-openRectifications");
            String text = kpi.getText().trim();
            assertTrue(text.matches("\\d+"), "未结整改 is a count: " + text);
            long n = Long.parseLong(text);
            if (expected == null || n == expected || System.nanoTime() > end) {
                return n;
            }
        }
    }

    static void awaitStatus(String status) {
        browser.await(Duration.ofSeconds(30)).until(d -> status.equals(
                browser.byTest("rect-status").getDomAttribute("data-status")));
    }
}
