package cn.onewindow.core.service;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.access.Passwords;
import cn.onewindow.core.access.Tokens;
import cn.onewindow.core.common.ConcurrentUpdateException;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.RetryPolicy;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.ports.AccessLog;
import cn.onewindow.core.ports.CallerDirectory;
import cn.onewindow.core.ports.RateCounter;
import cn.onewindow.core.ports.SessionStore;
import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.privacy.Pseudonyms;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Staff sign in with a user name and password and get a browser session (cookie {@value #COOKIE}): the same
 * {@link Caller}, roles and scopes as a bearer token. Sessions last at most {@link #LIFETIME} and end after
 * {@link #IDLE} without a request; {@link #MAX_FAILURES} wrong passwords in a row lock the user name for
 * {@link #LOCK}. A deactivated caller's sessions end at once, and so do a user's other sessions when the password
 * changes. Unsafe requests with the cookie carry the CSRF token: a keyed HMAC of the session token, so it can be
 * given again after a page reload without being stored.
 */
public final class SessionService {
    public static final String COOKIE = cn.onewindow.core.access.GatewayAuthorizer.SESSION_COOKIE;
    public static final Duration LIFETIME = Duration.ofHours(8);
    public static final Duration IDLE = Duration.ofMinutes(30);
    /** The idle mark is written at most this often. */
    public static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);
    public static final int MAX_USERNAME = 64;
    /**
     * Sign-in tries per client address (wrong or right, known user name or not) in one window: the per-user lockout
     * stops guessing one user's password, this stops trying one password on many user names (a county center's staff
     * behind one address sign in far fewer times than this in a quarter of an hour).
     */
    public static final TryLimit PER_ADDRESS = new TryLimit("signin#addr", 100, Duration.ofMinutes(15),
            "登录尝试过于频繁，请稍后再试");
    /** Purpose labels of the keyed HMACs (pseudonym ring). */
    static final String CSRF = "csrf";
    static final String USERNAME = "username";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Conditional writes lost to a concurrent sign-in are retried this often (each re-reads first). */
    /** A new session: the token goes into the cookie only. */
    public record SignedIn(String token, Current current) {
    }

    /** A valid session: who, its CSRF token, when it ends at the latest. */
    public record Current(Caller caller, String csrfToken, Instant expiresAt, String tokenHash) {
    }

    private final SessionStore store;
    private final CallerDirectory callers;
    private final AccessLog audit;
    private final PrivacyKeys keys;
    private final Passwords passwords;
    private final RateCounter counters;
    private final Clock clock;

    public SessionService(SessionStore store, CallerDirectory callers, AccessLog audit, PrivacyKeys keys,
                          Passwords passwords, RateCounter counters, Clock clock) {
        this.store = store;
        this.counters = counters;
        this.callers = callers;
        this.audit = audit;
        this.keys = keys;
        this.passwords = passwords;
        this.clock = clock;
    }

    public static String normalize(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ sign in and out

    /**
     * @param clientAddress the caller's address (API Gateway {@code requestContext.http.sourceIp}); null counts as one
     *                      shared unknown address
     * @throws DomainException 429 {@code RATE_LIMITED} past {@link #PER_ADDRESS}, before the password is looked at
     */
    public SignedIn signIn(String username, String password, String clientAddress) {
        PER_ADDRESS.charge(counters, keys.pseudonyms().key(Pseudonyms.CLIENT_ADDRESS,
                clientAddress == null ? "-" : clientAddress), clock);
        new Validator().notBlank(username, "username").maxLength(username, MAX_USERNAME, "username")
                .notBlank(password, "password").maxLength(password, Passwords.MAX_LENGTH, "password")
                .throwIfInvalid();
        String name = normalize(username);
        Optional<SessionStore.Credential> found = store.credential(name);
        if (found.isEmpty()) {
            passwords.verifyDummy(password); // the same time as a known user's wrong password
            log("SIGN_IN_FAILED", null, name);
            throw invalidCredentials();
        }
        SessionStore.Credential c = found.get();
        Instant now = clock.instant();
        if (locked(c, now)) {
            log("SIGN_IN_LOCKED", c.callerId(), name);
            throw locked();
        }
        if (!passwords.verify(c.passwordHash(), password)) {
            failed(name, c);
        }
        CallerDirectory.Account account = callers.account(c.callerId()).orElseThrow(() -> {
            log("SIGN_IN_FAILED", c.callerId(), name);
            return invalidCredentials();
        });
        if (!account.active()) {
            log("SIGN_IN_FAILED", c.callerId(), name);
            throw DomainException.forbidden("CALLER_DEACTIVATED", "该账号已停用，请联系管理员",
                    "this caller is deactivated; an administrator must reactivate it");
        }
        // conditional on not being locked: a lock set by concurrent wrong passwords while this one was checked wins
        if (!store.resetFailures(name, c.credentialId(), now)) {
            log("SIGN_IN_LOCKED", c.callerId(), name);
            throw locked();
        }
        String token = newToken();
        Instant expires = now.plus(LIFETIME);
        store.createSession(new SessionStore.Session(Tokens.hash(token), c.callerId(), name, c.credentialId(), now,
                now, expires, false));
        log("SIGN_IN", c.callerId(), name);
        return new SignedIn(token, new Current(account.caller(), csrfToken(token), expires, Tokens.hash(token)));
    }

    /**
     * Counts a wrong password: the counter and lock are read and written conditionally until the write lands, so
     * concurrent wrong passwords each count once and the lock is set by the one that reaches the limit.
     */
    private void failed(String name, SessionStore.Credential read) {
        java.util.concurrent.atomic.AtomicReference<SessionStore.Credential> seen =
                new java.util.concurrent.atomic.AtomicReference<>(read);
        RetryPolicy.standard().onConflict((Runnable) () -> {
            SessionStore.Credential c = seen.get();
            Instant now = clock.instant();
            if (locked(c, now)) {
                log("SIGN_IN_LOCKED", c.callerId(), name);
                throw locked();
            }
            // a lock that has run out starts a new count
            int from = c.lockedUntil() != null ? 0 : c.failures();
            int next = from + 1;
            Instant lock = next >= MAX_FAILURES ? now.plus(LOCK) : null;
            if (store.recordFailure(name, c.credentialId(), c.failures(), next, lock)) {
                if (lock != null) {
                    log("LOCKED_OUT", c.callerId(), name);
                    throw locked();
                }
                log("SIGN_IN_FAILED", c.callerId(), name);
                throw invalidCredentials();
            }
            Optional<SessionStore.Credential> again = store.credential(name);
            if (again.isEmpty() || !again.get().credentialId().equals(read.credentialId())) {
                log("SIGN_IN_FAILED", read.callerId(), name);
                throw invalidCredentials(); // the password was replaced meanwhile: this one was checked against the old
            }
            seen.set(again.get());
            throw new ConcurrentUpdateException("登录请求过于频繁，请稍后重试", "too many sign-ins at once; retry");
        });
    }

    public void signOut(Current session) {
        store.revoke(session.tokenHash());
        log("SIGN_OUT", session.caller().id(), null);
    }

    // ------------------------------------------------------------------ sessions

    /**
     * The session of a cookie token, if it is valid now: not revoked, within its lifetime and idle timeout, its
     * caller active (and not deactivated since it began), its credential unchanged. With {@code touch} the idle
     * mark moves (at most once a minute).
     */
    public Optional<Current> resolve(String token, boolean touch) {
        if (token == null || token.isEmpty() || token.length() > 128) return Optional.empty();
        String hash = Tokens.hash(token);
        Optional<SessionStore.Session> found = store.session(hash);
        if (found.isEmpty()) return Optional.empty();
        SessionStore.Session s = found.get();
        Instant now = clock.instant();
        if (s.revoked() || !now.isBefore(s.expiresAt()) || !now.isBefore(s.lastSeenAt().plus(IDLE))) {
            return Optional.empty();
        }
        Optional<CallerDirectory.Account> account = callers.account(s.callerId());
        if (account.isEmpty() || !account.get().active()) return Optional.empty();
        Instant deactivated = account.get().deactivatedAt();
        if (deactivated != null && !deactivated.isBefore(s.createdAt())) return Optional.empty();
        Optional<SessionStore.Credential> c = store.credential(s.username());
        if (c.isEmpty() || !c.get().callerId().equals(s.callerId())
                || !c.get().credentialId().equals(s.credentialId())) {
            return Optional.empty();
        }
        if (touch && !now.isBefore(s.lastSeenAt().plus(TOUCH_EVERY))) store.touch(hash, s.lastSeenAt(), now);
        // the gateway authorizer has no pseudonym secret and needs no CSRF token (the API checks it)
        return Optional.of(new Current(account.get().caller(), keys.hasPseudonyms() ? csrfToken(token) : null,
                s.expiresAt(), hash));
    }

    /** The CSRF token of a session token: a keyed HMAC under the platform's pseudonym ring. */
    public String csrfToken(String sessionToken) {
        return keys.pseudonyms().key(CSRF, sessionToken);
    }

    /** Whether a request's {@code X-CSRF-Token} belongs to the session token (constant time). */
    public boolean csrfMatches(String sessionToken, String header) {
        return header != null && header.length() <= 128 && keys.pseudonyms().matches(header, CSRF, sessionToken);
    }

    // ------------------------------------------------------------------ credentials

    /**
     * An administrator gives a caller a user name and password (or replaces them): its sessions under the previous
     * password end. The user name is unique ({@code 409 USERNAME_TAKEN}).
     */
    public void setCredentials(Caller admin, String callerId, String username, String password) {
        AccessPolicy.requireCredentialAdministrator(admin);
        CallerDirectory.Account account = callers.account(callerId).orElseThrow(() ->
                DomainException.notFound("CALLER_NOT_FOUND", "调用方不存在", "no caller " + callerId));
        Validator v = new Validator().notBlank(username, "username");
        if (username != null && !username.isBlank()) {
            v.require(normalize(username).matches("[a-z0-9][a-z0-9_.@-]{2,63}"), "username", "INVALID_USERNAME",
                    "用户名应为3至64位字母、数字、点、下划线、@或连字符",
                    "3–64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
        FieldError weak = Passwords.policy(password, "password");
        if (weak != null) v.addAll(java.util.List.of(weak));
        v.throwIfInvalid();
        if (!AccessPolicy.maySignIn(account.caller())) {
            throw DomainException.forbidden("FORBIDDEN", "系统调用方不能登录", "SYSTEM callers do not sign in");
        }
        String name = normalize(username);
        if (!store.setCredential(callerId, name, passwords.hash(password), UUID.randomUUID().toString(),
                clock.instant())) {
            throw DomainException.conflict("USERNAME_TAKEN", "该用户名已被占用", "this user name belongs to another caller");
        }
        log("CREDENTIALS_SET", callerId, name);
    }

    /** A signed-in user changes their own password; every other session of theirs ends, this one stays. */
    public void changePassword(Current session, String currentPassword, String newPassword) {
        Validator v = new Validator().notBlank(currentPassword, "currentPassword")
                .maxLength(currentPassword, Passwords.MAX_LENGTH, "currentPassword");
        FieldError weak = Passwords.policy(newPassword, "newPassword");
        if (weak != null) v.addAll(java.util.List.of(weak));
        v.throwIfInvalid();
        String name = store.usernameOf(session.caller().id()).orElseThrow(SessionService::invalidCredentials);
        SessionStore.Credential c = store.credential(name).orElseThrow(SessionService::invalidCredentials);
        if (locked(c, clock.instant())) throw locked();
        if (!passwords.verify(c.passwordHash(), currentPassword)) {
            failed(name, c);
        }
        if (newPassword.equals(currentPassword)) {
            throw DomainException.validation(java.util.List.of(FieldError.of("newPassword", "UNCHANGED",
                    "新密码不能与原密码相同", "the new password equals the current one")));
        }
        if (!store.changePassword(name, c.credentialId(), passwords.hash(newPassword), UUID.randomUUID().toString(),
                session.tokenHash(), clock.instant())) {
            throw DomainException.conflict("CONCURRENT_UPDATE", "密码正被同时修改，请重试",
                    "the password was changed meanwhile; retry");
        }
        log("PASSWORD_CHANGED", session.caller().id(), name);
    }

    // ------------------------------------------------------------------ helpers

    private static boolean locked(SessionStore.Credential c, Instant now) {
        return c.lockedUntil() != null && now.isBefore(c.lockedUntil());
    }

    private void log(String event, String callerId, String username) {
        String key = username == null || !keys.hasPseudonyms() ? null : keys.pseudonyms().key(USERNAME, username);
        audit.record(new AccessLog.SignInEvent(event, callerId, key, clock.instant()));
    }

    static DomainException invalidCredentials() {
        return new DomainException(DomainException.Kind.UNAUTHORIZED, "INVALID_CREDENTIALS", "用户名或密码错误",
                "wrong user name or password");
    }

    static DomainException locked() {
        return new DomainException(DomainException.Kind.LOCKED, "ACCOUNT_LOCKED",
                "密码连续错误" + MAX_FAILURES + "次，账号已锁定" + LOCK.toMinutes() + "分钟",
                MAX_FAILURES + " wrong passwords in a row: signing in is locked for " + LOCK.toMinutes() + " minutes");
    }

    /** 32 random bytes, base64url: 256 bits. */
    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

}
