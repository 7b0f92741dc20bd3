package cn.onewindow.core.ports;

import cn.onewindow.core.identity.Caller;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Credentials: callers looked up by the SHA-256 hash of their bearer token (tokens are never stored). Each caller
 * has one active token; rotating it revokes the previous one in the same write, so the change takes effect at once.
 */
public interface CallerDirectory {

    /**
     * A caller's account: its profile, whether it is active, when its current token was issued, when it was last
     * deactivated, and its life-cycle events (deactivations and reactivations: who, when, why), oldest first.
     */
    record Account(Caller caller, boolean active, Instant tokenIssuedAt, Instant deactivatedAt,
                   List<LifecycleEvent> lifecycle) {
        public Account {
            lifecycle = lifecycle == null ? List.of() : List.copyOf(lifecycle);
        }

        public Account(Caller caller, boolean active, Instant tokenIssuedAt) {
            this(caller, active, tokenIssuedAt, null, List.of());
        }
    }

    /** {@code DEACTIVATED} or {@code REACTIVATED}, by an administrator. */
    record LifecycleEvent(String event, Instant at, String by, String reason) {
    }

    Optional<Caller> byTokenHash(String tokenHash);

    /**
     * Demo seeding: stores a caller with the given token (replacing any previous token of that caller). A caller
     * that exists and was deactivated is left as it is: seeding never reactivates anyone.
     */
    void put(String tokenHash, Caller caller);

    Optional<Account> account(String callerId);

    List<Account> accounts();

    /** @throws cn.onewindow.core.common.DomainException CONFLICT {@code CALLER_EXISTS} */
    void create(Caller caller, String tokenHash, Instant at);

    /**
     * Activates the new token and revokes the current one atomically, only while the caller is active.
     *
     * @throws cn.onewindow.core.common.DomainException CONFLICT {@code CALLER_DEACTIVATED} for a deactivated caller
     */
    void rotate(String callerId, String newTokenHash, Instant at);

    /** Changes the profile (e.g. an agent moved to another point); the token and the state stay. */
    void update(Caller caller);

    /** Revokes the token: every request with it is refused from now on. Deactivating an inactive caller is a no-op. */
    void deactivate(String callerId, Instant at, String by);

    /**
     * Makes a deactivated caller active again with a new token (the revoked one stays revoked), recording who, when
     * and why.
     *
     * @throws cn.onewindow.core.common.DomainException CONFLICT {@code CALLER_ACTIVE} when it is not deactivated
     */
    void reactivate(String callerId, String newTokenHash, Instant at, String by, String reason);
}
