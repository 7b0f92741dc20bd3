package cn.onewindow.web.it;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.model.CaseStatus;
import cn.onewindow.sdk.model.Channel;
import cn.onewindow.sdk.model.HandlingMode;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.ServiceCase;
import cn.onewindow.sdk.model.Task;
import cn.onewindow.sdk.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Journey 4b (issue 19): a joint (并联) case accepted at the window goes through every department's inbox: each
 * department's user signs in, finds the task in 部门待办, opens it, approves it; after the last approval the case is
 * APPROVED (fan-in), and the window issues its result.
 */
@ExtendWith(LocalConsole.class)
class JointCaseJourneyTest {
    static final List<String> DEPARTMENTS = List.of("fgw", "zrzy", "zjj", "sthj", "ly");

    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.desktop();

    @Test
    void aJointCaseGoesThroughEveryDepartmentsInboxToAResult() throws InterruptedException {
        OneWindowClient window = LocalConsole.client("demo-window");
        ServiceCase c = window.cases().submit(NewCase.builder().itemCode(DemoData.ITEM_FIXED_ASSET_INVESTMENT)
                .channel(Channel.WINDOW)
                .applicant(cn.onewindow.sdk.model.Applicant.company(
                        "杭州浏览器测试有限公司-" + UUID.randomUUID().toString().substring(0, 8),
                        "91330110MA2B3C4D5E", "0571-88888888"))
                .materials(Material.of("M01", 2), Material.of("M02"), Material.of("M03"), Material.of("M04"),
                        Material.of("M05"))
                .build());
        assertEquals(HandlingMode.JOINT, c.mode());

        for (int i = 0; i < DEPARTMENTS.size(); i++) {
            String code = DEPARTMENTS.get(i);
            String taskId = awaitPendingTask(code, c.id());
            Console.signIn(browser, "dept-" + code);
            browser.driver().get(LocalConsole.console("inbox"));
            browser.byTest("inbox-open-" + taskId);
            browser.screen("joint-" + code, "inbox");
            browser.byTest("inbox-open-" + taskId).click();
            browser.await().until(d -> d.getCurrentUrl().endsWith("/console/inbox/" + taskId));
            browser.await().until(d -> c.id().equals(browser.byTest("task-case-id").getText().trim()));
            assertEquals("PENDING", browser.byTest("task-status").getDomAttribute("data-status"));
            browser.screen("joint-" + code, "task");

            browser.byTest("decision-approve").click();
            browser.byTest("decision-submit").click();
            browser.await().until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector(".el-message-box .el-message-box__btns .el-button--primary"))).click();
            browser.await(Duration.ofSeconds(30)).until(d -> "APPROVED".equals(
                    browser.byTest("task-status").getDomAttribute("data-status")));
            // the page shows the new task status from the decision's answer, then reloads the case's history
            browser.await(Duration.ofSeconds(20)).until(d -> "APPROVE".equals(
                    browser.byTest("progress-" + code).getDomAttribute("data-state")));
            browser.screen("joint-" + code, "approved");
            Console.signOut(browser);
        }

        // fan-in: the last approval moves the case on; the window issues its result
        ServiceCase approved = awaitStatus(window, c.id(), CaseStatus.APPROVED);
        assertEquals(CaseStatus.APPROVED, approved.status());
        Console.signIn(browser, "window");
        browser.driver().get(LocalConsole.console("cases/" + c.id()));
        browser.await().until(d -> "APPROVED".equals(browser.byTest("case-status").getDomAttribute("data-status")));
        browser.screen("joint-window", "approved");
        browser.byTest("case-action-result").click();
        Console.type(browser, "result-number", "FA-2025-WEB1");
        browser.byTest("dialog-submit").click();
        browser.await(Duration.ofSeconds(30)).until(d -> "RESULT_READY".equals(
                browser.byTest("case-status").getDomAttribute("data-status")));
        browser.screen("joint-window", "result-ready");
        assertEquals(CaseStatus.RESULT_READY, window.cases().get(c.id()).status());
        Console.signOut(browser);
    }

    /** The department's pending task of the case, once the approval worker has delivered it. */
    static String awaitPendingTask(String code, String caseId) throws InterruptedException {
        OneWindowClient dept = LocalConsole.client("demo-dept-" + code);
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end) {
            for (Task t : dept.tasks().list(code, TaskStatus.PENDING, 50)) {
                if (t.caseId().equals(caseId)) {
                    return t.taskId();
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no pending task of " + caseId + " delivered to " + code + " in 90 s");
    }

    static ServiceCase awaitStatus(OneWindowClient window, String caseId, CaseStatus status)
            throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ServiceCase c = window.cases().get(caseId);
        while (c.status() != status && System.nanoTime() < end) {
            Thread.sleep(250);
            c = window.cases().get(caseId);
        }
        return c;
    }
}
