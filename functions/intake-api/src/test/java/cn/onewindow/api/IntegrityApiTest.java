package cn.onewindow.api;

import cn.onewindow.aws.Platform;
import cn.onewindow.core.demo.DemoData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Never a 500, never a lost write" over the HTTP API: a fuzz test driven by the OpenAPI document the build
 * produces (every route with a JSON body or query parameters, schema-derived mutations), and the Idempotency-Key
 * semantics on every write, including eight concurrent requests with one key.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class IntegrityApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Inject
    Platform platform;

    long items() {
        long n = 0;
        for (String table : List.of(platform.settings.casesTable(), platform.settings.referenceTable())) {
            n += platform.dynamoDb.scan(b -> b.tableName(table).select("COUNT")).count();
        }
        return n;
    }

    /** The document the code generates (the test application's own, which the committed one must equal). */
    static JsonNode openApi() throws Exception {
        return JSON.readTree(RestAssured.given().get("/q/openapi-generated?format=json").asString());
    }

    // ------------------------------------------------------------------------------------------------ fuzz

    @Test
    void everyRouteAnswersSchemaDerivedMutationsWithoutA5xxAndRejectedOnesWriteNothing() throws Exception {
        JsonNode doc = openApi();
        JsonNode schemas = doc.path("components").path("schemas");
        // the documented maxima are in the document
        assertEquals(Limits.maxLength("reason"), doc.at("/components/schemas/Suspend/properties/reason/maxLength").asInt(),
                doc.at("/components/schemas/Suspend").toString());
        assertEquals(20, doc.at("/components/schemas/Decide/properties/reasons/maxItems").asInt());

        String caseId = IntakeApiTest.intake("demo-window", BadInputTest.VALID).statusCode(201).extract().path("id");
        String jointId = IntakeApiTest.intake("demo-window", IntakeApiTest.intakeBody(DemoData.ITEM_HAZCHEM_TRADE,
                "WINDOW", "M01", "M02", "M03", "M04")).statusCode(201).extract().path("id");
        String ticketId = IntakeApiTest.as("demo-kiosk").body("{\"category\":\"A\"}")
                .post("/v1/centers/330110-ZX/tickets").then().statusCode(201).extract().path("ticket.id");
        Map<String, String> pathValues = Map.ofEntries(Map.entry("id", caseId),
                Map.entry("taskId", jointId + "~yjgl"), Map.entry("code", DemoData.ITEM_TREE_FELLING),
                Map.entry("region", "CN"), Map.entry("year", "2027"), Map.entry("dept", "yjgl"),
                Map.entry("windowId", "330110-ZX-W01"), Map.entry("centerId", "330110-ZX"),
                Map.entry("ticketId", ticketId), Map.entry("caseNumber", caseId),
                Map.entry("terminalId", "terminal-001"));
        Map<String, String> tokenFor = new LinkedHashMap<>();
        tokenFor.put("/v1/tasks/", "demo-dept-yjgl");
        tokenFor.put("/v1/departments/", "demo-dept-yjgl");
        tokenFor.put("/v1/evaluation", "demo-terminal");
        tokenFor.put("/v1/rectifications", "demo-supervisor");
        tokenFor.put("/v1/items", "demo-admin");
        tokenFor.put("/v1/calendars", "demo-admin");
        tokenFor.put("/v1/callers", "demo-admin");
        tokenFor.put("/v1/service-points", "demo-admin");
        tokenFor.put("/v1/stats", "demo-supervisor");
        tokenFor.put("/v1/terminals", "demo-admin");

        List<String> wrong = new ArrayList<>();
        int sent = 0;
        int routes = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                JsonNode o = op.getValue();
                JsonNode bodySchema = o.at("/requestBody/content/application~1json/schema");
                List<String> queryParams = new ArrayList<>();
                for (JsonNode prm : o.path("parameters")) {
                    if ("query".equals(prm.path("in").asText())) queryParams.add(prm.path("name").asText());
                }
                if (bodySchema.isMissingNode() && queryParams.isEmpty()) continue;
                routes++;
                String path = p.getKey();
                for (Map.Entry<String, String> v : pathValues.entrySet()) path = path.replace("{" + v.getKey() + "}", v.getValue());
                String token = "demo-window";
                for (Map.Entry<String, String> t : tokenFor.entrySet()) {
                    if (path.startsWith(t.getKey())) token = t.getValue();
                }
                List<Object[]> requests = new ArrayList<>(); // name, body (String or null), query map
                if (!bodySchema.isMissingNode()) {
                    JsonNode resolved = resolve(bodySchema, schemas);
                    JsonNode base = sample(resolved, schemas, "", 0);
                    for (Map.Entry<String, JsonNode> m : mutations(base, resolved, schemas).entrySet()) {
                        requests.add(new Object[]{m.getKey(), JSON.writeValueAsString(m.getValue()), Map.of()});
                    }
                    requests.add(new Object[]{"huge string", "{\"x\":\"" + "字".repeat(300_000) + "\"}", Map.of()});
                }
                for (String q : queryParams) {
                    for (String bad : List.of("", "9999-12-31", "+999999999-12-31", "2025-02-30", "-1",
                            "99999999999999999999", "NOT_A_VALUE", "x".repeat(1_000), "\u0000", "\ud800x",
                            "9999-12-31T23:59:59Z", "1e400")) {
                        requests.add(new Object[]{q + "=" + bad.substring(0, Math.min(20, bad.length())), null,
                                Map.of(q, bad)});
                    }
                }
                for (Object[] r : requests) {
                    long before = items();
                    io.restassured.specification.RequestSpecification spec = RestAssured.given()
                            .header("Authorization", "Bearer " + token).queryParams((Map<String, ?>) r[2]);
                    if (r[1] != null) spec = spec.contentType("application/json; charset=UTF-8").body((String) r[1]);
                    Response resp = spec.request(method, path);
                    sent++;
                    String ct = resp.contentType() == null ? "" : resp.contentType();
                    String what = method + " " + p.getKey() + " / " + r[0] + ": " + resp.statusCode() + " ";
                    if (resp.statusCode() >= 500) {
                        wrong.add(what + resp.asString().substring(0, Math.min(200, resp.asString().length())));
                    } else if (resp.statusCode() >= 400) {
                        String code = ct.startsWith("application/problem+json") ? resp.path("code") : null;
                        if (!ct.startsWith("application/problem+json") || code == null || !code.matches("[A-Z][A-Z0-9_]+")) {
                            wrong.add(what + "not a problem with a code: " + ct + " " + resp.asString());
                        } else if (items() != before && !recordsRefusedSignIn(method, p.getKey(), code)) {
                            wrong.add(what + "a rejected request left something in the store");
                        }
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + sent + " requests went wrong:\n" + String.join("\n", wrong));
        assertTrue(routes >= 20, "routes " + routes);
        assertTrue(sent > 500, "sent " + sent);
    }

    static JsonNode resolve(JsonNode s, JsonNode schemas) {
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            s = schemas.path(s.get("$ref").asText().replace("#/components/schemas/", ""));
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) return resolve(s.get("allOf").get(0), schemas);
        return s;
    }

    static String type(JsonNode s) {
        JsonNode t = s.path("type");
        if (t.isArray()) {
            for (JsonNode x : t) if (!"null".equals(x.asText())) return x.asText();
        }
        return t.asText(s.has("properties") ? "object" : "string");
    }

    /** A plausible value for the schema. */
    static JsonNode sample(JsonNode s, JsonNode schemas, String name, int depth) {
        s = resolve(s, schemas);
        if (s.has("enum")) return s.get("enum").get(0);
        switch (type(s)) {
            case "object" -> {
                ObjectNode o = F.objectNode();
                if (depth < 4) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> p = it.next();
                        o.set(p.getKey(), sample(p.getValue(), schemas, p.getKey(), depth + 1));
                    }
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = F.arrayNode();
                if (depth < 4) a.add(sample(s.path("items"), schemas, name, depth + 1));
                return a;
            }
            case "integer" -> { return F.numberNode(1); }
            case "number" -> { return F.numberNode(1.5); }
            case "boolean" -> { return F.booleanNode(true); }
            default -> {
                String f = s.path("format").asText();
                if (f.equals("date-time")) return F.textNode("2025-04-25T02:00:00Z");
                if (f.equals("date")) return F.textNode("2025-05-01");
                return F.textNode(name.toLowerCase().contains("code") ? "M01" : "x");
            }
        }
    }

    /** Schema-derived mutations: at every property (top level and one level down) and inside every array. */
    static Map<String, JsonNode> mutations(JsonNode base, JsonNode schema, JsonNode schemas) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        out.put("empty object", F.objectNode());
        out.put("array body", F.arrayNode());
        if (!base.isObject()) return out;
        mutate(out, (ObjectNode) base, (ObjectNode) base, schema, schemas, "", 0);
        return out;
    }

    private static void mutate(Map<String, JsonNode> out, ObjectNode root, ObjectNode node, JsonNode schema,
                               JsonNode schemas, String prefix, int depth) {
        for (Iterator<Map.Entry<String, JsonNode>> it = resolve(schema, schemas).path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String name = p.getKey();
            JsonNode ps = resolve(p.getValue(), schemas);
            String at = prefix + name;
            JsonNode original = node.get(name);
            List<Object[]> variants = new ArrayList<>();
            variants.add(new Object[]{"null", F.nullNode()});
            variants.add(new Object[]{"object", F.objectNode().put("a", 1)});
            switch (type(ps)) {
                case "array" -> {
                    variants.add(new Object[]{"null inside", F.arrayNode().add(F.nullNode())});
                    ArrayNode two = F.arrayNode();
                    if (original != null && original.size() > 0) two.add(original.get(0));
                    two.add(F.nullNode());
                    variants.add(new Object[]{"null after an entry", two});
                    ArrayNode many = F.arrayNode();
                    for (int i = 0; i < 2_000; i++) many.add(original != null && original.size() > 0 ? original.get(0) : F.textNode("x"));
                    variants.add(new Object[]{"2000 entries", many});
                    variants.add(new Object[]{"string", F.textNode("x")});
                }
                case "integer", "number" -> {
                    variants.add(new Object[]{"string", F.textNode("1")});
                    variants.add(new Object[]{"-1", F.numberNode(-1)});
                    variants.add(new Object[]{"max int", F.numberNode(Integer.MAX_VALUE)});
                    variants.add(new Object[]{"huge", F.numberNode(new java.math.BigInteger("9".repeat(60)))});
                    variants.add(new Object[]{"huge float", F.numberNode(new java.math.BigDecimal("1e300"))});
                }
                case "boolean" -> variants.add(new Object[]{"string", F.textNode("yes")});
                case "object" -> {
                    variants.add(new Object[]{"array", F.arrayNode()});
                    if (depth == 0 && original instanceof ObjectNode child) {
                        mutate(out, root, child, ps, schemas, at + ".", depth + 1);
                    }
                }
                default -> {
                    variants.add(new Object[]{"number", F.numberNode(12)});
                    variants.add(new Object[]{"array", F.arrayNode().add("x")});
                    if (depth == 0) variants.add(new Object[]{"10^6 chars", F.textNode("a".repeat(1_000_000))});
                    variants.add(new Object[]{"5000 chars", F.textNode("字".repeat(5_000))});
                    variants.add(new Object[]{"unknown enum", F.textNode("NOT_A_VALUE")});
                    variants.add(new Object[]{"year 9999", F.textNode("9999-12-31T23:59:59Z")});
                    variants.add(new Object[]{"extreme date", F.textNode("+999999999-12-31T23:59:59Z")});
                    variants.add(new Object[]{"impossible date", F.textNode("2025-02-30")});
                    variants.add(new Object[]{"stray unicode", F.textNode("a\ud800b\u0000\uffff")});
                }
            }
            for (Object[] v : variants) {
                JsonNode before = node.get(name);
                node.set(name, (JsonNode) v[1]);
                out.put(at + ": " + v[0], root.deepCopy());
                if (before == null) node.remove(name); else node.set(name, before);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ idempotency

    @Test
    void eightConcurrentRequestsWithOneKeyMakeOneCaseAndEveryAnswerIsItOrInProgress() throws Exception {
        long before = items();
        String key = "race-" + System.nanoTime();
        List<Response> answers = concurrently(8, () -> IntakeApiTest.as("demo-window").header("Idempotency-Key", key)
                .body(BadInputTest.VALID).post("/v1/cases"));
        Set<String> ids = new HashSet<>();
        int created = 0;
        for (Response r : answers) {
            assertTrue(r.statusCode() == 201 || r.statusCode() == 409, r.statusCode() + " " + r.asString());
            if (r.statusCode() == 409) {
                assertEquals("IDEMPOTENCY_KEY_IN_PROGRESS", r.path("code"));
                assertEquals("1", r.header("Retry-After"));
            } else {
                ids.add(r.path("id"));
                if (!"true".equals(r.header("Idempotent-Replayed"))) created++;
            }
        }
        assertEquals(1, ids.size(), "every answer names the one case: " + ids);
        assertEquals(1, created, "exactly one answer is the original, the others replays");
        // a later replay is the original (status and body)
        Response again = IntakeApiTest.as("demo-window").header("Idempotency-Key", key).body(BadInputTest.VALID)
                .post("/v1/cases");
        assertEquals(201, again.statusCode());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(ids.iterator().next(), again.path("id"));
        assertTrue(items() > before);
        long stored = items();
        // the same key with another body, or on another route, is refused and writes nothing
        Response other = IntakeApiTest.as("demo-window").header("Idempotency-Key", key)
                .body(BadInputTest.VALID.replace("张三丰", "李四")).post("/v1/cases");
        assertEquals(422, other.statusCode());
        assertEquals("IDEMPOTENCY_KEY_REUSED", other.path("code"));
        Response elsewhere = IntakeApiTest.as("demo-window").header("Idempotency-Key", key)
                .body("{\"kind\":\"SITE_INSPECTION\",\"reason\":\"现场核查\"}").post("/v1/cases/" + again.path("id") + "/suspensions");
        assertEquals(422, elsewhere.statusCode());
        assertEquals(stored, items());
        // the same body with its keys in another order is the same request
        ObjectNode reordered = F.objectNode();
        JsonNode valid = JSON.readTree(BadInputTest.VALID);
        List<String> names = new ArrayList<>();
        valid.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(n -> reordered.set(n, valid.get(n)));
        Response replay = IntakeApiTest.as("demo-window").header("Idempotency-Key", key)
                .body(reordered.toString()).post("/v1/cases");
        assertEquals(201, replay.statusCode(), replay.asString());
        assertEquals("true", replay.header("Idempotent-Replayed"));
    }

    @Test
    void aLateReplayOfATaskDecisionDoesNotSuspendTheResumedCaseAgain() {
        String jointId = IntakeApiTest.intake("demo-window", IntakeApiTest.intakeBody(DemoData.ITEM_HAZCHEM_TRADE,
                "WINDOW", "M01", "M02", "M03", "M04")).statusCode(201).extract().path("id");
        String key = "supp-" + System.nanoTime();
        String body = "{\"decision\":\"REQUEST_SUPPLEMENT\",\"reasons\":[\"证书过期\"],\"missing\":[\"M04\"]}";
        Response first = IntakeApiTest.as("demo-dept-yjgl").header("Idempotency-Key", key).body(body)
                .post("/v1/tasks/" + jointId + "~yjgl/decision");
        assertEquals(200, first.statusCode(), first.asString());
        IntakeApiTest.as("demo-window").body("{\"materials\":[{\"code\":\"M04\",\"copies\":1}]}")
                .post("/v1/cases/" + jointId + "/materials").then().statusCode(200);
        String status = IntakeApiTest.as("demo-window").get("/v1/cases/" + jointId).path("status");
        assertNotEquals("SUSPENDED", status);
        Response late = IntakeApiTest.as("demo-dept-yjgl").header("Idempotency-Key", key).body(body)
                .post("/v1/tasks/" + jointId + "~yjgl/decision");
        assertEquals(200, late.statusCode());
        assertEquals("true", late.header("Idempotent-Replayed"));
        assertEquals(first.asString(), late.asString(), "the replay is the original answer");
        assertEquals(status, IntakeApiTest.as("demo-window").get("/v1/cases/" + jointId).path("status"),
                "the replay changed nothing");
    }

    @Test
    void aBatchReusingItsKeyWithOtherRecordsOfTheSameCountIsRefused() {
        String key = "batch-" + System.nanoTime();
        String a = "{\"records\":[{\"caseId\":\"C-1\",\"level\":\"SATISFIED\",\"channel\":\"PAD\",\"applicantConfirmation\":\"5678\"}]}";
        String b = a.replace("SATISFIED", "BASIC");
        Response first = IntakeApiTest.as("demo-terminal").header("Idempotency-Key", key).body(a).post("/v1/evaluation-batches");
        assertEquals(202, first.statusCode(), first.asString());
        Response again = IntakeApiTest.as("demo-terminal").header("Idempotency-Key", key).body(a).post("/v1/evaluation-batches");
        assertEquals(202, again.statusCode());
        assertEquals((String) first.path("id"), again.path("id"));
        Response other = IntakeApiTest.as("demo-terminal").header("Idempotency-Key", key).body(b).post("/v1/evaluation-batches");
        assertEquals(422, other.statusCode());
        assertEquals("IDEMPOTENCY_KEY_REUSED", other.path("code"));
    }

    @Test
    void eightWindowsSupplementingOneCaseAtOnceLoseNoMaterial() throws Exception {
        // an AWAITING_MATERIALS case: each thread hands in one further material
        String id = IntakeApiTest.intake("demo-window", IntakeApiTest.intakeBody(DemoData.ITEM_TREE_FELLING, "WINDOW",
                "M01")).statusCode(201).extract().path("id");
        List<String> codes = List.of("M02", "M03", "M04", "M02", "M03", "M04", "M02", "M03");
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        List<Response> answers = concurrently(8, () -> IntakeApiTest.as("demo-window")
                .body("{\"materials\":[{\"code\":\"" + codes.get(n.getAndIncrement()) + "\",\"copies\":1}]}")
                .post("/v1/cases/" + id + "/materials"));
        for (Response r : answers) {
            assertTrue(r.statusCode() == 200 || r.statusCode() == 409, r.statusCode() + " " + r.asString());
            if (r.statusCode() == 409) assertTrue(r.contentType().startsWith("application/problem+json"));
        }
        List<String> stored = IntakeApiTest.as("demo-window").get("/v1/cases/" + id).path("materials.code");
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).statusCode() == 200) assertTrue(stored.contains(codes.get(i)), codes.get(i) + " lost: " + stored);
        }
    }

    /**
     * No limit on suspensions (the spec sets none): a thousand suspend/resume cycles through the API, each with a
     * reason near its maximum and a notice. The case item stays small (read raw through the SDK), the history keeps
     * every step, every suspension and notice is still there, and the case goes on to its decision.
     */
    @Test
    void aCaseSurvivesAThousandSuspendResumeCyclesAndItsItemStaysSmall() {
        String id = IntakeApiTest.intake("demo-window", BadInputTest.VALID).statusCode(201).extract().path("id");
        int historyBefore = IntakeApiTest.as("demo-window").get("/v1/cases/" + id + "/history").path("size()");
        int noticesBefore = platform.cases.notices(id).size();
        // past the recent facts the item keeps, twice; -Donewindow.suspendCycles=1000 runs the full thousand
        // (a few minutes; on a machine shared by several builds, much longer)
        int cycles = Math.max(2 * cn.onewindow.core.cases.ServiceCase.Snapshot.RECENT_FACTS + 1,
                Integer.getInteger("onewindow.suspendCycles", 25));
        String reason = "现场核查".repeat(120); // 480 characters, near the field's maximum
        String suspend = "{\"kind\":\"SITE_INSPECTION\",\"reason\":\"" + reason + "\"}";
        int sizeAtRecent = 0;
        for (int i = 1; i <= cycles; i++) {
            IntakeApiTest.as("demo-window").body(suspend).post("/v1/cases/" + id + "/suspensions").then().statusCode(200);
            IntakeApiTest.as("demo-window").post("/v1/cases/" + id + "/resume").then().statusCode(200);
            if (i == cn.onewindow.core.cases.ServiceCase.Snapshot.RECENT_FACTS) sizeAtRecent = caseItemBytes(id);
        }
        int bytes = caseItemBytes(id);
        assertTrue(bytes < 60_000, "the case item is " + bytes + " bytes after " + cycles + " cycles");
        assertTrue(bytes <= sizeAtRecent + 200, "the item no longer grows with the cycles: " + sizeAtRecent
                + " bytes after " + cn.onewindow.core.cases.ServiceCase.Snapshot.RECENT_FACTS + " cycles, " + bytes
                + " after " + cycles);
        // every step is in the history, paged through in full
        List<String> events = IntakeApiTest.as("demo-window").get("/v1/cases/" + id + "/history").path("event");
        // every line, paged through in full: the first suspension also started the review (one line more)
        assertEquals(historyBefore + 2 * cycles + 1, events.size(), events.subList(0, 4).toString());
        assertEquals(platform.cases.find(id).orElseThrow().historySize(), events.size());
        assertEquals(cycles, events.stream().filter("SUSPENDED"::equals).count());
        assertEquals(cycles, events.stream().filter("RESUMED"::equals).count());
        // the case shows its recent suspensions; the store still has every one and every notice
        Response shown = IntakeApiTest.as("demo-window").get("/v1/cases/" + id);
        assertEquals("IN_REVIEW", shown.path("status"));
        assertEquals(cn.onewindow.core.cases.ServiceCase.Snapshot.RECENT_FACTS, (int) shown.path("suspensions.size()"));
        var all = platform.cases.suspensions(id);
        assertEquals(cycles, all.size());
        assertTrue(all.stream().allMatch(p -> p.resumedAt() != null && p.reason().equals(reason)));
        for (int i = 1; i < all.size(); i++) assertTrue(all.get(i - 1).resumedAt().compareTo(all.get(i).suspendedAt()) <= 0);
        assertEquals(noticesBefore + cycles, platform.cases.notices(id).size());
        // and still writes
        IntakeApiTest.as("demo-window").body("{\"days\":5,\"reason\":\"" + reason + "\"}")
                .post("/v1/cases/" + id + "/extension").then().statusCode(200);
        IntakeApiTest.as("demo-window").body("{\"outcome\":\"APPROVE\"}").post("/v1/cases/" + id + "/decision")
                .then().statusCode(200);
        // an extension reason over its maximum is refused before anything is stored
        Response tooLong = IntakeApiTest.as("demo-window").body("{\"days\":1,\"reason\":\"" + "x".repeat(150_000) + "\"}")
                .post("/v1/cases/" + id + "/extension");
        assertEquals(400, tooLong.statusCode());
        assertEquals("reason", tooLong.path("errors[0].field"), tooLong.asString());
    }

    /** The stored size of the case item, read raw through the SDK (attribute names and string values). */
    private int caseItemBytes(String id) {
        var item = platform.dynamoDb.getItem(b -> b.tableName(platform.settings.casesTable()).consistentRead(true)
                .key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CASE#" + id),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("META")))).item();
        return item.entrySet().stream().mapToInt(e -> e.getKey().length() + (e.getValue().s() == null ? 16
                : e.getValue().s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)).sum();
    }

    static List<Response> concurrently(int n, Callable<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> fs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                fs.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> out = new ArrayList<>();
            for (Future<Response> f : fs) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A refused sign-in is meant to leave a trace: the user name's failure count (for the lock-out) and the audit
     * entry of the failed attempt. Nothing else a refused request writes is allowed.
     */
    private static boolean recordsRefusedSignIn(String method, String path, String code) {
        return method.equals("POST") && path.equals("/v1/sessions")
                && (code.equals("INVALID_CREDENTIALS") || code.equals("ACCOUNT_LOCKED"));
    }
}
