package cn.onewindow.api;

import cn.onewindow.aws.Platform;
import cn.onewindow.core.demo.DemoData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A corpus of malformed requests to the intake, decision, evaluation and batch endpoints: each one is answered
 * with a 4xx problem+json, none with a 5xx, and none leaves anything in the store.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class BadInputTest {
    static final String VALID = IntakeApiTest.intakeBody(DemoData.ITEM_TREE_FELLING, "WINDOW", "M01", "M02", "M03",
            "M04");

    @Inject
    Platform platform;

    /** Name → raw body bytes. */
    static Map<String, byte[]> corpus(String valid) {
        Map<String, byte[]> c = new LinkedHashMap<>();
        put(c, "empty", "");
        put(c, "null", "null");
        put(c, "array instead of object", "[]");
        put(c, "string instead of object", "\"case\"");
        put(c, "number instead of object", "42");
        put(c, "truncated", valid.substring(0, valid.length() / 2));
        put(c, "trailing garbage", valid + "}}");
        put(c, "single quotes", valid.replace('"', '\''));
        put(c, "comment", "/* x */" + valid);
        put(c, "unknown field", valid.substring(0, valid.length() - 1) + ",\"isAdmin\":true}");
        put(c, "unknown nested field", valid.replace("\"name\":", "\"nickname\":\"x\",\"name\":"));
        put(c, "wrong type: object as string", valid.replace("\"applicant\":{", "\"applicant\":\"x\",\"x\":{"));
        put(c, "wrong type: number as string field", valid.replaceFirst("\"itemCode\":\"[^\"]*\"", "\"itemCode\":12"));
        put(c, "wrong type: string as number", valid.replace("\"copies\":1", "\"copies\":\"one\""));
        put(c, "wrong type: array as string", valid.replaceFirst("\"channel\":\"[^\"]*\"", "\"channel\":[\"WINDOW\"]"));
        put(c, "wrong enum", valid.replaceFirst("\"channel\":\"[^\"]*\"", "\"channel\":\"FAX\""));
        put(c, "missing everything", "{}");
        put(c, "missing applicant", valid.replaceFirst("\"applicant\":\\{[^}]*\\},", ""));
        put(c, "negative number", valid.replace("\"copies\":1", "\"copies\":-1"));
        put(c, "zero copies", valid.replace("\"copies\":1", "\"copies\":0"));
        put(c, "overflowing int", valid.replace("\"copies\":1", "\"copies\":99999999999999999999"));
        put(c, "float for int", valid.replace("\"copies\":1", "\"copies\":1.5"));
        put(c, "huge exponent", valid.replace("\"copies\":1", "\"copies\":1e400"));
        put(c, "NaN", valid.replace("\"copies\":1", "\"copies\":NaN"));
        put(c, "date out of range", valid.substring(0, valid.length() - 1)
                + ",\"consent\":{\"method\":\"WRITTEN_AUTHORIZATION\",\"givenAt\":\"+999999999-12-31T23:59:59Z\"}}");
        put(c, "date not a date", valid.substring(0, valid.length() - 1)
                + ",\"consent\":{\"method\":\"WRITTEN_AUTHORIZATION\",\"givenAt\":\"2025-02-30T10:00:00Z\"}}");
        put(c, "sql in a code", valid.replaceFirst("\"itemCode\":\"[^\"]*\"", "\"itemCode\":\"x' OR '1'='1\""));
        put(c, "script in a code", valid.replaceFirst("\"itemCode\":\"[^\"]*\"",
                "\"itemCode\":\"<script>alert(1)</script>\""));
        put(c, "sql in the id number", valid.replaceFirst("\"idNumber\":\"[^\"]*\"", "\"idNumber\":\"1; DROP TABLE cases\""));
        put(c, "control characters", valid.replaceFirst("\"itemCode\":\"[^\"]*\"", "\"itemCode\":\"\\u0000\\u0007\""));
        put(c, "very long string", valid.replaceFirst("\"itemCode\":\"[^\"]*\"", "\"itemCode\":\"" + "A".repeat(100_000) + "\""));
        put(c, "many materials", valid.replace("\"materials\":[", "\"materials\":["
                + "{\"code\":\"M01\",\"copies\":1},".repeat(5000)));
        put(c, "deep nesting", "{\"itemCode\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        put(c, "deep object nesting", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
        put(c, "huge body", "{\"itemCode\":\"" + "x".repeat(1_200_000) + "\"}");
        byte[] bad = valid.getBytes(StandardCharsets.UTF_8);
        byte[] invalidUtf8 = new byte[bad.length + 4];
        System.arraycopy(bad, 0, invalidUtf8, 0, 20);
        invalidUtf8[20] = (byte) 0xC3;
        invalidUtf8[21] = (byte) 0x28;
        invalidUtf8[22] = (byte) 0xFF;
        invalidUtf8[23] = (byte) 0xFE;
        System.arraycopy(bad, 20, invalidUtf8, 24, bad.length - 20);
        c.put("invalid UTF-8", invalidUtf8);
        return c;
    }

    static void put(Map<String, byte[]> c, String name, String body) {
        c.put(name, body.getBytes(StandardCharsets.UTF_8));
    }

    long items() {
        long n = 0;
        for (String table : List.of(platform.settings.casesTable(), platform.settings.idempotencyTable())) {
            n += platform.dynamoDb.scan(b -> b.tableName(table).select("COUNT")).count();
        }
        return n;
    }

    @Test
    void aBodyOverTheLimitWithoutContentLengthIsRefusedToo() {
        long before = items();
        byte[] big = ("{\"itemCode\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Response r = RestAssured.given().header("Authorization", "Bearer demo-window")
                .contentType("application/json").body(new java.io.ByteArrayInputStream(big)).post("/v1/cases");
        assertEquals(413, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"));
        assertEquals("BODY_TOO_LARGE", r.path("code"));
        assertEquals(before, items());
    }

    @Test
    void everyMalformedRequestIsRefusedWithA4xxProblemAndWritesNothing() {
        String caseId = IntakeApiTest.intake("demo-window", VALID).statusCode(201).extract().path("id");
        String ratingValid = "{\"caseId\":\"" + caseId + "\",\"level\":\"SATISFIED\",\"channel\":\"PAD\"}";
        Map<String, String[]> endpoints = new LinkedHashMap<>();
        // endpoint → token, path, a valid body to mutate
        endpoints.put("intake", new String[]{"demo-window", "/v1/cases", VALID});
        endpoints.put("decision", new String[]{"demo-window", "/v1/cases/" + caseId + "/decision",
                "{\"outcome\":\"DENY\",\"reasons\":[\"材料不实\"]}"});
        endpoints.put("task decision", new String[]{"demo-dept-yjgl", "/v1/tasks/" + caseId + "~yjgl/decision",
                "{\"decision\":\"DENY\",\"reasons\":[\"x\"]}"});
        endpoints.put("evaluation", new String[]{"demo-terminal", "/v1/evaluations", ratingValid});
        endpoints.put("batch", new String[]{"demo-terminal", "/v1/evaluation-batches",
                "{\"records\":[" + ratingValid + "]}"});
        long before = items();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, String[]> ep : endpoints.entrySet()) {
            String[] e = ep.getValue();
            for (Map.Entry<String, byte[]> bad : corpus(e[2]).entrySet()) {
                if (bad.getValue().length > 0 && java.util.Arrays.equals(bad.getValue(), e[2].getBytes(StandardCharsets.UTF_8))) {
                    continue; // the mutation did not apply to this body's shape
                }
                if (ep.getKey().equals("batch") && bad.getKey().equals("wrong enum")) {
                    continue; // a bad record of a well-formed batch is reported in the batch status, by design
                }
                Response r = RestAssured.given().header("Authorization", "Bearer " + e[0])
                        .contentType("application/json; charset=UTF-8").body(bad.getValue()).post(e[1]);
                sent++;
                String ct = r.contentType() == null ? "" : r.contentType();
                if (r.statusCode() < 400 || r.statusCode() >= 500 || !ct.startsWith("application/problem+json")) {
                    wrong.add(ep.getKey() + " / " + bad.getKey() + ": " + r.statusCode() + " " + ct + " "
                            + r.asString().substring(0, Math.min(200, r.asString().length())));
                } else if (r.statusCode() == 401 || r.statusCode() == 404) {
                    wrong.add(ep.getKey() + " / " + bad.getKey() + ": " + r.statusCode() + " is not about the input");
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + sent + " malformed requests were not a 4xx problem:\n"
                + String.join("\n", wrong));
        assertEquals(before, items(), "a refused request left something in the store");
        assertTrue(sent > 100, "sent " + sent);
    }
}
