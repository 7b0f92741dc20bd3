package cn.onewindow.aws.contract;

import cn.onewindow.aws.DynamoRatingRequests;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.core.ports.RatingRequestStore;
import cn.onewindow.memory.contract.RatingRequestStoreContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DynamoDB rating requests (on the local stand-in) held to the contract the in-memory ones are held to. */
@ExtendWith(LocalDynamo.class)
class DynamoRatingRequestStoreContractTest extends RatingRequestStoreContract {
    private static DynamoRatingRequests store;

    @BeforeAll
    static void setUp(LocalDynamo.Tables tables) {
        store = new DynamoRatingRequests(tables.client(), tables.casesTable(), tables.settings().referenceTable());
    }

    @Override
    protected RatingRequestStore requests() {
        return store;
    }
}
