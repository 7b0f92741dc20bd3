package cn.onewindow.local;

import cn.onewindow.core.cases.IdentityNumbers;
import cn.onewindow.core.demo.DemoData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole local system, started once for the class: dynoxide (child process) and ElasticMQ (in this JVM), the demo data, and
 * the packaged Lambda functions as child JVMs (intake API over HTTP, approval worker behind the SQS event-source
 * poller, outbox relay and deadline checker on timers). Everything is driven over real HTTP with the demo tokens;
 * department tasks reach the inboxes only through the real approval queue and the real worker.
 */
@Timeout(value = 110, unit = TimeUnit.SECONDS)
class LocalSystemEndToEndTest {

    static final Path ROOT = Path.of("").toAbsolutePath().resolve("../..").normalize();
    static final Instant CLOCK_START = Instant.parse("2025-04-25T02:00:00Z"); // Friday 10:00 in Shanghai
    static final Duration DELIVERY = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> JOINT_DEPARTMENTS = List.of("fgw", "zrzy", "zjj", "sthj", "ly");
    static final List<String> HAZCHEM_DEPARTMENTS = List.of("yjgl", "xf", "scjg");

    static final String LI_SI_ID = residentId("330110197511200" + "04");
    /** Every applicant this class sends, for the personal-data scan at its end. */
    static final PiiScanner PII = PiiScanner.builder()
            .applicant("杭州某科技有限公司", "91330100MA2B3C4D5E", "0571-88888888")
            .applicant("李四", LI_SI_ID, "13912345678")
            .applicant("杭州某化工贸易有限公司", "91330110MA2H7K8L9P", "0571-86666666")
            .applicant("杭州预热化工有限公司", "91330110MA2W1X2Y3T", "0571-86666666")
            .pickupCodes(Boolean.parseBoolean(System.getProperty("onewindow.pii-scan.pickup-codes", "true")))
            .build();

