package cn.onewindow.api;

import cn.onewindow.aws.Platform;
import cn.onewindow.aws.SqsEvaluationBatchQueue;
import cn.onewindow.core.cases.Applicant;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.Decision;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.catalog.MaterialRequirement;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.queue.QueueService;
import cn.onewindow.core.queue.Ticket;
import cn.onewindow.core.cases.usecase.CaseCommands;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static cn.onewindow.api.IntakeApiTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rating PAD (评价器) at window 1 of the demo center: staff ask for a rating, the bound PAD lists it (ETag /
 * 304), the rating goes through a batch with the request's token, twice, and is stored once with the queue number
 * the case was served under. Bad input and refusals are problem+json with stable codes.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class RatingPadApiTest {
    static final String W01 = DemoData.DEMO_PAD_WINDOW;

    @Inject
    Platform platform;

    /** A company registration taken in while its ticket was served at window 1, its result issued. */
    private String servedCase(boolean issued) {
        Caller window = DemoData.callers().get("demo-window");
        Ticket t = platform.queueService.take(DemoData.callers().get("demo-kiosk"), DemoData.COUNTY_CENTER,
                new QueueService.Take("A", null, null, null, null)).ticket();
        platform.queueStore.save(t, t.call(1, platform.clock.instant())).orElseThrow();
        platform.queueService.start(window, t.id());
        ServiceItem item = DemoData.items(Instant.EPOCH).stream()
                .filter(i -> i.code().equals(DemoData.ITEM_COMPANY_REGISTRATION)).findFirst().orElseThrow();
        List<SubmittedMaterial> materials = item.materials().stream().filter(MaterialRequirement::mandatory)
                .map(m -> new SubmittedMaterial(m.code(), m.copies())).toList();
        String id = platform.caseService.intake(window, new CaseCommands.Intake(item.code(), new Applicant("王小二", null,
                IdType.RESIDENT_ID, IntakeApiTest.ID_NUMBER, "13812345678"), Channel.WINDOW, null, null, materials,
                List.of(), null, t.id()), null).snapshot().id();
        if (issued) {
            platform.caseService.decide(window, id, new CaseCommands.Decide(Decision.Outcome.APPROVE, List.of()), null);
            platform.caseService.issueResult(window, id, new CaseCommands.IssueResult("R-" + id), null);
        }
        return id;
    }

    private static Response ask(String token, String caseId, String windowId, String key) {
        var r = as(token);
        if (key != null) r = r.header("Idempotency-Key", key);
        return r.body(windowId == null ? "{}" : "{\"windowId\":\"" + windowId + "\"}")
                .post("/v1/cases/" + caseId + "/rating-request");
    }

    private static void problem(Response r, int status, String code) {
        assertEquals(status, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(code, r.path("code"), r.asString());
    }

    @Test
    void staffAskThePadListsItAndABatchSentTwiceStoresOneRatingWithTheQueueNumber() {
        String caseId = servedCase(true);
        String queueNumber = as("demo-window").get("/v1/cases/" + caseId).then().statusCode(200).extract()
                .path("queueNumber");
        assertNotNull(queueNumber, "served under a ticket");

        Response first = ask("demo-window", caseId, W01, null);
        assertEquals(201, first.statusCode(), first.asString());
        assertEquals(W01, first.path("windowId"));
        assertEquals("王*二", first.path("applicantName"));
        assertEquals(queueNumber, first.path("queueNumber"));
        // asked again (a double tap): the same request, not a second one
        Response again = ask("demo-window", caseId, W01, null);
        assertEquals(200, again.statusCode(), again.asString());
        assertEquals((String) first.path("requestedAt"), again.path("requestedAt"));

        // the PAD bound to window 1 lists it, with the masked name only, and a token; unchanged is 304
        Response pad = as("demo-terminal").get("/v1/terminals/current/rating-requests");
        assertEquals(200, pad.statusCode(), pad.asString());
        assertEquals(W01, pad.path("windowId"));
        assertEquals("1号窗口 综合受理窗口", pad.path("windowName"));
        String etag = pad.header("ETag");
        assertNotNull(etag);
        Map<String, Object> mine = pad.jsonPath().getMap("requests.find { it.caseId == '" + caseId + "' }");
        assertNotNull(mine, pad.asString());
        assertEquals("王*二", mine.get("applicantName"));
        assertEquals(queueNumber, mine.get("queueNumber"));
        assertEquals("企业设立登记（三证合一）", mine.get("itemName"));
        assertTrue(!pad.asString().contains(IntakeApiTest.ID_NUMBER) && !pad.asString().contains("13812345678")
                && !pad.asString().contains("王小二"), "no personal data beyond the masked name");
        String token = (String) mine.get("ratingToken");
        as("demo-terminal").header("If-None-Match", etag).get("/v1/terminals/current/rating-requests").then()
                .statusCode(304);

        // a made-up token does not confirm the applicant
        String forged = "{\"caseId\":\"" + caseId + "\",\"level\":\"SATISFIED\",\"channel\":\"PAD\","
                + "\"applicantConfirmation\":\"RTxxxxxxxxxxxxxxxxxxxxxxxx\"}";
        problem(as("demo-terminal").body(forged).post("/v1/evaluations"), 422, "APPLICANT_NOT_CONFIRMED");

        // the PAD sends its queue as a batch; the upload is repeated under a new key (the PAD never knew the first
        // one arrived): the same rating, not a second vote
        String record = "{\"caseId\":\"" + caseId + "\",\"level\":\"VERY_SATISFIED\",\"channel\":\"PAD\","
                + "\"applicantConfirmation\":\"" + token + "\",\"windowId\":\"" + W01 + "\","
                + "\"ratedAt\":\"" + platform.clock.instant() + "\"}";
        String b1 = as("demo-terminal").header("Idempotency-Key", "pad-" + caseId + "-1")
                .body("{\"records\":[" + record + "]}").post("/v1/evaluation-batches").then().statusCode(202)
                .extract().path("id");
        String b2 = as("demo-terminal").header("Idempotency-Key", "pad-" + caseId + "-2")
                .body("{\"records\":[" + record + "]}").post("/v1/evaluation-batches").then().statusCode(202)
                .extract().path("id");
        ingestQueued();
        as("demo-terminal").get("/v1/evaluation-batches/" + b1).then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(0));
        as("demo-terminal").get("/v1/evaluation-batches/" + b2).then().statusCode(200)
                .body("rejected", equalTo(0));
        assertEquals(1, ratings(caseId), "stored once");
        as("demo-supervisor").get("/v1/evaluations/" + caseId + "-E1").then().statusCode(200)
                .body("queueNumber", equalTo(queueNumber)).body("windowId", equalTo(W01))
                .body("staffId", equalTo("window-001")).body("level", equalTo("VERY_SATISFIED"))
                .body("channel", equalTo("PAD"));

        // rated: the PAD no longer lists it, and asking again is refused
        as("demo-terminal").get("/v1/terminals/current/rating-requests").then().statusCode(200)
                .body("requests.caseId", not(hasItem(caseId)));
        problem(ask("demo-window", caseId, W01, null), 409, "ALREADY_RATED");
    }

    @Test
    void badRequestsAreProblemsWithStableCodesAndLeaveNoRequest() {
        String open = servedCase(false);
        problem(ask("demo-window", open, W01, null), 409, "CASE_NOT_RATEABLE");
        String caseId = servedCase(true);
        problem(ask("demo-window", caseId, null, null), 400, "VALIDATION_FAILED");
        problem(ask("demo-window", caseId, DemoData.COUNTY_CENTER + "-W42", null), 400, "VALIDATION_FAILED");
        problem(ask("demo-window", caseId, "330106-ZX-W01", null), 400, "VALIDATION_FAILED");
        problem(ask("demo-window", "20250425-NOSUCHCASE0001", W01, null), 404, "CASE_NOT_FOUND");
        problem(ask("demo-supervisor", caseId, W01, null), 403, "FORBIDDEN");
        assertTrue(platform.ratingRequests.request(caseId).isEmpty(), "nothing half-written");
        // an unbound PAD, a binding by a non-administrator, a binding to another center's window
        problem(as("demo-window").get("/v1/terminals/current/rating-requests"), 404, "NOT_FOUND");
        problem(as("demo-terminal").body("{\"windowId\":\"" + W01 + "\"}").put("/v1/terminals/terminal-001/window"),
                403, "FORBIDDEN");
        problem(as("demo-admin").body("{\"windowId\":\"330106-ZX-W01\"}").put("/v1/terminals/terminal-001/window"),
                400, "VALIDATION_FAILED");
        problem(as("demo-admin").body("{\"windowId\":\"" + W01 + "\"}").put("/v1/terminals/window-001/window"),
                404, "TERMINAL_NOT_FOUND");
        as("demo-admin").body("{\"windowId\":\"" + W01 + "\"}").put("/v1/terminals/terminal-001/window").then()
                .statusCode(200).body("windowId", equalTo(W01));

        // the same Idempotency-Key replays the first answer; with another window it is refused
        Response a = ask("demo-window", caseId, W01, "ask-" + caseId);
        assertEquals(201, a.statusCode(), a.asString());
        Response replay = ask("demo-window", caseId, W01, "ask-" + caseId);
        assertEquals(201, replay.statusCode());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        problem(ask("demo-window", caseId, DemoData.COUNTY_CENTER + "-W02", "ask-" + caseId), 422,
                "IDEMPOTENCY_KEY_REUSED");
    }

    /** What the ingestion function does with the evaluation queue: every chunk waiting, ingested, deleted. */
    private void ingestQueued() {
        String url = platform.settings.evaluationQueueUrl();
        try (SqsClient sqs = cn.onewindow.aws.AwsClients.sqs(platform.settings)) {
            for (int empty = 0; empty < 2; ) {
                List<Message> ms = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                        .waitTimeSeconds(1)).messages();
                if (ms.isEmpty()) {
                    empty++;
                    continue;
                }
                for (Message m : ms) {
                    platform.evaluationService.ingest(SqsEvaluationBatchQueue.parse(m.body()));
                    sqs.deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle()));
                }
            }
        }
    }

    private int ratings(String caseId) {
        return platform.dynamoDb.query(q -> q.tableName(platform.settings.casesTable())
                .keyConditionExpression("pk = :p AND begins_with(sk, :e)")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("CASE#" + caseId),
                        ":e", AttributeValue.fromS("EVAL#")))).count();
    }
}
