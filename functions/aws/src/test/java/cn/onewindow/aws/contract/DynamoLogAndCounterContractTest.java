package cn.onewindow.aws.contract;

import cn.onewindow.aws.DynamoAccessLog;
import cn.onewindow.aws.DynamoRateCounter;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.core.ports.AccessLog;
import cn.onewindow.core.ports.RateCounter;
import cn.onewindow.memory.contract.LogAndCounterContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DynamoDB access log and try counters (on the local stand-in) held to the contract the in-memory ones are. */
@ExtendWith(LocalDynamo.class)
class DynamoLogAndCounterContractTest extends LogAndCounterContract {
    private static DynamoAccessLog log;
    private static DynamoRateCounter counters;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        log = new DynamoAccessLog(tables.client(), tables.casesTable());
        counters = new DynamoRateCounter(tables.client(), tables.settings().idempotencyTable());
    }

    @Override
    protected AccessLog accessLog() {
        return log;
    }

    @Override
    protected RateCounter counters() {
        return counters;
    }
}
