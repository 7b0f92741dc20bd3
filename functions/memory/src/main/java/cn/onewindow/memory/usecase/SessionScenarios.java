package cn.onewindow.memory.usecase;


import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.access.Passwords;
import cn.onewindow.core.identity.Role;
import cn.onewindow.core.access.Tokens;
import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.ports.AccessLog;
import cn.onewindow.core.ports.SessionStore;
import cn.onewindow.core.service.CallerService;
import cn.onewindow.core.service.SessionService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.onewindow.memory.usecase.Fixtures.ADMIN;
import static cn.onewindow.memory.usecase.Fixtures.FRIDAY_10_SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staff sign-in against dynoxide: credentials by hash, sessions by token hash, lockout after five wrong passwords
 * (exact under 20 concurrent attempts), idle and absolute expiry on an adjustable clock, revocation by sign-out,
 * deactivation and password change.
 */
public abstract class SessionScenarios extends OnPlatform {
    /** One client address for every sign-in here: far below the per-address try limit. */
    private static final String ADDRESS = "192.0.2.10";
    private static final String PW = "Richtig-2026!";
    private Services platform;
    private AdjustableClock clock;
    private SessionService sessions;
    private CallerService callers;

    @BeforeAll
    void setUp() {
        clock = AdjustableClock.startingAt(FRIDAY_10_SHANGHAI);
        platform = seeded(clock);
        callers = platform.callerService;
        // fewer iterations keep the test fast; stored hashes carry their own count
        sessions = new SessionService(platform.sessions, platform.callers, platform.accessLog, platform.privacyKeys,
                new Passwords(2_000), platform.rateCounter, clock);
    }

    String user(String id) {
        callers.create(ADMIN, new CallerService.Spec(id, Role.AGENT, "代办员" + id, null, DemoData.CITY,
                DemoData.VILLAGE_POINT, null));
        sessions.setCredentials(ADMIN, id, id.toUpperCase() + "@Demo", PW);
        return id + "@demo";
    }

    static String code(Runnable r) {
        try {
            r.run();
            return "OK";
        } catch (DomainException e) {
            return e.code();
        }
    }

    SessionStore.Session raw(String token) {
        return platform.sessions.session(Tokens.hash(token)).orElseThrow();
    }

    @Test
    void aDemoUserSignsInAsTheSameCallerAsItsTokenAndOnlyTheTokenHashIsStored() {
        java.time.Instant before = clock.instant();
        SessionService.SignedIn s = platform.sessionService.signIn("Window", DemoData.DEMO_PASSWORD, ADDRESS);
        Caller byToken = platform.authenticator.authenticate("Bearer demo-window");
        assertEquals(byToken, s.current().caller());
        assertEquals(43, s.token().length(), "256 bits, base64url");
        assertFalse(s.current().expiresAt().isBefore(before.plus(Duration.ofHours(8))));
        assertFalse(s.current().expiresAt().isAfter(clock.instant().plus(Duration.ofHours(8))));
        SessionStore.Session item = raw(s.token());
        assertEquals("window-001", item.callerId());
        assertEquals(s.current().expiresAt(), item.expiresAt());
        assertFalse(item.toString().contains(s.token()), "the token is never stored");
        assertTrue(sessions.csrfMatches(s.token(), s.current().csrfToken()));
        assertFalse(sessions.csrfMatches(s.token(), sessions.csrfToken(SessionService.COOKIE + "x")));
        assertEquals(s.current().caller(), sessions.resolve(s.token(), true).orElseThrow().caller());
        // every demo user is the caller of its demo token
        DemoData.users().forEach((name, id) -> assertEquals(id, platform.sessions.credential(name).orElseThrow()
                .callerId()));
        assertTrue(platform.sessions.credential("dept-ly").isPresent());
    }

