package cn.onewindow.aws;

import cn.onewindow.memory.usecase.CallerLifecycleScenarios;
import cn.onewindow.memory.usecase.Services;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;

/**
 * {@link CallerLifecycleScenarios} on the DynamoDB adapters (functions/memory runs them on the in-memory ones).
 */
@ExtendWith(LocalDynamo.class)
class CallerLifecycleStoreTest extends CallerLifecycleScenarios {
    private final DynamoServices dynamo;

    CallerLifecycleStoreTest(DynamoServices dynamo) {
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
