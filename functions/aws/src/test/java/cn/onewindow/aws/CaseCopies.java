package cn.onewindow.aws;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Many cases fast, for tests and benchmarks that only read a case's META item (ratings do). */
public final class CaseCopies {
    private CaseCopies() {
    }

    /**
     * The META item of case {@code template} copied under {@code n} new ids (the template's id followed by a
     * six-digit number) with BatchWriteItem, unprocessed items retried; returns the new ids in order.
     */
    public static List<String> of(DynamoDbClient db, String table, String template, int n) {
        return of(db, table, template, n, table);
    }

    /** The same copies written to table {@code into} (a second set of tables holding the same cases). */
    public static List<String> of(DynamoDbClient db, String table, String template, int n, String into) {
        Map<String, AttributeValue> meta = db.getItem(g -> g.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("CASE#" + template), "sk", AttributeValue.fromS("META")))
                .consistentRead(true)).item();
        List<String> ids = new ArrayList<>(n);
        List<List<WriteRequest>> batches = new ArrayList<>();
        List<WriteRequest> pending = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = template + String.format(Locale.ROOT, "%06d", i);
            ids.add(id);
            Map<String, AttributeValue> copy = new HashMap<>();
            meta.forEach((k, v) -> copy.put(k, v.s() != null ? AttributeValue.fromS(v.s().replace(template, id)) : v));
            pending.add(WriteRequest.builder().putRequest(PutRequest.builder().item(copy).build()).build());
            if (pending.size() == 25 || i == n - 1) {
                batches.add(List.copyOf(pending));
                pending.clear();
            }
        }
        batches.parallelStream().forEach(batch -> {
            Map<String, List<WriteRequest>> req = Map.of(into, batch);
            while (req != null && !req.isEmpty()) {
                var send = req;
                var r = db.batchWriteItem(w -> w.requestItems(send));
                req = r.hasUnprocessedItems() && !r.unprocessedItems().isEmpty() ? r.unprocessedItems() : null;
            }
        });
        return ids;
    }
}