    @Test
    void oneAddressGetsAHundredTriesAQuarterHourOverAnyUserNamesThenRateLimitedEvenWithTheRightPassword() {
        String name = user("s-spray");
        String sprayer = "203.0.113.7";
        clock.advance(Duration.ofMinutes(15)); // a fresh window for this address
        for (int i = 0; i < 100; i++) {
            String tried = "spray-" + i; // one password tried on many user names: no single user locks
            assertEquals("INVALID_CREDENTIALS", code(() -> sessions.signIn(tried, "Sommer-2026!", sprayer)));
        }
        assertEquals("RATE_LIMITED", code(() -> sessions.signIn(name, PW, sprayer)), "the 101st try");
        DomainException.RateLimited limited = assertThrows(DomainException.RateLimited.class,
                () -> sessions.signIn("spray-x", "x", sprayer));
        assertTrue(limited.retryAfterSeconds() >= 1 && limited.retryAfterSeconds() <= 15 * 60);
        assertEquals("OK", code(() -> sessions.signIn(name, PW, "203.0.113.8")), "another address is not limited");
        assertEquals(0, platform.sessions.credential(name).orElseThrow().failures(), "nothing counted on the user");
        clock.advance(Duration.ofMinutes(15));
        assertEquals("OK", code(() -> sessions.signIn(name, PW, sprayer)), "the next window starts a new count");
    }

    @Test
    void wrongAndUnknownGetTheSameAnswerAndTheAuditHasPseudonymsOnly() {
        String name = user("s-wrong");
        assertEquals("INVALID_CREDENTIALS", code(() -> sessions.signIn(name, "Falsch-2026!", ADDRESS)));
        assertEquals("INVALID_CREDENTIALS", code(() -> sessions.signIn("nobody-here", "Falsch-2026!", ADDRESS)));
        assertEquals("VALIDATION_FAILED", code(() -> sessions.signIn(name, "", ADDRESS)));
        sessions.signIn(name, PW, ADDRESS);
        List<AccessLog.SignInEvent> events = platform.accessLog.signIns(clock.instant().atZone(ZoneOffset.UTC)
                .toLocalDate());
        String all = events.toString();
        assertFalse(all.contains(name) || all.contains("nobody-here") || all.contains(PW) || all.contains("Falsch"));
        String key = platform.privacyKeys.pseudonyms().key("username", name);
        assertEquals(List.of("CREDENTIALS_SET", "SIGN_IN_FAILED", "SIGN_IN"), events.stream()
                .filter(e -> key.equals(e.userKey())).map(AccessLog.SignInEvent::event).toList());
        assertTrue(events.stream().anyMatch(e -> e.event().equals("SIGN_IN_FAILED") && e.callerId() == null
                && e.userKey().equals(platform.privacyKeys.pseudonyms().key("username", "nobody-here"))));
    }

    @Test
    void fiveWrongPasswordsLockForFifteenMinutesEvenTheRightOneAndSuccessResetsTheCount() {
        String name = user("s-lock");
        for (int i = 0; i < 3; i++) assertEquals("INVALID_CREDENTIALS", code(() -> sessions.signIn(name, "nein", ADDRESS)));
        assertEquals(3, platform.sessions.credential(name).orElseThrow().failures());
        sessions.signIn(name, PW, ADDRESS);
        assertEquals(0, platform.sessions.credential(name).orElseThrow().failures(), "a success resets the count");
        for (int i = 0; i < 4; i++) assertEquals("INVALID_CREDENTIALS", code(() -> sessions.signIn(name, "nein", ADDRESS)));
        assertEquals("ACCOUNT_LOCKED", code(() -> sessions.signIn(name, "nein", ADDRESS)), "the fifth locks");
        assertEquals("ACCOUNT_LOCKED", code(() -> sessions.signIn(name, PW, ADDRESS)), "even the right password");
        SessionStore.Credential c = platform.sessions.credential(name).orElseThrow();
        assertEquals(5, c.failures());
        assertNotNull(c.lockedUntil());
        clock.advance(Duration.ofMinutes(14));
        assertEquals("ACCOUNT_LOCKED", code(() -> sessions.signIn(name, PW, ADDRESS)));
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertEquals("OK", code(() -> sessions.signIn(name, PW, ADDRESS)));
        c = platform.sessions.credential(name).orElseThrow();
        assertEquals(0, c.failures());
        assertNull(c.lockedUntil());
        assertTrue(platform.accessLog.signIns(clock.instant().atZone(ZoneOffset.UTC).toLocalDate()).stream()
                .anyMatch(e -> e.event().equals("LOCKED_OUT") && "s-lock".equals(e.callerId())));
    }

