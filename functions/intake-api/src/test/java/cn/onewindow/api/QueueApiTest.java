package cn.onewindow.api;

import cn.onewindow.core.demo.DemoData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.onewindow.api.IntakeApiTest.as;
import static cn.onewindow.api.IntakeApiTest.intakeBody;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue over HTTP: a kiosk takes a ticket, a window calls it, the board answers 304 to a poll while nothing
 * changed and the new state at once after a change, the case taken in during the service carries the queue number;
 * and the citizen's progress query with the query password returned once by the intake.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class QueueApiTest {
    static final String CENTER = DemoData.COUNTY_CENTER;
    static final String WINDOW_4 = CENTER + "-W04";

    @Test
    void kioskTicketWindowCallBoardPollAndTheCaseServedUnderIt() {
        // drain C so that this test's ticket is the next one window 4 calls
        while (as("demo-window").post("/v1/windows/" + WINDOW_4 + "/call-next").statusCode() == 200) {
            // called
        }
        Response board0 = as("demo-board").get("/v1/centers/" + CENTER + "/queue");
        assertEquals(200, board0.statusCode());
        String etag0 = board0.header("ETag");
        assertTrue(etag0 != null && etag0.startsWith("\""), etag0);
        // polling again without a change: 304 with the same tag, no body
        Response same = as("demo-board").header("If-None-Match", etag0).get("/v1/centers/" + CENTER + "/queue");
        assertEquals(304, same.statusCode());
        assertEquals(etag0, same.header("ETag"));

        Response taken = as("demo-kiosk").body("{\"category\":\"C\",\"idType\":\"RESIDENT_ID\",\"idNumber\":\""
                + IntakeApiTest.ID_NUMBER + "\",\"phone\":\"13812345678\"}").post("/v1/centers/" + CENTER + "/tickets");
        taken.then().statusCode(201).body("ticket.number", matchesPattern("C\\d{3}"))
                .body("ticket.status", equalTo("WAITING")).body("waitingAhead", equalTo(0))
                .body("estimatedWaitMinutes", equalTo(0));
        assertFalse(taken.asString().contains(IntakeApiTest.ID_NUMBER), "the ticket shows the ID number");
        assertFalse(taken.asString().contains("13812345678"), "the ticket shows the phone");
        String ticketId = taken.path("ticket.id");
        String number = taken.path("ticket.number");
        assertEquals("/v1/tickets/" + ticketId, java.net.URI.create(taken.header("Location")).getPath());

        // the board changed: the old tag gets the new state, C has one waiting
        Response board1 = as("demo-board").header("If-None-Match", etag0).get("/v1/centers/" + CENTER + "/queue");
        assertEquals(200, board1.statusCode());
        assertNotEquals(etag0, board1.header("ETag"));
        assertEquals(Integer.valueOf(1), board1.path("categories.find { it.prefix == 'C' }.waiting"));

        as("demo-window").post("/v1/windows/" + WINDOW_4 + "/call-next").then().statusCode(200)
                .body("id", equalTo(ticketId)).body("window", equalTo(4)).body("windowId", equalTo(WINDOW_4))
                .body("announcement", equalTo("请 " + number + " 号到 4 号窗口办理"));
        Response board2 = as("demo-board").get("/v1/centers/" + CENTER + "/queue");
        board2.then().body("current.find { it.window == 4 }.number", equalTo(number))
                .body("recent[0].announcement", equalTo("请 " + number + " 号到 4 号窗口办理"));
        assertFalse(board2.asString().contains("张三丰"));
        as("demo-window").post("/v1/windows/" + WINDOW_4 + "/call-next").then().statusCode(204);
        as("demo-window").post("/v1/tickets/" + ticketId + "/recall").then().statusCode(200).body("calls", equalTo(2));

        // a case taken in while serving it carries its number; the ticket lists the case
        String notServing = intakeBody(DemoData.ITEM_TREE_FELLING, "WINDOW", "M01", "M02", "M03", "M04");
        notServing = notServing.substring(0, notServing.length() - 1) + ",\"ticketId\":\"" + ticketId + "\"}";
        as("demo-window").body(notServing).post("/v1/cases").then().statusCode(409)
                .body("code", equalTo("TICKET_NOT_SERVING"));
        as("demo-window").post("/v1/tickets/" + ticketId + "/start").then().statusCode(200)
                .body("status", equalTo("SERVING"));
        String caseId = as("demo-window").body(notServing).post("/v1/cases").then().statusCode(201)
                .body("queueNumber", equalTo(number)).body("ticketId", equalTo(ticketId)).extract().path("id");
        as("demo-window").post("/v1/tickets/" + ticketId + "/finish").then().statusCode(200)
                .body("status", equalTo("DONE")).body("caseIds", hasItem(caseId));
        as("demo-window").post("/v1/tickets/" + ticketId + "/finish").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("TICKET_NOT_SERVING"));
        as("demo-kiosk").get("/v1/tickets/" + ticketId).then().statusCode(200).body("status", equalTo("DONE"));
    }

    @Test
    void badTicketRequestsAreProblemsNotErrors() {
        as("demo-kiosk").body("{\"category\":\"Z\"}").post("/v1/centers/" + CENTER + "/tickets").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        as("demo-kiosk").body("{\"category\":\"A\",\"greenLane\":\"VIP\"}").post("/v1/centers/" + CENTER
                + "/tickets").then().statusCode(400).body("errors.code", hasItem("UNKNOWN_GREEN_LANE"));
        as("demo-kiosk").body("{\"category\":\"A\",\"idType\":\"RESIDENT_ID\",\"idNumber\":\"330106199001011230\"}")
                .post("/v1/centers/" + CENTER + "/tickets").then().statusCode(400);
        as("demo-window").post("/v1/tickets/nonsense/start").then().statusCode(404)
                .body("code", equalTo("TICKET_NOT_FOUND"));
        as("demo-window").post("/v1/windows/" + CENTER + "-W77/call-next").then().statusCode(404)
                .body("code", equalTo("WINDOW_NOT_FOUND"));
        as("demo-kiosk").post("/v1/windows/" + WINDOW_4 + "/call-next").then().statusCode(403);
        as("demo-board").body("{\"category\":\"A\"}").post("/v1/centers/" + CENTER + "/tickets").then()
                .statusCode(403);
    }

    @Test
    void administratorsReplaceTheConfigurationOthersReadIt() {
        String cfg = as("demo-kiosk").get("/v1/centers/" + CENTER + "/queue-config").then().statusCode(200)
                .body("categories.prefix", equalTo(List.of("A", "B", "C"))).body("noShowCallLimit", equalTo(3))
                .extract().asString();
        as("demo-window").body(cfg).put("/v1/centers/" + CENTER + "/queue-config").then().statusCode(403);
        // a window calling an unknown category, a repeated prefix: every fault listed
        String bad = cfg.replace("\"categories\":[\"B\"]", "\"categories\":[\"Q\"]")
                .replace("\"prefix\":\"C\"", "\"prefix\":\"A\"");
        as("demo-admin").body(bad).put("/v1/centers/" + CENTER + "/queue-config").then().statusCode(400)
                .body("errors.code", hasItem("UNKNOWN_CATEGORY")).body("errors.code", hasItem("DUPLICATE"));
        as("demo-admin").body(cfg).put("/v1/centers/" + CENTER + "/queue-config").then().statusCode(200)
                .body("version", notNullValue());
    }

    @Test
    void theQueryPasswordIsShownOnceAndOpensTheProgressWithoutAToken() {
        Response first = as("demo-window").header("Idempotency-Key", "progress-" + System.nanoTime())
                .body(intakeBody(DemoData.ITEM_TREE_FELLING, "WINDOW", "M01", "M02", "M03", "M04"))
                .post("/v1/cases");
        first.then().statusCode(201).body("queryPassword", matchesPattern("\\d{6}"))
                .body("notice.queryPassword", equalTo(first.path("queryPassword").toString()));
        String id = first.path("id");
        String password = first.path("queryPassword");
        // reads never show it
        as("demo-window").get("/v1/cases/" + id).then().statusCode(200).body("queryPassword", nullValue());

        RestAssured.given().header("X-Query-Password", password).get("/v1/progress/" + id).then().statusCode(200)
                .body("caseNumber", equalTo(id)).body("status", equalTo("ACCEPTED"))
                .body("applicantName", equalTo("张*丰")).body("dueAt", notNullValue())
                .body("steps.event", equalTo(List.of("SUBMITTED", "ACCEPTED")));
        String wrong = password.equals("000000") ? "111111" : "000000";
        Response refused = RestAssured.given().header("X-Query-Password", wrong).get("/v1/progress/" + id);
        Response unknown = RestAssured.given().header("X-Query-Password", password).get("/v1/progress/X" + id);
        for (Response r : List.of(refused, unknown)) {
            r.then().statusCode(404).contentType("application/problem+json").body("code",
                    equalTo("PROGRESS_NOT_FOUND"));
        }
        assertEquals(refused.path("detail").toString(), unknown.path("detail").toString());
    }

    @Test
    void anIntakeReplayDoesNotRepeatThePassword() {
        String key = "replay-" + System.nanoTime();
        String body = intakeBody(DemoData.ITEM_TREE_FELLING, "WINDOW", "M01", "M02", "M03", "M04");
        Response first = as("demo-window").header("Idempotency-Key", key).body(body).post("/v1/cases");
        first.then().statusCode(201).body("queryPassword", notNullValue());
        Response again = as("demo-window").header("Idempotency-Key", key).body(body).post("/v1/cases");
        again.then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first.path("id")))
                .body("queryPassword", nullValue()).body("notice.queryPassword", nullValue());
        assertFalse(again.asString().contains(first.path("queryPassword").toString() + "\""));
    }
}
