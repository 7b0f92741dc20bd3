package cn.onewindow.aws;

import cn.onewindow.core.ports.RateCounter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import static cn.onewindow.aws.Attr.n;
import static cn.onewindow.aws.Attr.num;
import static cn.onewindow.aws.Attr.s;

/**
 * Try counters in the idempotency table ({@code pk = RATE#<key>}): one atomic {@code ADD} per try, returning the new
 * count, expired by the table's TTL ({@code expiresAt}) an hour after their window ends. Each try carries a random
 * id, kept in the item's set, so a request the SDK sends again after a lost answer is not counted twice; counting
 * stops at {@link #CAP} (far above any limit), which bounds the item.
 */
public final class DynamoRateCounter implements RateCounter {
    static final long CAP = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final DynamoDbClient db;
    private final String table;

    public DynamoRateCounter(DynamoDbClient db, String idempotencyTable) {
        this.db = db;
        this.table = idempotencyTable;
    }

    @Override
    public long increment(String key, Instant windowEnd) {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        String tryId = HexFormat.of().formatHex(b);
        Map<String, AttributeValue> pk = Map.of("pk", s("RATE#" + key));
        try {
            return Long.parseLong(db.updateItem(u -> u.tableName(table).key(pk)
                    .updateExpression("ADD tries :one, ids :ids SET expiresAt = :exp")
                    .conditionExpression("attribute_not_exists(tries) OR (tries < :cap AND NOT contains(ids, :id))")
                    .expressionAttributeValues(Map.of(":one", n(1), ":ids", AttributeValue.builder().ss(tryId).build(),
                            ":id", s(tryId), ":cap", n(CAP), ":exp", n(windowEnd.getEpochSecond() + 3600)))
                    .returnValues(ReturnValue.UPDATED_NEW)).attributes().get("tries").n());
        } catch (ConditionalCheckFailedException e) {
            // this very try was counted already (a resent request), or the counter is at its cap
            return num(db.getItem(g -> g.tableName(table).key(pk).consistentRead(true)).item(), "tries");
        }
    }
}
