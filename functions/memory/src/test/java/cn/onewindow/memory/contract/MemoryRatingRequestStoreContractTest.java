package cn.onewindow.memory.contract;

import cn.onewindow.core.ports.RatingRequestStore;
import cn.onewindow.memory.MemoryRatingRequests;

/** The in-memory rating requests held to the contract of the DynamoDB ones. */
class MemoryRatingRequestStoreContractTest extends RatingRequestStoreContract {
    private final MemoryRatingRequests store = new MemoryRatingRequests();

    @Override
    protected RatingRequestStore requests() {
        return store;
    }
}
