package cn.onewindow.web.it;

import cn.onewindow.local.web.FrontDoor;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The harness itself, against static pages served with the local front door's security headers (its
 * {@code Content-Security-Policy} with {@code script-src 'self'}) by a tiny HTTP server: the browser runs the page's own
 * script file and refuses its inline script; axe loads and runs under that policy, finds nothing on a clean page
 * and names rule, impact and selector on a broken one; screenshots have the asked size; a failure leaves the page.
 */
class HarnessSelfTest {
    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.desktop();

    private static HttpServer server;
    private static String base;

    private static final Map<String, String> PAGES = Map.of(
            "/good.html", """
                    <!doctype html>
                    <html lang="zh-CN"><head><meta charset="utf-8"><title>自检页面</title>
                    <script>document.title = 'inline script ran'</script>
                    <script src="/app.js" defer></script></head>
                    <body><header><h1>一窗受理 自检</h1></header>
                    <main><h2>登录</h2>
                    <label for="u">用户名</label> <input id="u" data-test="username">
                    <button type="button" data-test="submit">登录</button>
                    <p id="out" data-test="out"></p></main></body></html>
                    """,
            "/app.js", """
                    document.querySelector('[data-test=submit]').addEventListener('click', () => {
                      document.getElementById('out').textContent = '已提交：' + document.getElementById('u').value;
                    });
                    """,
            "/bad.css", "#faint { color: #c8c8c8; background: #fff; }",
            "/bad.html", """
                    <!doctype html>
                    <html lang="zh-CN"><head><meta charset="utf-8"><title>坏页面</title>
                    <link rel="stylesheet" href="/bad.css"></head>
                    <body><main><h1>坏页面</h1>
                    <img id="pic" src="/nothing.png">
                    <button id="mute" type="button"></button>
                    <input id="nolabel" type="text">
                    <p id="faint">看不清的字</p>
                    </main></body></html>
                    """);

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = PAGES.get(exchange.getRequestURI().getPath());
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            exchange.getResponseHeaders().set("Content-Type",
                    path.endsWith(".js") ? "text/javascript; charset=utf-8"
                            : path.endsWith(".css") ? "text/css" : "text/html; charset=utf-8");
            FrontDoor.SECURITY_HEADERS.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        base = "http://localhost:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void thePagesOwnScriptRunsItsInlineScriptIsRefusedAndAxeFindsNothingOnACleanPage() throws IOException {
        ChromeDriver d = browser.driver();
        d.get(base + "/good.html");
        browser.byTest("username").sendKeys("张三");
        browser.byTest("submit").click();
        browser.await().until(x -> "已提交：张三".equals(x.findElement(BrowserExtension.testId("out")).getText()));
        assertEquals("自检页面", d.getTitle(), "the policy refuses the inline script");
        assertTrue(browser.consoleLog().stream().anyMatch(l -> l.contains("Content Security Policy")),
                "the refusal is in the console log");

        assertEquals(List.of(), Axe.run(d), "axe loads under script-src 'self' and the clean page passes");
        Path shot = browser.screen("selftest", "good");
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(1440, image.getWidth());
        assertEquals(900, image.getHeight());
    }

    @Test
    void axeNamesRuleImpactAndSelectorOfEveryBlockingViolation() {
        ChromeDriver d = browser.driver();
        d.get(base + "/bad.html");
        List<Axe.Violation> found = Axe.run(d);
        List<String> ids = found.stream().map(Axe.Violation::id).toList();
        assertTrue(ids.containsAll(List.of("image-alt", "button-name", "label", "color-contrast")), ids.toString());

        AssertionError e = assertThrows(AssertionError.class, () -> browser.screen("selftest", "bad"));
        assertTrue(e.getMessage().contains("image-alt [critical]"), e.getMessage());
        assertTrue(e.getMessage().contains("[\"#pic\"]"), e.getMessage());
        assertTrue(e.getMessage().contains("color-contrast [serious]"), e.getMessage());
        assertTrue(e.getMessage().contains("[\"#faint\"]"), e.getMessage());
        assertTrue(Files.isRegularFile(BrowserExtension.SCREENSHOTS.resolve("selftest-bad.png")));
    }

    @Test
    void aFailureLeavesScreenshotPageSourceAndConsoleLog() throws IOException {
        ChromeDriver d = browser.driver();
        d.get(base + "/good.html");
        d.findElement(By.id("u")).sendKeys("x");
        List<Path> files = browser.captureFailure("HarnessSelfTest.selfCheck");
        assertEquals(3, files.size(), files.toString());
        assertTrue(Files.readString(files.get(1)).contains("/good.html"));
        assertTrue(Files.readString(files.get(1)).contains("一窗受理 自检"));
        assertTrue(Files.readString(files.get(2)).contains("Content Security Policy"));
        Files.delete(files.get(0));
        Files.delete(files.get(1));
        Files.delete(files.get(2));
    }

    @Test
    void aPhoneSizedBrowserHasA390By844Viewport() {
        ChromeDriver phone = Chrome.start(Chrome.PHONE);
        try {
            phone.get(base + "/good.html");
            assertEquals(List.of(390L, 844L), phone.executeScript("return [window.innerWidth, window.innerHeight]"));
        } finally {
            phone.quit();
        }
    }
}
