package cn.onewindow.aws;

import cn.onewindow.memory.usecase.Services;
import cn.onewindow.memory.usecase.SupervisionScenarios;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;

/**
 * {@link SupervisionScenarios} on the DynamoDB adapters (functions/memory runs them on the in-memory ones).
 */
@ExtendWith(LocalDynamo.class)
class SupervisionStoreTest extends SupervisionScenarios {
    private final DynamoServices dynamo;

    SupervisionStoreTest(DynamoServices dynamo) {
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
}
