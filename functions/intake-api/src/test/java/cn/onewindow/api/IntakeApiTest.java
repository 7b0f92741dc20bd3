package cn.onewindow.api;

import cn.onewindow.core.cases.IdentityNumbers;
import cn.onewindow.core.demo.DemoData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The intake API through the real Lambda path (API Gateway events on the Quarkus mock event server) against
 * dynoxide. The platform clock starts on Friday 2025-04-25 10:00 Shanghai.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class IntakeApiTest {
    static final String ID_NUMBER = "33010619900101123" + IdentityNumbers.checkCharacter("33010619900101123");

    static RequestSpecification as(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    static String intakeBody(String itemCode, String channel, String... materialCodes) {
        StringBuilder m = new StringBuilder();
        for (String code : materialCodes) {
            if (!m.isEmpty()) m.append(',');
            int copies = code.equals("M02") && itemCode.equals(DemoData.ITEM_EIA_REPORT) ? 2 : 1;
            m.append("{\"code\":\"").append(code).append("\",\"copies\":").append(copies).append('}');
        }
        return "{\"itemCode\":\"" + itemCode + "\",\"channel\":\"" + channel + "\","
                + "\"applicant\":{\"name\":\"张三丰\",\"idType\":\"RESIDENT_ID\",\"idNumber\":\"" + ID_NUMBER
                + "\",\"phone\":\"13812345678\"},\"materials\":[" + m + "]}";
    }

    static ValidatableResponse intake(String token, String body) {
        return as(token).body(body).post("/v1/cases").then();
    }

    @Test
    void completePromisedCaseIsAcceptedWithPromiseNoticeAndDueDateOnTheWorkingDayCalendar() {
        intake("demo-window", intakeBody(DemoData.ITEM_CONSTRUCTION_LAND, "WINDOW", "M01", "M02", "M03", "M04"))
                .statusCode(201)
                .header("Location", containsString("/v1/cases/"))
                .body("status", equalTo("ACCEPTED"))
                .body("itemVersion", equalTo(1))
                .body("channel", equalTo("WINDOW"))
                .body("notice.type", equalTo("PROMISE"))
                .body("notice.text", containsString("承诺件通知书"))
                .body("notice.text", containsString("2025年5月15日 18:00"))
                // 12 working days after Fri 2025-04-25: Apr 27 (Sun) is worked, May 1-5 are off
                .body("dueAt", equalTo("2025-05-15T10:00:00Z"))
                .body("dueAtLocal", equalTo("2025-05-15T18:00:00+08:00"))
                .body("dueProvisional", equalTo(false))
                .body("applicant.idNumber", equalTo(ID_NUMBER));
    }

    @Test
    void missingMandatoryMaterialsGiveOneTimeNoticeListingAllOfThemThenSupplementAccepts() {
        String id = intake("demo-window", intakeBody(DemoData.ITEM_CONSTRUCTION_LAND, "WINDOW", "M01"))
                .statusCode(201)
                .body("status", equalTo("AWAITING_MATERIALS"))
                .body("notice.type", equalTo("ONE_TIME_NOTICE"))
                .body("notice.missing", equalTo(List.of("M02", "M03", "M04")))
                .body("notice.text", containsString("建设项目用地预审与选址意见书"))
                .body("notice.text", containsString("勘测定界图及技术报告"))
                .body("dueAt", nullValue())
                .extract().path("id");
        as("demo-window").body("{\"materials\":[{\"code\":\"M02\",\"copies\":1},{\"code\":\"M03\",\"copies\":1}]}")
                .post("/v1/cases/" + id + "/materials").then().statusCode(200)
                .body("status", equalTo("ACCEPTED_WITH_DEFICIENCY"))
                .body("outstandingTolerable", equalTo(List.of("M04")))
                .body("notice.type", equalTo("DEFICIENCY_ACCEPTANCE"))
                .body("dueAt", equalTo("2025-05-15T10:00:00Z"));
        as("demo-window").get("/v1/cases/" + id + "/history").then().statusCode(200)
                .body("event", equalTo(List.of("SUBMITTED", "ONE_TIME_NOTICE", "MATERIALS_SUPPLEMENTED",
                        "ACCEPTED_WITH_DEFICIENCY")))
                .body("seq", equalTo(List.of(1, 2, 3, 4)))
                .body("actorRole", everyItem(equalTo("WINDOW")));
    }

    @Test
    void toleratedMaterialMustArriveBeforeTheResultIsIssued() {
        String id = intake("demo-window", intakeBody(DemoData.ITEM_TREE_FELLING, "WINDOW", "M01", "M02", "M03"))
                .statusCode(201)
                .body("status", equalTo("ACCEPTED_WITH_DEFICIENCY"))
                .body("notice.type", equalTo("DEFICIENCY_ACCEPTANCE"))
                .body("notice.missing", equalTo(List.of("M04")))
                .extract().path("id");
        as("demo-window").body("{\"outcome\":\"APPROVE\"}").post("/v1/cases/" + id + "/decision").then()
                .statusCode(200).body("status", equalTo("APPROVED"));
        as("demo-window").body("{}").post("/v1/cases/" + id + "/result").then()
                .statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("TOLERABLE_MATERIALS_OUTSTANDING"));
        as("demo-window").body("{\"materials\":[{\"code\":\"M04\",\"copies\":1}]}")
                .post("/v1/cases/" + id + "/materials").then().statusCode(200)
                .body("outstandingTolerable", hasSize(0));
        as("demo-window").body("{\"resultNumber\":\"余林采〔2025〕18号\"}").post("/v1/cases/" + id + "/result").then()
                .statusCode(200).body("status", equalTo("RESULT_READY")).body("notice.type", equalTo("RESULT_READY"));
        as("demo-window").body("{\"deliveredTo\":\"张三丰\",\"confirmation\":\"SIGNED\"}")
                .post("/v1/cases/" + id + "/delivery").then().statusCode(200).body("status", equalTo("DELIVERED"));
    }

    @Test
    void controlledItemIsRefusedAtOnceWithItsLegalBasis() {
        intake("demo-window", intakeBody(DemoData.ITEM_GOLF_COURSE, "WINDOW", "M01", "M02", "M03"))
                .statusCode(201)
                .body("status", equalTo("NOT_ACCEPTED"))
                .body("notice.type", equalTo("NOT_ACCEPTED"))
                .body("notice.text", containsString("不予受理"))
                .body("notice.text", containsString("发改社会〔2014〕1565号"))
                .body("dueAt", nullValue());
    }

    @Test
    void unmetConditionIsRefusedWithTheConditionsBasis() {
        String body = intakeBody(DemoData.ITEM_CONSTRUCTION_LAND, "WINDOW", "M01", "M02", "M03", "M04")
                .replace("\"materials\"", "\"unmetConditions\":[\"C01\"],\"materials\"");
        intake("demo-window", body).statusCode(201).body("status", equalTo("NOT_ACCEPTED"))
                .body("notice.text", containsString("土地管理法"));
    }

    @Test
    void caseViewShowsTheWarningPointWhereTheCountdownTurnsYellowInTheCaseAndInTheListing() {
        // 12 working days, due Thu 2025-05-15 18:00: the warning point is one working day (7 office hours) before,
        // at the close of Wednesday
        String id = intake("demo-window", intakeBody(DemoData.ITEM_CONSTRUCTION_LAND, "WINDOW", "M01", "M02", "M03",
                "M04")).statusCode(201)
                .body("dueAt", equalTo("2025-05-15T10:00:00Z"))
                .body("warningAt", equalTo("2025-05-14T10:00:00Z"))
                .extract().path("id");
        as("demo-supervisor").get("/v1/cases/" + id).then().statusCode(200)
                .body("warningAt", equalTo("2025-05-14T10:00:00Z"));
        as("demo-window").queryParam("itemCode", DemoData.ITEM_CONSTRUCTION_LAND).queryParam("limit", 100)
                .get("/v1/cases").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.warningAt", equalTo("2025-05-14T10:00:00Z"));
        // an immediate case accepted at 10:00 (and a few seconds: the test clock runs) has 6 office hours, less than
        // the lead: halfway through them, 15:00 the same day
        String warning = intake("demo-window", intakeBody(DemoData.ITEM_EIA_FILING, "WINDOW", "M01", "M02", "M03"))
                .statusCode(201)
                .body("dueAt", equalTo("2025-04-25T10:00:00Z"))
                .extract().path("warningAt");
        // the test clock runs from the class's start, so the acceptance instant (and the halfway point) drifts by the
        // time earlier tests took: about 15:00 Shanghai, the same afternoon
        java.time.Instant at = java.time.Instant.parse(warning);
        assertTrue(!at.isBefore(java.time.Instant.parse("2025-04-25T06:50:00Z"))
                && !at.isAfter(java.time.Instant.parse("2025-04-25T07:10:00Z")), "warning point " + warning);
        // a case waiting for materials has no clock yet: no due, no warning point
        intake("demo-window", intakeBody(DemoData.ITEM_CONSTRUCTION_LAND, "WINDOW", "M01")).statusCode(201)
                .body("status", equalTo("AWAITING_MATERIALS"))
                .body("warningAt", nullValue());
    }

    @Test
    void immediateItemIsDueAtCloseOfBusinessTheSameDay() {
        intake("demo-window", intakeBody(DemoData.ITEM_EIA_FILING, "WINDOW", "M01", "M02", "M03"))
                .statusCode(201)
                .body("status", equalTo("ACCEPTED"))
                .body("notice.type", equalTo("ACCEPTANCE"))
                .body("notice.text", containsString("即办件"))
                .body("dueAt", equalTo("2025-04-25T10:00:00Z"));
    }

    @Test
    void retryWithTheSameIdempotencyKeyReturnsTheFirstCaseAndCreatesNothingNew() {
        String key = UUID.randomUUID().toString();
        String body = intakeBody(DemoData.ITEM_HOUSEHOLD_TRANSFER, "WINDOW", "M01", "M02", "M03", "M04");
        String first = as("demo-window").header("Idempotency-Key", key).body(body).post("/v1/cases").then()
                .statusCode(201).extract().path("id");
        as("demo-window").header("Idempotency-Key", key).body(body).post("/v1/cases").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as("demo-window").header("Idempotency-Key", key)
                .body(intakeBody(DemoData.ITEM_HOUSEHOLD_TRANSFER, "WINDOW", "M01")).post("/v1/cases").then()
                .statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        String other = as("demo-window").header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/v1/cases").then().statusCode(201).extract().path("id");
        assertNotEquals(first, other);
    }

    @Test
    void badInputGetsProblemJsonNeverA500() {
        as("demo-window").body("{\"itemCode\": ").post("/v1/cases").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("MALFORMED_JSON"))
                .body("messageZh", notNullValue()).body("messageEn", notNullValue());
        as("demo-window").body("{\"itemCode\":\"x\",\"channel\":\"CARRIER_PIGEON\"}").post("/v1/cases").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("INVALID_VALUE"))
                .body("errors[0].field", equalTo("channel"));
        as("demo-window").body("{\"itemCode\":\"x\",\"sneaky\":1}").post("/v1/cases").then()
                .statusCode(400).body("code", equalTo("UNKNOWN_FIELD"));
        as("demo-window").body("{}").post("/v1/cases").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("itemCode"))
                .body("errors.field", hasItem("channel"))
                .body("errors.field", hasItem("applicant"));
        as("demo-window").body(intakeBody(DemoData.ITEM_CONSTRUCTION_LAND, "WINDOW", "M01")
                        .replace(ID_NUMBER, "330106199001011230").replace("13812345678", "12345"))
                .post("/v1/cases").then().statusCode(400)
                .body("errors.field", hasItem("applicant.idNumber"))
                .body("errors.field", hasItem("applicant.phone"));
        as("demo-window").body(intakeBody("330100-XK-9999", "WINDOW", "M01")).post("/v1/cases").then()
                .statusCode(422).body("code", equalTo("UNKNOWN_ITEM"));
        as("demo-window").body(intakeBody(DemoData.ITEM_CONSTRUCTION_LAND, "WINDOW", "M01", "NOPE"))
                .post("/v1/cases").then().statusCode(400).body("errors[0].code", equalTo("UNKNOWN_MATERIAL"));
        as("demo-window").body("[1,2,3]").post("/v1/cases").then().statusCode(400)
                .contentType("application/problem+json");
        as("demo-window").contentType(ContentType.TEXT).body("hello").post("/v1/cases").then().statusCode(415)
                .contentType("application/problem+json");
        as("demo-window").get("/v1/cases/does-not-exist").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("CASE_NOT_FOUND"));
    }

    @Test
    void everyRequestIsAuthenticated() {
        RestAssured.given().get("/v1/items").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("MISSING_TOKEN"));
        as("not-a-real-token").get("/v1/items").then().statusCode(401).body("code", equalTo("INVALID_TOKEN"));
        RestAssured.given().header("Authorization", "Basic abc").get("/v1/items").then().statusCode(401);
        as("demo-window").get("/v1/items").then().statusCode(200)
                .body("code", hasItem(DemoData.ITEM_FIXED_ASSET_INVESTMENT));
    }

    @Test
    void illegalTransitionIsRefusedAndChangesNothing() {
        String id = intake("demo-window", intakeBody(DemoData.ITEM_EIA_FORM, "WINDOW", "M01", "M02", "M03", "M04")
                .replace("\"copies\":1},{\"code\":\"M03\"", "\"copies\":2},{\"code\":\"M03\""))
                .statusCode(201).body("status", equalTo("ACCEPTED")).extract().path("id");
        as("demo-window").body("{\"deliveredTo\":\"张三丰\"}").post("/v1/cases/" + id + "/delivery").then()
                .statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("ILLEGAL_TRANSITION"))
                .body("messageZh", containsString("已受理"));
        as("demo-window").get("/v1/cases/" + id).then().body("status", equalTo("ACCEPTED")).body("version", equalTo(1));
        as("demo-window").body("{\"outcome\":\"DENY\"}").post("/v1/cases/" + id + "/decision").then()
                .statusCode(400).body("errors[0].code", equalTo("REASONS_REQUIRED"));
        as("demo-window").body("{\"outcome\":\"DENY\",\"reasons\":[\"选址位于生态保护红线内\"]}")
                .post("/v1/cases/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("DENIED")).body("notice.type", equalTo("DENIAL"))
                .body("notice.text", containsString("生态保护红线"));
    }

    @Test
    void suspensionStopsTheClockAndExtensionIsAllowedOnceWithinTheLegalBound() {
        String id = intake("demo-window", intakeBody(DemoData.ITEM_FIREWORKS_WHOLESALE, "WINDOW",
                "M01", "M02", "M03", "M04")).statusCode(201)
                // 5 working days after Fri 2025-04-25: Apr 27 (make-up Sunday), 28, 29, 30, then May 6
                .body("dueAt", equalTo("2025-05-06T10:00:00Z"))
                .extract().path("id");
        as("demo-window").body("{\"kind\":\"SITE_INSPECTION\",\"reason\":\"仓库现场核查\"}")
                .post("/v1/cases/" + id + "/suspensions").then().statusCode(200)
                .body("status", equalTo("SUSPENDED")).body("notice.type", equalTo("SUSPENSION"));
        as("demo-window").body("{}").post("/v1/cases/" + id + "/resume").then().statusCode(200)
                .body("status", equalTo("IN_REVIEW"));
        as("demo-window").body("{\"days\":16,\"reason\":\"需组织专家论证\"}").post("/v1/cases/" + id + "/extension")
                .then().statusCode(422).contentType("application/problem+json");
        String due = as("demo-window").get("/v1/cases/" + id).then().extract().path("dueAt");
        as("demo-window").body("{\"days\":5,\"reason\":\"需组织专家论证\"}").post("/v1/cases/" + id + "/extension")
                .then().statusCode(200).body("extensionDays", equalTo(5)).body("notice.type", equalTo("EXTENSION"));
        String extended = as("demo-window").get("/v1/cases/" + id).then().extract().path("dueAt");
        assertTrue(extended.compareTo(due) > 0, "extension moves the due date");
        as("demo-window").body("{\"days\":1,\"reason\":\"再次延期\"}").post("/v1/cases/" + id + "/extension")
                .then().statusCode(422).body("code", equalTo("EXTENSION_ALREADY_USED"));
    }

    @Test
    void agentSubmitsOnBehalfAndSeesOnlyItsServicePointsCases() {
        String agentCase = intake("demo-agent", intakeBody(DemoData.ITEM_TREE_FELLING, "VILLAGE_AGENT",
                "M01", "M02", "M03", "M04")).statusCode(201)
                .body("channel", equalTo("VILLAGE_AGENT"))
                .body("servicePointId", equalTo(DemoData.VILLAGE_POINT))
                .body("agentId", equalTo("agent-001"))
                .extract().path("id");
        String windowCase = intake("demo-window", intakeBody(DemoData.ITEM_TREE_FELLING, "WINDOW",
                "M01", "M02", "M03", "M04")).statusCode(201).extract().path("id");
        as("demo-agent").get("/v1/cases/" + agentCase).then().statusCode(200);
        as("demo-agent").get("/v1/cases/" + windowCase).then().statusCode(404);
        intake("demo-agent", intakeBody(DemoData.ITEM_TREE_FELLING, "WINDOW", "M01")).statusCode(403)
                .body("code", equalTo("CHANNEL_NOT_ALLOWED"));
        as("demo-dept-ly").get("/v1/cases/" + agentCase).then().statusCode(200)
                .body("applicant.idNumber", equalTo("330106********" + ID_NUMBER.substring(14)))
                .body("applicant.phone", equalTo("138****5678"));
        as("demo-dept-ly").body("{\"deliveredTo\":\"x\"}").post("/v1/cases/" + agentCase + "/delivery").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void listingPagesThroughEveryCaseOnceWithACursor() {
        for (int i = 0; i < 7; i++) {
            intake("demo-window", intakeBody(DemoData.ITEM_HOUSEHOLD_TRANSFER, "SELF_SERVICE", "M01")).statusCode(201);
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification r = as("demo-window").queryParam("limit", 3).queryParam("channel", "SELF_SERVICE");
            if (cursor != null) r.queryParam("cursor", cursor);
            var page = r.get("/v1/cases").then().statusCode(200).extract();
            List<String> ids = page.path("items.id");
            ids.forEach(id -> assertTrue(seen.add(id), "no case twice"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 20);
        assertTrue(seen.size() >= 7, "every self-service case listed");
        as("demo-window").queryParam("cursor", "garbage!").get("/v1/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        as("demo-supervisor").get("/v1/cases").then().statusCode(400).body("errors[0].code", equalTo("SCOPE_REQUIRED"));
        as("demo-supervisor").queryParam("centerId", DemoData.COUNTY_CENTER).queryParam("limit", 1)
                .get("/v1/cases").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].applicant.idNumber", containsString("****"));
    }

    @Test
    void catalogChangesMakeNewVersionsAndOnlyAdminsMayMakeThem() {
        var item = as("demo-window").get("/v1/items/" + DemoData.ITEM_EIA_FILING).then().statusCode(200)
                .body("version", equalTo(1)).body("mode", equalTo("IMMEDIATE")).extract().asString();
        as("demo-window").body(item).put("/v1/items/" + DemoData.ITEM_EIA_FILING).then().statusCode(403);
        as("demo-admin").body(item).put("/v1/items/" + DemoData.ITEM_EIA_FILING).then().statusCode(200)
                .body("version", equalTo(1));
        String changed = item.replace("\"legalDays\":7", "\"legalDays\":5");
        assertNotEquals(item, changed);
        as("demo-admin").body(changed).put("/v1/items/" + DemoData.ITEM_EIA_FILING).then().statusCode(201)
                .body("version", equalTo(2)).body("changeType", equalTo("CHANGED"));
        as("demo-window").queryParam("version", 1).get("/v1/items/" + DemoData.ITEM_EIA_FILING).then()
                .statusCode(200).body("legalDays", equalTo(7));
        as("demo-admin").body(item.replace("\"promisedDays\":0", "\"promisedDays\":9"))
                .put("/v1/items/" + DemoData.ITEM_EIA_FILING).then().statusCode(400)
                .body("errors.code", hasItem("PROMISE_EXCEEDS_LEGAL"));
        assertEquals(404, as("demo-window").get("/v1/items/330100-XK-7777").then().extract().statusCode());
    }

    @Test
    void supervisorsReadFiguresAndOthersMayNot() {
        intake("demo-window", intakeBody(DemoData.ITEM_EIA_FILING, "WINDOW", "M01", "M02", "M03")).statusCode(201);
        as("demo-supervisor").queryParam("centerId", DemoData.COUNTY_CENTER).queryParam("from", "2025-04-25")
                .queryParam("to", "2025-04-25").queryParam("groupBy", "ITEM").get("/v1/stats").then()
                .statusCode(200)
                .body("total.group", equalTo("ALL"))
                .body("groups.group", hasItem(DemoData.ITEM_EIA_FILING));
        as("demo-agent").queryParam("centerId", DemoData.COUNTY_CENTER).queryParam("from", "2025-04-25")
                .queryParam("to", "2025-04-25").get("/v1/stats").then().statusCode(404)
                .contentType("application/problem+json");
        as("demo-supervisor").queryParam("centerId", DemoData.COUNTY_CENTER).queryParam("from", "25-04-2025")
                .get("/v1/stats").then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void openApiDocumentIsServed() {
        RestAssured.given().get("/q/openapi").then().statusCode(200).body(containsString("/v1/cases"));
    }
}
