package cn.onewindow.api;

import cn.onewindow.aws.Platform;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.notify.Notification;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.onewindow.api.IntakeApiTest.ID_NUMBER;
import static cn.onewindow.api.IntakeApiTest.as;
import static cn.onewindow.api.IntakeApiTest.intake;
import static cn.onewindow.api.IntakeApiTest.intakeBody;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Service point tree, callers and credentials, 代办 with consent and pick-up code, the ledger, identity reads. */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class ServicePointsAndAgentsTest {
    static final String CONSENT = ",\"consent\":{\"method\":\"WRITTEN_AUTHORIZATION\",\"reference\":\"WT-2025-0042\"}}";

    @Inject
    Platform platform;

    static String agentBody(String item, String... materials) {
        String b = intakeBody(item, "VILLAGE_AGENT", materials);
        return b.substring(0, b.length() - 1) + CONSENT;
    }

    @Test
    void administratorsBuildTheTreeAndCloseAPointWhoseCasesStayVisible() {
        as("demo-admin").body("{\"id\":\"330110-T09\",\"name\":\"仁和街道便民服务中心\",\"level\":\"TOWNSHIP\","
                + "\"parentId\":\"330110-ZX\"}").post("/v1/service-points").then().statusCode(201)
                .body("path", equalTo(List.of("330110-ZX", "330110-T09"))).body("cityCode", equalTo("330100"));
        as("demo-admin").body("{\"id\":\"330110-T09-V01\",\"name\":\"东塘村\",\"level\":\"TOWNSHIP\","
                + "\"parentId\":\"330110-T09\"}").post("/v1/service-points").then().statusCode(400)
                .body("errors.code", hasItem("WRONG_LEVEL"));
        as("demo-admin").body("{\"id\":\"330110-T09-V01\",\"name\":\"东塘村\",\"level\":\"VILLAGE\","
                + "\"parentId\":\"330110-T09\"}").post("/v1/service-points").then().statusCode(201);
        as("demo-admin").body("{\"id\":\"330110-T09-V01\",\"name\":\"东塘村\",\"level\":\"VILLAGE\","
                + "\"parentId\":\"330110-T09\"}").post("/v1/service-points").then().statusCode(409)
                .body("code", equalTo("SERVICE_POINT_EXISTS"));
        as("demo-window").body("{\"id\":\"X-1\",\"name\":\"x\",\"level\":\"COUNTY\",\"cityCode\":\"330100\"}")
                .post("/v1/service-points").then().statusCode(403).contentType("application/problem+json");
        as("demo-admin").body("{\"name\":\"仁和街道东塘村便民服务点\"}").patch("/v1/service-points/330110-T09-V01").then()
                .statusCode(200).body("name", equalTo("仁和街道东塘村便民服务点")).body("version", equalTo(2));
        as("demo-agent").queryParam("parentId", "330110-T09").get("/v1/service-points").then().statusCode(200)
                .body("id", equalTo(List.of("330110-T09-V01")));

        // an agent for the new point, and a township staff caller above it
        String token = as("demo-admin").body("{\"id\":\"agent-t09-v01\",\"role\":\"AGENT\",\"name\":\"东塘村代办员\","
                        + "\"centerId\":\"330110-ZX\",\"cityCode\":\"330100\",\"servicePointId\":\"330110-T09-V01\"}")
                .post("/v1/callers").then().statusCode(201).body("caller.active", equalTo(true))
                .extract().path("token");
        String staff = as("demo-admin").body("{\"id\":\"staff-t09\",\"role\":\"STAFF\",\"name\":\"仁和街道\","
                        + "\"cityCode\":\"330100\",\"servicePointId\":\"330110-T09\"}")
                .post("/v1/callers").then().statusCode(201).extract().path("token");
        String caseId = intake(token, agentBody(DemoData.ITEM_TREE_FELLING, "M01", "M02", "M03", "M04"))
                .statusCode(201).body("servicePointId", equalTo("330110-T09-V01"))
                .body("consent.method", equalTo("WRITTEN_AUTHORIZATION"))
                .body("consent.reference", equalTo("WT-2025-0042")).extract().path("id");
        as(staff).get("/v1/cases/" + caseId).then().statusCode(200)
                .body("applicant.idNumber", equalTo("330106********" + ID_NUMBER.substring(14)));
        as(staff).body("{\"outcome\":\"APPROVE\"}").post("/v1/cases/" + caseId + "/decision").then().statusCode(403);
        as("demo-township").get("/v1/cases/" + caseId).then().statusCode(404);

        as("demo-admin").body("{\"reason\":\"x\"}").post("/v1/service-points/330110-T09/closure").then()
                .statusCode(409).body("code", equalTo("OPEN_CHILD_POINTS"));
        as("demo-admin").body("{\"reason\":\"撤村并居\"}").post("/v1/service-points/330110-T09-V01/closure").then()
                .statusCode(200).body("status", equalTo("CLOSED"));
        intake(token, agentBody(DemoData.ITEM_TREE_FELLING, "M01")).statusCode(409)
                .body("code", equalTo("SERVICE_POINT_CLOSED"));
        as(staff).get("/v1/cases/" + caseId).then().statusCode(200);
        as(staff).queryParam("servicePointId", "330110-T09-V01").get("/v1/cases").then().statusCode(200)
                .body("items.id", hasItem(caseId));
        as(staff).queryParam("month", "2025-04").get("/v1/service-points/330110-T09-V01/ledger").then()
                .statusCode(200).body("rows.caseId", hasItem(caseId));
    }

    @Test
    void rotationAndDeactivationTakeEffectAtOnceAndAMovedAgentKeepsItsCases() {
        String t1 = as("demo-admin").body("{\"id\":\"agent-rot\",\"role\":\"AGENT\",\"name\":\"轮换代办员\","
                        + "\"centerId\":\"330110-ZX\",\"cityCode\":\"330100\",\"servicePointId\":\"330110-T01-V01\"}")
                .post("/v1/callers").then().statusCode(201).extract().path("token");
        String caseId = intake(t1, agentBody(DemoData.ITEM_TREE_FELLING, "M01", "M02", "M03", "M04"))
                .statusCode(201).extract().path("id");
        String t2 = as("demo-admin").post("/v1/callers/agent-rot/token-rotation").then().statusCode(200)
                .extract().path("token");
        assertFalse(t1.equals(t2));
        as(t1).get("/v1/cases/" + caseId).then().statusCode(401).body("code", equalTo("INVALID_TOKEN"));
        as(t2).get("/v1/cases/" + caseId).then().statusCode(200);

        as("demo-admin").body("{\"servicePointId\":\"330110-T01-V02\"}").patch("/v1/callers/agent-rot").then()
                .statusCode(200).body("servicePointId", equalTo("330110-T01-V02"));
        as(t2).get("/v1/cases/" + caseId).then().statusCode(404);
        as("demo-agent").get("/v1/cases/" + caseId).then().statusCode(200).body("agentId", equalTo("agent-rot"));

        as("demo-admin").post("/v1/callers/agent-rot/deactivation").then().statusCode(200)
                .body("active", equalTo(false));
        as(t2).get("/v1/service-points").then().statusCode(401);
        as("demo-admin").get("/v1/callers/agent-rot").then().statusCode(200).body("active", equalTo(false))
                .body("$", not(org.hamcrest.Matchers.hasKey("token")));
        as("demo-window").get("/v1/callers/agent-rot").then().statusCode(404);
        as("demo-admin").get("/v1/callers").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItems("agent-001", "agent-rot", "staff-t01"))
                .body("find { it.id == 'agent-rot' }.active", equalTo(false))
                .body("token", org.hamcrest.Matchers.everyItem(nullValue()));
        // nothing but an explicit reactivation brings it back: not a rotation, not a change
        as("demo-admin").post("/v1/callers/agent-rot/token-rotation").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("CALLER_DEACTIVATED"));
        as("demo-admin").body("{\"name\":\"停用后改名\"}").patch("/v1/callers/agent-rot").then().statusCode(200)
                .body("active", equalTo(false));
        as(t2).get("/v1/service-points").then().statusCode(401);
        as("demo-window").body("{\"reason\":\"x\"}").post("/v1/callers/agent-rot/reactivation").then()
                .statusCode(403);
        as("demo-admin").body("{}").post("/v1/callers/agent-rot/reactivation").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        String t3 = as("demo-admin").body("{\"reason\":\"误停用，经核实恢复\"}").post("/v1/callers/agent-rot/reactivation")
                .then().statusCode(200).body("caller.active", equalTo(true))
                .body("caller.lifecycle.event", equalTo(List.of("DEACTIVATED", "REACTIVATED")))
                .body("caller.lifecycle[1].by", equalTo(adminId()))
                .body("caller.lifecycle[1].reason", equalTo("误停用，经核实恢复"))
                .extract().path("token");
        as(t3).get("/v1/service-points").then().statusCode(200);
        as(t2).get("/v1/service-points").then().statusCode(401);
        as("demo-admin").body("{\"reason\":\"再次\"}").post("/v1/callers/agent-rot/reactivation").then()
                .statusCode(409).body("code", equalTo("CALLER_ACTIVE"));
        as("demo-admin").post("/v1/callers/agent-rot/deactivation").then().statusCode(200);
        as(t3).get("/v1/service-points").then().statusCode(401);
        as("demo-admin").body("{\"id\":\"agent-rot\",\"role\":\"AGENT\",\"name\":\"x\",\"cityCode\":\"330100\","
                + "\"servicePointId\":\"330110-T01-V01\"}").post("/v1/callers").then().statusCode(409);
        as("demo-admin").body("{\"id\":\"agent-x\",\"role\":\"AGENT\",\"name\":\"x\",\"cityCode\":\"330100\","
                        + "\"servicePointId\":\"NOWHERE\"}").post("/v1/callers").then().statusCode(400)
                .body("errors.code", hasItem("UNKNOWN_SERVICE_POINT"));
    }

    static String adminId() {
        return DemoData.callers().get("demo-admin").id();
    }

    @Test
    void agentIsToldTheResultIsReadyAndHandsItOverWithTheVillagersPickUpCode() {
        String id = intake("demo-agent", agentBody(DemoData.ITEM_TREE_FELLING, "M01", "M02", "M03", "M04"))
                .statusCode(201).extract().path("id");
        as("demo-window").body("{\"outcome\":\"APPROVE\"}").post("/v1/cases/" + id + "/decision").then().statusCode(200);
        as("demo-window").body("{}").post("/v1/cases/" + id + "/result").then().statusCode(200);
        // the outbox items written with the change, read from the case's partition
        List<Notification> ready = platform.dynamoDb.query(q -> q.tableName(platform.settings.casesTable())
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :n)")
                        .expressionAttributeValues(java.util.Map.of(
                                ":pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CASE#" + id),
                                ":n", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("NOTIFY#"))))
                .items().stream().map(i -> cn.onewindow.aws.Json.read(i.get("doc").s(), Notification.class))
                .filter(n -> n.kind() == Notification.Kind.RESULT_READY).toList();
        Notification toAgent = ready.stream().filter(n -> n.recipient() == Notification.Recipient.AGENT).findFirst()
                .orElseThrow();
        Notification toVillager = ready.stream().filter(n -> n.recipient() == Notification.Recipient.APPLICANT)
                .findFirst().orElseThrow();
        assertEquals("agent-001", toAgent.recipientId());
        // stored masked; the full text sealed for the sender, who alone opens it (as the relay does here)
        assertTrue(toVillager.text().contains("取件码******"), toVillager.text());
        String clear = platform.privacyKeys.outbox().open(toVillager.sealedText(), toVillager.id());
        Matcher m = Pattern.compile("取件码(\\d{6})").matcher(clear);
        assertTrue(m.find(), "the SMS the villager gets carries the code");
        String code = m.group(1);
        assertFalse(toAgent.text().contains(code), "the agent is not told the code");

        as("demo-agent").body("{\"deliveredTo\":\"张三丰\"}").post("/v1/cases/" + id + "/delivery").then()
                .statusCode(400).body("errors.code", hasItem("CONFIRMATION_REQUIRED"));
        String wrong = code.equals("000000") ? "111111" : "000000";
        as("demo-agent").body("{\"deliveredTo\":\"张三丰\",\"confirmationCode\":\"" + wrong + "\"}")
                .post("/v1/cases/" + id + "/delivery").then().statusCode(422)
                .body("code", equalTo("CONFIRMATION_CODE_MISMATCH"));
        as("demo-agent").get("/v1/cases/" + id).then().body("status", equalTo("RESULT_READY"));
        as("demo-agent").body("{\"deliveredTo\":\"张三丰\",\"confirmationCode\":\"" + code + "\"}")
                .post("/v1/cases/" + id + "/delivery").then().statusCode(200)
                .body("status", equalTo("DELIVERED")).body("deliveryMethod", equalTo("CONFIRMATION_CODE"));

        // the month's ledger: JSON, and CSV with a BOM for Excel; the villager masked in both
        as("demo-agent").queryParam("month", "2025-04").get("/v1/service-points/" + DemoData.VILLAGE_POINT + "/ledger")
                .then().statusCode(200).body("rows.find { it.caseId == '" + id + "' }.villagerName", equalTo("张*丰"))
                .body("rows.find { it.caseId == '" + id + "' }.deliveryMethod", equalTo("CONFIRMATION_CODE"))
                .body("rows.find { it.caseId == '" + id + "' }.consentMethod", equalTo("WRITTEN_AUTHORIZATION"));
        byte[] csv = RestAssured.given().header("Authorization", "Bearer demo-township").accept("text/csv")
                .queryParam("month", "2025-04").get("/v1/service-points/" + DemoData.VILLAGE_POINT + "/ledger")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asByteArray();
        assertEquals((byte) 0xEF, csv[0]);
        assertEquals((byte) 0xBB, csv[1]);
        assertEquals((byte) 0xBF, csv[2]);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains("办件编号") && text.contains(id) && text.contains("张*丰"), text);
        assertFalse(text.contains(ID_NUMBER), "no clear identity in the ledger");
        as("demo-agent").queryParam("month", "2025-05").get("/v1/service-points/" + DemoData.VILLAGE_POINT + "/ledger")
                .then().statusCode(200).body("rows.caseId", not(hasItem(id)));
        as("demo-agent-2").queryParam("month", "2025-04").get("/v1/service-points/" + DemoData.VILLAGE_POINT + "/ledger")
                .then().statusCode(404);
        as("demo-window").queryParam("month", "2025-04").get("/v1/service-points/" + DemoData.VILLAGE_POINT + "/ledger")
                .then().statusCode(404);
        as("demo-agent").queryParam("month", "2025-13").get("/v1/service-points/" + DemoData.VILLAGE_POINT + "/ledger")
                .then().statusCode(400).body("errors[0].field", equalTo("month"));
    }

    @Test
    void everyReadOfAClearIdentityIsRecordedForSupervisors() {
        String id = intake("demo-window", intakeBody(DemoData.ITEM_TREE_FELLING, "WINDOW", "M01", "M02", "M03", "M04"))
                .statusCode(201).extract().path("id");
        as("demo-window").get("/v1/cases/" + id).then().statusCode(200).body("applicant.idNumber", equalTo(ID_NUMBER));
        as("demo-dept-ly").get("/v1/cases/" + id).then().statusCode(200);
        as("demo-window").queryParam("limit", 5).get("/v1/cases").then().statusCode(200)
                .body("items.applicant.idNumber", not(hasItem(ID_NUMBER)));
        as("demo-supervisor").get("/v1/cases/" + id + "/identity-reads").then().statusCode(200)
                .body("callerId", equalTo(List.of("window-001", "window-001")))
                .body("what", equalTo(List.of("POST /v1/cases", "GET /v1/cases/{id}")));
        as("demo-window").get("/v1/cases/" + id + "/identity-reads").then().statusCode(404);
        as("demo-supervisor").get("/v1/cases/NOPE/identity-reads").then().statusCode(404)
                .body("code", equalTo("CASE_NOT_FOUND")).body("messageZh", not(nullValue()));
    }
}
