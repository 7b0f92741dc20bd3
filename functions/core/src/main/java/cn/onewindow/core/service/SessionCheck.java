package cn.onewindow.core.service;

import cn.onewindow.core.access.Tokens;
import cn.onewindow.core.ports.CallerDirectory;
import cn.onewindow.core.ports.SessionStore;
import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.service.SessionService.Current;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a cookie's session is valid now (each request), and its CSRF token: a keyed HMAC of the session token, so
 * it can be given again after a page reload without being stored.
 */
final class SessionCheck {
    private final SessionStore store;
    private final CallerDirectory callers;
    private final PrivacyKeys keys;
    private final Clock clock;

    SessionCheck(SessionStore store, CallerDirectory callers, PrivacyKeys keys, Clock clock) {
        this.store = store;
        this.callers = callers;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The session of a cookie token, if it is valid now: not revoked, within its lifetime and idle timeout, its
     * caller active (and not deactivated since it began), its credential unchanged. With {@code touch} the idle
     * mark moves (at most once a minute).
     */
    Optional<Current> resolve(String token, boolean touch) {
        if (token == null || token.isEmpty() || token.length() > 128) return Optional.empty();
        String hash = Tokens.hash(token);
        Optional<SessionStore.Session> found = store.session(hash);
        if (found.isEmpty()) return Optional.empty();
        SessionStore.Session s = found.get();
        Instant now = clock.instant();
        if (s.revoked() || !now.isBefore(s.expiresAt()) || !now.isBefore(s.lastSeenAt().plus(SessionService.IDLE))) {
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
        if (touch && !now.isBefore(s.lastSeenAt().plus(SessionService.TOUCH_EVERY))) {
            store.touch(hash, s.lastSeenAt(), now);
        }
        // the gateway authorizer has no pseudonym secret and needs no CSRF token (the API checks it)
        return Optional.of(new Current(account.get().caller(), keys.hasPseudonyms() ? csrfToken(token) : null,
                s.expiresAt(), hash));
    }

    /** The CSRF token of a session token: a keyed HMAC under the platform's pseudonym ring. */
    String csrfToken(String sessionToken) {
        return keys.pseudonyms().key(SessionService.CSRF, sessionToken);
    }

    /** Whether a request's {@code X-CSRF-Token} belongs to the session token (constant time). */
    boolean csrfMatches(String sessionToken, String header) {
        return header != null && header.length() <= 128
                && keys.pseudonyms().matches(header, SessionService.CSRF, sessionToken);
    }
}
