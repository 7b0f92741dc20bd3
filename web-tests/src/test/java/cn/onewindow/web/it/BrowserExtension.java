package cn.onewindow.web.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One headless Chromium per test class ({@code @RegisterExtension static final BrowserExtension browser = ...}),
 * opened before the first test and closed after the last. Every main screen a journey visits goes through
 * {@link #screen}: a screenshot to {@code target/screenshots/<journey>-<step>.png} and axe's WCAG 2 A/AA check. When
 * a test fails, the page it was on (screenshot, page source, browser console log) is written to
 * {@code target/screenshots/failures/<class>.<test>.*}.
 */
public final class BrowserExtension implements BeforeAllCallback, AfterAllCallback, TestWatcher {
    static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    static final Path FAILURES = SCREENSHOTS.resolve("failures");

    private final Dimension size;
    private ChromeDriver driver;
    /** Console lines read so far (reading the log drains it): kept for the failure report. */
    private final List<String> console = new ArrayList<>();

    private BrowserExtension(Dimension size) {
        this.size = size;
    }

    public static BrowserExtension desktop() {
        return new BrowserExtension(Chrome.DESKTOP);
    }

    public static BrowserExtension phone() {
        return new BrowserExtension(Chrome.PHONE);
    }

    /** The viewport resized (e.g. a phone turned into a tablet), corrected for the window's own chrome. */
    public void resizeViewport(Dimension to) {
        driver.manage().window().setSize(to);
        Object inner = driver.executeScript("return [window.innerWidth, window.innerHeight]");
        if (inner instanceof List<?> l && l.size() == 2) {
            int dw = to.getWidth() - ((Number) l.get(0)).intValue();
            int dh = to.getHeight() - ((Number) l.get(1)).intValue();
            if (dw != 0 || dh != 0) {
                Dimension outer = driver.manage().window().getSize();
                driver.manage().window().setSize(new Dimension(outer.getWidth() + dw, outer.getHeight() + dh));
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        driver = Chrome.start(size);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Dimension size() {
        return size;
    }

    public WebDriverWait await() {
        return await(Duration.ofSeconds(20));
    }

    public WebDriverWait await(Duration d) {
        WebDriverWait w = new WebDriverWait(driver, d, Duration.ofMillis(100));
        w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return w;
    }

    /** The visible element with {@code data-test="<id>"}, waited for. */
    public WebElement byTest(String id) {
        return await().until(ExpectedConditions.visibilityOfElementLocated(testId(id)));
    }

    public static By testId(String id) {
        return By.cssSelector("[data-test=\"" + id + "\"]");
    }

    /** A main screen of a journey: screenshot {@code <journey>-<step>.png}, then axe (fails on serious/critical). */
    public Path screen(String journey, String step) {
        Path shot = screenshot(journey, step);
        Axe.check(driver, journey + "-" + step);
        return shot;
    }

    /** Only the screenshot, for states axe need not see twice. */
    public Path screenshot(String journey, String step) {
        settle();
        Path file = SCREENSHOTS.resolve(safe(journey) + "-" + safe(step) + ".png");
        write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** Waits for the document to be loaded, web fonts to be ready and Element Plus' transitions to end. */
    private void settle() {
        await().until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (document.fonts ? document.fonts.ready : Promise.resolve()).then(() => setTimeout(done, 350));
                """);
    }

    /** The browser console lines since the last call (and remembered for a failure report). */
    public List<String> consoleLog() {
        List<String> lines = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            lines.add(Instant.ofEpochMilli(e.getTimestamp()) + " " + e.getLevel() + " " + e.getMessage());
        }
        console.addAll(lines);
        return lines;
    }

    /** Writes the current page (screenshot, source, console log) to target/screenshots/failures/{name}.*. */
    public List<Path> captureFailure(String name) {
        List<Path> written = new ArrayList<>();
        if (driver == null) {
            return written;
        }
        String base = safe(name);
        try {
            Path png = FAILURES.resolve(base + ".png");
            write(png, driver.getScreenshotAs(OutputType.BYTES));
            written.add(png);
        } catch (RuntimeException e) {
            System.err.println("[web-tests] no failure screenshot: " + e);
        }
        try {
            Path html = FAILURES.resolve(base + ".html");
            write(html, ("<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource())
                    .getBytes(StandardCharsets.UTF_8));
            written.add(html);
        } catch (RuntimeException e) {
            System.err.println("[web-tests] no failure page source: " + e);
        }
        try {
            consoleLog();
            Path log = FAILURES.resolve(base + ".console.log");
            write(log, String.join("\n", console).getBytes(StandardCharsets.UTF_8));
            written.add(log);
        } catch (RuntimeException e) {
            System.err.println("[web-tests] no failure console log: " + e);
        }
        return written;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        List<Path> files = captureFailure(context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName());
        if (!files.isEmpty()) {
            System.err.println("[web-tests] " + context.getDisplayName() + " failed; the page is in " + files);
        }
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
