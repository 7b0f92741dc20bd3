package cn.onewindow.aws.contract;

import cn.onewindow.aws.DynamoCallerDirectory;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.core.ports.CallerDirectory;
import cn.onewindow.memory.contract.CallerDirectoryContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DynamoDB adapter (on the local stand-in) held to the contract the in-memory one is held to. */
@ExtendWith(LocalDynamo.class)
class DynamoCallerDirectoryContractTest extends CallerDirectoryContract {
    private static DynamoCallerDirectory store;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        store = new DynamoCallerDirectory(tables.client(), tables.settings().callersTable());
    }

    @Override
    protected CallerDirectory callers() {
        return store;
    }
}
