package cn.onewindow.aws;

import cn.onewindow.core.common.ConcurrentUpdateException;

import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.points.ServicePoint;
import cn.onewindow.core.ports.ServicePointDirectory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.onewindow.aws.Attr.key;
import static cn.onewindow.aws.Attr.n;
import static cn.onewindow.aws.Attr.s;
import static cn.onewindow.aws.Attr.str;

/**
 * The service point tree in the reference table: one partition {@code SERVICE_POINTS}, one item per point (sort
 * key = its id), versioned. The tree of a deployment is hundreds of points, read with one query.
 */
public final class DynamoServicePointDirectory implements ServicePointDirectory {
    static final String PK = "SERVICE_POINTS";
    private final DynamoDbClient db;
    private final String table;

    public DynamoServicePointDirectory(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    @Override
    public Optional<ServicePoint> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 200) return Optional.empty();
        GetItemResponse r = db.getItem(b -> b.tableName(table).key(key(PK, id)).consistentRead(true));
        if (!r.hasItem() || r.item().isEmpty()) return Optional.empty();
        return Optional.of(Json.read(str(r.item(), "doc"), ServicePoint.class));
    }

    @Override
    public List<ServicePoint> all() {
        List<ServicePoint> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = db.query(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s(PK))).exclusiveStartKey(start).build());
            r.items().forEach(i -> out.add(Json.read(str(i, "doc"), ServicePoint.class)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public ServicePoint save(ServicePoint point, long expectedVersion) {
        ServicePoint stored = point.withVersion(expectedVersion + 1);
        Map<String, AttributeValue> item = new HashMap<>(key(PK, stored.id()));
        item.put("version", n(stored.version()));
        item.put("doc", s(Json.write(stored)));
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item);
        if (expectedVersion == 0) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", n(expectedVersion)));
        }
        try {
            db.putItem(put.build());
            return stored;
        } catch (ConditionalCheckFailedException e) {
            // the SDK's retry of a put whose answer was lost fails its condition on our own write: recognise it
            GetItemResponse now = db.getItem(b -> b.tableName(table).key(key(PK, stored.id())).consistentRead(true));
            if (now.hasItem() && item.get("doc").equals(now.item().get("doc"))) return stored;
            throw expectedVersion == 0
                    ? DomainException.conflict("SERVICE_POINT_EXISTS", "服务点编号已存在", "a point with this id exists")
                    : new ConcurrentUpdateException("服务点已被他人修改，请重试",
                    "the point was changed meanwhile; retry");
        }
    }

    /** Demo seeding: writes the point as given unless it exists. */
    public void putIfAbsent(ServicePoint point) {
        try {
            save(point, 0);
        } catch (DomainException e) {
            // already there (kept data directory)
        }
    }
}
