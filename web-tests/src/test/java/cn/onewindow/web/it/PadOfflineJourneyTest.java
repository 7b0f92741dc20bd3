package cn.onewindow.web.it;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.model.Applicant;
import cn.onewindow.sdk.model.DecisionOutcome;
import cn.onewindow.sdk.model.EvaluationChannel;
import cn.onewindow.sdk.model.EvaluationLevel;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.Rating;
import cn.onewindow.sdk.model.ServiceCase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rating PAD (评价器) offline: set up at /pad/ with the demo terminal's token (bound to window 1), window staff
 * ask for ratings of six cases, the network goes away (Chromium's network emulation), the applicants rate (one
 * bad rating with reasons; one case was meanwhile rated elsewhere), the PAD is reloaded from its service worker,
 * the network comes back: the server holds exactly one rating per case, the five from the PAD as given, and the
 * one it refuses is shown as not accepted and is not sent again. Elderly-friendly numbers and axe on each screen.
 */
@ExtendWith(LocalConsole.class)
class PadOfflineJourneyTest {
    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.phone();
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String PHONE = "13812349876";

    /** An immediate 企业设立登记 case, approved and its result issued: rateable. */
    static String rateableCase(OneWindowClient window, int n) {
        ServiceCase c = window.cases().submit(NewCase.builder().itemCode(DemoData.ITEM_COMPANY_REGISTRATION)
                .channel(cn.onewindow.sdk.model.Channel.WINDOW)
                .applicant(Applicant.person("评价测试" + "甲乙丙丁戊己".charAt(n), "330110198501013354", PHONE))
                .materials(Material.of("M01"), Material.of("M02"), Material.of("M03"), Material.of("M04"),
                        Material.of("M05"), Material.of("M06")).build());
        window.cases().decide(c.id(), DecisionOutcome.APPROVE, List.of());
        window.cases().issueResult(c.id(), "PAD-" + n);
        return c.id();
    }

