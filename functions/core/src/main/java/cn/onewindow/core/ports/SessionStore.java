package cn.onewindow.core.ports;

import java.time.Instant;
import java.util.Optional;

/**
 * Staff sign-in: user names with their password hash and failure counter, and browser sessions, each session kept
 * under the SHA-256 hash of its token only (the token itself is never stored). Every write that depends on what was
 * read is conditional on it, so concurrent sign-ins never lose a failure or undo a lock.
 */
public interface SessionStore {

    /**
     * A user name's credential.
     *
     * @param credentialId changes whenever the password is set or changed: sessions made under another one are over
     * @param failures     consecutive wrong passwords counted so far
     * @param lockedUntil  null when not locked
     */
    record Credential(String username, String callerId, String passwordHash, String credentialId, int failures,
                      Instant lockedUntil) {
    }

    /**
     * A session as stored (by the hash of its token).
     *
     * @param lastSeenAt the idle mark, refreshed at most once a minute
     */
    record Session(String tokenHash, String callerId, String username, String credentialId, Instant createdAt,
                   Instant lastSeenAt, Instant expiresAt, boolean revoked) {
    }

    Optional<Credential> credential(String username);

    /** The user name a caller signs in with, if it has one. */
    Optional<String> usernameOf(String callerId);

    /**
     * Gives the caller this user name and password (a new credential id, the counter at zero), dropping its previous
     * user name if it had another.
     *
     * @return false when the user name belongs to another caller (nothing written)
     */
    boolean setCredential(String callerId, String username, String passwordHash, String credentialId, Instant at);

    /**
     * Records a wrong password on condition that the counter and credential are still those read.
     *
     * @param seenFailures the counter as read
     * @param failures     the new counter
     * @param lockedUntil  the lock to set, or null for none
     * @return false when the credential changed meanwhile (read it again)
     */
    boolean recordFailure(String username, String credentialId, int seenFailures, int failures, Instant lockedUntil);

    /** Sets the counter to zero and drops an expired lock, on condition that it is not locked at {@code now}. */
    boolean resetFailures(String username, String credentialId, Instant now);

    /**
     * Replaces the password of a signed-in user: the credential gets a new id (so every other session of it is over)
     * and the given session is moved onto it, in one transaction, on condition that the credential is still the one
     * read.
     */
    boolean changePassword(String username, String oldCredentialId, String passwordHash, String newCredentialId,
                           String keepSessionHash, Instant at);

    void createSession(Session session);

    Optional<Session> session(String tokenHash);

    /** Moves the idle mark, on condition that it is still the one read (a lost race changes nothing). */
    void touch(String tokenHash, Instant seenBefore, Instant now);

    void revoke(String tokenHash);
}
