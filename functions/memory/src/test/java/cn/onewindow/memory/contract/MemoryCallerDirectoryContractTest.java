package cn.onewindow.memory.contract;

import cn.onewindow.core.ports.CallerDirectory;
import cn.onewindow.memory.MemoryCallerDirectory;

/** The in-memory adapter held to the contract of the DynamoDB one. */
class MemoryCallerDirectoryContractTest extends CallerDirectoryContract {
    private final MemoryCallerDirectory store = new MemoryCallerDirectory();

    @Override
    protected CallerDirectory callers() {
        return store;
    }
}
