package cn.onewindow.memory.contract;

import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.LedgerQuery;
import cn.onewindow.memory.MemoryCaseRepository;

/** The in-memory ledger (the case store's listing per service point) held to the contract of the DynamoDB one. */
class MemoryLedgerContractTest extends LedgerContract {
    private final MemoryCaseRepository cases = new MemoryCaseRepository();

    @Override
    protected CaseRepository cases() {
        return cases;
    }

    @Override
    protected LedgerQuery ledger() {
        return cases;
    }
}
