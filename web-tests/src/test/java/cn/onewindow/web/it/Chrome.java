package cn.onewindow.web.it;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;

/**
 * The machine's Chromium and chromedriver, headless; nothing is downloaded (both paths are given explicitly, so
 * Selenium Manager is never asked, and SE_OFFLINE/SE_AVOID_STATS are set by the pom). Paths:
 * {@code -Donewindow.chromium=} / {@code CHROME_BIN} and {@code -Donewindow.chromedriver=} / {@code CHROMEDRIVER},
 * else {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}. When either is missing the browser tests are
 * skipped with a message, or fail when the environment variable {@code CI} is set (CI installs them).
 */
final class Chrome {
    /** The desktop console size. */
    static final Dimension DESKTOP = new Dimension(1440, 900);
    /** A phone (390×844 CSS pixels). */
    static final Dimension PHONE = new Dimension(390, 844);
    /** A tablet on its side (1024×768 CSS pixels), e.g. the rating PAD at a window. */
    static final Dimension TABLET_LANDSCAPE = new Dimension(1024, 768);

    private Chrome() {
    }

    static Path binary() {
        return path("onewindow.chromium", "CHROME_BIN", "/usr/bin/chromium");
    }

    static Path driverExecutable() {
        return path("onewindow.chromedriver", "CHROMEDRIVER", "/usr/bin/chromedriver");
    }

    private static Path path(String property, String env, String fallback) {
        String p = System.getProperty(property);
        if (p == null || p.isBlank()) {
            p = System.getenv(env);
        }
        return Path.of(p == null || p.isBlank() ? fallback : p);
    }

    /** Skips (or, under CI, fails) the calling test class when Chromium or chromedriver is not installed. */
    static void requireInstalled() {
        Path browser = binary();
        Path driver = driverExecutable();
        boolean ok = Files.isExecutable(browser) && Files.isExecutable(driver);
        if (ok) {
            return;
        }
        String message = "browser tests need Chromium and chromedriver: " + browser + " "
                + (Files.isExecutable(browser) ? "found" : "MISSING") + ", " + driver + " "
                + (Files.isExecutable(driver) ? "found" : "MISSING")
                + " (Debian: apt-get install chromium chromium-driver fonts-noto-cjk; .ci/run does it)";
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(message);
        }
        Assumptions.abort(message + " - skipped");
    }

    /** A headless Chromium with its window (viewport) at {@code size}, zh-CN first, console log kept. */
    static ChromeDriver start(Dimension size) {
        requireInstalled();
        ChromeOptions o = new ChromeOptions();
        o.setBinary(binary().toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-sync", "--disable-component-update",
                "--force-device-scale-factor=1", "--lang=zh-CN",
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        o.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh,en"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverExecutable().toFile()).usingAnyFreePort()
                .withSilent(true).build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // headless: make the viewport exactly the size asked for (the window's outer size includes no chrome)
        Object inner = d.executeScript("return [window.innerWidth, window.innerHeight]");
        if (inner instanceof java.util.List<?> l && l.size() == 2
                && (((Number) l.get(0)).intValue() != size.getWidth()
                || ((Number) l.get(1)).intValue() != size.getHeight())) {
            int dw = size.getWidth() - ((Number) l.get(0)).intValue();
            int dh = size.getHeight() - ((Number) l.get(1)).intValue();
            Dimension outer = d.manage().window().getSize();
            d.manage().window().setSize(new Dimension(outer.getWidth() + dw, outer.getHeight() + dh));
        }
        return d;
    }
}
