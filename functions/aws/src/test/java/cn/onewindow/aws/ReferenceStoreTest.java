package cn.onewindow.aws;

import cn.onewindow.core.access.Tokens;
import cn.onewindow.memory.usecase.ReferenceScenarios;
import cn.onewindow.memory.usecase.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ReferenceScenarios} on the DynamoDB adapters (functions/memory runs the same scenarios on the in-memory
 * ones), and the callers table as stored.
 */
@ExtendWith(LocalDynamo.class)
class ReferenceStoreTest extends ReferenceScenarios {
    private final DynamoServices dynamo;

    ReferenceStoreTest(DynamoServices dynamo) {
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

    @Test
    void theCallersTableHoldsTokenHashesNeverTheTokens() {
        seeded(Fixtures.fixed(Fixtures.FRIDAY_10_SHANGHAI));
        LocalDynamo.Tables tables = dynamo.tables();
        String callersTable = tables.resources().tableName("CallersTable");
        String dump = tables.client().scan(b -> b.tableName(callersTable)).items().toString();
        assertFalse(dump.contains("demo-"), "no plain token is stored");
        assertTrue(dump.contains(Tokens.hash("demo-window")));
    }
}
