package cn.onewindow.core.service;

import cn.onewindow.core.common.ConcurrentUpdateException;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.RetryPolicy;
import cn.onewindow.core.ports.SessionStore;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The lockout: {@link SessionService#MAX_FAILURES} wrong passwords in a row lock a user name for
 * {@link SessionService#LOCK}. Counted on sign-in and on a password change alike.
 */
final class WrongPasswords {
    private final SessionStore store;
    private final SignInAudit audit;
    private final Clock clock;

    WrongPasswords(SessionStore store, SignInAudit audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    static boolean locked(SessionStore.Credential c, Instant now) {
        return c.lockedUntil() != null && now.isBefore(c.lockedUntil());
    }

    /**
     * Counts a wrong password and always throws ({@code INVALID_CREDENTIALS}, or {@code ACCOUNT_LOCKED} at the
     * limit): the counter and lock are read and written conditionally until the write lands, so concurrent wrong
     * passwords each count once and the lock is set by the one that reaches the limit.
     */
    void count(String name, SessionStore.Credential read) {
        AtomicReference<SessionStore.Credential> seen = new AtomicReference<>(read);
        RetryPolicy.standard().onConflict((Runnable) () -> {
            SessionStore.Credential c = seen.get();
            Instant now = clock.instant();
            if (locked(c, now)) {
                audit.log("SIGN_IN_LOCKED", c.callerId(), name);
                throw lockedOut();
            }
            // a lock that has run out starts a new count
            int from = c.lockedUntil() != null ? 0 : c.failures();
            int next = from + 1;
            Instant lock = next >= SessionService.MAX_FAILURES ? now.plus(SessionService.LOCK) : null;
            if (store.recordFailure(name, c.credentialId(), c.failures(), next, lock)) {
                if (lock != null) {
                    audit.log("LOCKED_OUT", c.callerId(), name);
                    throw lockedOut();
                }
                audit.log("SIGN_IN_FAILED", c.callerId(), name);
                throw invalidCredentials();
            }
            Optional<SessionStore.Credential> again = store.credential(name);
            if (again.isEmpty() || !again.get().credentialId().equals(read.credentialId())) {
                audit.log("SIGN_IN_FAILED", read.callerId(), name);
                throw invalidCredentials(); // the password was replaced meanwhile: this one was checked against the old
            }
            seen.set(again.get());
            throw new ConcurrentUpdateException("登录请求过于频繁，请稍后重试", "too many sign-ins at once; retry");
        });
    }

    static DomainException invalidCredentials() {
        return new DomainException(DomainException.Kind.UNAUTHORIZED, "INVALID_CREDENTIALS", "用户名或密码错误",
                "wrong user name or password");
    }

    static DomainException lockedOut() {
        return new DomainException(DomainException.Kind.LOCKED, "ACCOUNT_LOCKED",
                "密码连续错误" + SessionService.MAX_FAILURES + "次，账号已锁定" + SessionService.LOCK.toMinutes() + "分钟",
                SessionService.MAX_FAILURES + " wrong passwords in a row: signing in is locked for "
                        + SessionService.LOCK.toMinutes() + " minutes");
    }
}
