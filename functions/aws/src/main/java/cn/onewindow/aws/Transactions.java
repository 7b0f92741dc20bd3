package cn.onewindow.aws;

import cn.onewindow.core.common.RetryPolicy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Every TransactWriteItems of the platform goes through here. DynamoDB cancels a transaction, applying nothing, when
 * another transaction or write touches one of its items at the same moment ({@code TransactionConflict}) or a
 * partition is throttled; the SDK does not retry those. They are retried here, with the same items, under the
 * platform's one {@link RetryPolicy} (bounded attempts, full jitter): nothing was applied, so sending the same writes again is safe, and
 * their conditions are checked afresh. Any other cancellation (a condition that failed, a validation error) is
 * thrown at once for the caller to map to its typed conflict, and so is a conflict that outlasts the retries.
 */
public final class Transactions {
    private static final Set<String> TRANSIENT = Set.of("TransactionConflict", "ThrottlingError",
            "ProvisionedThroughputExceeded");

    private Transactions() {
    }

    /** {@link DynamoDbClient#transactWriteItems(Consumer)}, retried while it is cancelled only by a transient reason. */
    public static void write(DynamoDbClient db, Consumer<TransactWriteItemsRequest.Builder> request) {
        write(db, RetryPolicy.standard(), request);
    }

    /** The same, under the given policy (tests). */
    static void write(DynamoDbClient db, RetryPolicy policy, Consumer<TransactWriteItemsRequest.Builder> request) {
        TransactWriteItemsRequest.Builder b = TransactWriteItemsRequest.builder().applyMutation(request);
        // one client token for every attempt: when an attempt was applied but its answer was lost, the next one is
        // answered from the first instead of failing its own conditions (the SDK fills a fresh token per call)
        if (b.build().clientRequestToken() == null) b.clientRequestToken(UUID.randomUUID().toString());
        TransactWriteItemsRequest built = b.build();
        policy.run(() -> db.transactWriteItems(built), Transactions::transient_);
    }

    private static boolean transient_(RuntimeException e) {
        return e instanceof TransactionCanceledException t && onlyTransient(t.cancellationReasons());
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
}
