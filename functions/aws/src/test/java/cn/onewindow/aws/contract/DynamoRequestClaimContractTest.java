package cn.onewindow.aws.contract;

import cn.onewindow.aws.DynamoCaseRepository;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.core.ports.IdempotencyStore;
import cn.onewindow.memory.contract.RequestClaimContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DynamoDB request claims (on the local stand-in) held to the contract the in-memory ones are held to. */
@ExtendWith(LocalDynamo.class)
class DynamoRequestClaimContractTest extends RequestClaimContract {
    private static DynamoCaseRepository store;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        store = new DynamoCaseRepository(tables.client(), tables.casesTable(), tables.settings().idempotencyTable());
    }

    @Override
    protected IdempotencyStore idempotency() {
        return store;
    }
}
