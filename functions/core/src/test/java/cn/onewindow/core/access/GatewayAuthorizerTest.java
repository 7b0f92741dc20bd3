package cn.onewindow.core.access;

import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.ports.CallerDirectory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The gateway authorizer's event and response shapes (HTTP API payload 2.0, simple responses). */
class GatewayAuthorizerTest {
    /** Only the token lookup matters here; the DynamoDB directory has its own tests against dynoxide. */
    private static final Map<String, Caller> BY_HASH = new HashMap<>();

    static {
        DemoData.callers().forEach((t, c) -> BY_HASH.put(Tokens.hash(t), c));
    }

    private final GatewayAuthorizer authorizer = new GatewayAuthorizer(new Authenticator(new CallerDirectory() {
        public Optional<Caller> byTokenHash(String h) { return Optional.ofNullable(BY_HASH.get(h)); }
        public void put(String h, Caller c) { }
        public Optional<Account> account(String id) { return Optional.empty(); }
        public List<Account> accounts() { return List.of(); }
        public void create(Caller c, String h, Instant at) { }
        public void rotate(String id, String h, Instant at) { }
        public void update(Caller c) { }
        public void deactivate(String id, Instant at, String by) { }
        public void reactivate(String id, String h, Instant at, String by, String reason) { }
    }));

    @Test
    void knownTokenIsAuthorizedWithTheCallerInTheContext() {
        Map<String, Object> r = authorizer.authorize(Map.of("version", "2.0", "type", "REQUEST",
                "headers", Map.of("authorization", "Bearer demo-agent"), "identitySource", List.of("Bearer demo-agent")));
        assertEquals(true, r.get("isAuthorized"));
        assertEquals(Map.of("callerId", "agent-001", "role", "AGENT", "servicePointId", DemoData.VILLAGE_POINT,
                "centerId", DemoData.COUNTY_CENTER), r.get("context"));
    }

    @Test
    void unknownMissingOrMalformedTokensAreRefusedWithoutContext() {
        for (Map<String, Object> e : List.<Map<String, Object>>of(Map.of("headers", Map.of("authorization", "Bearer nope")),
                Map.of("headers", Map.of()), Map.of("identitySource", List.of("Basic abc")), Map.of())) {
            Map<String, Object> r = authorizer.authorize(e);
            assertEquals(false, r.get("isAuthorized"), e.toString());
            assertFalse(r.containsKey("context"));
        }
        assertEquals(true, authorizer.authorize(Map.of("identitySource", List.of("Bearer demo-admin"))).get("isAuthorized"));
    }
}
