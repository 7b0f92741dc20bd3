package cn.onewindow.aws.contract;

import cn.onewindow.aws.DynamoCaseRepository;
import cn.onewindow.aws.DynamoLedger;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.LedgerQuery;
import cn.onewindow.memory.contract.LedgerContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DynamoDB ledger (the by-service-point index, on the local stand-in) held to the in-memory one's contract. */
@ExtendWith(LocalDynamo.class)
class DynamoLedgerContractTest extends LedgerContract {
    private static DynamoCaseRepository cases;
    private static DynamoLedger ledger;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        cases = new DynamoCaseRepository(tables.client(), tables.casesTable(), tables.settings().idempotencyTable());
        ledger = new DynamoLedger(tables.client(), tables.casesTable());
    }

    @Override
    protected CaseRepository cases() {
        return cases;
    }

    @Override
    protected LedgerQuery ledger() {
        return ledger;
    }
}
