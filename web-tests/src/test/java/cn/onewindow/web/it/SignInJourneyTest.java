package cn.onewindow.web.it;

import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.demo.DemoData;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Journey 1 (issue 19): every demo staff user signs in and lands on the console home with their role shown; a wrong
 * password shows the problem's message; five wrong passwords lock the account (423 message); sign-out returns to the
 * sign-in page and going back shows no data. axe checks every screen.
 */
@ExtendWith(LocalConsole.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInJourneyTest {
    /** The user this class locks (no other journey signs in as it: the terminal journey signs in as "agent"). */
    static final String LOCKED_USER = "staff";

    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.desktop();

    @Test
    @Order(1)
    void everyDemoStaffUserLandsOnTheHomeWithTheirRoleShown() {
        browser.driver().get(LocalConsole.console(""));
        browser.await().until(d -> d.getCurrentUrl().contains("/console/signin"));
        browser.byTest("username");
        browser.screen("signin", "page");
        for (String user : DemoData.users().keySet()) {
            Caller c = Console.signIn(browser, user);
            String role = Console.ROLE_ZH.get(c.role().name());
            assertEquals(c.name() + " · " + role, browser.byTest("who").getText(), user);
            assertTrue(browser.driver().getCurrentUrl().endsWith("/console/"), browser.driver().getCurrentUrl());
            WebElement scope = browser.driver().findElement(org.openqa.selenium.By.cssSelector("dl.scope"));
            assertTrue(scope.getText().contains(role), user + ": " + scope.getText());
            browser.screen("signin-" + user, "home");
            Console.signOut(browser);
        }
    }

    @Test
    @Order(2)
    void aWrongPasswordShowsTheProblemsMessageAndNoSession() {
        browser.driver().get(LocalConsole.console("signin"));
        Console.submitSignIn(browser, "window", "not-the-password");
        WebElement error = browser.byTest("signin-error");
        assertEquals("用户名或密码错误（INVALID_CREDENTIALS）", error.getText().trim());
        assertTrue(browser.driver().getCurrentUrl().contains("/console/signin"));
        assertEquals(401, Console.statusFromPage(browser, "/v1/sessions/current"));
        browser.screen("signin", "wrong-password");
    }

    @Test
    @Order(3)
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        browser.driver().get(LocalConsole.console("signin"));
        for (int i = 1; i <= 4; i++) {
            assertEquals("用户名或密码错误（INVALID_CREDENTIALS）",
                    Console.refusedSignIn(browser, LOCKED_USER, "wrong-" + i), "attempt " + i);
        }
        assertEquals("密码连续错误5次，账号已锁定15分钟（ACCOUNT_LOCKED）",
                Console.refusedSignIn(browser, LOCKED_USER, "wrong-5"));
        browser.screen("signin", "locked");

        // the right password no longer opens the account
        assertEquals("密码连续错误5次，账号已锁定15分钟（ACCOUNT_LOCKED）",
                Console.refusedSignIn(browser, LOCKED_USER, DemoData.DEMO_PASSWORD));
        assertTrue(browser.driver().getCurrentUrl().contains("/console/signin"));
        assertEquals(401, Console.statusFromPage(browser, "/v1/sessions/current"));
    }

    @Test
    @Order(4)
    void afterSignOutTheBackButtonShowsNoData() {
        Caller c = Console.signIn(browser, "window");
        // a second screen in the history, so "back" has somewhere signed-in to go
        browser.driver().get(LocalConsole.console("?from=history"));
        browser.await().until(d -> d.findElements(BrowserExtension.testId("who")).size() == 1);
        Console.signOut(browser);
        browser.screen("signout", "signin");

        browser.driver().navigate().back();
        browser.await().until(d -> d.getCurrentUrl().contains("/console/signin")
                && !d.findElements(BrowserExtension.testId("username")).isEmpty());
        browser.driver().navigate().back();
        browser.await().until(d -> "complete".equals(browser.driver().executeScript("return document.readyState")));
        browser.await().until(d -> d.getCurrentUrl().contains("/console/signin")
                || !d.getCurrentUrl().contains("/console/"));
        String page = browser.driver().getPageSource();
        assertFalse(page.contains(c.name()), "the signed-out caller's name is not on the page");
        assertTrue(browser.driver().findElements(BrowserExtension.testId("who")).isEmpty());
        assertEquals(401, Console.statusFromPage(browser, "/v1/sessions/current"));
        List<String> log = browser.consoleLog();
        assertTrue(log.stream().noneMatch(l -> l.contains("SEVERE") && l.contains("Uncaught")), log.toString());
    }
}
