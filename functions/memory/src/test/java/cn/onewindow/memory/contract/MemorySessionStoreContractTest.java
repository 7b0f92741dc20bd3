package cn.onewindow.memory.contract;

import cn.onewindow.core.ports.SessionStore;
import cn.onewindow.memory.MemorySessionStore;

/** The in-memory adapter held to the contract of the DynamoDB one. */
class MemorySessionStoreContractTest extends SessionStoreContract {
    private final MemorySessionStore store = new MemorySessionStore();

    @Override
    protected SessionStore sessions() {
        return store;
    }
}