    @Test
    void twentyConcurrentWrongPasswordsLockExactlyOnceWithAnExactCount() throws Exception {
        String name = user("s-race");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return code(() -> sessions.signIn(name, "Falsch-2026!", ADDRESS));
            }));
        }
        go.countDown();
        List<String> codes = new ArrayList<>();
        for (Future<String> f : answers) codes.add(f.get());
        pool.shutdown();
        assertEquals(4, codes.stream().filter("INVALID_CREDENTIALS"::equals).count(), codes.toString());
        assertEquals(16, codes.stream().filter("ACCOUNT_LOCKED"::equals).count(), codes.toString());
        SessionStore.Credential c = platform.sessions.credential(name).orElseThrow();
        assertEquals(5, c.failures());
        assertNotNull(c.lockedUntil());
        assertEquals("ACCOUNT_LOCKED", code(() -> sessions.signIn(name, PW, ADDRESS)));
    }

    @Test
    void idleTimeoutSlidesAtMostOnceAMinuteAndTheLifetimeIsAbsolute() {
        String name = user("s-idle");
        SessionService.SignedIn s = sessions.signIn(name, PW, ADDRESS);
        java.time.Instant seen = raw(s.token()).lastSeenAt();
        clock.advance(Duration.ofSeconds(30));
        assertTrue(sessions.resolve(s.token(), true).isPresent());
        assertEquals(seen, raw(s.token()).lastSeenAt(), "not written within a minute");
        clock.advance(Duration.ofSeconds(31));
        java.time.Instant t0 = clock.instant();
        assertTrue(sessions.resolve(s.token(), true).isPresent());
        java.time.Instant moved = raw(s.token()).lastSeenAt();
        assertFalse(moved.isBefore(t0) || moved.isAfter(clock.instant()), "moved after a minute: " + moved);
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.resolve(s.token(), false).isPresent(), "29 minutes idle");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertTrue(sessions.resolve(s.token(), true).isEmpty(), "30 minutes idle: over");

        SessionService.SignedIn t = sessions.signIn(name, PW, ADDRESS);
        for (int i = 0; i < 23; i++) { // 23 × 20 min = 7 h 40 min, always active
            clock.advance(Duration.ofMinutes(20));
            assertTrue(sessions.resolve(t.token(), true).isPresent(), "active at step " + i);
        }
        clock.advance(Duration.ofMinutes(20));
        assertTrue(sessions.resolve(t.token(), true).isEmpty(), "8 hours after sign-in: over, however active");
    }

    @Test
    void signOutDeactivationAndPasswordChangeEndSessions() {
        String name = user("s-end");
        SessionService.SignedIn a = sessions.signIn(name, PW, ADDRESS);
        SessionService.SignedIn b = sessions.signIn(name, PW, ADDRESS);
        SessionService.SignedIn c = sessions.signIn(name, PW, ADDRESS);
        sessions.signOut(a.current());
        assertTrue(sessions.resolve(a.token(), true).isEmpty());
        assertTrue(raw(a.token()).revoked());

        assertEquals("VALIDATION_FAILED", code(() -> sessions.changePassword(b.current(), PW, "short")));
        assertEquals("INVALID_CREDENTIALS", code(() -> sessions.changePassword(b.current(), "Falsch-2026!",
                "Neues-Passwort-9")));
        sessions.changePassword(b.current(), PW, "Neues-Passwort-9");
        assertTrue(sessions.resolve(b.token(), true).isPresent(), "the session that changed it stays");
        assertTrue(sessions.resolve(c.token(), true).isEmpty(), "every other session ends");
        assertEquals("INVALID_CREDENTIALS", code(() -> sessions.signIn(name, PW, ADDRESS)));
        SessionService.SignedIn d = sessions.signIn(name, "Neues-Passwort-9", ADDRESS);

        callers.deactivate(ADMIN, "s-end");
        assertTrue(sessions.resolve(b.token(), true).isEmpty());
        assertTrue(sessions.resolve(d.token(), true).isEmpty());
        assertEquals("CALLER_DEACTIVATED", code(() -> sessions.signIn(name, "Neues-Passwort-9", ADDRESS)));
        callers.reactivate(ADMIN, "s-end", "复职");
        assertTrue(sessions.resolve(d.token(), true).isEmpty(), "a reactivation does not revive old sessions");
        assertEquals("OK", code(() -> sessions.signIn(name, "Neues-Passwort-9", ADDRESS)));
    }

    @Test
    void credentialsAreUniqueValidatedAndAdminOnly() {
        String name = user("s-cred");
        callers.create(ADMIN, new CallerService.Spec("s-cred-2", Role.AGENT, "另一人", null, DemoData.CITY,
                DemoData.VILLAGE_POINT, null));
        assertEquals("USERNAME_TAKEN", code(() -> sessions.setCredentials(ADMIN, "s-cred-2", "S-CRED@demo", PW)));
        assertTrue(platform.sessions.usernameOf("s-cred-2").isEmpty(), "nothing written");
        assertEquals("USERNAME_TAKEN", code(() -> sessions.setCredentials(ADMIN, "s-cred-2", "window", PW)));
        DomainException weak = assertThrows(DomainException.class,
                () -> sessions.setCredentials(ADMIN, "s-cred-2", "s-cred-2", "alllowercase"));
        assertEquals("password", weak.fieldErrors().get(0).field());
        assertEquals("WEAK_PASSWORD", weak.fieldErrors().get(0).code());
        assertEquals("FORBIDDEN", code(() -> sessions.setCredentials(Fixtures.WINDOW, "s-cred-2", "x-cred", PW)));
        assertEquals("CALLER_NOT_FOUND", code(() -> sessions.setCredentials(ADMIN, "nobody", "x-cred", PW)));

        // a new user name replaces the old one; the old sessions end
        SessionService.SignedIn s = sessions.signIn(name, PW, ADDRESS);
        sessions.setCredentials(ADMIN, "s-cred", "renamed-cred", PW);
        assertTrue(platform.sessions.credential(name).isEmpty());
        assertEquals(Optional.of("renamed-cred"), platform.sessions.usernameOf("s-cred"));
        assertTrue(sessions.resolve(s.token(), true).isEmpty());
        assertEquals("OK", code(() -> sessions.signIn("renamed-cred", PW, ADDRESS)));
        // now the old name is free for someone else
        assertEquals("OK", code(() -> sessions.setCredentials(ADMIN, "s-cred-2", name, PW)));
    }

    @Test
    void hashesCarryTheirIterationsAndCompareOnlyTheRightPassword() {
        Passwords p = new Passwords(2_000);
        String h = p.hash(PW);
        assertTrue(h.startsWith("pbkdf2-sha256$2000$"));
        assertTrue(p.verify(h, PW));
        assertTrue(new Passwords(3_000).verify(h, PW), "checked with its own count");
        assertFalse(p.verify(h, PW + "x"));
        assertFalse(h.equals(p.hash(PW)), "a salt per hash");
        String seeded = platform.sessions.credential("admin").orElseThrow().passwordHash();
        assertEquals(seededIterations(), Passwords.iterationsOf(seeded));
        assertTrue(p.verify(seeded, DemoData.DEMO_PASSWORD));
    }

    /**
     * The iteration count the platform's seeder hashes the demo users' passwords with (the in-memory platform uses
     * few to stay fast; the DynamoDB one the default).
     */
    protected abstract int seededIterations();

    @Test
    void theGatewayAuthorizerAcceptsATokenOrASessionCookieFromTheEvent() {
        cn.onewindow.core.access.GatewayAuthorizer authorizer = new cn.onewindow.core.access.GatewayAuthorizer(
                platform.authenticator, token -> sessions.resolve(token, false).map(c -> c.caller()));
        String name = user("s-gw");
        SessionService.SignedIn s = sessions.signIn(name, PW, ADDRESS);
        // payload 2.0: cookies in their own list; no identity source configured
        Map<String, Object> cookieEvent = Map.of("version", "2.0", "type", "REQUEST", "headers", Map.of(),
                "cookies", List.of("theme=dark", "ow_session=" + s.token()));
        Map<String, Object> r = authorizer.authorize(cookieEvent);
        assertEquals(true, r.get("isAuthorized"));
        assertEquals("s-gw", ((Map<?, ?>) r.get("context")).get("callerId"));
        assertEquals(true, authorizer.authorize(Map.of("headers", Map.of("cookie", "a=b; ow_session=" + s.token())))
                .get("isAuthorized"), "or a cookie header");
        assertEquals(true, authorizer.authorize(Map.of("headers", Map.of("authorization", "Bearer demo-window")))
                .get("isAuthorized"));
        // a bearer token wins: a wrong one is refused even with a good cookie
        assertEquals(false, authorizer.authorize(Map.of("headers", Map.of("authorization", "Bearer nope"),
                "cookies", List.of("ow_session=" + s.token()))).get("isAuthorized"));
        assertEquals(false, authorizer.authorize(Map.of("headers", Map.of())).get("isAuthorized"));
        sessions.signOut(s.current());
        assertEquals(false, authorizer.authorize(cookieEvent).get("isAuthorized"), "a revoked session");
    }
}
