package cn.onewindow.web.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * axe-core (the exact version pinned in web/package.json, read from web/node_modules/axe-core/axe.min.js, which the
 * web module's {@code npm ci} installs) run in the page under test with the WCAG 2 A and AA rules.
 *
 * <p>The source is handed to the page through WebDriver's execute-script, which Chromium evaluates through DevTools:
 * the page's {@code Content-Security-Policy: script-src 'self'} governs the page's own scripts, not this, and axe
 * itself uses no eval (HarnessSelfTest checks both under that policy).
 */
final class Axe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile String source;

    /** One failing rule: its id, impact, help text and the CSS selectors of the failing elements. */
    record Violation(String id, String impact, String help, List<String> targets) {
        boolean blocking() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return id + " [" + impact + "] " + help + " at " + targets;
        }
    }

    private Axe() {
    }

    static Path script() {
        Path root = Path.of(System.getProperty("onewindow.root", "..")).toAbsolutePath().normalize();
        return root.resolve("web/node_modules/axe-core/axe.min.js");
    }

    private static String source() {
        String s = source;
        if (s == null) {
            Path p = script();
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException(p + " is missing: run `npm ci` in web/ (the web module's build does)");
            }
            try {
                s = Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            source = s;
        }
        return s;
    }

    /** Every WCAG 2 A/AA violation on the current page. */
    static List<Violation> run(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(source());
            if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
                throw new IllegalStateException("axe-core did not load into " + driver.getCurrentUrl());
            }
        }
        Object out = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.axe.run(document, {
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
                    resultTypes: ['violations']
                }).then(r => done(JSON.stringify(r.violations)), e => done('ERROR ' + e));
                """);
        String text = String.valueOf(out);
        if (text.startsWith("ERROR ")) {
            throw new IllegalStateException("axe.run failed on " + driver.getCurrentUrl() + ": " + text);
        }
        try {
            List<Violation> list = new ArrayList<>();
            for (JsonNode v : JSON.readTree(text)) {
                List<String> targets = new ArrayList<>();
                for (JsonNode n : v.path("nodes")) {
                    targets.add(n.path("target").toString());
                }
                list.add(new Violation(v.path("id").asText(), v.path("impact").asText(), v.path("help").asText(),
                        targets));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with every serious or critical violation (rule id, impact, failing selectors); prints the others. */
    static void check(WebDriver driver, String screen) {
        List<Violation> all = run(driver);
        List<Violation> blocking = all.stream().filter(Violation::blocking).toList();
        all.stream().filter(v -> !v.blocking()).forEach(v -> System.out.println("[axe] " + screen + ": " + v));
        if (!blocking.isEmpty()) {
            StringBuilder b = new StringBuilder("axe: " + blocking.size() + " serious/critical WCAG 2 A/AA violation(s) on "
                    + screen + " (" + driver.getCurrentUrl() + "):");
            blocking.forEach(v -> b.append("\n  ").append(v));
            throw new AssertionError(b.toString());
        }
    }
}
