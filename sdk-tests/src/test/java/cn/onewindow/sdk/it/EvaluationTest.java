package cn.onewindow.sdk.it;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.sdk.ConflictException;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.RequestOptions;
import cn.onewindow.sdk.StatsQuery;
import cn.onewindow.sdk.model.Applicant;
import cn.onewindow.sdk.model.CaseStatus;
import cn.onewindow.sdk.model.Channel;
import cn.onewindow.sdk.model.DecisionOutcome;
import cn.onewindow.sdk.model.Evaluation;
import cn.onewindow.sdk.model.EvaluationBatchStatus;
import cn.onewindow.sdk.model.EvaluationChannel;
import cn.onewindow.sdk.model.EvaluationLevel;
import cn.onewindow.sdk.model.Figures;
import cn.onewindow.sdk.model.GroupBy;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.Rating;
import cn.onewindow.sdk.model.ServiceCase;
import cn.onewindow.sdk.model.StatsReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 好差评 through the SDK against the running local system (the batch goes through its queue and ingestion function). */
@ExtendWith(LocalPlatform.class)
public class EvaluationTest {

    /** A 企业设立登记 case (immediate) accepted at the window, approved, issued and delivered. */
    public static ServiceCase delivered() {
        OneWindowClient window = LocalPlatform.client("demo-window");
        Applicant applicant = LocalPlatform.villager();
        ServiceCase c = window.cases().submit(NewCase.builder().itemCode(DemoData.ITEM_COMPANY_REGISTRATION)
                .channel(Channel.WINDOW).applicant(applicant)
                .materials(Material.of("M01"), Material.of("M02"), Material.of("M03"), Material.of("M04"),
                        Material.of("M05"), Material.of("M06")).build());
        window.cases().decide(c.id(), DecisionOutcome.APPROVE, null);
        window.cases().issueResult(c.id(), null);
        ServiceCase d = window.cases().deliver(c.id(), applicant.name(), "本人签收");
        assertEquals(CaseStatus.DELIVERED, d.status());
        return d;
    }

    static Rating rating(String caseId, EvaluationLevel level) {
        return Rating.builder().caseId(caseId).level(level).channel(EvaluationChannel.TERMINAL)
                .applicantConfirmation("5678").windowId("W03").build();
    }

    @Test
    void aTerminalRatesOnceARetryIsTheSameAndASecondRatingIsRefused() {
        OneWindowClient terminal = LocalPlatform.client("demo-terminal");
        ServiceCase c = delivered();
        RequestOptions key = RequestOptions.idempotencyKey("rate-" + UUID.randomUUID());
        Evaluation e = terminal.evaluations().rate(rating(c.id(), EvaluationLevel.SATISFIED), key);
        assertEquals(c.id() + "-E1", e.id());
        assertEquals(1, e.round());
        assertEquals(EvaluationLevel.SATISFIED, e.level());
        assertEquals(EvaluationChannel.TERMINAL, e.channel());
        assertEquals(DemoData.ITEM_COMPANY_REGISTRATION, e.itemCode());
        assertEquals("scjg", e.departmentCode());
        assertEquals("W03", e.windowId());
        assertEquals("terminal-001", e.source());            // the caller id behind the demo-terminal token
        assertFalse(e.replayed());

        Evaluation again = terminal.evaluations().rate(rating(c.id(), EvaluationLevel.SATISFIED), key);
        assertTrue(again.replayed(), "the retry is answered with the stored rating");
        assertEquals(e.toBuilder().replayed(true).build(), again);
        // the same rating under a new key is still not a second vote
        assertEquals(e.id(), terminal.evaluations().rate(rating(c.id(), EvaluationLevel.SATISFIED)).id());
        assertEquals(e, terminal.evaluations().get(e.id()));

        ConflictException x = assertThrows(ConflictException.class,
                () -> terminal.evaluations().rate(rating(c.id(), EvaluationLevel.VERY_DISSATISFIED)));
        assertEquals("ALREADY_RATED", x.code());
        assertEquals(409, x.status());

        // the supervisor's figures count it once
        YearMonth month = YearMonth.from(e.ratedAt().atZone(ZoneId.of("Asia/Shanghai")));
        StatsReport r = LocalPlatform.client("demo-supervisor").stats()
                .figures(StatsQuery.month(DemoData.COUNTY_CENTER, month, GroupBy.WINDOW));
        Figures w03 = r.groups().stream().filter(g -> "W03".equals(g.group())).findFirst().orElseThrow();
        assertTrue(w03.rated() >= 1 && w03.satisfied() >= 1);
        assertNotNull(r.total().satisfactionRate());
        assertNotNull(r.total().openRectifications());
    }

