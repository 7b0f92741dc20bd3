package cn.onewindow.memory.contract;

import cn.onewindow.core.ports.IdempotencyStore;
import cn.onewindow.memory.MemoryCaseRepository;

/** The in-memory request claims held to the contract of the DynamoDB ones. */
class MemoryRequestClaimContractTest extends RequestClaimContract {
    private final MemoryCaseRepository store = new MemoryCaseRepository();

    @Override
    protected IdempotencyStore idempotency() {
        return store;
    }
}
