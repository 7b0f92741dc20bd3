package cn.onewindow.core.access;

import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.ports.CallerDirectory;

/**
 * Turns an {@code Authorization: Bearer <token>} header into a caller. Tokens are looked up by hash on every
 * request, so a revoked token stops working at once.
 */
public final class Authenticator {
    private final CallerDirectory callers;

    public Authenticator(CallerDirectory callers) {
        this.callers = callers;
    }

    public Caller authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, "MISSING_TOKEN", "缺少访问令牌",
                    "an Authorization: Bearer <token> header is required");
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer") || parts[1].length() > 512) {
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, "INVALID_TOKEN", "访问令牌格式无效",
                    "the Authorization header must be 'Bearer <token>'");
        }
        return callers.byTokenHash(Tokens.hash(parts[1])).orElseThrow(() -> new DomainException(
                DomainException.Kind.UNAUTHORIZED, "INVALID_TOKEN", "访问令牌无效或已被吊销",
                "the token is unknown or revoked"));
    }
}
