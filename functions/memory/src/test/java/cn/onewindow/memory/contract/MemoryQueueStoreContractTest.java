package cn.onewindow.memory.contract;

import cn.onewindow.core.queue.QueueStore;
import cn.onewindow.memory.MemoryQueueStore;

/** The in-memory adapter held to the contract of the DynamoDB one. */
class MemoryQueueStoreContractTest extends QueueStoreContract {
    private final MemoryQueueStore store = new MemoryQueueStore();

    @Override
    protected QueueStore queues() {
        return store;
    }
}