    static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(LocalConsole.baseUrl() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
        if (body != null) {
            b.header("Content-Type", "application/json").header("Idempotency-Key", "pad-journey-" + path)
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void ratingsGivenOfflineAreSentOnceWhenTheNetworkComesBack() throws Exception {
        OneWindowClient window = LocalConsole.client("demo-window");
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) cases.add(rateableCase(window, i));
        for (String id : cases) {
            HttpResponse<String> r = call("POST", "/v1/cases/" + id + "/rating-request", "demo-window",
                    "{\"windowId\":\"" + DemoData.DEMO_PAD_WINDOW + "\"}");
            assertEquals(201, r.statusCode(), r.body());
        }

        // set up once with the device token
        browser.driver().get(LocalConsole.baseUrl() + "/pad/");
        browser.byTest("setup-token").sendKeys("demo-terminal");
        browser.byTest("setup-save").click();
        browser.await(Duration.ofSeconds(30)).until(d -> !d.findElements(BrowserExtension.testId("pad-rate")).isEmpty());
        // the service worker controls the page: the app shell is cached
        browser.await(Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.driver().executeScript(
                "return !!navigator.serviceWorker && !!navigator.serviceWorker.controller")));
        assertElderlyFriendly("rate");
        browser.screen("pad", "rate-phone");
        browser.resizeViewport(Chrome.TABLET_LANDSCAPE);
        assertElderlyFriendly("rate (tablet)");
        browser.screen("pad", "rate-tablet");
        browser.resizeViewport(Chrome.PHONE);

        // the network goes away
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        offline.setLatency(Duration.ZERO);
        browser.driver().setNetworkConditions(offline);
        browser.await(Duration.ofSeconds(20)).until(d -> browser.byTest("pad-network").getText().contains("离线"));
        // meanwhile the last case is rated elsewhere (SMS), differently: the PAD's rating of it will be refused
        OneWindowClient sms = LocalConsole.client("demo-terminal");
        sms.evaluations().rate(Rating.builder().caseId(cases.get(5)).level(EvaluationLevel.VERY_SATISFIED)
                .channel(EvaluationChannel.SMS).applicantConfirmation(PHONE.substring(7)).build());

        Map<String, String> given = new LinkedHashMap<>();
        String[] levels = {"VERY_SATISFIED", "SATISFIED", "BASIC", "DISSATISFIED", "SATISFIED", "BASIC"};
        for (int i = 0; i < 6; i++) {
            String shown = browser.await(Duration.ofSeconds(30)).until(d -> {
                var el = d.findElements(BrowserExtension.testId("pad-rate"));
                return el.isEmpty() ? null : el.get(0).getAttribute("data-case");
            });
            assertTrue(cases.contains(shown), "only this journey's cases wait at window 1: " + shown);
            String level = levels[cases.indexOf(shown)];
            browser.byTest("pad-level-" + level).click();
            if (level.equals("DISSATISFIED")) {
                browser.byTest("pad-reasons");
                browser.byTest("pad-submit").click();
                browser.byTest("pad-reason-hint"); // a reason or a word is asked for
                browser.byTest("pad-reason-0").click();
                browser.byTest("pad-reason-2").click();
                browser.byTest("pad-text").sendKeys("希望增加自助复印机");
                assertElderlyFriendly("reasons");
                browser.screen("pad", "reasons-phone");
                browser.byTest("pad-submit").click();
            }
            browser.byTest("pad-thanks");
            if (i == 0) browser.screen("pad", "thanks-phone");
            given.put(shown, level);
            browser.await(Duration.ofSeconds(20)).until(d -> d.findElements(BrowserExtension.testId("pad-thanks"))
                    .isEmpty());
        }
        browser.byTest("pad-idle");
        assertTrue(browser.byTest("pad-network").getText().contains("待提交 6 条"),
                browser.byTest("pad-network").getText());

        // reloaded without a network: the shell comes from the service worker, the ratings from IndexedDB
        browser.driver().navigate().refresh();
        browser.await(Duration.ofSeconds(30)).until(d -> !d.findElements(BrowserExtension.testId("pad-idle")).isEmpty()
                && browser.byTest("pad-network").getText().contains("待提交 6 条"));
        for (String id : cases.subList(0, 5)) {
            assertEquals(404, evaluationStatus(id), "nothing reached the server while offline: " + id);
        }

        // the network comes back: sent, ingested, the refused one shown as not accepted
        browser.driver().deleteNetworkConditions();
        browser.await(Duration.ofSeconds(90)).until(d -> !d.findElements(By.cssSelector(
                "[data-test=pad-rejected][data-case='" + cases.get(5) + "']")).isEmpty()
                && !browser.byTest("pad-network").getText().contains("待提交"));
        String rejected = browser.driver().findElement(By.cssSelector("[data-test=pad-rejected]")).getText();
        assertTrue(rejected.contains("ALREADY_RATED"), rejected);
        assertEquals(1, browser.driver().findElements(BrowserExtension.testId("pad-rejected")).size());
        browser.screen("pad", "idle-rejected-phone");

        for (int i = 0; i < 6; i++) {
            String id = cases.get(i);
            JsonNode e = JSON.readTree(call("GET", "/v1/evaluations/" + id + "-E1", "demo-supervisor", null).body());
            assertEquals(404, call("GET", "/v1/evaluations/" + id + "-E2", "demo-supervisor", null).statusCode(),
                    "one rating per case, none twice: " + id);
            if (i == 5) {
                assertEquals("VERY_SATISFIED", e.path("level").asText(), "the rating given elsewhere stands");
                assertEquals("SMS", e.path("channel").asText());
                continue;
            }
            assertEquals(given.get(id), e.path("level").asText(), id);
            assertEquals("PAD", e.path("channel").asText());
            assertEquals(DemoData.DEMO_PAD_WINDOW, e.path("windowId").asText());
            assertEquals("window-001", e.path("staffId").asText());
            assertEquals("terminal-001", e.path("source").asText());
            if (given.get(id).equals("DISSATISFIED")) {
                assertEquals("原因：办理时间长、材料要求多；希望增加自助复印机", e.path("comment").asText());
            }
        }
        // not retried forever: a further round sends nothing more (the refused rating stays refused)
        Thread.sleep(4000);
        assertEquals(1, browser.driver().findElements(BrowserExtension.testId("pad-rejected")).size());
    }

    private static int evaluationStatus(String id) throws Exception {
        return call("GET", "/v1/evaluations/" + id + "-E1", "demo-supervisor", null).statusCode();
    }

    /**
     * The PAD's numbers, measured in the page: every visible text at least 24 px with a line height of at least 1.3,
     * every button at least 60 × 60 px.
     */
    @SuppressWarnings("unchecked")
    private static void assertElderlyFriendly(String screen) {
        List<String> problems = (List<String>) browser.driver().executeScript("""
                const out = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  if (!n.textContent.trim()) continue;
                  const el = n.parentElement;
                  const r = el.getBoundingClientRect();
                  const cs = getComputedStyle(el);
                  if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden' || cs.display === 'none') continue;
                  const size = parseFloat(cs.fontSize);
                  const lh = cs.lineHeight === 'normal' ? 1.2 * size : parseFloat(cs.lineHeight);
                  if (size < 24) out.push('text < 24px: ' + n.textContent.trim().slice(0, 30) + ' (' + size + ')');
                  if (lh / size < 1.3) out.push('line-height < 1.3: ' + n.textContent.trim().slice(0, 30));
                }
                for (const b of document.querySelectorAll('button, textarea, input')) {
                  const r = b.getBoundingClientRect();
                  if (r.width === 0) continue;
                  if (r.width < 60 || r.height < 60) out.push('target < 60x60: ' + (b.textContent.trim() || b.id)
                    + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
                }
                return out;
                """);
        assertTrue(problems.isEmpty(), screen + ": " + problems);
    }
}
