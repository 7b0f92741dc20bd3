package cn.onewindow.web.it;

import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.demo.DemoData;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.Map;

/** What a person does in the console, shared by the journeys: sign in, sign out, type into a field. */
final class Console {
    /** The role names the console shows (zh-CN), as a person reads them. */
    static final Map<String, String> ROLE_ZH = Map.of("WINDOW", "综合窗口", "DEPARTMENT", "审批部门", "AGENT", "代办员",
            "STAFF", "中心工作人员", "SUPERVISOR", "电子监察", "TERMINAL", "评价终端", "ADMIN", "系统管理员");

    private Console() {
    }

    /** The {@code <input>} of a field marked {@code data-test="<id>"} (on the input itself or its wrapper). */
    static WebElement input(BrowserExtension b, String id) {
        return b.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "input[data-test=\"" + id + "\"], textarea[data-test=\"" + id + "\"], [data-test=\"" + id
                        + "\"] input, [data-test=\"" + id + "\"] textarea")));
    }

    /** Replaces a field's text the way a person does (select all, type), so Vue sees every input event. */
    static void type(BrowserExtension b, String id, String text) {
        WebElement e = input(b, id);
        e.click();
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        e.sendKeys(text);
    }

    /** Opens the sign-in page afresh and submits the user's name and password (no wait for the outcome). */
    static void submitSignIn(BrowserExtension b, String username, String password) {
        if (!b.driver().getCurrentUrl().contains("/console/signin")) {
            b.driver().get(LocalConsole.console("signin"));
        }
        type(b, "username", username);
        type(b, "password", password);
        b.byTest("submit").click();
    }

    /** Submits a sign-in that must be refused and returns the message shown for this very answer. */
    static String refusedSignIn(BrowserExtension b, String username, String password) {
        var before = b.driver().findElements(BrowserExtension.testId("signin-error"));
        submitSignIn(b, username, password);
        if (!before.isEmpty()) {
            // the alert leaves when the form is submitted and comes back with the answer
            b.await().until(ExpectedConditions.stalenessOf(before.get(0)));
        }
        return b.byTest("signin-error").getText().trim();
    }

    /** Signs a demo user in with the demo password and waits for the console frame to show who it is. */
    static Caller signIn(BrowserExtension b, String username) {
        Caller c = LocalConsole.callerOfUser(username);
        b.driver().get(LocalConsole.console("signin"));
        submitSignIn(b, username, DemoData.DEMO_PASSWORD);
        b.await().until(d -> {
            var who = d.findElements(BrowserExtension.testId("who"));
            // textContent: at phone width the header hides who is signed in
            return !who.isEmpty() && String.valueOf(who.get(0).getDomProperty("textContent")).contains(c.name());
        });
        return c;
    }

    /** Signs out through the header button and waits for the sign-in page. */
    static void signOut(BrowserExtension b) {
        b.byTest("sign-out").click();
        b.await().until(d -> d.getCurrentUrl().contains("/console/signin")
                && !d.findElements(BrowserExtension.testId("username")).isEmpty());
    }

    /** The status of {@code GET <path>} fetched by the page with its own cookie (what the browser may still read). */
    static long statusFromPage(BrowserExtension b, String path) {
        Object status = b.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: 'same-origin' }).then(r => done(r.status), e => done(-1));
                """, path);
        return ((Number) status).longValue();
    }
}