    static LocalSystem system;
    static Map<Path, Long> logsBefore;
    static HttpClient http;
    static URI base;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        logsBefore = PiiScanner.sizes(LocalSystem.Options.defaults(ROOT).logDirectory());
        // one API instance (the default is two): the calls here are sequential, and every JVM fewer starts faster
        system = LocalSystem.start(LocalSystem.Options.defaults(ROOT).withPort(port).withClockStart(CLOCK_START)
                .withInstances(1, 1));
        System.out.printf("[LocalSystemEndToEndTest] local system started in %.1f s on port %d%n",
                (System.nanoTime() - t0) / 1e9, port);
        base = URI.create("http://localhost:" + port);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
        assertTrue(DemoData.callers().keySet().containsAll(List.of("demo-window", "demo-agent", "demo-dept-fgw",
                "demo-dept-mz-town", "demo-dept-mz")), "demo tokens changed: " + DemoData.callers().keySet());
        warmUp();
    }

    /**
     * One joint case of three departments the tests below do not inbox-count, so that the API and the approval
     * worker have handled a first request before anything is timed. On a busy machine a cold worker's first batch
     * can exceed the function's 30 s timeout; the batch then comes back only after the queue's visibility timeout
     * (180 s), so that is lowered while warming up.
     */
    static void warmUp() throws Exception {
        long t0 = System.nanoTime();
        SqsClient sqs = system.aws().sqsClient();
        String queue = system.resources().queueUrl("ApprovalQueue");
        String visibility = visibilityTimeout(sqs, queue);
        sqs.setQueueAttributes(r -> r.queueUrl(queue).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "20")));
        try {
            String caseId = hazchemCase("杭州预热化工有限公司", "91330110MA2W1X2Y3T");
            for (String dept : HAZCHEM_DEPARTMENTS) {
                await("warm-up: " + dept + " sees its task of " + caseId, Duration.ofSeconds(75), () ->
                        inbox(dept).get("items").size() > 0 ? Optional.of(true) : Optional.empty());
            }
        } finally {
            sqs.setQueueAttributes(r -> r.queueUrl(queue)
                    .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, visibility)));
        }
        System.out.printf("[LocalSystemEndToEndTest] warm-up case delivered in %.1f s%n",
                (System.nanoTime() - t0) / 1e9);
    }

    long startedAt;

    @BeforeEach
    void startClock() {
        startedAt = System.nanoTime();
    }

    @AfterEach
    void report(TestInfo test) {
        System.out.printf("[LocalSystemEndToEndTest] %s took %.1f s%n", test.getDisplayName(),
                (System.nanoTime() - startedAt) / 1e9);
    }

    /**
     * After every scenario: no log line the functions, the SMS stand-in or the provincial rating log wrote during
     * this run, and no outbox item left in the cases table, holds an applicant's name, ID number, phone or a pick-up
     * code in clear (the failure lists file:line and the value masked).
     */
    @AfterAll
    static void stop() {
        if (system == null) return;
        try {
            system.relayTicker().tickNow(); // what the outbox still holds reaches notifications.log now
            String leaks = PiiScanner.report(PII.scanLocalSystem(system, logsBefore));
            if (leaks != null) fail(leaks);
        } finally {
            system.close();
        }
    }

    static String residentId(String first17) {
        return first17 + IdentityNumbers.checkCharacter(first17);
    }

    // ------------------------------------------------------------------ parallel approval

    /**
     * Through the front door on the public port, against the packaged API function: a demo user signs in, the
     * cookie comes back through the Lambda HTTP bridge with its exact flags, reads with the cookie pass, a write
     * without the CSRF header is refused, the root answers (web apps or the not-built page), and so does the OpenAPI
     * document.
     */
    @Test
    void aDemoUserSignsInThroughTheFrontDoorAndTheCookieAuthenticates() throws Exception {
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(base.resolve("/v1/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"window\",\"password\":\"" + DemoData.DEMO_PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, signIn.statusCode(), signIn.body());
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.matches("ow_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; Secure; SameSite=Strict; "
                + "Max-Age=28800"), setCookie);
        assertEquals("DENY", signIn.headers().firstValue("X-Frame-Options").orElseThrow());
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpResponse<String> current = http.send(HttpRequest.newBuilder(base.resolve("/v1/sessions/current"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, current.statusCode(), current.body());
        assertTrue(current.body().contains("\"window-001\""), current.body());
        HttpResponse<String> write = http.send(HttpRequest.newBuilder(base.resolve("/v1/sessions/current"))
                .header("Cookie", cookie).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, write.statusCode(), write.body());
        assertTrue(write.body().contains("CSRF_TOKEN_INVALID"), write.body());
        HttpResponse<String> root = http.send(HttpRequest.newBuilder(base.resolve("/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(root.statusCode() == 302 || root.statusCode() == 200, root.statusCode() + " " + root.body());
        // the packaged function serves the committed OpenAPI document as a file, to anyone
        HttpResponse<String> openApi = http.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, openApi.statusCode(), openApi.body());
        assertTrue(openApi.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertTrue(openApi.body().contains("\"/v1/cases\""), openApi.body().substring(0, 200));
    }

    @Test
    void jointCaseIsFannedOutThroughTheQueueApprovedByFiveDepartmentsIssuedAndDelivered() throws Exception {
        JsonNode accepted = call("demo-window", "POST", "/v1/cases", """
                {
                  "itemCode": "%s",
                  "channel": "WINDOW",
                  "applicant": {
                    "name": "杭州某科技有限公司",
                    "idType": "UNIFIED_SOCIAL_CREDIT_CODE",
                    "idNumber": "91330100MA2B3C4D5E",
                    "phone": "0571-88888888"
                  },
                  "materials": [
                    {"code": "M01", "copies": 2},
                    {"code": "M02", "copies": 1},
                    {"code": "M03", "copies": 1},
                    {"code": "M04", "copies": 1},
                    {"code": "M05", "copies": 1}
                  ]
                }
                """.formatted(DemoData.ITEM_FIXED_ASSET_INVESTMENT), 201);
        assertEquals("ACCEPTED", accepted.get("status").asText(), accepted::toPrettyString);
        assertEquals("JOINT", accepted.get("mode").asText());
        String caseId = accepted.get("id").asText();

        // within 20 s each department's inbox holds exactly one task, delivered by the worker from the queue
        long t0 = System.nanoTime();
        Map<String, JsonNode> inboxes = await("all five departments see a task of " + caseId, DELIVERY, () -> {
            Map<String, JsonNode> seen = new LinkedHashMap<>();
            for (String dept : JOINT_DEPARTMENTS) {
                JsonNode items = inbox(dept).get("items");
                if (items.size() == 0) return Optional.empty();
                seen.put(dept, items);
            }
            return Optional.of(seen);
        });
        System.out.printf("[LocalSystemEndToEndTest] 5 tasks delivered through the queue %.1f s after intake%n",
                (System.nanoTime() - t0) / 1e9);
        Map<String, String> taskIds = new LinkedHashMap<>();
        inboxes.forEach((dept, items) -> {
            assertEquals(1, items.size(), dept + " inbox: " + items.toPrettyString());
            JsonNode task = items.get(0);
            assertEquals(caseId, task.get("caseId").asText());
            assertEquals(dept, task.get("departmentCode").asText());
            assertEquals("PENDING", task.get("status").asText());
            assertEquals("JOINT", task.get("level").asText());
            taskIds.put(dept, task.get("taskId").asText());
        });
        List<String> delivered = await("5 TASK_DELIVERED lines in the history of " + caseId, Duration.ofSeconds(5),
                () -> {
                    List<String> lines = events(history("demo-window", caseId), "TASK_DELIVERED");
                    return lines.size() >= 5 ? Optional.of(lines) : Optional.empty();
                });
        assertEquals(5, delivered.size(), "TASK_DELIVERED lines: " + delivered);
        assertEquals(JOINT_DEPARTMENTS.stream().sorted().toList(),
                departmentsOf(history("demo-window", caseId), "TASK_DELIVERED"));

        // fan-in: the case moves on exactly once, when the last department approves
        JsonNode decided = null;
        for (String dept : JOINT_DEPARTMENTS) {
            decided = call("demo-dept-" + dept, "POST", "/v1/tasks/" + taskIds.get(dept) + "/decision", """
                    {"decision": "APPROVE"}
                    """, 200);
            assertEquals("APPROVED", decided.get("task").get("status").asText());
            if (!dept.equals(JOINT_DEPARTMENTS.get(JOINT_DEPARTMENTS.size() - 1))) {
                assertTrue(decided.get("caseView").get("status").asText().matches("ACCEPTED|IN_REVIEW"),
                        "before the last decision: " + decided.get("caseView").get("status"));
            }
        }
        assertEquals("APPROVED", decided.get("caseView").get("status").asText());
        assertEquals("APPROVED", call("demo-window", "GET", "/v1/cases/" + caseId, null, 200).get("status").asText());

        JsonNode ready = call("demo-window", "POST", "/v1/cases/" + caseId + "/result", """
                {}
                """, 200);
        assertEquals("RESULT_READY", ready.get("status").asText());
        JsonNode handedOver = call("demo-window", "POST", "/v1/cases/" + caseId + "/delivery", """
                {"deliveredTo": "杭州某科技有限公司", "confirmation": "窗口领取"}
                """, 200);
        assertEquals("DELIVERED", handedOver.get("status").asText());
        for (String dept : JOINT_DEPARTMENTS) {
            assertEquals(0, inbox(dept).get("items").size(), dept + " still has a pending task");
        }
    }

    // ------------------------------------------------------------------ escalation

    @Test
    void escalatedCaseFromAVillageAgentIsReviewedLocallyThenDecidedByTheHigherAuthority() throws Exception {
        String residentId = LI_SI_ID;
        assertTrue(IdentityNumbers.validResidentId(residentId));
        JsonNode accepted = call("demo-agent", "POST", "/v1/cases", """
                {
                  "itemCode": "%s",
                  "channel": "VILLAGE_AGENT",
                  "applicant": {
                    "name": "李四",
                    "idType": "RESIDENT_ID",
                    "idNumber": "%s",
                    "phone": "13912345678"
                  },
                  "materials": [
                    {"code": "M01", "copies": 1},
                    {"code": "M02", "copies": 1},
                    {"code": "M03", "copies": 1},
                    {"code": "M04", "copies": 1}
                  ]
                }
                """.formatted(DemoData.ITEM_SUBSISTENCE_ALLOWANCE, residentId), 201);
        assertEquals("ACCEPTED", accepted.get("status").asText(), accepted::toPrettyString);
        assertEquals("VILLAGE_AGENT", accepted.get("channel").asText());
        String caseId = accepted.get("id").asText();

        JsonNode local = pendingTaskFor("mz-town", caseId);
        assertEquals("LOCAL", local.get("level").asText());
        JsonNode afterLocal = call("demo-dept-mz-town", "POST", "/v1/tasks/" + local.get("taskId").asText()
                + "/decision", """
                {"decision": "APPROVE"}
                """, 200);
        assertTrue(afterLocal.get("caseView").get("status").asText().matches("ACCEPTED|IN_REVIEW"),
                "the local approval does not decide the case: " + afterLocal.get("caseView").get("status"));

        // the higher authority's task is a new message on the same queue
        JsonNode higher = pendingTaskFor("mz", caseId);
        assertEquals("HIGHER", higher.get("level").asText());
        JsonNode decided = call("demo-dept-mz", "POST", "/v1/tasks/" + higher.get("taskId").asText() + "/decision",
                """
                {"decision": "APPROVE"}
                """, 200);
        assertEquals("APPROVED", decided.get("caseView").get("status").asText());
        assertEquals("APPROVED", call("demo-agent", "GET", "/v1/cases/" + caseId, null, 200).get("status").asText());

        JsonNode history = history("demo-agent", caseId);
        assertEquals(List.of("ESCALATED forwarded to mz"), events(history, "ESCALATED"),
                "history: " + history.toPrettyString());
        assertEquals(List.of("mz", "mz-town"), departmentsOf(history, "TASK_DELIVERED"));

        // the result is issued: the villager's SMS carries a pick-up code, written sealed into the outbox by the
        // intake function and opened only by the outbox relay function (its own JVM, the template's environment:
        // kms:Decrypt's local stand-in), whose local SMS log masks it
        assertEquals("RESULT_READY", call("demo-window", "POST", "/v1/cases/" + caseId + "/result", "{}", 200)
                .get("status").asText());
        String outbox = system.platform().dynamoDb.query(q -> q.tableName(system.platform().settings.casesTable())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :n)").expressionAttributeValues(Map.of(
                        ":pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CASE#" + caseId),
                        ":n", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("NOTIFY#"))))
                .items().toString();
        assertTrue(outbox.contains("取件码******") && outbox.contains("env1."), outbox);
        java.util.regex.Pattern clearCode = java.util.regex.Pattern.compile("取件码\\d{6}");
        assertFalse(clearCode.matcher(outbox).find(), "a pick-up code in clear in the outbox");
        system.relayTicker().tickNow();
        String sms = await("the relay sends the villager's SMS of " + caseId, Duration.ofSeconds(60), () -> {
            try {
                String log = java.nio.file.Files.exists(system.notificationLog())
                        ? java.nio.file.Files.readString(system.notificationLog()) : "";
                return log.lines().filter(l -> l.contains(caseId) && l.contains("RESULT_READY")
                        && l.contains("APPLICANT")).findFirst();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(sms.contains("取件码******"), sms);
        assertFalse(clearCode.matcher(java.nio.file.Files.readString(system.notificationLog())).find(),
                "a pick-up code in clear in the notifications log");
    }

    // ------------------------------------------------------------------ dead-letter queue

    @Test
    void aPoisonMessageEndsInTheDeadLetterQueueWhileTheSystemKeepsWorking() throws Exception {
        SqsClient sqs = system.aws().sqsClient();
        String queue = system.resources().queueUrl("ApprovalQueue");
        String dlq = system.resources().queueUrl("ApprovalDeadLetterQueue");
        String visibility = visibilityTimeout(sqs, queue);
        String maxReceiveCount = JSON.readTree(sqs.getQueueAttributes(r -> r.queueUrl(queue)
                        .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes()
                .get(QueueAttributeName.REDRIVE_POLICY)).get("maxReceiveCount").asText();
        assertEquals("5", maxReceiveCount);
        long failuresBefore = system.approvalPoller().failures();
        sqs.setQueueAttributes(r -> r.queueUrl(queue).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1")));
        try {
            String poison = "{\"poison\":\"" + UUID.randomUUID() + "\"}";
            String messageId = sqs.sendMessage(r -> r.queueUrl(queue).messageBody(poison)).messageId();

            // meanwhile a joint case of three other departments goes through the same queue and worker
            String caseId = hazchemCase("杭州某化工贸易有限公司", "91330110MA2H7K8L9P");
            for (String dept : HAZCHEM_DEPARTMENTS) {
                pendingTaskFor(dept, caseId);
            }

            Message dead = await("the poison message in the dead-letter queue", Duration.ofSeconds(30), () ->
                    sqs.receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(1)
                                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                            .messages().stream().filter(m -> m.body().equals(poison)).findFirst());
            assertEquals(messageId, dead.messageId());
            int receives = Integer.parseInt(dead.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
            assertTrue(receives >= 5, "moved after " + receives + " receives");
            assertTrue(system.approvalPoller().failures() - failuresBefore >= 5,
                    "the worker reported the message as a batch item failure each time: " + system.approvalPoller());
            sqs.deleteMessage(r -> r.queueUrl(dlq).receiptHandle(dead.receiptHandle()));
            assertTrue(system.approvalPoller().isRunning(), "the event source mapping stopped");
        } finally {
            sqs.setQueueAttributes(r -> r.queueUrl(queue)
                    .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, visibility)));
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Accepts a 危险化学品经营许可证 case (JOINT: yjgl, xf, scjg) at the window; returns its id. */
    static String hazchemCase(String company, String creditCode) {
        JsonNode accepted = call("demo-window", "POST", "/v1/cases", """
                {
                  "itemCode": "%s",
                  "channel": "WINDOW",
                  "applicant": {
                    "name": "%s",
                    "idType": "UNIFIED_SOCIAL_CREDIT_CODE",
                    "idNumber": "%s",
                    "phone": "0571-86666666"
                  },
                  "materials": [
                    {"code": "M01", "copies": 1},
                    {"code": "M02", "copies": 1},
                    {"code": "M03", "copies": 1},
                    {"code": "M04", "copies": 1}
                  ]
                }
                """.formatted(DemoData.ITEM_HAZCHEM_TRADE, company, creditCode), 201);
        assertEquals("ACCEPTED", accepted.get("status").asText(), accepted::toPrettyString);
        return accepted.get("id").asText();
    }

    static String visibilityTimeout(SqsClient sqs, String queue) {
        return sqs.getQueueAttributes(r -> r.queueUrl(queue).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
                .attributes().get(QueueAttributeName.VISIBILITY_TIMEOUT);
    }

    /** Waits until {@code dept}'s inbox holds exactly one PENDING task of the case, and returns it. */
    static JsonNode pendingTaskFor(String dept, String caseId) throws Exception {
        JsonNode items = await(dept + " sees its task of " + caseId, DELIVERY, () -> {
            List<JsonNode> mine = new ArrayList<>();
            inbox(dept).get("items").forEach(t -> {
                if (t.get("caseId").asText().equals(caseId)) mine.add(t);
            });
            return mine.isEmpty() ? Optional.empty() : Optional.of(JSON.valueToTree(mine));
        });
        assertEquals(1, items.size(), dept + " inbox: " + items.toPrettyString());
        assertEquals("PENDING", items.get(0).get("status").asText());
        assertEquals(dept, items.get(0).get("departmentCode").asText());
        return items.get(0);
    }

    static JsonNode inbox(String dept) {
        return call("demo-dept-" + dept, "GET", "/v1/departments/" + dept + "/tasks?status=PENDING", null, 200);
    }

    static JsonNode history(String token, String caseId) {
        return call(token, "GET", "/v1/cases/" + caseId + "/history", null, 200);
    }

    /** History lines of one event, as "event reason" strings. */
    static List<String> events(JsonNode history, String event) {
        List<String> lines = new ArrayList<>();
        history.forEach(h -> {
            if (h.get("event").asText().equals(event)) lines.add(event + " " + h.path("reason").asText());
        });
        return lines;
    }

    /** The reasons of one event's history lines, sorted (TASK_DELIVERED: the department delivered to). */
    static List<String> departmentsOf(JsonNode history, String event) {
        List<String> departments = new ArrayList<>();
        history.forEach(h -> {
            if (h.get("event").asText().equals(event)) departments.add(h.path("reason").asText());
        });
        return departments.stream().sorted().toList();
    }

    /** One HTTP call with a demo token; fails unless the status is {@code expected}; returns the JSON body. */
    static JsonNode call(String token, String method, String path, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(expected, response.statusCode(), method + " " + path + " → " + response.body());
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) return found.get();
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + timeout + ": " + what);
            Thread.sleep(200);
        }
    }
}
