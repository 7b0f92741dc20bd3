package cn.onewindow.aws;

import cn.onewindow.core.queue.QueueConfig;
import cn.onewindow.core.queue.QueueStore;
import cn.onewindow.core.queue.Ticket;
import cn.onewindow.core.queue.TicketStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.onewindow.aws.Attr.key;
import static cn.onewindow.aws.Attr.n;
import static cn.onewindow.aws.Attr.s;
import static cn.onewindow.aws.Attr.str;

/**
 * Queue configurations (reference table, {@code CENTER#<id>} / {@code QUEUE_CONFIG}, versioned) and tickets (cases
 * table): per center and day one partition {@code QUEUE#<center>#<date>} with {@code TICKET#<number>} (the ticket,
 * versioned) and {@code COUNTER#<prefix>} (the number counter, incremented atomically); per category and day a
 * queue partition {@code QWAIT#<center>#<date>#<prefix>} whose sort keys order the waiting tickets (priority, time in
 * the queue, number). A ticket's state and its queue entry change in one conditional transaction. Per category and
 * day a finished partition {@code QDONE#<center>#<date>#<prefix>} (sort key: finish time and number) holds each
 * finished ticket's service seconds, written with the finish: the estimated wait reads its last few entries, never
 * the whole day.
 */
public final class DynamoQueueStore implements QueueStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final DynamoDbClient db;
    private final String cases;
    private final String reference;

    public DynamoQueueStore(DynamoDbClient db, String casesTable, String referenceTable) {
        this.db = db;
        this.cases = casesTable;
        this.reference = referenceTable;
    }

    @Override
    public Optional<QueueConfig> config(String centerId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(reference)
                .key(key("CENTER#" + centerId, "QUEUE_CONFIG")).consistentRead(true)).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(Json.read(str(item, "doc"), QueueConfig.class));
    }

    @Override
    public Optional<QueueConfig> saveConfig(QueueConfig config, long expectedVersion) {
        QueueConfig stored = config.withVersion(expectedVersion + 1);
        Map<String, AttributeValue> item = new HashMap<>(key("CENTER#" + config.centerId(), "QUEUE_CONFIG"));
        item.put("doc", s(Json.write(stored)));
        item.put("version", n(stored.version()));
        try {
            db.putItem(b -> b.tableName(reference).item(item)
                    .conditionExpression(expectedVersion == 0 ? "attribute_not_exists(pk)" : "version = :v")
                    .expressionAttributeValues(expectedVersion == 0 ? null : Map.of(":v", n(expectedVersion))));
            return Optional.of(stored);
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /**
     * One increment, idempotent under the SDK's own retries: the update also records the number it hands out under
     * this call's random token ({@code t_<token>}, set from the same pre-update value as the counter), on condition
     * that the token is not there yet. When an attempt was applied but its answer lost, the SDK's resend fails that
     * condition and the number is read back from the token, so a lost answer neither repeats nor skips a number.
     * The tokens of a day stay on that day's counter item (a few hundred short attributes at most).
     */
    @Override
    public long nextNumber(String centerId, LocalDate day, String prefix) {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        String token = "t_" + HexFormat.of().formatHex(b);
        Map<String, AttributeValue> key = key(dayPk(centerId, day), "COUNTER#" + prefix);
        try {
            Map<String, AttributeValue> out = db.updateItem(u -> u.tableName(cases).key(key)
                    .updateExpression("SET n = if_not_exists(n, :zero) + :one, #t = if_not_exists(n, :zero) + :one")
                    .conditionExpression("attribute_not_exists(#t)")
                    .expressionAttributeNames(Map.of("#t", token))
                    .expressionAttributeValues(Map.of(":zero", n(0), ":one", n(1)))
                    .returnValues(ReturnValue.UPDATED_NEW)).attributes();
            return Long.parseLong(out.get(token).n());
        } catch (ConditionalCheckFailedException e) {
            // this very call was applied on an attempt whose answer was lost: its number is under its token
            Map<String, AttributeValue> item = db.getItem(g -> g.tableName(cases).key(key).consistentRead(true)).item();
            AttributeValue mine = item == null ? null : item.get(token);
            if (mine == null) throw e;
            return Long.parseLong(mine.n());
        }
    }

    @Override
    public Optional<Ticket> save(Ticket before, Ticket after) {
        Ticket stored = after.withVersion((before == null ? 0 : before.version()) + 1);
        Map<String, AttributeValue> item = new HashMap<>(key(dayPk(stored.centerId(), stored.day()),
                "TICKET#" + stored.number()));
        item.put("doc", s(Json.write(stored)));
        item.put("version", n(stored.version()));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> {
            p.tableName(cases).item(item);
            if (before == null) {
                p.conditionExpression("attribute_not_exists(pk)");
            } else {
                p.conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(before.version())));
            }
        }).build());
        if (before != null && before.status() == TicketStatus.WAITING) {
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(cases).key(waitKey(before))
                    .conditionExpression("attribute_exists(pk)")).build());
        }
        if (stored.status() == TicketStatus.WAITING) {
            Map<String, AttributeValue> entry = new HashMap<>(waitKey(stored));
            entry.put("ticketId", s(stored.id()));
            // the waiting ticket itself, written in the same transaction as its item: a call reads the heads in one
            // query (no read per head); the entry leaves the queue in the transaction that moves the ticket on
            entry.put("doc", s(Json.write(stored)));
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(cases).item(entry)).build());
        }
        if (stored.status() == TicketStatus.DONE && (before == null || before.status() != TicketStatus.DONE)
                && stored.serviceSeconds() != null) {
            Map<String, AttributeValue> done = new HashMap<>(key(donePk(stored.centerId(), stored.day(),
                    stored.category()), String.format("%013d", stored.finishedAt().toEpochMilli()) + "#"
                    + stored.number()));
            done.put("serviceSeconds", n(stored.serviceSeconds()));
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(cases).item(done)).build());
        }
        try {
            Transactions.write(db, b -> b.transactItems(writes));
            return Optional.of(stored);
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
                // an attempt applied but whose answer was lost fails its own condition when resent: the stored
                // ticket is then exactly this one (another writer's state differs in window, time or version)
                return find(stored.id()).filter(stored::equals);
            }
            throw e;
        }
    }

    @Override
    public Optional<Ticket> find(String ticketId) {
        Ticket.Ref ref = Ticket.parse(ticketId);
        if (ref == null) return Optional.empty();
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(cases)
                .key(key(dayPk(ref.centerId(), ref.day()), "TICKET#" + ref.number())).consistentRead(true)).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(Json.read(str(item, "doc"), Ticket.class));
    }

    @Override
    public List<Ticket> waiting(String centerId, LocalDate day, String category, int limit) {
        QueryResponse r = db.query(QueryRequest.builder().tableName(cases)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(waitPk(centerId, day, category))))
                .consistentRead(true).limit(limit).build());
        List<Ticket> out = new ArrayList<>();
        for (Map<String, AttributeValue> entry : r.items()) {
            // the ticket as it is now: an entry is written and removed in the same transaction as its ticket, so its
            // copy is the waiting ticket (entries from before the copy was kept are read from the ticket)
            Optional<Ticket> t = entry.containsKey("doc") ? Optional.of(Json.read(str(entry, "doc"), Ticket.class))
                    : find(str(entry, "ticketId"));
            t.filter(x -> x.status() == TicketStatus.WAITING).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public int waitingAhead(String centerId, LocalDate day, String category, String queueKey) {
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = db.query(b -> b.tableName(cases).keyConditionExpression("pk = :pk AND sk < :k")
                    .expressionAttributeValues(Map.of(":pk", s(waitPk(centerId, day, category)), ":k", s(queueKey)))
                    .select(Select.COUNT).consistentRead(true).exclusiveStartKey(from));
            count += r.count();
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    @Override
    public List<Long> recentServiceSeconds(String centerId, LocalDate day, String category, int limit) {
        QueryResponse r = db.query(b -> b.tableName(cases).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(donePk(centerId, day, category))))
                .scanIndexForward(false).limit(limit));
        return r.items().stream().map(i -> Long.parseLong(i.get("serviceSeconds").n())).toList();
    }

    @Override
    public List<Ticket> day(String centerId, LocalDate day) {
        return Attr.docsUnder(db, cases, dayPk(centerId, day), "TICKET#", Ticket.class);
    }

    private static String dayPk(String centerId, LocalDate day) {
        return "QUEUE#" + centerId + "#" + day;
    }

    private static String donePk(String centerId, LocalDate day, String category) {
        return "QDONE#" + centerId + "#" + day + "#" + category;
    }

    private static String waitPk(String centerId, LocalDate day, String category) {
        return "QWAIT#" + centerId + "#" + day + "#" + category;
    }

    private static Map<String, AttributeValue> waitKey(Ticket t) {
        return key(waitPk(t.centerId(), t.day(), t.category()), t.queueKey());
    }
}
