package cn.onewindow.aws;

import cn.onewindow.core.ports.AccessLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.onewindow.aws.Attr.key;
import static cn.onewindow.aws.Attr.s;
import static cn.onewindow.aws.Attr.str;

/**
 * Reads of a clear identity, kept in the case's own partition as {@code ACCESS#<time>#<caller>#<n>} items (no index
 * attributes: they never appear in listings or the due-time index).
 */
public final class DynamoAccessLog implements AccessLog {
    private final DynamoDbClient db;
    private final String table;

    public DynamoAccessLog(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    @Override
    public void record(Entry e) {
        Map<String, AttributeValue> item = new HashMap<>(key(DynamoCaseRepository.casePk(e.caseId()),
                "ACCESS#" + DynamoCaseRepository.sortable(e.at()) + "#" + e.callerId() + "#"
                        + UUID.randomUUID().toString().substring(0, 8)));
        item.put("doc", s(Json.write(e)));
        db.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public List<Entry> of(String caseId) {
        List<Entry> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = db.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :a)")
                    .expressionAttributeValues(Map.of(":pk", s(DynamoCaseRepository.casePk(caseId)), ":a", s("ACCESS#")))
                    .consistentRead(true).exclusiveStartKey(start).build());
            r.items().forEach(i -> out.add(Json.read(str(i, "doc"), Entry.class)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }
}
