package cn.onewindow.aws.contract;

import cn.onewindow.aws.DynamoQueueStore;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.core.queue.QueueStore;
import cn.onewindow.memory.contract.QueueStoreContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DynamoDB adapter (on the local stand-in) held to the contract the in-memory one is held to. */
@ExtendWith(LocalDynamo.class)
class DynamoQueueStoreContractTest extends QueueStoreContract {
    private static DynamoQueueStore store;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        store = new DynamoQueueStore(tables.client(), tables.casesTable(), tables.settings().referenceTable());
    }

    @Override
    protected QueueStore queues() {
        return store;
    }
}
