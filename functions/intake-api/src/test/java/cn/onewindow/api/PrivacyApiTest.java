package cn.onewindow.api;

import cn.onewindow.aws.Platform;
import cn.onewindow.core.demo.DemoData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.onewindow.api.IntakeApiTest.ID_NUMBER;
import static cn.onewindow.api.IntakeApiTest.as;
import static cn.onewindow.api.IntakeApiTest.intake;
import static cn.onewindow.api.IntakeApiTest.intakeBody;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Masked views are complete over HTTP: supervisors and departments never see the applicant's or recipient's name,
 * identity number or phone in clear anywhere in a response — structured fields, notices, reasons, history lines,
 * task reasons, listings — while window staff still do; and an unusual identity number never breaks a listing.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class PrivacyApiTest {
    static final String NAME = "张三丰";
    static final String PHONE = "13812345678";
    static final String RECIPIENT = "李秋水";

    @Inject
    Platform platform;

    /** Every personal value of the demo applicant and recipient, and the parts that would identify them. */
    static final List<String> CLEAR = List.of(NAME, "三丰", ID_NUMBER, ID_NUMBER.substring(6, 14), PHONE,
            RECIPIENT, "秋水");

    static void assertNothingClear(String who, String body) {
        for (String v : CLEAR) assertFalse(body.contains(v), who + " was shown " + v + " in clear: " + body);
    }

    static String get(String token, String path) {
        return as(token).get(path).then().statusCode(200).extract().asString();
    }

    @Test
    void supervisorsAndDepartmentsSeeNoPersonalDataAnywhereWhileTheWindowDoes() {
        // a 林木采伐 case (department ly) whose free text quotes the applicant by name, number and phone
        String id = intake("demo-window", intakeBody(DemoData.ITEM_TREE_FELLING, "WINDOW", "M01", "M02", "M03", "M04"))
                .statusCode(201).extract().path("id");
        as("demo-window").body("{\"kind\":\"SITE_INSPECTION\",\"reason\":\"申请人" + NAME + "（" + PHONE
                + "）约定现场勘查\"}").post("/v1/cases/" + id + "/suspensions").then().statusCode(200);
        as("demo-window").body("{}").post("/v1/cases/" + id + "/resume").then().statusCode(200);
        as("demo-window").body("{\"days\":2,\"reason\":\"核对身份证" + ID_NUMBER + "\"}")
                .post("/v1/cases/" + id + "/extension").then().statusCode(200);
        as("demo-window").body("{\"outcome\":\"APPROVE\"}").post("/v1/cases/" + id + "/decision").then()
                .statusCode(200);
        as("demo-window").body("{}").post("/v1/cases/" + id + "/result").then().statusCode(200);
        as("demo-window").body("{\"deliveredTo\":\"" + RECIPIENT + "\",\"confirmation\":\"代" + NAME + "签收\"}")
                .post("/v1/cases/" + id + "/delivery").then().statusCode(200).body("deliveredTo", equalTo(RECIPIENT));

        // window staff deal with the applicant: the clear values
        String window = get("demo-window", "/v1/cases/" + id);
        assertTrue(window.contains(NAME) && window.contains(ID_NUMBER) && window.contains(PHONE)
                && window.contains(RECIPIENT), window);
        assertTrue(get("demo-window", "/v1/cases/" + id + "/history").contains(RECIPIENT));

        for (String token : List.of("demo-supervisor", "demo-dept-ly", "demo-admin")) {
            String c = get(token, "/v1/cases/" + id);
            assertNothingClear(token + " case", c);
            assertTrue(c.contains("张*丰") && c.contains("138****5678") && c.contains("李*水")
                    && c.contains("330106********" + ID_NUMBER.substring(14)), c);
            String h = get(token, "/v1/cases/" + id + "/history");
            assertNothingClear(token + " history", h);
            assertTrue(h.contains("to 李*水"), h);
        }
        String listing = as("demo-supervisor").queryParam("centerId", DemoData.COUNTY_CENTER).queryParam("limit", 100)
                .get("/v1/cases").then().statusCode(200).extract().asString();
        assertTrue(listing.contains(id));
        assertNothingClear("supervisor listing", listing);
    }

    @Test
    void departmentTaskReasonsAndTheCaseOfATaskAreMasked() {
        String body = AuthorizationMatrixTest.agentBody(DemoData.ITEM_HAZCHEM_TRADE);
        String id = as("demo-agent").body(body).post("/v1/cases").then().statusCode(201).extract().path("id");
        String decided = as("demo-dept-yjgl").body("{\"decision\":\"DENY\",\"reasons\":[\"经查" + NAME + "（身份证"
                + ID_NUMBER + "，电话" + PHONE + "）仓储不符合要求\"]}").post("/v1/tasks/" + id + "~yjgl/decision")
                .then().statusCode(200).extract().asString();
        assertNothingClear("deciding department", decided);
        for (String token : List.of("demo-dept-yjgl", "demo-supervisor")) {
            assertNothingClear(token + " task", get(token, "/v1/tasks/" + id + "~yjgl"));
            assertNothingClear(token + " inbox", get(token, "/v1/departments/yjgl/tasks?status=DENIED&limit=100"));
            assertNothingClear(token + " case", get(token, "/v1/cases/" + id));
            assertNothingClear(token + " history", get(token, "/v1/cases/" + id + "/history"));
        }
        // the agent who acts for the villager still reads the case in clear
        String agent = get("demo-agent", "/v1/cases/" + id);
        assertTrue(agent.contains(NAME) && agent.contains(ID_NUMBER), agent);
    }

    /** A 9-character passport (once a 500 for every listing holding it) and a 1-character "other" number. */
    @Test
    void unusualIdentityNumbersListFineAndMasked() {
        String passport = intake("demo-window", applicant("PASSPORT", "E12345678"))
                .statusCode(201).body("applicant.idNumber", equalTo("E12345678")).extract().path("id");
        String other = intake("demo-window", applicant("OTHER", "AB12345")).statusCode(201).extract().path("id");
        // a record imported from an older system with a 1-character number (intake itself now wants 5 or more)
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("CASE#" + other),
                "sk", AttributeValue.fromS("META"));
        String table = platform.settings.casesTable();
        String doc = platform.dynamoDb.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item()
                .get("doc").s();
        assertTrue(doc.contains("\"AB12345\""));
        platform.dynamoDb.updateItem(b -> b.tableName(table).key(key).updateExpression("SET doc = :d")
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromS(doc.replace("\"AB12345\"", "\"7\"")))));
        as("demo-window").get("/v1/cases/" + other).then().statusCode(200).body("applicant.idNumber", equalTo("7"));

        for (String token : List.of("demo-window", "demo-supervisor")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                var r = as(token).queryParam("centerId", DemoData.COUNTY_CENTER).queryParam("limit", 100);
                if (cursor != null) r.queryParam("cursor", cursor);
                var page = r.get("/v1/cases").then().statusCode(200).extract();
                List<String> ids = page.path("items.id");
                seen.addAll(ids);
                String p = page.path("items.find { it.id == '" + passport + "' }.applicant.idNumber");
                if (p != null) assertEquals("E*****678", p, token);
                String o = page.path("items.find { it.id == '" + other + "' }.applicant.idNumber");
                if (o != null) assertEquals("*", o, token);
                cursor = page.path("nextCursor");
            } while (cursor != null);
            assertTrue(seen.containsAll(List.of(passport, other)), token + " lists both");
        }
        as("demo-supervisor").get("/v1/cases/" + passport).then().statusCode(200)
                .body("applicant.idNumber", equalTo("E*****678")).body("applicant.name", equalTo("张*丰"));
        as("demo-supervisor").get("/v1/cases/" + other).then().statusCode(200)
                .body("applicant.idNumber", equalTo("*"));
    }

    static String applicant(String idType, String idNumber) {
        return intakeBody(DemoData.ITEM_TREE_FELLING, "WINDOW", "M01", "M02", "M03", "M04")
                .replace("\"idType\":\"RESIDENT_ID\",\"idNumber\":\"" + ID_NUMBER + "\"",
                        "\"idType\":\"" + idType + "\",\"idNumber\":\"" + idNumber + "\"");
    }
}
