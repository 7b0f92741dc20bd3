package cn.onewindow.core.access;

import cn.onewindow.core.common.DomainException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The API Gateway HTTP API Lambda authorizer (REQUEST type, payload 2.0, simple responses) on the same
 * {@link Authenticator} the intake function runs in-process: {@code {"isAuthorized": true, "context": {...}}} for a
 * known active token, or (without an Authorization header) a valid session cookie {@code ow_session}, and
 * {@code {"isAuthorized": false}} otherwise. The intake function checks the credential again (defence in depth, and
 * the CSRF token of cookie writes), so the context is informational. The authorizer has no identity source (the
 * gateway would refuse a request lacking any listed source without calling it, and a caller sends either a token
 * or a cookie); with the cache off that is allowed, and it is called for every request.
 */
public final class GatewayAuthorizer {
    private final Authenticator authenticator;
    private final Function<String, Optional<Caller>> sessions;

    /** Bearer tokens only. */
    public GatewayAuthorizer(Authenticator authenticator) {
        this(authenticator, token -> Optional.empty());
    }

    /** @param sessions the caller of a valid session cookie token (read-only: no idle mark is written here) */
    public GatewayAuthorizer(Authenticator authenticator, Function<String, Optional<Caller>> sessions) {
        this.authenticator = authenticator;
        this.sessions = sessions;
    }

    public Map<String, Object> authorize(Map<String, Object> event) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            String authorization = authorization(event);
            String cookie = authorization == null || authorization.isBlank() ? sessionCookie(event) : null;
            Caller c = cookie != null ? sessions.apply(cookie).orElseThrow(() -> new DomainException(
                    DomainException.Kind.UNAUTHORIZED, "SESSION_INVALID", "登录已失效", "the session has ended"))
                    : authenticator.authenticate(authorization);
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("callerId", c.id());
            context.put("role", c.role().name());
            if (c.servicePointId() != null) context.put("servicePointId", c.servicePointId());
            if (c.centerId() != null) context.put("centerId", c.centerId());
            if (c.departmentCode() != null) context.put("departmentCode", c.departmentCode());
            out.put("isAuthorized", true);
            out.put("context", context);
        } catch (DomainException e) {
            out.put("isAuthorized", false);
        }
        return out;
    }

    /**
     * The {@code ow_session} cookie: from the event's {@code cookies} (payload 2.0 moves them there) or a
     * {@code cookie} header.
     */
    static String sessionCookie(Map<String, Object> event) {
        if (event == null) return null;
        List<String> pairs = new ArrayList<>();
        if (event.get("cookies") instanceof List<?> l) {
            for (Object o : l) if (o instanceof String s) pairs.add(s);
        }
        if (event.get("headers") instanceof Map<?, ?> h) {
            for (Map.Entry<?, ?> e : h.entrySet()) {
                if (e.getKey() instanceof String k && k.equalsIgnoreCase("cookie") && e.getValue() instanceof String v) {
                    pairs.addAll(List.of(v.split(";")));
                }
            }
        }
        String prefix = SESSION_COOKIE + "=";
        for (String p : pairs) {
            String t = p.strip();
            if (t.startsWith(prefix) && t.length() > prefix.length()) return t.substring(prefix.length());
        }
        return null;
    }

    /** The session cookie's name (SessionService.COOKIE). */
    public static final String SESSION_COOKIE = "ow_session";

    /** The Authorization header (HTTP API lower-cases header names) or the first identity source. */
    @SuppressWarnings("unchecked")
    static String authorization(Map<String, Object> event) {
        if (event == null) return null;
        Object headers = event.get("headers");
        if (headers instanceof Map<?, ?> h) {
            for (Map.Entry<?, ?> e : h.entrySet()) {
                if (e.getKey() instanceof String k && k.equalsIgnoreCase("authorization") && e.getValue() instanceof String v) {
                    return v;
                }
            }
        }
        Object sources = event.get("identitySource");
        if (sources instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof String s) return s;
        return null;
    }
}
