package cn.onewindow.aws;

import cn.onewindow.core.evaluation.WindowRatingRequest;
import cn.onewindow.core.ports.RatingRequestStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.onewindow.aws.Attr.key;
import static cn.onewindow.aws.Attr.s;
import static cn.onewindow.aws.Attr.str;
import static cn.onewindow.aws.DynamoCaseRepository.casePk;
import static cn.onewindow.aws.DynamoCaseRepository.sortable;

/**
 * Rating requests (请评价) in the case's own partition of the cases table ({@code RATING#REQUEST}, one per case),
 * found per window through {@code byCenter} ({@code gsi1pk = RATEREQ#<windowId>}, sorted by request time); the
 * window a PAD is bound to in the reference table ({@code TERMINAL#<id>} / {@code WINDOW}). No new table, no new
 * index. Writes are conditional on the stored request being the one the service read.
 */
public final class DynamoRatingRequests implements RatingRequestStore {
    static final String SK = "RATING#REQUEST";

    private final DynamoDbClient db;
    private final String cases;
    private final String reference;

    public DynamoRatingRequests(DynamoDbClient db, String casesTable, String referenceTable) {
        this.db = db;
        this.cases = casesTable;
        this.reference = referenceTable;
    }

    @Override
    public Optional<WindowRatingRequest> request(String caseId) {
        GetItemResponse r = db.getItem(b -> b.tableName(cases).key(key(casePk(caseId), SK)).consistentRead(true));
        if (!r.hasItem() || r.item().isEmpty()) return Optional.empty();
        return Optional.of(Json.read(str(r.item(), "doc"), WindowRatingRequest.class));
    }

    @Override
    public boolean save(WindowRatingRequest r, WindowRatingRequest expected) {
        Map<String, AttributeValue> item = new HashMap<>(key(casePk(r.caseId()), SK));
        String doc = Json.write(r);
        item.put("doc", s(doc));
        item.put("gsi1pk", s("RATEREQ#" + r.windowId()));
        item.put("gsi1sk", s(sortable(r.requestedAt()) + "#" + r.caseId()));
        PutItemRequest.Builder p = PutItemRequest.builder().tableName(cases).item(item);
        if (expected == null) {
            p.conditionExpression("attribute_not_exists(pk)");
        } else {
            p.conditionExpression("gsi1sk = :old").expressionAttributeValues(Map.of(":old",
                    s(sortable(expected.requestedAt()) + "#" + expected.caseId())));
        }
        try {
            db.putItem(p.build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<WindowRatingRequest> pending(String windowId, Instant since, int limit) {
        List<WindowRatingRequest> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = db.query(QueryRequest.builder().tableName(cases)
                    .indexName(DynamoCaseRepository.INDEX_BY_CENTER)
                    .keyConditionExpression("gsi1pk = :p AND gsi1sk >= :a")
                    .expressionAttributeValues(Map.of(":p", s("RATEREQ#" + windowId), ":a", s(sortable(since))))
                    .limit(limit - out.size()).exclusiveStartKey(start).build());
            r.items().forEach(i -> out.add(Json.read(str(i, "doc"), WindowRatingRequest.class)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null && out.size() < limit);
        return out;
    }

    @Override
    public Optional<String> boundWindow(String terminalId) {
        GetItemResponse r = db.getItem(b -> b.tableName(reference).key(key("TERMINAL#" + terminalId, "WINDOW"))
                .consistentRead(true));
        return r.hasItem() && !r.item().isEmpty() ? Optional.ofNullable(str(r.item(), "windowId")) : Optional.empty();
    }

    @Override
    public void bind(String terminalId, String windowId) {
        Map<String, AttributeValue> item = new HashMap<>(key("TERMINAL#" + terminalId, "WINDOW"));
        item.put("windowId", s(windowId));
        db.putItem(b -> b.tableName(reference).item(item));
    }
}
