package cn.onewindow.aws;

import cn.onewindow.core.access.Passwords;
import cn.onewindow.core.access.Tokens;
import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.service.SessionService;
import cn.onewindow.memory.usecase.Services;
import cn.onewindow.memory.usecase.SessionScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link SessionScenarios} on the DynamoDB adapters (functions/memory runs the same scenarios on the in-memory ones),
 * and the session items as stored.
 */
@ExtendWith(LocalDynamo.class)
class SessionStoreTest extends SessionScenarios {
    private final DynamoServices dynamo;

    SessionStoreTest(DynamoServices dynamo) {
        this.dynamo = dynamo;
    }

    @Override
    protected Services seeded(Clock clock) {
        return dynamo.seeded(clock);
    }

    @Override
    protected Services unseeded(Clock clock) {
        return dynamo.unseeded(clock);
    }

    @Override
    protected int seededIterations() {
        return Passwords.DEFAULT_ITERATIONS;
    }

    @Test
    void aSessionItemCarriesItsExpiryAsTheTableTtlAndIsMarkedRevokedOnSignOut() {
        Services p = seeded(AdjustableClock.startingAt(Fixtures.FRIDAY_10_SHANGHAI));
        SessionService.SignedIn s = p.sessionService.signIn("Window", DemoData.DEMO_PASSWORD, "192.0.2.20");
        String pk = "SESSION#" + Tokens.hash(s.token());
        Map<String, AttributeValue> item = raw(pk);
        assertEquals("window-001", item.get("callerId").s());
        assertEquals(Long.toString(s.current().expiresAt().getEpochSecond()), item.get("expiresAt").n(), "TTL");
        p.sessionService.signOut(s.current());
        assertEquals("REVOKED", raw(pk).get("state").s());
    }

    private Map<String, AttributeValue> raw(String pk) {
        LocalDynamo.Tables tables = dynamo.tables();
        return tables.client().getItem(b -> b.tableName(tables.resources().tableName("CallersTable"))
                .key(Map.of("pk", AttributeValue.builder().s(pk).build())).consistentRead(true)).item();
    }
}
