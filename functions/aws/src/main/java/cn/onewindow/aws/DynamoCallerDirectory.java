package cn.onewindow.aws;

import cn.onewindow.core.access.Caller;
import cn.onewindow.core.ports.CallerDirectory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static cn.onewindow.aws.Attr.s;
import static cn.onewindow.aws.Attr.str;

/** Callers keyed by the SHA-256 hash of their token ({@code pk = TOKEN#<hash>}); tokens are never stored. */
public final class DynamoCallerDirectory implements CallerDirectory {
    private final DynamoDbClient db;
    private final String table;

    public DynamoCallerDirectory(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    @Override
    public Optional<Caller> byTokenHash(String tokenHash) {
        GetItemResponse r = db.getItem(b -> b.tableName(table).key(Map.of("pk", s("TOKEN#" + tokenHash))));
        if (!r.hasItem() || r.item().isEmpty()) return Optional.empty();
        if ("REVOKED".equals(str(r.item(), "state"))) return Optional.empty();
        return Optional.of(Json.read(str(r.item(), "doc"), Caller.class));
    }

    @Override
    public void put(String tokenHash, Caller caller) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("TOKEN#" + tokenHash));
        item.put("callerId", s(caller.id()));
        item.put("state", s("ACTIVE"));
        item.put("doc", s(Json.write(caller)));
        db.putItem(b -> b.tableName(table).item(item));
    }
}
