package cn.onewindow.api;

import cn.onewindow.aws.AwsSettings;
import cn.onewindow.aws.Json;
import cn.onewindow.aws.Platform;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.notify.Notification;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.onewindow.api.IntakeApiTest.as;
import static cn.onewindow.api.IntakeApiTest.intake;
import static cn.onewindow.api.ServicePointsAndAgentsTest.agentBody;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pick-up code (取件码) as a one-time secret: stored only as a keyed hash, sent sealed through the outbox and
 * masked in the local SMS log, five wrong tries lock it, a supervisor's reissue replaces it, every try is audited.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class PickupCodeTest {
    @Inject
    Platform platform;

    @Test
    void fiveWrongCodesLockItUntilASupervisorReissuesOneAndEveryTryIsAudited() throws Exception {
        String id = intake("demo-agent", agentBody(DemoData.ITEM_TREE_FELLING, "M01", "M02", "M03", "M04"))
                .statusCode(201).extract().path("id");
        as("demo-window").body("{\"outcome\":\"APPROVE\"}").post("/v1/cases/" + id + "/decision").then().statusCode(200);
        as("demo-window").body("{}").post("/v1/cases/" + id + "/result").then().statusCode(200);
        String code = codeSent(id, Notification.Kind.RESULT_READY);
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int i = 1; i <= 5; i++) {
            as("demo-agent").body(delivery(wrong)).post("/v1/cases/" + id + "/delivery").then().statusCode(422)
                    .contentType("application/problem+json").body("code", equalTo("CONFIRMATION_CODE_MISMATCH"));
        }
        // the sixth try is refused even with the right code, with a stable problem code; nothing is delivered
        as("demo-agent").body(delivery(code)).post("/v1/cases/" + id + "/delivery").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("PICKUP_CODE_LOCKED"));
        as("demo-agent").get("/v1/cases/" + id).then().body("status", equalTo("RESULT_READY"));

        // only a supervisor issues a new code; it goes to the villager by SMS through the outbox
        as("demo-agent").post("/v1/cases/" + id + "/pickup-code").then().statusCode(403);
        as("demo-window").post("/v1/cases/" + id + "/pickup-code").then().statusCode(403);
        as("demo-supervisor").post("/v1/cases/" + id + "/pickup-code").then().statusCode(200)
                .body("status", equalTo("RESULT_READY"));
        String fresh = codeSent(id, Notification.Kind.PICKUP_CODE_REISSUED);
        if (!fresh.equals(code)) {
            as("demo-agent").body(delivery(code)).post("/v1/cases/" + id + "/delivery").then().statusCode(422)
                    .body("code", equalTo("CONFIRMATION_CODE_MISMATCH"));
        }
        as("demo-agent").body(delivery(fresh)).post("/v1/cases/" + id + "/delivery").then().statusCode(200)
                .body("status", equalTo("DELIVERED")).body("deliveryMethod", equalTo("CONFIRMATION_CODE"));

        // every try in the audit trail: who, when, outcome, never the code
        JsonPath history = as("demo-window").get("/v1/cases/" + id + "/history").then().statusCode(200).extract()
                .jsonPath();
        List<Map<String, Object>> tries = history.getList("findAll { it.event == 'PICKUP_CODE_TRIED' }");
        List<String> outcomes = tries.stream().map(t -> String.valueOf(t.get("reason")).split(",")[0]).toList();
        List<String> expected = new java.util.ArrayList<>(List.of("MISMATCHED", "MISMATCHED", "MISMATCHED",
                "MISMATCHED", "MISMATCHED", "LOCKED"));
        if (!fresh.equals(code)) expected.add("MISMATCHED");
        expected.add("MATCHED");
        assertEquals(expected, outcomes);
        for (Map<String, Object> t : tries) {
            assertEquals("agent-001", t.get("actorId"));
            assertTrue(t.get("at") != null);
            assertFalse(String.valueOf(t).contains(code) || String.valueOf(t).contains(fresh), String.valueOf(t));
        }
        assertEquals("MISMATCHED, wrong tries 5/5, locked", tries.get(4).get("reason"));
        assertEquals(List.of("supervisor-001"),
                history.getList("findAll { it.event == 'PICKUP_CODE_REISSUED' }.actorId"));
        assertFalse(history.prettify().contains(code) || history.prettify().contains(fresh));

        // the stored case holds a keyed hash only, and the outbox items hold the codes masked and sealed
        String stored = items(id).toString();
        assertFalse(stored.contains("取件码" + code) || stored.contains("取件码" + fresh), "code in clear in the table");
        assertFalse(Pattern.compile("取件码\\d{6}").matcher(stored).find());
        String caseDoc = items(id).stream().filter(i -> i.get("sk").s().equals("META")).findFirst().orElseThrow()
                .get("doc").s();
        assertTrue(caseDoc.contains("\"pickupCodeHash\":\"k1:"), "a keyed hash with its key id");

        // the sender: the relay, with the local SMS log, opens the sealed text just before the sink; the log masks it
        Path log = Files.createTempFile("notifications", ".log");
        Platform relay = relay(log);
        relay.notificationRelay.run(Duration.ofDays(3));
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(logged.contains(id) && logged.contains("取件码******"), logged);
        assertFalse(logged.contains(code) || logged.contains(fresh), "code in clear in the notifications log");
        assertFalse(items(id).toString().contains("取件码" + fresh));
        Files.deleteIfExists(log);
    }

    static String delivery(String code) {
        return "{\"deliveredTo\":\"张三丰\",\"confirmationCode\":\"" + code + "\"}";
    }

    List<Map<String, AttributeValue>> items(String id) {
        return platform.dynamoDb.query(q -> q.tableName(platform.settings.casesTable())
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS("CASE#" + id)))).items();
    }

    /** The code of the applicant's SMS of that kind, opened as the sender opens it (the test plays the relay). */
    String codeSent(String id, Notification.Kind kind) {
        Notification n = items(id).stream().filter(i -> i.get("sk").s().startsWith("NOTIFY#"))
                .map(i -> Json.read(i.get("doc").s(), Notification.class))
                .filter(x -> x.kind() == kind && x.recipient() == Notification.Recipient.APPLICANT)
                .reduce((a, b) -> b).orElseThrow();
        Matcher m = Pattern.compile("取件码(\\d{6})").matcher(platform.privacyKeys.outbox().open(n.sealedText(), n.id()));
        assertTrue(m.find());
        assertTrue(n.text().contains("取件码******") && !n.text().contains(m.group(1)), n.text());
        assertFalse(n.sealedText().contains(m.group(1)));
        return m.group(1);
    }

    /** The outbox relay's platform (its template environment), writing the local SMS log instead of the queue. */
    static Platform relay(Path log) {
        var config = ConfigProvider.getConfig();
        Map<String, String> env = new HashMap<>();
        for (String name : List.of(AwsSettings.ENV_CASES_TABLE, AwsSettings.ENV_DYNAMODB_ENDPOINT,
                AwsSettings.ENV_OUTBOX_KEY, AwsSettings.ENV_SECRETS_DIR)) {
            env.put(name, config.getValue(name, String.class));
        }
        env.put(AwsSettings.ENV_CASES_TABLE_INDEXES, "byDue");
        env.put(AwsSettings.ENV_NOTIFICATION_LOG, log.toString());
        return new Platform(AwsSettings.fromEnvironment(env),
                Clock.fixed(LocalAwsResource.START.plus(Duration.ofDays(1)), ZoneOffset.UTC));
    }
}
