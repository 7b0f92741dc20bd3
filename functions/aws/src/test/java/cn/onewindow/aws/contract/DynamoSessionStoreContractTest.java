package cn.onewindow.aws.contract;

import cn.onewindow.aws.DynamoSessionStore;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.core.ports.SessionStore;
import cn.onewindow.memory.contract.SessionStoreContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DynamoDB adapter (on the local stand-in) held to the contract the in-memory one is held to. */
@ExtendWith(LocalDynamo.class)
class DynamoSessionStoreContractTest extends SessionStoreContract {
    private static DynamoSessionStore store;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        store = new DynamoSessionStore(tables.client(), tables.settings().callersTable());
    }

    @Override
    protected SessionStore sessions() {
        return store;
    }
}
