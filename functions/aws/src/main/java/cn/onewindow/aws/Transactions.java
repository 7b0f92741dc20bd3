package cn.onewindow.aws;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Every TransactWriteItems of the platform goes through here. DynamoDB cancels a transaction, applying nothing, when
 * another transaction or write touches one of its items at the same moment ({@code TransactionConflict}) or a
 * partition is throttled; the SDK does not retry those. They are retried here, with the same items, a bounded number
 * of times with jittered exponential backoff: nothing was applied, so sending the same writes again is safe, and
 * their conditions are checked afresh. Any other cancellation (a condition that failed, a validation error) is
 * thrown at once for the caller to map to its typed conflict, and so is a conflict that outlasts the retries.
 */
public final class Transactions {
    /** Attempts in all, the first included. */
    static final int MAX_ATTEMPTS = 6;
    private static final long BASE_BACKOFF_MILLIS = 8;
    private static final long MAX_BACKOFF_MILLIS = 250;
    private static final Set<String> TRANSIENT = Set.of("TransactionConflict", "ThrottlingError",
            "ProvisionedThroughputExceeded");

    private Transactions() {
    }

    /** {@link DynamoDbClient#transactWriteItems(Consumer)}, retried while it is cancelled only by a transient reason. */
    public static void write(DynamoDbClient db, Consumer<TransactWriteItemsRequest.Builder> request) {
        TransactWriteItemsRequest built = TransactWriteItemsRequest.builder().applyMutation(request).build();
        for (int attempt = 1; ; attempt++) {
            try {
                db.transactWriteItems(built);
                return;
            } catch (TransactionCanceledException e) {
                if (attempt >= MAX_ATTEMPTS || !onlyTransient(e.cancellationReasons())) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    /** True when at least one item was cancelled for a transient reason and none for anything else. */
    static boolean onlyTransient(List<CancellationReason> reasons) {
        boolean any = false;
        for (CancellationReason r : reasons) {
            String code = r.code();
            if (code == null || code.equals("None")) {
                continue;
            }
            if (!TRANSIENT.contains(code)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static void backOff(int attempt) {
        long ceiling = Math.min(MAX_BACKOFF_MILLIS, BASE_BACKOFF_MILLIS << Math.min(attempt, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", ie);
        }
    }
}
