package cn.onewindow.core.service;

import cn.onewindow.core.access.Passwords;
import cn.onewindow.core.access.Tokens;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.ports.CallerDirectory;
import cn.onewindow.core.ports.RateCounter;
import cn.onewindow.core.ports.SessionStore;
import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.privacy.Pseudonyms;
import cn.onewindow.core.service.SessionService.Current;
import cn.onewindow.core.service.SessionService.SignedIn;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Signing in with a user name and password (a new session, its token for the cookie only) and signing out. Tries
 * are limited per client address ({@link SessionService#PER_ADDRESS}) and wrong passwords per user name
 * ({@link WrongPasswords}); an unknown user name costs the same time as a wrong password.
 */
final class SessionSignIn {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionStore store;
    private final CallerDirectory callers;
    private final PrivacyKeys keys;
    private final Passwords passwords;
    private final RateCounter counters;
    private final SignInAudit audit;
    private final WrongPasswords wrongPasswords;
    private final SessionCheck check;
    private final Clock clock;

    SessionSignIn(SessionStore store, CallerDirectory callers, PrivacyKeys keys, Passwords passwords,
                  RateCounter counters, SignInAudit audit, WrongPasswords wrongPasswords, SessionCheck check,
                  Clock clock) {
        this.store = store;
        this.callers = callers;
        this.keys = keys;
        this.passwords = passwords;
        this.counters = counters;
        this.audit = audit;
        this.wrongPasswords = wrongPasswords;
        this.check = check;
        this.clock = clock;
    }

    SignedIn signIn(String username, String password, String clientAddress) {
        SessionService.PER_ADDRESS.charge(counters, keys.pseudonyms().key(Pseudonyms.CLIENT_ADDRESS,
                clientAddress == null ? "-" : clientAddress), clock);
        new Validator().notBlank(username, "username").maxLength(username, SessionService.MAX_USERNAME, "username")
                .notBlank(password, "password").maxLength(password, Passwords.MAX_LENGTH, "password")
                .throwIfInvalid();
        String name = SessionService.normalize(username);
        Optional<SessionStore.Credential> found = store.credential(name);
        if (found.isEmpty()) {
            passwords.verifyDummy(password); // the same time as a known user's wrong password
            audit.log("SIGN_IN_FAILED", null, name);
            throw WrongPasswords.invalidCredentials();
        }
        SessionStore.Credential c = found.get();
        Instant now = clock.instant();
        if (WrongPasswords.locked(c, now)) {
            audit.log("SIGN_IN_LOCKED", c.callerId(), name);
            throw WrongPasswords.lockedOut();
        }
        if (!passwords.verify(c.passwordHash(), password)) {
            wrongPasswords.count(name, c);
        }
        CallerDirectory.Account account = callers.account(c.callerId()).orElseThrow(() -> {
            audit.log("SIGN_IN_FAILED", c.callerId(), name);
            return WrongPasswords.invalidCredentials();
        });
        if (!account.active()) {
            audit.log("SIGN_IN_FAILED", c.callerId(), name);
            throw DomainException.forbidden("CALLER_DEACTIVATED", "该账号已停用，请联系管理员",
                    "this caller is deactivated; an administrator must reactivate it");
        }
        // conditional on not being locked: a lock set by concurrent wrong passwords while this one was checked wins
        if (!store.resetFailures(name, c.credentialId(), now)) {
            audit.log("SIGN_IN_LOCKED", c.callerId(), name);
            throw WrongPasswords.lockedOut();
        }
        String token = newToken();
        Instant expires = now.plus(SessionService.LIFETIME);
        store.createSession(new SessionStore.Session(Tokens.hash(token), c.callerId(), name, c.credentialId(), now,
                now, expires, false));
        audit.log("SIGN_IN", c.callerId(), name);
        return new SignedIn(token, new Current(account.caller(), check.csrfToken(token), expires, Tokens.hash(token)));
    }

    void signOut(Current session) {
        store.revoke(session.tokenHash());
        audit.log("SIGN_OUT", session.caller().id(), null);
    }

    /** 32 random bytes, base64url: 256 bits. */
    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
