package cn.onewindow.core.ports;

import cn.onewindow.core.access.Caller;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Credentials: callers looked up by the SHA-256 hash of their bearer token (tokens are never stored). Each caller
 * has one active token; rotating it revokes the previous one in the same write, so the change takes effect at once.
 */
public interface CallerDirectory {

    /** A caller's account: its profile, whether it is active, and when its current token was issued. */
    record Account(Caller caller, boolean active, Instant tokenIssuedAt) {
    }

    Optional<Caller> byTokenHash(String tokenHash);

    /** Demo seeding: stores a caller with the given token (replacing any previous token of that caller). */
    void put(String tokenHash, Caller caller);

    Optional<Account> account(String callerId);

    List<Account> accounts();

    /** @throws cn.onewindow.core.common.DomainException CONFLICT {@code CALLER_EXISTS} */
    void create(Caller caller, String tokenHash, Instant at);

    /** Activates the new token and revokes the current one atomically (also re-activates a deactivated caller). */
    void rotate(String callerId, String newTokenHash, Instant at);

    /** Changes the profile (e.g. an agent moved to another point); the token stays. */
    void update(Caller caller);

    /** Revokes the token: every request with it is refused from now on. */
    void deactivate(String callerId, Instant at);
}
