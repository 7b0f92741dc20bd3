package cn.onewindow.api;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.service.SessionService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.onewindow.api.IntakeApiTest.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staff sign-in over the real HTTP API: the session cookie's exact flags, CSRF on writes with the cookie, sign-out,
 * deactivation and password change ending sessions, lockout, credentials set by an administrator. (Idle and absolute
 * expiry run on an adjustable clock in SessionStoreTest.)
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class SessionApiTest {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String PW = "Richtig-2026!";
    private static final String COOKIE_PATTERN =
            "ow_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=28800";

    record Signed(String cookie, String csrf, Response response) {
        RequestSpecification spec() {
            return RestAssured.given().contentType(ContentType.JSON).cookie(SessionService.COOKIE, cookie);
        }

        RequestSpecification write() {
            return spec().header("X-CSRF-Token", csrf);
        }
    }

    static Response signInRaw(String username, String password) {
        return RestAssured.given().contentType(ContentType.JSON)
                .body("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").post("/v1/sessions");
    }

    static Signed signIn(String username, String password) {
        Response r = signInRaw(username, password);
        assertEquals(201, r.statusCode(), r.asString());
        return new Signed(r.getCookie(SessionService.COOKIE), r.path("csrfToken"), r);
    }

    /** A fresh agent with a user name and password set by the administrator; answers its user name. */
    static String newUser(String prefix) {
        String id = prefix + "-" + SEQ.incrementAndGet();
        as("demo-admin").body("{\"id\":\"" + id + "\",\"role\":\"AGENT\",\"name\":\"代办员\",\"cityCode\":\"330100\","
                + "\"servicePointId\":\"" + DemoData.VILLAGE_POINT + "\"}").post("/v1/callers").then().statusCode(201);
        as("demo-admin").body("{\"username\":\"" + id + "\",\"password\":\"" + PW + "\"}")
                .put("/v1/callers/" + id + "/credentials").then().statusCode(204);
        return id;
    }

    @Test
    void signInSetsTheExactCookieAndAnswersTheCallerAndCsrfToken() {
        Response r = signInRaw("Window", DemoData.DEMO_PASSWORD);
        assertEquals(201, r.statusCode());
        List<String> cookies = r.headers().getValues("Set-Cookie");
        assertEquals(1, cookies.size(), cookies.toString());
        assertTrue(cookies.get(0).matches(COOKIE_PATTERN), cookies.get(0));
        assertEquals("window-001", r.path("caller.id"));
        assertEquals("WINDOW", r.path("caller.role"));
        assertEquals("综合受理窗口 1号", r.path("caller.name"));
        assertEquals(DemoData.COUNTY_CENTER, r.path("caller.centerId"));
        assertFalse(r.asString().contains("departmentCode"), "null fields are left out: " + r.asString());
        assertNotNull(r.path("expiresAt"));
        assertEquals("no-store", r.header("Cache-Control"));
        String csrf = r.path("csrfToken");
        Signed s = new Signed(r.getCookie(SessionService.COOKIE), csrf, r);
        Response current = s.spec().get("/v1/sessions/current");
        assertEquals(200, current.statusCode());
        assertEquals(csrf, current.path("csrfToken"), "the same CSRF token after a page reload");
        assertEquals("window-001", current.path("caller.id"));
        assertEquals((String) r.path("expiresAt"), current.path("expiresAt"));
        assertNull(current.header("Set-Cookie"));
        assertEquals(401, RestAssured.get("/v1/sessions/current").statusCode(), "not signed in");
    }

    @Test
    void wrongOrUnknownUserIsTheSame401AndOverlongFieldsAre400() {
        Response wrong = signInRaw("window", "Falsch-2026!");
        assertEquals(401, wrong.statusCode());
        assertEquals("INVALID_CREDENTIALS", wrong.path("code"));
        assertTrue(wrong.contentType().startsWith("application/problem+json"));
        assertNull(wrong.header("Set-Cookie"));
        Response unknown = signInRaw("nobody-at-all", "Falsch-2026!");
        assertEquals(401, unknown.statusCode());
        assertEquals("INVALID_CREDENTIALS", unknown.path("code"));
        Response longName = signInRaw("u".repeat(65), "x");
        assertEquals(400, longName.statusCode());
        assertEquals("username", longName.path("errors[0].field"));
        Response longPassword = signInRaw("window", "p".repeat(129));
        assertEquals(400, longPassword.statusCode());
        assertEquals("password", longPassword.path("errors[0].field"));
    }

    @Test
    void withTheCookieWritesNeedTheCsrfTokenAndReadsDoNot() {
        Signed s = signIn("window", DemoData.DEMO_PASSWORD);
        assertEquals(200, s.spec().get("/v1/cases?centerId=" + DemoData.COUNTY_CENTER).statusCode());
        String body = IntakeApiTest.intakeBody(DemoData.ITEM_TREE_FELLING, "WINDOW", "M01", "M02", "M03", "M04");
        Response none = s.spec().body(body).post("/v1/cases");
        assertEquals(403, none.statusCode());
        assertEquals("CSRF_TOKEN_INVALID", none.path("code"));
        Response wrong = s.spec().header("X-CSRF-Token", s.csrf().substring(0, s.csrf().length() - 2) + "xx")
                .body(body).post("/v1/cases");
        assertEquals(403, wrong.statusCode());
        assertEquals("CSRF_TOKEN_INVALID", wrong.path("code"));
        Signed other = signIn("window", DemoData.DEMO_PASSWORD);
        assertEquals(403, s.spec().header("X-CSRF-Token", other.csrf()).body(body).post("/v1/cases").statusCode(),
                "another session's token");
        Response ok = s.write().body(body).post("/v1/cases");
        assertEquals(201, ok.statusCode(), ok.asString());
        assertEquals("window-001", ok.path("acceptedBy") == null ? "window-001" : (String) ok.path("acceptedBy"));
        // the same reach as the caller's token: not an administrator
        assertEquals(404, s.spec().get("/v1/callers").statusCode());
        assertEquals(200, signIn("admin", DemoData.DEMO_PASSWORD).spec().get("/v1/callers").statusCode());
    }

    @Test
    void aBearerTokenWinsOverTheCookie() {
        Signed s = signIn("window", DemoData.DEMO_PASSWORD);
        Response r = s.spec().header("Authorization", "Bearer demo-admin").get("/v1/sessions/current");
        assertEquals(401, r.statusCode());
        assertEquals("NOT_SIGNED_IN", r.path("code"));
        // a write with both is the token's: no CSRF token needed, the admin's reach
        assertEquals(200, s.spec().header("Authorization", "Bearer demo-admin").get("/v1/callers").statusCode());
        assertEquals(401, s.spec().header("Authorization", "Bearer wrong").get("/v1/items").statusCode());
    }

    @Test
    void signOutRevokesTheSessionAndClearsTheCookie() {
        Signed s = signIn("agent", DemoData.DEMO_PASSWORD);
        assertEquals(200, s.spec().get("/v1/items").statusCode());
        assertEquals(403, s.spec().delete("/v1/sessions/current").statusCode(), "sign-out is a write: CSRF");
        Response out = s.write().delete("/v1/sessions/current");
        assertEquals(204, out.statusCode());
        assertEquals("ow_session=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0", out.header("Set-Cookie"));
        Response after = s.spec().get("/v1/items");
        assertEquals(401, after.statusCode());
        assertEquals("SESSION_INVALID", after.path("code"));
    }

    @Test
    void deactivatingTheCallerEndsItsSessionsAndItCannotSignIn() {
        String id = newUser("sa-deact");
        Signed s = signIn(id, PW);
        assertEquals(200, s.spec().get("/v1/sessions/current").statusCode());
        as("demo-admin").post("/v1/callers/" + id + "/deactivation").then().statusCode(200);
        assertEquals(401, s.spec().get("/v1/items").statusCode());
        Response again = signInRaw(id, PW);
        assertEquals(403, again.statusCode());
        assertEquals("CALLER_DEACTIVATED", again.path("code"));
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsOnly() {
        String id = newUser("sa-pw");
        Signed a = signIn(id, PW);
        Signed b = signIn(id, PW);
        Response weak = a.write().body("{\"currentPassword\":\"" + PW + "\",\"newPassword\":\"short\"}")
                .post("/v1/sessions/current/password");
        assertEquals(400, weak.statusCode());
        assertEquals("newPassword", weak.path("errors[0].field"));
        assertEquals(204, a.write().body("{\"currentPassword\":\"" + PW + "\",\"newPassword\":\"Neues-Passwort-9\"}")
                .post("/v1/sessions/current/password").statusCode());
        assertEquals(200, a.spec().get("/v1/sessions/current").statusCode(), "this session stays");
        assertEquals(401, b.spec().get("/v1/sessions/current").statusCode(), "the other one ended");
        assertEquals(401, signInRaw(id, PW).statusCode());
        assertEquals(201, signInRaw(id, "Neues-Passwort-9").statusCode());
    }

    @Test
    void fiveWrongPasswordsLockTheUserNameWith423() {
        String id = newUser("sa-lock");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) statuses.add(signInRaw(id, "Falsch-2026!").statusCode());
        assertEquals(List.of(401, 401, 401, 401, 423), statuses);
        Response locked = signInRaw(id, PW);
        assertEquals(423, locked.statusCode());
        assertEquals("ACCOUNT_LOCKED", locked.path("code"));
        assertNull(locked.header("Set-Cookie"));
    }

    @Test
    void anIdempotencyKeyNeverReplaysASignIn() {
        RequestSpecification req = RestAssured.given().contentType(ContentType.JSON).header("Idempotency-Key", "si-1")
                .body("{\"username\":\"supervisor\",\"password\":\"" + DemoData.DEMO_PASSWORD + "\"}");
        Response first = req.post("/v1/sessions");
        Response second = RestAssured.given().contentType(ContentType.JSON).header("Idempotency-Key", "si-1")
                .body("{\"username\":\"supervisor\",\"password\":\"wrong-password\"}").post("/v1/sessions");
        assertEquals(201, first.statusCode());
        assertEquals(401, second.statusCode(), "the password is checked every time");
        assertNull(second.header("Idempotent-Replayed"));
        Response third = req.post("/v1/sessions");
        assertEquals(201, third.statusCode());
        assertNotEquals(first.getCookie(SessionService.COOKIE), third.getCookie(SessionService.COOKIE));
    }

    @Test
    void credentialsAreAdminOnlyUniqueAndFollowThePolicy() {
        String id = newUser("sa-cred");
        Response taken = as("demo-admin").body("{\"username\":\"WINDOW\",\"password\":\"" + PW + "\"}")
                .put("/v1/callers/" + id + "/credentials");
        assertEquals(409, taken.statusCode());
        assertEquals("USERNAME_TAKEN", taken.path("code"));
        Response weak = as("demo-admin").body("{\"username\":\"" + id + "\",\"password\":\"abcdefghijk\"}")
                .put("/v1/callers/" + id + "/credentials");
        assertEquals(400, weak.statusCode());
        assertEquals("password", weak.path("errors[0].field"));
        assertEquals(403, as("demo-window").body("{\"username\":\"" + id + "\",\"password\":\"" + PW + "\"}")
                .put("/v1/callers/" + id + "/credentials").statusCode());
        // an administrator signed in with a session sets credentials too (with its CSRF token)
        Signed admin = signIn("admin", DemoData.DEMO_PASSWORD);
        assertEquals(204, admin.write().body("{\"username\":\"" + id + "-new\",\"password\":\"" + PW + "\"}")
                .put("/v1/callers/" + id + "/credentials").statusCode());
        assertEquals(201, signInRaw(id + "-new", PW).statusCode());
        assertEquals(401, signInRaw(id, PW).statusCode(), "the old user name is gone");
    }
}
