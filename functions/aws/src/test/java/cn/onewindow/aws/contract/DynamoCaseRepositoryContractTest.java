package cn.onewindow.aws.contract;

import cn.onewindow.aws.DynamoCaseRepository;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.IdempotencyStore;
import cn.onewindow.core.ports.TimerIndex;
import cn.onewindow.memory.contract.CaseRepositoryContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DynamoDB case store (on the local stand-in) held to the contract the in-memory one is held to. */
@ExtendWith(LocalDynamo.class)
class DynamoCaseRepositoryContractTest extends CaseRepositoryContract {
    private static DynamoCaseRepository store;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        store = new DynamoCaseRepository(tables.client(), tables.casesTable(), tables.settings().idempotencyTable());
    }

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
