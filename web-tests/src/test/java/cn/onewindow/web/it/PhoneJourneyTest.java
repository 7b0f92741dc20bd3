package cn.onewindow.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Journey 2 (issue 19): the console at phone size (390×844): sign-in fits, the side menu gives way to a menu button,
 * which opens the drawer with the same entries; choosing one closes it. axe checks each screen.
 */
@ExtendWith(LocalConsole.class)
class PhoneJourneyTest {
    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.phone();

    @Test
    void thePhoneConsoleOpensTheDrawerMenu() {
        browser.driver().get(LocalConsole.console("signin"));
        browser.byTest("username");
        assertFalse(horizontallyScrolled(), "the sign-in page fits 390 px");
        browser.screen("phone", "signin");

        Console.signIn(browser, "admin");
        // the side menu is hidden at phone width: the header's menu button stands for it
        assertFalse(browser.driver().findElement(By.cssSelector("nav.console-nav")).isDisplayed());
        assertFalse(horizontallyScrolled(), "the home fits 390 px");
        browser.screen("phone", "home");

        WebElement menu = browser.await().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("header button[aria-label=\"菜单\"]")));
        menu.click();
        WebElement drawer = browser.await().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".el-drawer nav")));
        List<WebElement> links = drawer.findElements(By.cssSelector("a"));
        assertTrue(links.size() >= 1, "the drawer lists the menu");
        assertEquals("首页", links.get(0).getText().trim());
        browser.await().until(d -> drawer.getRect().getX() >= 0);
        browser.screen("phone", "drawer");

        links.get(0).click();
        browser.await().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".el-drawer nav")));
        assertTrue(browser.driver().getCurrentUrl().endsWith("/console/"));
    }

    private static boolean horizontallyScrolled() {
        return Boolean.TRUE.equals(browser.driver().executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth"));
    }
}
