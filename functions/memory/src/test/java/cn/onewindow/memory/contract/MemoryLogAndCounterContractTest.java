package cn.onewindow.memory.contract;

import cn.onewindow.core.ports.AccessLog;
import cn.onewindow.core.ports.RateCounter;
import cn.onewindow.memory.MemoryAccessLog;
import cn.onewindow.memory.MemoryRateCounter;

/** The in-memory access log and try counters held to the contract of the DynamoDB ones. */
class MemoryLogAndCounterContractTest extends LogAndCounterContract {
    private final MemoryAccessLog log = new MemoryAccessLog();
    private final MemoryRateCounter counters = new MemoryRateCounter();

    @Override
    protected AccessLog accessLog() {
        return log;
    }

    @Override
    protected RateCounter counters() {
        return counters;
    }
}
