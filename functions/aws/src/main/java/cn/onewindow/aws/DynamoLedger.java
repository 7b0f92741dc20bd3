package cn.onewindow.aws;

import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.ports.LedgerQuery;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.onewindow.aws.Attr.s;
import static cn.onewindow.aws.Attr.str;

/** A point's cases of a period from the {@code byServicePoint} index ({@code SP#<id>}, submitted time): no scan. */
public final class DynamoLedger implements LedgerQuery {
    private final DynamoDbClient db;
    private final String table;

    public DynamoLedger(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    @Override
    public List<ServiceCase.Snapshot> submittedAtPoint(String servicePointId, Instant from, Instant to) {
        List<ServiceCase.Snapshot> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = db.query(QueryRequest.builder().tableName(table)
                    .indexName(DynamoCaseRepository.INDEX_BY_SERVICE_POINT)
                    .keyConditionExpression("gsi2pk = :p AND gsi2sk BETWEEN :a AND :b")
                    .expressionAttributeValues(Map.of(":p", s("SP#" + servicePointId),
                            ":a", s(DynamoCaseRepository.sortable(from)),
                            ":b", s(DynamoCaseRepository.sortable(to.minusNanos(1)) + "~")))
                    .exclusiveStartKey(start).build());
            r.items().forEach(i -> out.add(Json.read(str(i, "doc"), ServiceCase.Snapshot.class)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }
}
