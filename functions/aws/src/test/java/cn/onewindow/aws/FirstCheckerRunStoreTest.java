package cn.onewindow.aws;

import cn.onewindow.memory.usecase.FirstCheckerRunScenarios;
import cn.onewindow.memory.usecase.Services;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;

/**
 * {@link FirstCheckerRunScenarios} on the DynamoDB adapters (functions/memory runs them on the in-memory ones).
 */
@ExtendWith(LocalDynamo.class)
class FirstCheckerRunStoreTest extends FirstCheckerRunScenarios {
    private final DynamoServices dynamo;

    FirstCheckerRunStoreTest(DynamoServices dynamo) {
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
