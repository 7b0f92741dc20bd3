package cn.onewindow.aws;

import cn.onewindow.core.ports.RateCounter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.Map;

import static cn.onewindow.aws.Attr.n;
import static cn.onewindow.aws.Attr.s;

/**
 * Try counters in the idempotency table ({@code pk = RATE#<key>}): one atomic {@code ADD} per try, returning the new
 * count, and expired by the table's TTL ({@code expiresAt}) an hour after their window ends.
 */
public final class DynamoRateCounter implements RateCounter {
    private final DynamoDbClient db;
    private final String table;

    public DynamoRateCounter(DynamoDbClient db, String idempotencyTable) {
        this.db = db;
        this.table = idempotencyTable;
    }

    @Override
    public long increment(String key, Instant windowEnd) {
        return Long.parseLong(db.updateItem(b -> b.tableName(table).key(Map.of("pk", s("RATE#" + key)))
                .updateExpression("ADD tries :one SET expiresAt = :exp")
                .expressionAttributeValues(Map.of(":one", n(1), ":exp", n(windowEnd.getEpochSecond() + 3600)))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.UPDATED_NEW))
                .attributes().get("tries").n());
    }
}