    @Test
    void aBatchIsIngestedFromTheQueueWithItsBadRecordsReportedOneByOne() throws InterruptedException {
        OneWindowClient terminal = LocalPlatform.client("demo-terminal");
        ServiceCase a = delivered();
        ServiceCase b = delivered();
        String id = terminal.evaluations().submitBatch(Arrays.asList(
                rating(a.id(), EvaluationLevel.VERY_SATISFIED),
                rating("330110-NO-SUCH-CASE", EvaluationLevel.SATISFIED),
                rating(b.id(), EvaluationLevel.BASIC).toBuilder().applicantConfirmation("0000").build(),
                rating(b.id(), EvaluationLevel.BASIC).toBuilder().ratedAt(LocalPlatform.CLOCK_START).build()));
        assertNotNull(id);
        EvaluationBatchStatus s = terminal.evaluations().batch(id);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!s.done() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            s = terminal.evaluations().batch(id);
        }
        assertTrue(s.done(), "ingested by the local system's worker: " + s);
        assertEquals(id, s.batchId());
        assertEquals(4, s.records());
        assertEquals(2, s.accepted());
        assertEquals(2, s.rejected());
        assertEquals(2, s.errors().size());
        assertEquals(1, s.errors().get(0).index());
        assertEquals(2, s.errors().get(1).index());
        assertEquals("APPLICANT_NOT_CONFIRMED", s.errors().get(1).code());
        assertEquals(EvaluationLevel.VERY_SATISFIED, terminal.evaluations().get(a.id() + "-E1").level());
        assertEquals(id, terminal.evaluations().get(b.id() + "-E1").batchId());
    }

    @Test
    void thePadBoundToWindowOneListsTheStaffsRequestAndItsTokenConfirmsTheApplicant() throws Exception {
        ServiceCase c = delivered();
        // window staff press 请评价 (the console calls POST /v1/cases/{id}/rating-request)
        java.net.http.HttpResponse<String> asked = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(LocalPlatform.baseUrl() + "/v1/cases/"
                                + c.id() + "/rating-request")).header("Authorization", "Bearer demo-window")
                        .header("Content-Type", "application/json").header("Idempotency-Key", "ask-" + c.id())
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"windowId\":\""
                                + DemoData.DEMO_PAD_WINDOW + "\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, asked.statusCode(), asked.body());

        OneWindowClient pad = LocalPlatform.client("demo-terminal");
        cn.onewindow.sdk.model.PadRequests view = pad.evaluations().ratingRequests();
        assertEquals(DemoData.DEMO_PAD_WINDOW, view.windowId());
        cn.onewindow.sdk.model.PadRequest r = view.requests().stream().filter(x -> x.caseId().equals(c.id()))
                .findFirst().orElseThrow(AssertionError::new);
        assertEquals("企业设立登记（三证合一）", r.itemName());
        assertEquals("window-001", r.staffId());
        assertNotNull(r.requestedAt());
        assertFalse(r.applicantName().equals(c.applicant().name()), "masked");

        Evaluation e = pad.evaluations().rate(Rating.builder().caseId(c.id()).level(EvaluationLevel.BASIC)
                .channel(EvaluationChannel.PAD).applicantConfirmation(r.ratingToken()).build());
        assertEquals(DemoData.DEMO_PAD_WINDOW, e.windowId(), "the requesting window is rated");
        assertEquals("window-001", e.staffId());
        assertEquals(null, e.queueNumber(), "served without a ticket");
        assertFalse(pad.evaluations().ratingRequests().requests().stream().anyMatch(x -> x.caseId().equals(c.id())),
                "rated: no longer asked for");
    }
}
