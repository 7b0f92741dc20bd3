package cn.onewindow.api;

import cn.onewindow.aws.Platform;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.cases.Applicant;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.Decision;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.catalog.MaterialRequirement;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.cases.usecase.CaseCommands;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /v1/evaluations} through the Lambda HTTP path: each refused rating is a problem+json with a stable
 * code (and the fields, for validation), and leaves no rating behind; a retry of a stored rating is answered with
 * the first body. (Malformed JSON in general is {@link BadInputTest}'s.)
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class EvaluationApiTest {
    @Inject
    Platform platform;

    private String accepted(String name) {
        Caller window = DemoData.callers().get("demo-window");
        ServiceItem item = DemoData.items(Instant.EPOCH).stream()
                .filter(i -> i.code().equals(DemoData.ITEM_COMPANY_REGISTRATION)).findFirst().orElseThrow();
        List<SubmittedMaterial> materials = item.materials().stream().filter(MaterialRequirement::mandatory)
                .map(m -> new SubmittedMaterial(m.code(), m.copies())).toList();
        return platform.caseService.intake(window, new CaseCommands.Intake(item.code(), new Applicant(name, null,
                IdType.RESIDENT_ID, IntakeApiTest.ID_NUMBER, "13812345678"), Channel.WINDOW, null, null, materials,
                List.of()), null).snapshot().id();
    }

    private String delivered(String name) {
        Caller window = DemoData.callers().get("demo-window");
        String id = accepted(name);
        platform.caseService.decide(window, id, new CaseCommands.Decide(Decision.Outcome.APPROVE, List.of()), null);
        platform.caseService.issueResult(window, id, new CaseCommands.IssueResult("R-" + id), null);
        platform.caseService.deliver(window, id, new CaseCommands.Deliver(name, "本人签收"), null);
        return id;
    }

    private static String rating(String caseId, String level) {
        return "{\"caseId\":" + (caseId == null ? "null" : "\"" + caseId + "\"") + ",\"level\":\"" + level
                + "\",\"channel\":\"PAD\",\"applicantConfirmation\":\"5678\",\"windowId\":\"W01\"}";
    }

    private static Response post(String token, String body, String key) {
        var r = IntakeApiTest.as(token);
        if (key != null) r = r.header("Idempotency-Key", key);
        return r.body(body).post("/v1/evaluations");
    }

    /** The ratings stored for a case (EVAL#1, EVAL#2). */
    private int ratings(String caseId) {
        return platform.dynamoDb.query(q -> q.tableName(platform.settings.casesTable())
                .keyConditionExpression("pk = :p AND begins_with(sk, :e)")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("CASE#" + caseId),
                        ":e", AttributeValue.fromS("EVAL#")))).count();
    }

    private static void problem(Response r, int status, String code) {
        assertEquals(status, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(code, r.path("code"));
        assertEquals(status, (int) r.path("status"));
        assertTrue(!r.<String>path("messageZh").isBlank() && !r.<String>path("messageEn").isBlank());
    }

    @Test
    void invalidFieldsAreA400WithEveryFieldListed() {
        String id = delivered("字段错误");
        Response r = post("demo-terminal", rating(id, "GOOD"), null);
        problem(r, 400, "VALIDATION_FAILED");
        assertEquals(List.of("level"), r.path("errors.field"));
        assertEquals(List.of("INVALID_VALUE"), r.path("errors.code"));

        r = post("demo-terminal", rating(null, "SATISFIED"), null);
        problem(r, 400, "VALIDATION_FAILED");
        assertEquals(List.of("caseId"), r.path("errors.field"));

        r = post("demo-terminal", "{\"caseId\":\"" + id + "\",\"level\":\"GOOD\",\"channel\":\"FAX\","
                + "\"ratedAt\":\"yesterday\"}", null);
        problem(r, 400, "VALIDATION_FAILED");
        assertEquals(List.of("applicantConfirmation", "level", "channel", "ratedAt"), r.path("errors.field"));
        assertEquals(0, ratings(id), "nothing stored");
    }

    @Test
    void aCaseWithoutAResultIsNotRateable() {
        String id = accepted("未出件");
        Response r = post("demo-terminal", rating(id, "SATISFIED"), null);
        problem(r, 409, "CASE_NOT_RATEABLE");
        assertEquals(0, ratings(id));
    }

    @Test
    void aRetryIsTheFirstBodyAndADifferentSecondRatingIsA409() {
        String id = delivered("重复评价");
        Response first = post("demo-terminal", rating(id, "SATISFIED"), null);
        assertEquals(201, first.statusCode(), first.asString());
        assertEquals(id + "-E1", first.path("id"));

        Response again = post("demo-terminal", rating(id, "SATISFIED"), null);
        assertEquals(200, again.statusCode(), again.asString());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.asString(), again.asString(), "the retry is answered with the first body");
        assertEquals(first.header("Location"), again.header("Location"));

        Response other = post("demo-terminal", rating(id, "VERY_DISSATISFIED"), null);
        problem(other, 409, "ALREADY_RATED");
        assertEquals(1, ratings(id), "one rating, no rectification opened by the refused one");
        assertNull(platform.evaluations.rectification(id, 1).orElse(null));

        // with an Idempotency-Key: the same key and body → the first body; the same key, another body → 422
        String id2 = delivered("幂等评价");
        Response k1 = post("demo-terminal", rating(id2, "BASIC"), "rate-1");
        assertEquals(201, k1.statusCode(), k1.asString());
        Response k2 = post("demo-terminal", rating(id2, "BASIC"), "rate-1");
        assertEquals(201, k2.statusCode(), "a keyed replay answers the first status");
        assertEquals("true", k2.header("Idempotent-Replayed"));
        assertEquals(k1.asString(), k2.asString());
        problem(post("demo-terminal", rating(id2, "SATISFIED"), "rate-1"), 422, "IDEMPOTENCY_KEY_REUSED");
        assertEquals(1, ratings(id2));
    }

    @Test
    void onlyAnEvaluationDeviceRatesAndOnlyItsApplicant() {
        String id = delivered("非终端");
        for (String token : List.of("demo-window", "demo-supervisor", "demo-dept-scjg", "demo-agent", "demo-admin")) {
            Response r = post(token, rating(id, "SATISFIED"), null);
            assertTrue(r.statusCode() == 403 || r.statusCode() == 404, token + ": " + r.statusCode() + " " + r.asString());
            assertTrue(r.contentType().startsWith("application/problem+json"));
            assertTrue(List.of("FORBIDDEN", "CASE_NOT_FOUND").contains(r.<String>path("code")), token + ": " + r.asString());
        }
        problem(IntakeApiTest.as("nobody").body(rating(id, "SATISFIED")).post("/v1/evaluations"), 401,
                "INVALID_TOKEN");
        problem(post("demo-terminal", rating(id, "SATISFIED").replace("5678", "0000"), null), 422,
                "APPLICANT_NOT_CONFIRMED");
        problem(post("demo-terminal", rating("20250425-NOSUCHCASE", "SATISFIED"), null), 404, "CASE_NOT_FOUND");
        assertEquals(0, ratings(id));
        assertEquals(201, post("demo-terminal", rating(id, "SATISFIED"), null).statusCode(), "the device may");
    }
}
