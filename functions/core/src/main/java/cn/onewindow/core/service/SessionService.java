package cn.onewindow.core.service;

import cn.onewindow.core.access.Passwords;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.AccessLog;
import cn.onewindow.core.ports.CallerDirectory;
import cn.onewindow.core.ports.RateCounter;
import cn.onewindow.core.ports.SessionStore;
import cn.onewindow.core.privacy.PrivacyKeys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Staff sign in with a user name and password and get a browser session (cookie {@value #COOKIE}): the same
 * {@link Caller}, roles and scopes as a bearer token. Sessions last at most {@link #LIFETIME} and end after
 * {@link #IDLE} without a request; {@link #MAX_FAILURES} wrong passwords in a row lock the user name for
 * {@link #LOCK}. A deactivated caller's sessions end at once, and so do a user's other sessions when the password
 * changes. Unsafe requests with the cookie carry the CSRF token: a keyed HMAC of the session token, so it can be
 * given again after a page reload without being stored. The parts: {@link SessionSignIn}, {@link SessionCheck},
 * {@link CredentialChange}, with the lockout in {@link WrongPasswords} and the access log in {@link SignInAudit}.
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

    /** A new session: the token goes into the cookie only. */
    public record SignedIn(String token, Current current) {
    }

    /** A valid session: who, its CSRF token, when it ends at the latest. */
    public record Current(Caller caller, String csrfToken, Instant expiresAt, String tokenHash) {
    }

    private final SessionSignIn signIn;
    private final SessionCheck check;
    private final CredentialChange credentials;

    public SessionService(SessionStore store, CallerDirectory callers, AccessLog audit, PrivacyKeys keys,
                          Passwords passwords, RateCounter counters, Clock clock) {
        SignInAudit log = new SignInAudit(audit, keys, clock);
        WrongPasswords wrongPasswords = new WrongPasswords(store, log, clock);
        this.check = new SessionCheck(store, callers, keys, clock);
        this.signIn = new SessionSignIn(store, callers, keys, passwords, counters, log, wrongPasswords, check, clock);
        this.credentials = new CredentialChange(store, callers, passwords, log, wrongPasswords, clock);
    }

    public static String normalize(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * @param clientAddress the caller's address (API Gateway {@code requestContext.http.sourceIp}); null counts as one
     *                      shared unknown address
     * @throws DomainException 429 {@code RATE_LIMITED} past {@link #PER_ADDRESS}, before the password is looked at
     */
    public SignedIn signIn(String username, String password, String clientAddress) {
        return signIn.signIn(username, password, clientAddress);
    }

    public void signOut(Current session) {
        signIn.signOut(session);
    }

    /** The session of a cookie token if it is valid now; with {@code touch} the idle mark moves. */
    public Optional<Current> resolve(String token, boolean touch) {
        return check.resolve(token, touch);
    }

    /** The CSRF token of a session token: a keyed HMAC under the platform's pseudonym ring. */
    public String csrfToken(String sessionToken) {
        return check.csrfToken(sessionToken);
    }

    /** Whether a request's {@code X-CSRF-Token} belongs to the session token (constant time). */
    public boolean csrfMatches(String sessionToken, String header) {
        return check.csrfMatches(sessionToken, header);
    }

    /**
     * An administrator gives a caller a user name and password (or replaces them): its sessions under the previous
     * password end. The user name is unique ({@code 409 USERNAME_TAKEN}).
     */
    public void setCredentials(Caller admin, String callerId, String username, String password) {
        credentials.setCredentials(admin, callerId, username, password);
    }

    /** A signed-in user changes their own password; every other session of theirs ends, this one stays. */
    public void changePassword(Current session, String currentPassword, String newPassword) {
        credentials.changePassword(session, currentPassword, newPassword);
    }
}
