package cn.onewindow.memory;

import cn.onewindow.core.ports.SessionStore;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in credentials and sessions in memory. Every conditional write of the DynamoDB store (on the counter, the
 * credential id, the idle mark) is the same comparison here, under one lock.
 */
public final class MemorySessionStore implements SessionStore {
    private final Map<String, Credential> logins = new HashMap<>();
    private final Map<String, String> usernames = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();

    @Override
    public synchronized Optional<Credential> credential(String username) {
        return Optional.ofNullable(logins.get(username));
    }

    @Override
    public synchronized Optional<String> usernameOf(String callerId) {
        return Optional.ofNullable(usernames.get(callerId));
    }

    @Override
    public synchronized boolean setCredential(String callerId, String username, String passwordHash,
                                              String credentialId, Instant at) {
        Credential taken = logins.get(username);
        if (taken != null && !callerId.equals(taken.callerId())) return false;
        String old = usernames.get(callerId);
        if (old != null && !old.equals(username)) logins.remove(old);
        logins.put(username, new Credential(username, callerId, passwordHash, credentialId, 0, null));
        usernames.put(callerId, username);
        return true;
    }

    @Override
    public synchronized boolean recordFailure(String username, String credentialId, int seenFailures, int failures,
                                              Instant lockedUntil) {
        Credential c = logins.get(username);
        if (c == null || c.failures() != seenFailures || !c.credentialId().equals(credentialId)) return false;
        logins.put(username, new Credential(username, c.callerId(), c.passwordHash(), c.credentialId(), failures,
                lockedUntil));
        return true;
    }

    @Override
    public synchronized boolean resetFailures(String username, String credentialId, Instant now) {
        Credential c = logins.get(username);
        if (c == null || !c.credentialId().equals(credentialId)
                || c.lockedUntil() != null && c.lockedUntil().isAfter(now)) return false;
        logins.put(username, new Credential(username, c.callerId(), c.passwordHash(), c.credentialId(), 0, null));
        return true;
    }

    @Override
    public synchronized boolean changePassword(String username, String oldCredentialId, String passwordHash,
                                               String newCredentialId, String keepSessionHash, Instant at) {
        Credential c = logins.get(username);
        Session s = sessions.get(keepSessionHash);
        if (c == null || !c.credentialId().equals(oldCredentialId)
                || s == null || !oldCredentialId.equals(s.credentialId())) return false;
        logins.put(username, new Credential(username, c.callerId(), passwordHash, newCredentialId, 0, null));
        sessions.put(keepSessionHash, new Session(s.tokenHash(), s.callerId(), s.username(), newCredentialId,
                s.createdAt(), s.lastSeenAt(), s.expiresAt(), s.revoked()));
        return true;
    }

    @Override
    public synchronized void createSession(Session session) {
        if (sessions.containsKey(session.tokenHash())) {
            throw new IllegalStateException("a session with this token hash exists");
        }
        sessions.put(session.tokenHash(), new Session(session.tokenHash(), session.callerId(), session.username(),
                session.credentialId(), session.createdAt(), session.lastSeenAt(), session.expiresAt(), false));
    }

    @Override
    public synchronized Optional<Session> session(String tokenHash) {
        return Optional.ofNullable(sessions.get(tokenHash));
    }

    @Override
    public synchronized void touch(String tokenHash, Instant seenBefore, Instant now) {
        Session s = sessions.get(tokenHash);
        if (s == null || s.revoked() || !s.lastSeenAt().equals(seenBefore)) return;
        sessions.put(tokenHash, new Session(s.tokenHash(), s.callerId(), s.username(), s.credentialId(),
                s.createdAt(), now, s.expiresAt(), false));
    }

    @Override
    public synchronized void revoke(String tokenHash) {
        Session s = sessions.get(tokenHash);
        if (s == null) return;
        sessions.put(tokenHash, new Session(s.tokenHash(), s.callerId(), s.username(), s.credentialId(),
                s.createdAt(), s.lastSeenAt(), s.expiresAt(), true));
    }
}
