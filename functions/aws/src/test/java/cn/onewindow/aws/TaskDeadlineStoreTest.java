package cn.onewindow.aws;

import cn.onewindow.memory.usecase.Services;
import cn.onewindow.memory.usecase.TaskDeadlineScenarios;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;

/**
 * {@link TaskDeadlineScenarios} on the DynamoDB adapters (functions/memory runs them on the in-memory ones).
 */
@ExtendWith(LocalDynamo.class)
class TaskDeadlineStoreTest extends TaskDeadlineScenarios {
    private final DynamoServices dynamo;

    TaskDeadlineStoreTest(DynamoServices dynamo) {
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
