package cn.onewindow.aws;

import cn.onewindow.memory.usecase.Services;
import cn.onewindow.memory.usecase.WritePathRaceScenarios;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;

/**
 * {@link WritePathRaceScenarios} on the DynamoDB adapters (functions/memory runs them on the in-memory ones).
 */
@ExtendWith(LocalDynamo.class)
class WritePathRaceStoreTest extends WritePathRaceScenarios {
    private final DynamoServices dynamo;

    WritePathRaceStoreTest(DynamoServices dynamo) {
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
