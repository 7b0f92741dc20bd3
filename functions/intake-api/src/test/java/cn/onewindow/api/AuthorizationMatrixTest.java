package cn.onewindow.api;

import cn.onewindow.core.demo.DemoData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authorization matrix over the real HTTP API: every route × every role × a request inside and one outside
 * the caller's reach. The routes are read from the JAX-RS resources by reflection, so a new route without a row
 * here fails the test.
 *
 * <p>Expected: {@code OK} = the caller got past authorization (2xx, or a 409/422 about the state of the thing);
 * {@code 403} = a write the caller may see but not do; {@code 404} = a read outside its reach, or anything on a
 * resource it may not even see (no existence leak). 403/404 come as problem+json.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    enum R { WINDOW, DEPARTMENT, AGENT, STAFF, SUPERVISOR, TERMINAL, ADMIN, KIOSK, BOARD }

    /** {@code UNAUTHORIZED}: the session routes answer a bearer caller 401 (a token has no session). */
    enum E { OK, FORBIDDEN, NOT_FOUND, UNAUTHORIZED }

    record Req(String method, String path, String body) {
    }

    /**
     * One route: the request a role makes (in or out of its reach) and what it must get. {@code listed}, for a
     * listing, is what an outside caller must not find in it: a 2xx list without it counts as {@code NOT_FOUND}.
     */
    record Row(String route, BiFunction<R, Boolean, Req> request, BiFunction<R, Boolean, E> expect, String listed) {
        Row(String route, BiFunction<R, Boolean, Req> request, BiFunction<R, Boolean, E> expect) {
            this(route, request, expect, null);
        }
    }

    static final E OK = E.OK;
    static final E F = E.FORBIDDEN;
    static final E N = E.NOT_FOUND;
    static final E U = E.UNAUTHORIZED;
    /** The user name each role's inside caller signs in with (for the walk with session cookies). */
    static final Map<R, String> USERS = new EnumMap<>(R.class);

    /** The caller of each role inside its reach (for the fixtures below) and one outside it. */
    static final Map<R, String> IN = new EnumMap<>(R.class);
    static final Map<R, String> OUT = new EnumMap<>(R.class);
    /**
     * Further outside callers walked like {@link #OUT}: the same department code in another city (a department code
     * exists in every city), and terminals of another center of the same city and of a point below the case's center.
     */
    static final Map<R, List<String>> MORE_OUT = new EnumMap<>(R.class);
    static final String XIHU_CENTER = "330106-ZX";
    static final String NINGBO_CENTER = "330203-ZX";
    final AtomicInteger seq = new AtomicInteger();
    final Map<String, String> outTokens = new LinkedHashMap<>();

    /** Read-only fixtures: a 代办 joint case at the village point, its yjgl task. */
    String caseId;
    String taskId;

    static RequestSpecification as(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    void fixtures() {
        IN.put(R.WINDOW, "demo-window");
        IN.put(R.DEPARTMENT, "demo-dept-yjgl");
        IN.put(R.AGENT, "demo-agent");
        IN.put(R.STAFF, "demo-township");
        IN.put(R.SUPERVISOR, "demo-supervisor");
        IN.put(R.TERMINAL, "demo-terminal");
        IN.put(R.ADMIN, "demo-admin");
        IN.put(R.KIOSK, "demo-kiosk");
        IN.put(R.BOARD, "demo-board");
        // outside callers: another city's center and point, another department
        as("demo-admin").body("{\"id\":\"" + NINGBO_CENTER + "\",\"name\":\"宁波市海曙区政务服务中心\",\"level\":\"COUNTY\","
                + "\"cityCode\":\"330200\"}").post("/v1/service-points").then().statusCode(201);
        OUT.put(R.WINDOW, newCaller("window-nb", "WINDOW", NINGBO_CENTER, null));
        OUT.put(R.DEPARTMENT, "demo-dept-fgw");
        OUT.put(R.AGENT, newCaller("agent-nb", "AGENT", NINGBO_CENTER, NINGBO_CENTER));
        OUT.put(R.STAFF, newCaller("staff-nb", "STAFF", NINGBO_CENTER, NINGBO_CENTER));
        OUT.put(R.SUPERVISOR, "demo-supervisor");
        OUT.put(R.TERMINAL, newCaller("terminal-nb", "TERMINAL", NINGBO_CENTER, NINGBO_CENTER));
        OUT.put(R.ADMIN, "demo-admin");
        OUT.put(R.KIOSK, newCaller("kiosk-nb", "KIOSK", NINGBO_CENTER, null));
        OUT.put(R.BOARD, newCaller("board-nb", "BOARD", NINGBO_CENTER, null));
        as("demo-admin").body("{\"id\":\"" + XIHU_CENTER + "\",\"name\":\"西湖区政务服务中心\",\"level\":\"COUNTY\","
                + "\"cityCode\":\"330100\"}").post("/v1/service-points").then().statusCode(201);
        MORE_OUT.put(R.DEPARTMENT, List.of(newDepartment("dept-nb-yjgl", "yjgl", "330200")));
        MORE_OUT.put(R.TERMINAL, List.of(newTerminal("terminal-xihu", XIHU_CENTER, XIHU_CENTER),
                newTerminal("terminal-v02", DemoData.COUNTY_CENTER, DemoData.VILLAGE_POINT_2)));
        // every inside caller also signs in (demo users; a user for the yjgl department and the terminal)
        as("demo-admin").body("{\"username\":\"m-dept-yjgl\",\"password\":\"" + DemoData.DEMO_PASSWORD + "\"}")
                .put("/v1/callers/dept-yjgl/credentials").then().statusCode(204);
        as("demo-admin").body("{\"username\":\"m-terminal\",\"password\":\"" + DemoData.DEMO_PASSWORD + "\"}")
                .put("/v1/callers/terminal-001/credentials").then().statusCode(204);
        as("demo-admin").body("{\"username\":\"m-kiosk\",\"password\":\"" + DemoData.DEMO_PASSWORD + "\"}")
                .put("/v1/callers/kiosk-001/credentials").then().statusCode(204);
        as("demo-admin").body("{\"username\":\"m-board\",\"password\":\"" + DemoData.DEMO_PASSWORD + "\"}")
                .put("/v1/callers/board-001/credentials").then().statusCode(204);
        USERS.put(R.WINDOW, "window");
        USERS.put(R.DEPARTMENT, "m-dept-yjgl");
        USERS.put(R.AGENT, "agent");
        USERS.put(R.STAFF, "staff");
        USERS.put(R.SUPERVISOR, "supervisor");
        USERS.put(R.TERMINAL, "m-terminal");
        USERS.put(R.ADMIN, "admin");
        USERS.put(R.KIOSK, "m-kiosk");
        USERS.put(R.BOARD, "m-board");
        caseId = agentJointCase();
        taskId = caseId + "~yjgl";
        ticketId = as("demo-kiosk").body("{\"category\":\"A\"}").post("/v1/centers/" + DemoData.COUNTY_CENTER
                + "/tickets").then().statusCode(201).extract().path("ticket.id");
        queueConfig = as("demo-admin").get("/v1/centers/" + DemoData.COUNTY_CENTER + "/queue-config").then()
                .statusCode(200).extract().asString();
        appointmentFixtures();
        taskStatus = as("demo-dept-yjgl").get("/v1/tasks/" + taskId).then().statusCode(200).extract()
                .path("task.status");
        if (!routes().contains("POST /v1/evaluations")) return;
        // a rated 代办 case of the village point (yjgl's item), its bad rating, the rectification it opened, a batch
        ratedCase = as("demo-agent").body(agentBody(DemoData.ITEM_FIREWORKS_WHOLESALE)).post("/v1/cases").then()
                .statusCode(201).extract().path("id");
        as("demo-window").body("{\"outcome\":\"APPROVE\"}").post("/v1/cases/" + ratedCase + "/decision").then()
                .statusCode(200);
        as("demo-window").body("{}").post("/v1/cases/" + ratedCase + "/result").then().statusCode(200);
        rating = "{\"caseId\":\"" + ratedCase + "\",\"level\":\"VERY_DISSATISFIED\",\"channel\":\"PAD\","
                + "\"applicantConfirmation\":\"5678\"}";
        evaluationId = as("demo-terminal").body(rating).post("/v1/evaluations").then().statusCode(201)
                .extract().path("id");
        batchId = as("demo-terminal").body("{\"records\":[" + rating + "]}").post("/v1/evaluation-batches").then()
                .statusCode(202).extract().path("id");
        rectificationId = as("demo-supervisor").queryParam("center", DemoData.COUNTY_CENTER)
                .get("/v1/rectifications").then().statusCode(200).extract()
                .path("items.find { it.caseId == '" + ratedCase + "' }.id");
    }

    String taskStatus;
    String ticketId;
    /** Appointments (预约): a working day with slots of A, its slot starts, a booking the village agent made. */
    String apptDate;
    List<String> apptStarts;
    String appointmentId;

    void appointmentFixtures() {
        // today at the platform (its clock starts on a Friday of 2025): the bookable categories' answer says
        String today = as("demo-window").get("/v1/centers/" + DemoData.COUNTY_CENTER + "/appointment-slots").then()
                .statusCode(200).extract().path("today");
        for (int d = 1; d <= 10 && apptStarts == null; d++) {
            String day = java.time.LocalDate.parse(today).plusDays(d).toString();
            List<String> starts = as("demo-window").get("/v1/centers/" + DemoData.COUNTY_CENTER
                    + "/appointment-slots?category=A&date=" + day).then().statusCode(200).extract().path("slots.start");
            if (!starts.isEmpty()) {
                apptDate = day;
                apptStarts = starts;
            }
        }
        assertTrue(apptStarts != null, "no working day with slots in the next 10 days");
        appointmentId = as("demo-agent").body(bookBody()).post("/v1/appointments").then().statusCode(201)
                .extract().path("id");
    }

    /** A booking of the next slot in turn for a new person (each request a valid ID number of its own). */
    String bookBody() {
        int n = seq.incrementAndGet();
        String first17 = "33010619700101" + String.format("%03d", n % 1000);
        String id = first17 + cn.onewindow.core.cases.IdentityNumbers.checkCharacter(first17);
        return "{\"centerId\":\"" + DemoData.COUNTY_CENTER + "\",\"category\":\"A\",\"date\":\"" + apptDate
                + "\",\"start\":\"" + apptStarts.get(n % apptStarts.size()) + "\",\"name\":\"李四\","
                + "\"idType\":\"RESIDENT_ID\",\"idNumber\":\"" + id + "\",\"phone\":\"13900139000\"}";
    }

    /** A booking made through the village point: its center's window staff, that agent, supervisors, admins. */
    static E appointmentRead(R r, boolean in) {
        return switch (r) {
            case SUPERVISOR, ADMIN -> OK;
            case WINDOW, AGENT -> in ? OK : N;
            default -> N;
        };
    }

    /** A write on it by the given roles; others who see it get 403 (a kiosk without the code does not see it). */
    static BiFunction<R, Boolean, E> appointmentWrite(R... allowed) {
        return (r, in) -> appointmentRead(r, in) == N ? N : List.of(allowed).contains(r) ? OK : F;
    }
    String queueConfig;
    String ratedCase;
    String rating;
    String evaluationId;
    String batchId;
    String rectificationId;

    /** Ratings and rectifications: the rated department, the case's center and point, supervisors, admins. */
    static E rectificationRead(R r, boolean in) {
        return switch (r) {
            case SUPERVISOR, ADMIN -> OK;
            case DEPARTMENT, WINDOW, AGENT -> in ? OK : N;
            default -> N;
        };
    }

    /** Handling a rectification: supervisors and the rated department; others who see it get 403. */
    static E rectificationWrite(R r, boolean in) {
        if (rectificationRead(r, in) == N) return N;
        return r == R.SUPERVISOR || r == R.DEPARTMENT ? OK : F;
    }

    String newCaller(String id, String role, String center, String point) {
        return as("demo-admin").body("{\"id\":\"" + id + "\",\"role\":\"" + role + "\",\"name\":\"宁波" + role
                        + "\",\"centerId\":\"" + center + "\",\"cityCode\":\"330200\""
                        + (point == null ? "" : ",\"servicePointId\":\"" + point + "\"")
                        + (role.equals("DEPARTMENT") ? ",\"departmentCode\":\"nb\"" : "") + "}")
                .post("/v1/callers").then().statusCode(201).extract().path("token");
    }

    /** A department caller of the given city (the same code exists in every city). */
    static String newDepartment(String id, String code, String city) {
        return as("demo-admin").body("{\"id\":\"" + id + "\",\"role\":\"DEPARTMENT\",\"name\":\"外市" + code
                        + "\",\"cityCode\":\"" + city + "\",\"departmentCode\":\"" + code + "\"}")
                .post("/v1/callers").then().statusCode(201).extract().path("token");
    }

    /** An evaluation device bound to a center of Hangzhou and a point (its center's own or one below it). */
    static String newTerminal(String id, String center, String point) {
        return as("demo-admin").body("{\"id\":\"" + id + "\",\"role\":\"TERMINAL\",\"name\":\"评价器\","
                        + "\"centerId\":\"" + center + "\",\"cityCode\":\"330100\",\"servicePointId\":\"" + point
                        + "\"}")
                .post("/v1/callers").then().statusCode(201).extract().path("token");
    }

    /** A joint case (危险化学品经营许可, yjgl + xf + scjg) submitted by the village agent with every material. */
    static String agentJointCase() {
        return as("demo-agent").body(agentBody(DemoData.ITEM_HAZCHEM_TRADE)).post("/v1/cases").then()
                .statusCode(201).extract().path("id");
    }

    static String agentBody(String item) {
        String b = IntakeApiTest.intakeBody(item, "VILLAGE_AGENT", "M01", "M02", "M03", "M04");
        return b.substring(0, b.length() - 1) + ServicePointsAndAgentsTest.CONSENT;
    }

    // ------------------------------------------------------------------ expectations shared by rows

    /** Reading a case of the village point: its center's window, its department, its agent, staff above it. */
    static E caseRead(R r, boolean in) {
        return switch (r) {
            case SUPERVISOR, ADMIN -> OK;
            case TERMINAL, KIOSK, BOARD -> N;
            default -> in ? OK : N;
        };
    }

    /** The demo center's queue: its window staff, kiosks and boards, supervisors and administrators. */
    static E queueRead(R r, boolean in) {
        return switch (r) {
            case SUPERVISOR, ADMIN -> OK;
            case WINDOW, KIOSK, BOARD -> in ? OK : N;
            default -> N;
        };
    }

    /** A queue write by the given roles; others who see the queue get 403. */
    static BiFunction<R, Boolean, E> queueWrite(R... allowed) {
        return (r, in) -> queueRead(r, in) == N ? N : List.of(allowed).contains(r) ? OK : F;
    }

    /** Acting on that case: who may do which kind of action; seeing but not doing is 403. */
    static BiFunction<R, Boolean, E> caseWrite(String kind) {
        return (r, in) -> {
            if (caseRead(r, in) == N) return N;
            return switch (r) {
                case WINDOW -> OK;
                case DEPARTMENT -> F; // read-only on cases: departments act through their tasks
                case AGENT -> kind.equals("SUPPLEMENT") || kind.equals("DELIVER") || kind.equals("WITHDRAW") ? OK : F;
                default -> F;
            };
        };
    }

    static BiFunction<R, Boolean, E> only(E otherwise, R... allowed) {
        return (r, in) -> List.of(allowed).contains(r) ? OK : otherwise;
    }

    static BiFunction<R, Boolean, E> everyone() {
        return (r, in) -> OK;
    }

    /**
     * A write on a fresh case where it is allowed, so that each allowed cell starts from the same state; refused
     * cells use the shared case (a refusal changes nothing, and a wrong "allowed" fails its cell anyway).
     */
    Row caseWriteRow(String route, String suffix, String body, String kind) {
        BiFunction<R, Boolean, E> expect = caseWrite(kind);
        return new Row(route, (r, in) -> new Req("POST", "/v1/cases/"
                + (expect.apply(r, in) == OK ? agentJointCase() : caseId) + suffix, body), expect);
    }

    String uniq(String prefix) {
        return prefix + "-" + seq.incrementAndGet();
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // cases
        rows.add(new Row("POST /v1/cases", (r, in) -> new Req("POST", "/v1/cases", r == R.AGENT
                ? agentBody(DemoData.ITEM_TREE_FELLING)
                : IntakeApiTest.intakeBody(DemoData.ITEM_TREE_FELLING, "WINDOW", "M01", "M02", "M03", "M04")),
                (r, in) -> (r == R.WINDOW || r == R.AGENT) && in ? OK : F));
        rows.add(new Row("GET /v1/cases", (r, in) -> new Req("GET", r == R.WINDOW
                ? "/v1/cases?centerId=" + DemoData.COUNTY_CENTER : "/v1/cases?servicePointId=" + DemoData.VILLAGE_POINT,
                null), (r, in) -> r == R.DEPARTMENT ? N : caseRead(r, in)));
        rows.add(new Row("GET /v1/cases/{id}", (r, in) -> new Req("GET", "/v1/cases/" + caseId, null),
                AuthorizationMatrixTest::caseRead));
        rows.add(new Row("GET /v1/cases/{id}/history", (r, in) -> new Req("GET", "/v1/cases/" + caseId + "/history",
                null), AuthorizationMatrixTest::caseRead));
        rows.add(new Row("GET /v1/cases/{id}/identity-reads", (r, in) -> new Req("GET",
                "/v1/cases/" + caseId + "/identity-reads", null), only(N, R.SUPERVISOR)));
        rows.add(caseWriteRow("POST /v1/cases/{id}/materials",
                "/materials", "{\"materials\":[{\"code\":\"M01\",\"copies\":1}]}", "SUPPLEMENT"));
        rows.add(caseWriteRow("POST /v1/cases/{id}/decision", "/decision", "{\"outcome\":\"APPROVE\"}", "DECIDE"));
        rows.add(caseWriteRow("POST /v1/cases/{id}/suspensions",
                "/suspensions", "{\"kind\":\"SITE_INSPECTION\",\"reason\":\"现场核查\"}", "CLOCK"));
        rows.add(caseWriteRow("POST /v1/cases/{id}/resume", "/resume", "{}", "CLOCK"));
        rows.add(caseWriteRow("POST /v1/cases/{id}/extension",
                "/extension", "{\"days\":1,\"reason\":\"专家论证\"}", "CLOCK"));
        rows.add(caseWriteRow("POST /v1/cases/{id}/result", "/result", "{}", "RESULT"));
        rows.add(caseWriteRow("POST /v1/cases/{id}/delivery",
                "/delivery", "{\"deliveredTo\":\"张三丰\",\"confirmation\":\"签收单QS-1\"}", "DELIVER"));
        // a new pick-up code: supervisors only (409 on a case that has none counts as past authorization)
        rows.add(new Row("POST /v1/cases/{id}/pickup-code", (r, in) -> new Req("POST", "/v1/cases/" + caseId
                + "/pickup-code", null), (r, in) -> caseRead(r, in) == N ? N : r == R.SUPERVISOR ? OK : F));
        rows.add(caseWriteRow("POST /v1/cases/{id}/withdrawal", "/withdrawal", "{\"reason\":\"申请人撤回\"}", "WITHDRAW"));
        // department tasks
        rows.add(new Row("GET /v1/departments/{dept}/tasks", (r, in) -> new Req("GET", "/v1/departments/yjgl/tasks"
                + "?status=" + taskStatus, null),
                (r, in) -> r == R.SUPERVISOR || r == R.ADMIN || r == R.DEPARTMENT && in ? OK : N, taskId));
        rows.add(new Row("GET /v1/tasks/{taskId}", (r, in) -> new Req("GET", "/v1/tasks/" + taskId, null),
                (r, in) -> r == R.SUPERVISOR || r == R.ADMIN || r == R.DEPARTMENT && in ? OK : N));
        rows.add(new Row("POST /v1/tasks/{taskId}/decision", (r, in) -> new Req("POST", "/v1/tasks/"
                + (r == R.DEPARTMENT && in ? agentJointCase() : caseId) + "~yjgl/decision", "{\"decision\":\"APPROVE\"}"),
                (r, in) -> r == R.DEPARTMENT && in ? OK : r == R.SUPERVISOR || r == R.ADMIN ? F : N));
        // catalog and calendars
        rows.add(new Row("GET /v1/items", (r, in) -> new Req("GET", "/v1/items", null), everyone()));
        rows.add(new Row("GET /v1/items/{code}", (r, in) -> new Req("GET", "/v1/items/" + DemoData.ITEM_TREE_FELLING,
                null), everyone()));
        rows.add(new Row("PUT /v1/items/{code}", (r, in) -> new Req("PUT", "/v1/items/" + DemoData.ITEM_TREE_FELLING,
                as("demo-admin").get("/v1/items/" + DemoData.ITEM_TREE_FELLING).then().extract().asString()),
                only(F, R.ADMIN)));
        rows.add(new Row("GET /v1/calendars/{region}", (r, in) -> new Req("GET", "/v1/calendars/CN", null), everyone()));
        rows.add(new Row("PUT /v1/calendars/{region}/{year}", (r, in) -> new Req("PUT", "/v1/calendars/CN/2026",
                "{\"holidays\":[\"2026-01-01\"],\"makeupWorkdays\":[]}".replace("[\"2026-01-01\"]",
                        calendarHolidays())), only(F, R.ADMIN)));
        rows.add(new Row("GET /v1/stats", (r, in) -> new Req("GET", "/v1/stats?centerId=" + DemoData.COUNTY_CENTER
                + "&from=2025-04-01&to=2025-04-30", null),
                (r, in) -> r == R.SUPERVISOR || r == R.ADMIN || r == R.WINDOW && in ? OK : N));
        rows.add(new Row("GET /v1/accountability", (r, in) -> new Req("GET", "/v1/accountability?centerId="
                + DemoData.COUNTY_CENTER, null), only(N, R.SUPERVISOR, R.ADMIN))); // a refused read is NOT_FOUND
        // service points and ledgers
        rows.add(new Row("POST /v1/service-points", (r, in) -> new Req("POST", "/v1/service-points",
                "{\"id\":\"" + uniq("330110-T01-M") + "\",\"name\":\"矩阵村\",\"level\":\"VILLAGE\",\"parentId\":\""
                        + DemoData.TOWNSHIP_POINT + "\"}"), only(F, R.ADMIN, R.SUPERVISOR)));
        rows.add(new Row("GET /v1/service-points", (r, in) -> new Req("GET", "/v1/service-points", null), everyone()));
        rows.add(new Row("GET /v1/service-points/{id}", (r, in) -> new Req("GET", "/v1/service-points/"
                + DemoData.VILLAGE_POINT, null), everyone()));
        rows.add(new Row("PATCH /v1/service-points/{id}", (r, in) -> new Req("PATCH", "/v1/service-points/"
                + DemoData.VILLAGE_POINT_2, "{\"name\":\"良渚街道新港村便民服务点\"}"), only(F, R.ADMIN, R.SUPERVISOR)));
        rows.add(new Row("POST /v1/service-points/{id}/closure", (r, in) -> new Req("POST", "/v1/service-points/"
                + freshPoint(r) + "/closure", "{\"reason\":\"撤并\"}"), only(F, R.ADMIN, R.SUPERVISOR)));
        rows.add(new Row("GET /v1/service-points/{id}/ledger", (r, in) -> new Req("GET", "/v1/service-points/"
                + DemoData.VILLAGE_POINT + "/ledger?month=2025-04", null),
                (r, in) -> r == R.SUPERVISOR || (r == R.AGENT || r == R.STAFF) && in ? OK : N));
        // callers
        rows.add(new Row("POST /v1/callers", (r, in) -> new Req("POST", "/v1/callers", "{\"id\":\"" + uniq("m-agent")
                + "\",\"role\":\"AGENT\",\"name\":\"矩阵\",\"cityCode\":\"330100\",\"servicePointId\":\""
                + DemoData.VILLAGE_POINT + "\"}"), only(F, R.ADMIN)));
        rows.add(new Row("GET /v1/callers", (r, in) -> new Req("GET", "/v1/callers", null), only(N, R.ADMIN)));
        rows.add(new Row("GET /v1/callers/{id}", (r, in) -> new Req("GET", "/v1/callers/agent-001", null),
                only(N, R.ADMIN)));
        rows.add(new Row("PATCH /v1/callers/{id}", (r, in) -> new Req("PATCH", "/v1/callers/" + freshCaller(r),
                "{\"name\":\"改名\"}"), only(F, R.ADMIN)));
        rows.add(new Row("POST /v1/callers/{id}/token-rotation", (r, in) -> new Req("POST", "/v1/callers/"
                + freshCaller(r) + "/token-rotation", null), only(F, R.ADMIN)));
        rows.add(new Row("POST /v1/callers/{id}/deactivation", (r, in) -> new Req("POST", "/v1/callers/"
                + freshCaller(r) + "/deactivation", null), only(F, R.ADMIN)));
        rows.add(new Row("PUT /v1/callers/{id}/credentials", (r, in) -> new Req("PUT", "/v1/callers/"
                + freshCaller(r) + "/credentials", "{\"username\":\"" + uniq("m-user") + "\",\"password\":\""
                + DemoData.DEMO_PASSWORD + "\"}"), only(F, R.ADMIN)));
        // sessions: signing in is open to anyone with a password; the current session is a cookie's, never a token's
        rows.add(new Row("POST /v1/sessions", (r, in) -> new Req("POST", "/v1/sessions", "{\"username\":\"supervisor\","
                + "\"password\":\"" + DemoData.DEMO_PASSWORD + "\"}"), everyone()));
        rows.add(new Row("GET /v1/sessions/current", (r, in) -> new Req("GET", "/v1/sessions/current", null),
                (r, in) -> U));
        rows.add(new Row("DELETE /v1/sessions/current", (r, in) -> new Req("DELETE", "/v1/sessions/current", null),
                (r, in) -> U));
        rows.add(new Row("POST /v1/sessions/current/password", (r, in) -> new Req("POST",
                "/v1/sessions/current/password", "{\"currentPassword\":\"x\",\"newPassword\":\"Neu-Passwort-1\"}"),
                (r, in) -> U));
        rows.add(new Row("POST /v1/callers/{id}/reactivation", (r, in) -> new Req("POST", "/v1/callers/"
                + deactivatedCaller(r) + "/reactivation", "{\"reason\":\"误停用，经核实恢复\"}"), only(F, R.ADMIN)));
        // queue (排队叫号) and the citizen's progress query (no token; a wrong password is 404 for everyone)
        String center = "/v1/centers/" + DemoData.COUNTY_CENTER;
        rows.add(new Row("POST /v1/centers/{centerId}/tickets", (r, in) -> new Req("POST", center + "/tickets",
                "{\"category\":\"A\"}"), queueWrite(R.KIOSK, R.WINDOW)));
        rows.add(new Row("GET /v1/centers/{centerId}/queue", (r, in) -> new Req("GET", center + "/queue", null),
                AuthorizationMatrixTest::queueRead));
        rows.add(new Row("GET /v1/centers/{centerId}/queue-config", (r, in) -> new Req("GET", center
                + "/queue-config", null), AuthorizationMatrixTest::queueRead));
        rows.add(new Row("PUT /v1/centers/{centerId}/queue-config", (r, in) -> new Req("PUT", center
                + "/queue-config", queueConfig), queueWrite(R.ADMIN)));
        rows.add(new Row("POST /v1/windows/{windowId}/call-next", (r, in) -> new Req("POST", "/v1/windows/"
                + DemoData.COUNTY_CENTER + "-W05/call-next", null), queueWrite(R.WINDOW)));
        for (String action : List.of("recall", "no-show", "start", "finish")) {
            rows.add(new Row("POST /v1/tickets/{ticketId}/" + action, (r, in) -> new Req("POST", "/v1/tickets/"
                    + ticketId + "/" + action, null), queueWrite(R.WINDOW)));
        }
        rows.add(new Row("POST /v1/tickets/{ticketId}/transfer", (r, in) -> new Req("POST", "/v1/tickets/"
                + ticketId + "/transfer", "{\"category\":\"B\"}"), queueWrite(R.WINDOW)));
        rows.add(new Row("GET /v1/tickets/{ticketId}", (r, in) -> new Req("GET", "/v1/tickets/" + ticketId, null),
                AuthorizationMatrixTest::queueRead));
        rows.add(new Row("GET /v1/progress/{caseNumber}", (r, in) -> new Req("GET", "/v1/progress/"
                + uniq("no-such-case"), null), (r, in) -> N));
        // appointments (预约): the slots are public; booking by agents and window staff of the center (citizens
        // without a token, see below); the booking code, not a token, lets a kiosk see a booking
        rows.add(new Row("GET /v1/centers/{centerId}/appointment-slots", (r, in) -> new Req("GET", center
                + "/appointment-slots?category=A&date=" + apptDate, null), (r, in) -> OK));
        rows.add(new Row("POST /v1/appointments", (r, in) -> new Req("POST", "/v1/appointments", bookBody()),
                (r, in) -> switch (r) {
                    case WINDOW, AGENT -> in ? OK : N;
                    case KIOSK -> in ? F : N;
                    case SUPERVISOR, ADMIN -> F;
                    default -> N;
                }));
        rows.add(new Row("GET /v1/appointments/{id}", (r, in) -> new Req("GET", "/v1/appointments/" + appointmentId,
                null), AuthorizationMatrixTest::appointmentRead));
        rows.add(new Row("PATCH /v1/appointments/{id}", (r, in) -> new Req("PATCH", "/v1/appointments/"
                + appointmentId, "{\"date\":\"" + apptDate + "\",\"start\":\"" + apptStarts.get(seq.incrementAndGet()
                % apptStarts.size()) + "\"}"), appointmentWrite(R.WINDOW, R.AGENT)));
        rows.add(new Row("POST /v1/appointments/{id}/check-in", (r, in) -> new Req("POST", "/v1/appointments/"
                + appointmentId + "/check-in", null), appointmentWrite(R.WINDOW)));
        rows.add(new Row("DELETE /v1/appointments/{id}", (r, in) -> new Req("DELETE", "/v1/appointments/"
                + appointmentId, null), appointmentWrite(R.WINDOW, R.AGENT)));
        // evaluations (好差评) and rectifications (整改), once the API serves them
        if (!routes().contains("POST /v1/evaluations")) return rows;
        rows.add(new Row("POST /v1/evaluations", (r, in) -> new Req("POST", "/v1/evaluations", rating),
                (r, in) -> r == R.TERMINAL ? (in ? OK : N) : F));
        rows.add(new Row("GET /v1/evaluations/{id}", (r, in) -> new Req("GET", "/v1/evaluations/" + evaluationId,
                null), (r, in) -> r == R.TERMINAL ? (in ? OK : N) : rectificationRead(r, in)));
        rows.add(new Row("POST /v1/evaluation-batches", (r, in) -> new Req("POST", "/v1/evaluation-batches",
                "{\"records\":[" + rating + "]}"), (r, in) -> r == R.TERMINAL ? OK : F));
        rows.add(new Row("GET /v1/evaluation-batches/{id}", (r, in) -> new Req("GET", "/v1/evaluation-batches/"
                + batchId, null), (r, in) -> r == R.SUPERVISOR || r == R.ADMIN || r == R.TERMINAL && in ? OK : N));
        // the rating PAD (评价器): window staff of the case's center ask (the case is rated: 409 counts as past
        // authorization), the PAD bound to a window lists its requests, administrators bind PADs
        rows.add(new Row("POST /v1/cases/{id}/rating-request", (r, in) -> new Req("POST", "/v1/cases/" + ratedCase
                + "/rating-request", "{\"windowId\":\"" + DemoData.DEMO_PAD_WINDOW + "\"}"),
                (r, in) -> caseRead(r, in) == N ? N : r == R.WINDOW ? OK : F));
        rows.add(new Row("GET /v1/terminals/current/rating-requests", (r, in) -> new Req("GET",
                "/v1/terminals/current/rating-requests", null), (r, in) -> r == R.TERMINAL && in ? OK : N));
        rows.add(new Row("PUT /v1/terminals/{terminalId}/window", (r, in) -> new Req("PUT", "/v1/terminals/"
                + DemoData.DEMO_PAD + "/window", "{\"windowId\":\"" + DemoData.DEMO_PAD_WINDOW + "\"}"),
                only(F, R.ADMIN)));
        rows.add(new Row("GET /v1/rectifications", (r, in) -> new Req("GET", "/v1/rectifications?" + switch (r) {
            case AGENT -> "servicePoint=" + DemoData.VILLAGE_POINT;
            case DEPARTMENT -> "department=yjgl";
            default -> "center=" + DemoData.COUNTY_CENTER;
        }, null), AuthorizationMatrixTest::rectificationRead, rectificationId));
        rows.add(new Row("GET /v1/rectifications/{id}", (r, in) -> new Req("GET", "/v1/rectifications/"
                + rectificationId, null), AuthorizationMatrixTest::rectificationRead));
        rows.add(new Row("POST /v1/rectifications/{id}/judgement", (r, in) -> new Req("POST", "/v1/rectifications/"
                + rectificationId + "/judgement", "{\"valid\":true,\"reason\":\"情况属实\"}"),
                AuthorizationMatrixTest::rectificationWrite));
        rows.add(new Row("POST /v1/rectifications/{id}/callback", (r, in) -> new Req("POST", "/v1/rectifications/"
                + rectificationId + "/callback", "{\"note\":\"已电话回访\"}"), AuthorizationMatrixTest::rectificationWrite));
        rows.add(new Row("POST /v1/rectifications/{id}/extension", (r, in) -> new Req("POST", "/v1/rectifications/"
                + rectificationId + "/extension", "{\"days\":3,\"reason\":\"等待配件\"}"),
                AuthorizationMatrixTest::rectificationWrite));
        rows.add(new Row("POST /v1/rectifications/{id}/fix", (r, in) -> new Req("POST", "/v1/rectifications/"
                + rectificationId + "/fix", "{\"note\":\"已整改\"}"), AuthorizationMatrixTest::rectificationWrite));
        return rows;
    }

    String calendarHolidays() {
        List<String> h = as("demo-admin").get("/v1/calendars/CN").then().extract()
                .path("find { it.year == 2026 }.holidays");
        return h.stream().map(d -> "\"" + d + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElse("[]");
    }

    /** A point only an allowed caller's request will close (others are refused before anything happens). */
    String freshPoint(R r) {
        if (r != R.ADMIN && r != R.SUPERVISOR) return DemoData.VILLAGE_POINT_2;
        String id = uniq("330110-T01-C");
        as("demo-admin").body("{\"id\":\"" + id + "\",\"name\":\"待撤并村\",\"level\":\"VILLAGE\",\"parentId\":\""
                + DemoData.TOWNSHIP_POINT + "\"}").post("/v1/service-points").then().statusCode(201);
        return id;
    }

    String freshCaller(R r) {
        if (r != R.ADMIN) return "agent-002";
        String id = uniq("m-caller");
        as("demo-admin").body("{\"id\":\"" + id + "\",\"role\":\"AGENT\",\"name\":\"矩阵\",\"cityCode\":\"330100\","
                + "\"servicePointId\":\"" + DemoData.VILLAGE_POINT + "\"}").post("/v1/callers").then().statusCode(201);
        return id;
    }

    /** A deactivated caller only an administrator's reactivation will find (others are refused first). */
    String deactivatedCaller(R r) {
        String id = freshCaller(r);
        if (r == R.ADMIN) as("demo-admin").post("/v1/callers/" + id + "/deactivation").then().statusCode(200);
        return id;
    }

    // ------------------------------------------------------------------ the walk

    @Test
    void everyRouteForEveryRoleInsideAndOutsideItsReach() {
        fixtures();
        List<Row> rows = rows();
        TreeSet<String> declared = routes();
        TreeSet<String> covered = new TreeSet<>();
        rows.forEach(row -> covered.add(row.route()));
        TreeSet<String> missing = new TreeSet<>(declared);
        missing.removeAll(covered);
        TreeSet<String> stale = new TreeSet<>(covered);
        stale.removeAll(declared);
        assertEquals(new TreeSet<>(), missing, "routes of the JAX-RS resources without a row in the matrix");
        assertEquals(new TreeSet<>(), stale, "matrix rows for routes that no longer exist");

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Row row : rows) {
            for (R role : R.values()) {
                List<String> outs = new ArrayList<>(List.of(OUT.get(role)));
                outs.addAll(MORE_OUT.getOrDefault(role, List.of()));
                List<String> tokens = new ArrayList<>(List.of(IN.get(role)));
                tokens.addAll(outs);
                for (int k = 0; k < tokens.size(); k++) {
                    boolean in = k == 0;
                    Req req = row.request().apply(role, in);
                    E expected = row.expect().apply(role, in);
                    Response res = send(tokens.get(k), req);
                    cells++;
                    String got = verdict(res);
                    if (!in && row.listed() != null && got.equals("OK") && res.statusCode() == 200
                            && !res.asString().contains(row.listed())) {
                        got = "NOT_FOUND"; // its own list, without what lies outside its reach
                    }
                    if (!got.equals(expected.name())) {
                        wrong.add(String.format("%-40s %-10s %-3s expected %-9s got %d %s", row.route(), role,
                                in ? "in" : "out" + k, expected, res.statusCode(), res.asString()
                                        .replaceAll("\\s+", " ").substring(0, Math.min(160, res.asString().length()))));
                    }
                }
            }
        }
        // the same walk for each role's inside caller signed in with a session cookie (and its CSRF token on
        // writes): a session is the same caller with the same reach as its token (the session routes themselves
        // are covered by SessionApiTest)
        for (R role : R.values()) {
            Response signIn = RestAssured.given().contentType(ContentType.JSON).body("{\"username\":\""
                    + USERS.get(role) + "\",\"password\":\"" + DemoData.DEMO_PASSWORD + "\"}").post("/v1/sessions");
            assertEquals(201, signIn.statusCode(), role + " signs in: " + signIn.asString());
            String cookie = signIn.getCookie(cn.onewindow.core.service.SessionService.COOKIE);
            String csrf = signIn.path("csrfToken");
            for (Row row : rows) {
                if (row.route().contains("/v1/sessions")) continue;
                Req req = row.request().apply(role, true);
                E expected = row.expect().apply(role, true);
                RequestSpecification spec = RestAssured.given().contentType(ContentType.JSON)
                        .cookie(cn.onewindow.core.service.SessionService.COOKIE, cookie);
                if (!req.method().equals("GET")) spec.header("X-CSRF-Token", csrf);
                if (req.body() != null) spec.body(req.body());
                Response res = spec.request(req.method(), req.path());
                cells++;
                String got = verdict(res);
                if (!got.equals(expected.name())) {
                    wrong.add(String.format("%-40s %-10s cookie expected %-9s got %d %s", row.route(), role, expected,
                            res.statusCode(), res.asString().replaceAll("\\s+", " ")
                                    .substring(0, Math.min(160, res.asString().length()))));
                }
            }
        }
        System.out.printf("[AuthorizationMatrixTest] %d routes, %d cells%n", rows.size(), cells);
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + cells + " cells differ:\n" + String.join("\n", wrong));
        // unauthenticated: every route answers 401 before anything else
        for (Row row : rows) {
            if (row.route().equals("POST /v1/sessions")) continue; // signing in needs no token
            if (row.route().startsWith("GET /v1/progress/")) continue; // no token: the query password instead
            if (row.route().contains("/appointment")) continue; // citizens: the booking code instead (below)
            Req req = row.request().apply(R.SUPERVISOR, true);
            Response res = RestAssured.given().contentType(ContentType.JSON).body(req.body() == null ? "" : req.body())
                    .request(req.method(), req.path());
            assertEquals(401, res.statusCode(), row.route() + " without a token");
        }
    }

    @Test
    void citizensReachAppointmentsOnlyWithTheBookingCode() {
        if (apptDate == null) appointmentFixtures();
        // a citizen books without a token and gets the code once; the code alone opens the booking
        io.restassured.response.ExtractableResponse<Response> booked = RestAssured.given().contentType(ContentType.JSON)
                .body(bookBody()).post("/v1/appointments").then().statusCode(201).extract();
        String id = booked.path("id");
        String code = booked.path("bookingCode");
        assertTrue(code != null && code.matches("\\d{6}"), "code " + code);
        RestAssured.given().get("/v1/appointments/" + id).then().statusCode(404)
                .body("code", org.hamcrest.Matchers.equalTo("APPOINTMENT_NOT_FOUND"));
        RestAssured.given().header("X-Booking-Code", code).get("/v1/appointments/" + id).then().statusCode(200)
                .body("bookingCode", org.hamcrest.Matchers.nullValue());
        // a kiosk of the center with the code reads it, may not cancel it; another center's kiosk does not find it
        as("demo-kiosk").header("X-Booking-Code", code).get("/v1/appointments/" + id).then().statusCode(200);
        as("demo-kiosk").header("X-Booking-Code", code).delete("/v1/appointments/" + id).then().statusCode(403);
        as(OUT.get(R.KIOSK) == null ? "demo-board" : OUT.get(R.KIOSK)).header("X-Booking-Code", code)
                .get("/v1/appointments/" + id).then().statusCode(404);
        // the village agent does not see a citizen's own booking
        as("demo-agent").get("/v1/appointments/" + id).then().statusCode(404);
        // anything else without a token is still 401
        RestAssured.given().get("/v1/centers/" + DemoData.COUNTY_CENTER + "/queue").then().statusCode(401);
        RestAssured.given().header("X-Booking-Code", code).delete("/v1/appointments/" + id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CANCELLED"));
    }

    static Response send(String token, Req req) {
        RequestSpecification s = as(token);
        if (req.body() != null) s.body(req.body());
        return s.request(req.method(), req.path());
    }

    /** OK (past authorization), FORBIDDEN or NOT_FOUND as problem+json, or a description of anything else. */
    static String verdict(Response res) {
        int st = res.statusCode();
        if (st == 403 || st == 404) {
            String ct = res.contentType();
            if (ct == null || !ct.startsWith("application/problem+json")) return "non-problem " + st;
            return st == 403 ? "FORBIDDEN" : "NOT_FOUND";
        }
        if (st == 401 && res.contentType() != null && res.contentType().startsWith("application/problem+json")) {
            return "UNAUTHORIZED";
        }
        if (st >= 200 && st < 300 || st == 409 || st == 422) return "OK";
        return "status " + st;
    }

    /** The routes outside {@code /v1}: public documents, served to anyone (OpenApiDocumentTest). */
    static final java.util.Set<String> PUBLIC_OUTSIDE_V1 = java.util.Set.of("GET /q/openapi");

    /** Every {@code /v1} route the JAX-RS resources of the API declare, as "METHOD /path/{param}". */
    static TreeSet<String> routes() {
        TreeSet<String> out = new TreeSet<>();
        Path dir = Path.of("target/classes/cn/onewindow/api");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String name = "cn.onewindow.api." + f.getFileName().toString().replace(".class", "");
                Class<?> c = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                jakarta.ws.rs.Path base = c.getAnnotation(jakarta.ws.rs.Path.class);
                if (base == null) continue;
                for (Method m : c.getDeclaredMethods()) {
                    String http = httpMethod(m);
                    if (http == null) continue;
                    jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                    String path = (base.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
                    if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
                    if (!path.startsWith("/v1")) {
                        // outside /v1 there is no caller at all: only the routes listed as public may be there
                        assertTrue(PUBLIC_OUTSIDE_V1.contains(http + " " + path), http + " " + path
                                + " is outside /v1 (no authentication there) and not a listed public route");
                        continue;
                    }
                    out.add(http + " " + path);
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError("cannot enumerate the resources in " + dir.toAbsolutePath(), e);
        }
        assertTrue(out.size() > 20, "found only " + out);
        return out;
    }

    private static String httpMethod(Method m) {
        for (Class<? extends java.lang.annotation.Annotation> a : List.of(jakarta.ws.rs.GET.class,
                jakarta.ws.rs.POST.class, jakarta.ws.rs.PUT.class, jakarta.ws.rs.PATCH.class,
                jakarta.ws.rs.DELETE.class)) {
            if (m.isAnnotationPresent(a)) return a.getSimpleName();
        }
        return null;
    }

    static final Function<String, String> UNUSED = Function.identity();
}
