package cn.onewindow.core.access;

import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.common.DomainException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API Gateway HTTP API Lambda authorizer (REQUEST type, payload 2.0, simple responses) on the same
 * {@link Authenticator} the intake function runs in-process: {@code {"isAuthorized": true, "context": {...}}} for a
 * known active token, {@code {"isAuthorized": false}} otherwise. The intake function checks the token again
 * (defence in depth), so the context is informational.
 */
public final class GatewayAuthorizer {
    private final Authenticator authenticator;

    public GatewayAuthorizer(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    public Map<String, Object> authorize(Map<String, Object> event) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            Caller c = authenticator.authenticate(authorization(event));
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
