package cn.onewindow.aws;

import cn.onewindow.core.common.ConcurrentUpdateException;

import cn.onewindow.core.calendar.CalendarYear;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.ports.CalendarRepository;
import cn.onewindow.core.ports.CatalogRepository;
import cn.onewindow.core.ports.CenterDirectory;
import cn.onewindow.core.points.ServiceCenter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static cn.onewindow.aws.Attr.key;
import static cn.onewindow.aws.Attr.n;
import static cn.onewindow.aws.Attr.s;
import static cn.onewindow.aws.Attr.str;

/**
 * Reference data in the reference table: catalog items ({@code ITEM#<code>}: one {@code V#000001} row per version
 * and a {@code CURRENT} row), the catalog listing ({@code CATALOG} / code), calendars
 * ({@code CALENDAR#<region>} / {@code YEAR#2025}) and service centers ({@code CENTER#<id>} / {@code PROFILE}).
 */
public final class DynamoReferenceRepository implements CatalogRepository, CalendarRepository, CenterDirectory {
    private final DynamoDbClient db;
    private final String table;

    public DynamoReferenceRepository(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    @Override
    public Optional<ServiceItem> current(String code) {
        return get("ITEM#" + code, "CURRENT").map(i -> Json.read(str(i, "doc"), ServiceItem.class));
    }

    @Override
    public Optional<ServiceItem> version(String code, int version) {
        return get("ITEM#" + code, versionSk(version)).map(i -> Json.read(str(i, "doc"), ServiceItem.class));
    }

    @Override
    public List<ServiceItem> listCurrent() {
        List<ServiceItem> out = new ArrayList<>();
        queryAll("CATALOG", null, i -> out.add(Json.read(str(i, "doc"), ServiceItem.class)));
        return out;
    }

    @Override
    public void saveVersion(ServiceItem item, int expectedCurrent) {
        String doc = Json.write(item);
        String pk = "ITEM#" + item.code();
        Map<String, AttributeValue> version = new HashMap<>(key(pk, versionSk(item.version())));
        version.put("doc", s(doc));
        Map<String, AttributeValue> current = new HashMap<>(key(pk, "CURRENT"));
        current.put("version", n(item.version()));
        current.put("doc", s(doc));
        Map<String, AttributeValue> listing = new HashMap<>(key("CATALOG", item.code()));
        listing.put("doc", s(doc));
        Put.Builder currentPut = Put.builder().tableName(table).item(current);
        if (expectedCurrent == 0) {
            currentPut.conditionExpression("attribute_not_exists(pk)");
        } else {
            currentPut.conditionExpression("#v = :expected").expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", n(expectedCurrent)));
        }
        try {
            Transactions.write(db, b -> b.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(version)
                            .conditionExpression("attribute_not_exists(pk)").build()).build(),
                    TransactWriteItem.builder().put(currentPut.build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(listing).build()).build()));
        } catch (TransactionCanceledException e) {
            // an answer lost after the write landed (a time-out, then a retry whose conditions see our own write):
            // the current version is then exactly this document, which is success, not a conflict
            if (currentDocIs(pk, item.version(), doc)) return;
            throw new ConcurrentUpdateException("事项已被他人同时修改，请刷新后重试",
                    "the item was changed by someone else at the same time; reload and retry");
        }
    }

    private boolean currentDocIs(String pk, int version, String doc) {
        Map<String, AttributeValue> current = db.getItem(b -> b.tableName(table).key(key(pk, "CURRENT"))
                .consistentRead(true)).item();
        return current != null && current.containsKey("version") && current.get("version").n().equals(
                Integer.toString(version)) && current.containsKey("doc") && doc.equals(current.get("doc").s());
    }

    @Override
    public List<CalendarYear> years(String region) {
        List<CalendarYear> out = new ArrayList<>();
        queryAll("CALENDAR#" + region, "YEAR#", i -> out.add(Json.read(str(i, "doc"), CalendarYear.class)));
        return out;
    }

    @Override
    public void put(CalendarYear year) {
        Map<String, AttributeValue> item = new HashMap<>(key("CALENDAR#" + year.region(), "YEAR#" + year.year()));
        item.put("doc", s(Json.write(year)));
        db.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Optional<ServiceCenter> center(String centerId) {
        return get("CENTER#" + centerId, "PROFILE").map(i -> Json.read(str(i, "doc"), ServiceCenter.class));
    }

    @Override
    public void put(ServiceCenter center) {
        Map<String, AttributeValue> item = new HashMap<>(key("CENTER#" + center.id(), "PROFILE"));
        item.put("doc", s(Json.write(center)));
        db.putItem(b -> b.tableName(table).item(item));
    }

    private static String versionSk(int version) {
        return String.format("V#%06d", version);
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        GetItemResponse r = db.getItem(b -> b.tableName(table).key(key(pk, sk)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(r.item()) : Optional.empty();
    }

    private void queryAll(String pk, String skPrefix, Consumer<Map<String, AttributeValue>> each) {
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).exclusiveStartKey(start);
            if (skPrefix == null) {
                q.keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(pk)));
            } else {
                q.keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                        .expressionAttributeValues(Map.of(":pk", s(pk), ":p", s(skPrefix)));
            }
            QueryResponse r = db.query(q.build());
            r.items().forEach(each);
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
    }
}
