package cn.onewindow.aws;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The demo callers, applicants and commands of the use-case scenarios ({@link cn.onewindow.memory.usecase.Fixtures},
 * inherited), and the items of the cases table as stored, for the store tests.
 */
final class Fixtures extends cn.onewindow.memory.usecase.Fixtures {

    private Fixtures() {
    }

    /** Case items (META, HIST#…, TIMER#…) as stored, by sort key. */
    static Map<String, AttributeValue> rawItem(DynamoDbClient db, String table, String caseId, String sk) {
        return db.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS(DynamoCaseRepository.casePk(caseId)), "sk", AttributeValue.fromS(sk))))
                .item();
    }

    /** The entries of the due-time index in the hour bucket of {@code at} that belong to the case. */
    static List<Map<String, AttributeValue>> dueIndex(DynamoDbClient db, String table, Instant at, String caseId) {
        return db.query(q -> q.tableName(table).indexName(DynamoCaseRepository.INDEX_BY_DUE)
                        .keyConditionExpression("dueBucket = :b")
                        .expressionAttributeValues(Map.of(":b", AttributeValue.fromS(DynamoCaseRepository.dueBucket(at)))))
                .items().stream().filter(i -> caseId.equals(i.get("caseId").s())).toList();
    }
}
