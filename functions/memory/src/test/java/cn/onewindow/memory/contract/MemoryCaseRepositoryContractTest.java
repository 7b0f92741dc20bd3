package cn.onewindow.memory.contract;

import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.IdempotencyStore;
import cn.onewindow.core.ports.TimerIndex;
import cn.onewindow.memory.MemoryCaseRepository;

/** The in-memory case store held to the contract of the DynamoDB one. */
class MemoryCaseRepositoryContractTest extends CaseRepositoryContract {
    private final MemoryCaseRepository store = new MemoryCaseRepository();

    @Override
    protected CaseRepository cases() {
        return store;
    }

    @Override
    protected IdempotencyStore idempotency() {
        return store;
    }

    @Override
    protected TimerIndex timers() {
        return store;
    }
}
