package cn.onewindow.aws;

import cn.onewindow.core.common.ConcurrentUpdateException;

import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.deadline.Accountability;
import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.evaluation.Rectification;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.ports.DeadlineTimer;
import cn.onewindow.core.ports.EvaluationRepository;
import cn.onewindow.core.ports.IdempotencyClaim;
import cn.onewindow.core.ports.IdempotencyClaimTaken;
import cn.onewindow.core.ports.Page;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.onewindow.aws.Attr.key;
import static cn.onewindow.aws.Attr.n;
import static cn.onewindow.aws.Attr.num;
import static cn.onewindow.aws.Attr.s;
import static cn.onewindow.aws.Attr.str;
import static cn.onewindow.aws.DynamoCaseRepository.casePk;
import static cn.onewindow.aws.DynamoCaseRepository.dueBucket;
import static cn.onewindow.aws.DynamoCaseRepository.sortable;

/**
 * Ratings and rectifications in the case's own partition of the cases table ({@code EVAL#1}, {@code EVAL#2},
 * {@code RECT#1}, {@code RECT#2}, the invitation marker {@code EVAL#INVITED}, rectification timers
 * {@code TIMER#RECT_…}), batches in {@code BATCH#<id>} partitions ({@code META}, {@code CHUNK#…}, {@code ERR#…}).
 * No new table and no new index: ratings of a center are found through {@code byCenter} ({@code EVAL#CENTER#…}),
 * rectifications through {@code byCenter}, {@code byServicePoint} and {@code byDepartment} ({@code RECT#…#OPEN|CLOSED}),
 * the forwarding outbox and the rectification timers through {@code byDue} ({@code FWD#} buckets; hour buckets).
 */
public final class DynamoEvaluationRepository implements EvaluationRepository {
    /** Due-index buckets of ratings not yet forwarded to the province. */
    public static final String FORWARD_PREFIX = "FWD#";
    private static final int BATCH_WRITE = 25;
    private static final int BATCH_GET = 100;

    private final DynamoDbClient db;
    private final String table;
    private final String idempotencyTable;

    public DynamoEvaluationRepository(DynamoDbClient db, String casesTable, String idempotencyTable) {
        this.db = db;
        this.table = casesTable;
        this.idempotencyTable = idempotencyTable;
    }

    // ---- items ---------------------------------------------------------------------------------------------

    static String evalSk(int round) {
        return "EVAL#" + round;
    }

    static String rectSk(int round) {
        return "RECT#" + round;
    }

    private static Map<String, AttributeValue> ratingItem(Evaluation e) {
        Map<String, AttributeValue> i = new HashMap<>(key(casePk(e.caseId()), evalSk(e.round())));
        i.put("doc", s(Json.write(e)));
        i.put("level", s(e.level().name()));
        if (e.centerId() != null) {
            i.put("gsi1pk", s("EVAL#CENTER#" + e.centerId()));
            i.put("gsi1sk", s(sortable(e.ratedAt()) + "#" + e.id()));
        }
        // the forwarding outbox: in the due-time index until the province accepted it
        i.put("dueBucket", s(FORWARD_PREFIX + dueBucket(e.receivedAt())));
        i.put("dueKey", s(sortable(e.receivedAt()) + "#" + e.id()));
        i.put("fwdAttempts", n(0));
        return i;
    }

    private static Map<String, AttributeValue> rectItem(Rectification r) {
        Map<String, AttributeValue> i = new HashMap<>(key(casePk(r.caseId()), rectSk(r.round())));
        String state = r.status().open() ? "OPEN" : "CLOSED";
        String sk = sortable(r.openedAt()) + "#" + r.id();
        i.put("version", n(r.version()));
        i.put("doc", s(Json.write(r)));
        if (r.centerId() != null) {
            i.put("gsi1pk", s("RECT#CENTER#" + r.centerId() + "#" + state));
            i.put("gsi1sk", s(sk));
        }
        if (r.servicePointId() != null) {
            i.put("gsi2pk", s("RECT#SP#" + r.servicePointId() + "#" + state));
            i.put("gsi2sk", s(sk));
        }
        if (r.departmentCode() != null) {
            i.put("gsi3pk", s("RECT#DEPT#" + r.departmentCode() + "#" + state));
            i.put("gsi3sk", s(sk));
        }
        return i;
    }

    // ---- reads ---------------------------------------------------------------------------------------------

    @Override
    public RatingState state(String caseId) {
        return states(List.of(caseId)).get(caseId);
    }

    @Override
    public Map<String, RatingState> states(Collection<String> caseIds) {
        List<Map<String, AttributeValue>> first = new ArrayList<>();
        for (String id : caseIds) {
            first.add(key(casePk(id), "META"));
            first.add(key(casePk(id), evalSk(1)));
        }
        Map<String, Map<String, Map<String, AttributeValue>>> found = new HashMap<>();
        batchGet(first, found);
        List<Map<String, AttributeValue>> second = new ArrayList<>();
        for (String id : caseIds) {
            Map<String, Map<String, AttributeValue>> items = found.get(casePk(id));
            if (items != null && items.containsKey(evalSk(1))) {
                second.add(key(casePk(id), evalSk(2)));
                second.add(key(casePk(id), rectSk(1)));
                second.add(key(casePk(id), rectSk(2)));
            }
        }
        if (!second.isEmpty()) batchGet(second, found);
        Map<String, RatingState> out = new HashMap<>();
        for (String id : caseIds) {
            Map<String, Map<String, AttributeValue>> items = found.get(casePk(id));
            if (items == null || !items.containsKey("META")) continue;
            out.put(id, new RatingState(snapshot(items.get("META")),
                    eval(items.get(evalSk(1))), eval(items.get(evalSk(2))), rect(items.get(rectSk(1))),
                    rect(items.get(rectSk(2)))));
        }
        return out;
    }

    /** One consistent batched read of the cases' META items, nothing of their ratings. */
    @Override
    public Map<String, ServiceCase.Snapshot> caseSnapshots(Collection<String> caseIds) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(caseIds.size());
        for (String id : caseIds) keys.add(key(casePk(id), "META"));
        Map<String, Map<String, Map<String, AttributeValue>>> found = new HashMap<>();
        batchGet(keys, found);
        Map<String, ServiceCase.Snapshot> out = new HashMap<>();
        for (String id : caseIds) {
            Map<String, Map<String, AttributeValue>> items = found.get(casePk(id));
            if (items != null && items.containsKey("META")) {
                out.put(id, snapshot(items.get("META")));
            }
        }
        return out;
    }

    private static ServiceCase.Snapshot snapshot(Map<String, AttributeValue> meta) {
        return Json.read(str(meta, "doc"), ServiceCase.Snapshot.class);
    }

    private static Evaluation eval(Map<String, AttributeValue> i) {
        return i == null ? null : Json.read(str(i, "doc"), Evaluation.class);
    }

    private static Rectification rect(Map<String, AttributeValue> i) {
        return i == null ? null : Json.read(str(i, "doc"), Rectification.class).withVersion(num(i, "version"));
    }

    /** Consistent batched reads, every unprocessed key retried; results by pk, then sk. */
    private void batchGet(List<Map<String, AttributeValue>> keys,
                          Map<String, Map<String, Map<String, AttributeValue>>> into) {
        for (int from = 0; from < keys.size(); from += BATCH_GET) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + BATCH_GET))).consistentRead(true).build());
            int round = 0;
            while (request != null && !request.isEmpty()) {
                Map<String, KeysAndAttributes> req = request;
                BatchGetItemResponse r = db.batchGetItem(b -> b.requestItems(req));
                for (Map<String, AttributeValue> i : r.responses().getOrDefault(table, List.of())) {
                    into.computeIfAbsent(str(i, "pk"), k -> new HashMap<>()).put(str(i, "sk"), i);
                }
                request = r.hasUnprocessedKeys() && !r.unprocessedKeys().isEmpty() ? r.unprocessedKeys() : null;
                if (request != null) backoff(++round);
            }
        }
    }

    @Override
    public Set<String> existingRectifications(Collection<String> ids) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : ids) keys.add(key(casePk(Rectification.caseIdOf(id)), rectSk(Rectification.roundOf(id))));
        Map<String, Map<String, Map<String, AttributeValue>>> found = new HashMap<>();
        batchGet(keys, found);
        Set<String> out = new HashSet<>();
        found.values().forEach(m -> m.values().forEach(i -> out.add(rect(i).id())));
        return out;
    }

    @Override
    public Optional<Rectification> rectification(String caseId, int round) {
        GetItemResponse r = db.getItem(b -> b.tableName(table).key(key(casePk(caseId), rectSk(round)))
                .consistentRead(true));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(rect(r.item())) : Optional.empty();
    }

    // ---- single rating -------------------------------------------------------------------------------------

    @Override
    public void create(Evaluation e, Rectification opened, IdempotencyClaim claim) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(ratingItem(e))
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        if (opened != null) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(rectItem(opened.withVersion(1)))
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
        }
        if (e.round() > 1) {
            // a re-rating only while the previous rectification stays fixed
            items.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
                    .key(key(casePk(e.caseId()), rectSk(e.round() - 1))).conditionExpression("attribute_exists(pk)"))
                    .build());
        }
        int claimIndex = -1;
        if (claim != null) {
            Map<String, AttributeValue> idem = new HashMap<>();
            idem.put("pk", s(claim.scopeKey()));
            idem.put("requestHash", s(claim.requestHash()));
            idem.put("caseId", s(e.caseId()));
            idem.put("evaluationId", s(e.id()));
            idem.put("createdAt", s(Instant.now().toString()));
            idem.put("expiresAt", n(Instant.now().plus(DynamoCaseRepository.IDEMPOTENCY_TTL).getEpochSecond()));
            claimIndex = items.size();
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(idempotencyTable).item(idem)
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
        }
        try {
            Transactions.write(db, b -> b.transactItems(items));
        } catch (TransactionCanceledException ex) {
            List<CancellationReason> reasons = ex.cancellationReasons();
            if (claimIndex >= 0 && reasons.size() > claimIndex
                    && "ConditionalCheckFailed".equals(reasons.get(claimIndex).code())) {
                throw new IdempotencyClaimTaken(claim.scopeKey());
            }
            throw new ConcurrentUpdateException("评价已被同时提交，请重试",
                    "the case was rated at the same time; retry");
        }
    }

    @Override
    public Optional<String[]> idempotent(String scopeKey) {
        GetItemResponse r = db.getItem(b -> b.tableName(idempotencyTable).key(Map.of("pk", s(scopeKey)))
                .consistentRead(true));
        if (!r.hasItem() || r.item().isEmpty() || str(r.item(), "evaluationId") == null) return Optional.empty();
        return Optional.of(new String[]{str(r.item(), "evaluationId"), str(r.item(), "requestHash")});
    }

    // ---- batches -------------------------------------------------------------------------------------------

    /**
     * Conditional writes: each rating with the rectification it opens, {@code attribute_not_exists}, in transactions
     * of up to {@link #BATCH_WRITE} ratings. When one is cancelled because ratings of the group were taken meanwhile
     * (stored before, or by a single rating at the same moment), the cancellation reasons name them: they are left
     * out — and returned, never overwritten — and the rest of the group is written again.
     */
    @Override
    public Set<String> putAll(List<Evaluation> ratings, List<Rectification> rectifications) {
        Map<String, Rectification> rectOf = new HashMap<>();
        rectifications.forEach(r -> rectOf.put(r.caseId() + "#" + r.round(), r));
        Set<String> taken = new java.util.LinkedHashSet<>();
        for (int from = 0; from < ratings.size(); from += BATCH_WRITE) {
            List<Evaluation> group = new ArrayList<>(ratings.subList(from, Math.min(ratings.size(), from + BATCH_WRITE)));
            while (!group.isEmpty()) {
                Set<Evaluation> refused = writeConditionally(group, rectOf);
                if (refused.isEmpty()) break;
                refused.forEach(e -> taken.add(e.id()));
                group.removeAll(refused);
            }
        }
        return taken;
    }

    /**
     * One transaction; the ratings whose item (or whose rectification's) failed its condition, nothing of the
     * transaction written then; empty when it was written.
     */
    private Set<Evaluation> writeConditionally(List<Evaluation> group, Map<String, Rectification> rectOf) {
        List<TransactWriteItem> items = new ArrayList<>();
        List<Evaluation> ratingOfItem = new ArrayList<>();
        for (Evaluation e : group) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(ratingItem(e))
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
            ratingOfItem.add(e);
            Rectification r = rectOf.get(e.caseId() + "#" + e.round());
            if (r != null) {
                items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(rectItem(r.withVersion(1)))
                        .conditionExpression("attribute_not_exists(pk)").build()).build());
                ratingOfItem.add(e);
            }
        }
        try {
            // a transaction conflict with another writer: the same write again shortly (the one retry policy)
            Transactions.write(db, b -> b.transactItems(items));
            return Set.of();
        } catch (TransactionCanceledException ex) {
            List<CancellationReason> reasons = ex.cancellationReasons();
            Set<Evaluation> refused = new java.util.LinkedHashSet<>();
            for (int i = 0; i < reasons.size() && i < ratingOfItem.size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i).code())) refused.add(ratingOfItem.get(i));
            }
            // cancelled for another reason (validation, a conflict that outlasted the retries): not "taken"
            if (refused.isEmpty()) throw ex;
            return refused;
        }
    }

    private void batchWrite(List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += BATCH_WRITE) {
            List<WriteRequest> writes = new ArrayList<>();
            for (Map<String, AttributeValue> i : items.subList(from, Math.min(items.size(), from + BATCH_WRITE))) {
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(i).build()).build());
            }
            Map<String, List<WriteRequest>> request = Map.of(table, writes);
            int round = 0;
            while (request != null && !request.isEmpty()) {
                Map<String, List<WriteRequest>> req = request;
                BatchWriteItemResponse r = db.batchWriteItem(b -> b.requestItems(req));
                request = r.hasUnprocessedItems() && !r.unprocessedItems().isEmpty() ? r.unprocessedItems() : null;
                if (request != null) backoff(++round);
            }
        }
    }

    private static void backoff(int round) {
        try {
            Thread.sleep(Math.min(1000L, 20L << Math.min(round, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void createBatch(EvaluationBatch b) {
        try {
            db.putItem(p -> p.tableName(table).item(Map.of("pk", s("BATCH#" + b.id()), "sk", s("META"),
                    "doc", s(Json.write(b)))).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            // the same batch accepted twice (a retry with the same key): the first header stays
        }
    }

    @Override
    public Optional<EvaluationBatch> batch(String id) {
        GetItemResponse r = db.getItem(b -> b.tableName(table).key(key("BATCH#" + id, "META")).consistentRead(true));
        return r.hasItem() && !r.item().isEmpty()
                ? Optional.of(Json.read(str(r.item(), "doc"), EvaluationBatch.class)) : Optional.empty();
    }

    @Override
    public void recordChunk(String batchId, EvaluationBatch.ChunkResult result) {
        String pk = "BATCH#" + batchId;
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (EvaluationBatch.RecordError e : result.errors()) {
            items.add(Map.of("pk", s(pk), "sk", s(String.format("ERR#%08d", e.index())), "doc", s(Json.write(e))));
        }
        batchWrite(items);
        // last: the chunk counts only once its errors are stored; the same numbers on every redelivery
        db.putItem(p -> p.tableName(table).item(Map.of("pk", s(pk), "sk", s(String.format("CHUNK#%06d",
                result.chunk())), "accepted", n((long) result.stored() + result.duplicates()),
                "rejected", n(result.errors().size()))));
    }

    @Override
    public EvaluationBatch.Status batchStatus(EvaluationBatch b, int limit, String cursor) {
        String pk = "BATCH#" + b.id();
        int chunks = 0;
        int accepted = 0;
        int rejected = 0;
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = db.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :c)")
                    .expressionAttributeValues(Map.of(":pk", s(pk), ":c", s("CHUNK#"))).consistentRead(true)
                    .exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> i : r.items()) {
                chunks++;
                accepted += (int) num(i, "accepted");
                rejected += (int) num(i, "rejected");
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        Map<String, AttributeValue> from = null;
        if (cursor != null && !cursor.isBlank()) {
            String sk = decode(cursor);
            if (!sk.startsWith("ERR#")) throw invalidCursor();
            from = key(pk, sk);
        }
        QueryResponse r = db.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :e)")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":e", s("ERR#"))).consistentRead(true)
                .limit(Math.max(1, Math.min(limit, 1000))).exclusiveStartKey(from).build());
        List<EvaluationBatch.RecordError> errors = new ArrayList<>();
        r.items().forEach(i -> errors.add(Json.read(str(i, "doc"), EvaluationBatch.RecordError.class)));
        String next = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty()
                ? encode(str(r.lastEvaluatedKey(), "sk")) : null;
        return new EvaluationBatch.Status(b, chunks >= b.chunks() ? "COMPLETED" : "PROCESSING", chunks, accepted,
                rejected, errors, next);
    }

    // ---- rectifications ------------------------------------------------------------------------------------

    @Override
    public Rectification saveRectification(Rectification r, List<DeadlineTimer> timers,
                                           List<Accountability> accountability, List<Notification> notifications) {
        Rectification stored = r.withVersion(r.version() + 1);
        String pk = casePk(r.caseId());
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(rectItem(stored))
                .conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", "version"))
                .expressionAttributeValues(Map.of(":v", n(r.version()))).build()).build());
        Set<String> present = new HashSet<>();
        for (DeadlineTimer t : timers) {
            String sk = "TIMER#" + t.kind();
            present.add(sk);
            Map<String, AttributeValue> ti = new HashMap<>(key(pk, sk));
            ti.put("caseId", s(t.caseId()));
            ti.put("kind", s(t.kind().name()));
            ti.put("at", s(t.at().toString()));
            ti.put("dueBucket", s(dueBucket(t.at())));
            ti.put("dueKey", s(sortable(t.at()) + "#" + t.caseId() + "#" + sk));
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(ti).build()).build());
        }
        for (DeadlineTimer.Kind k : List.of(DeadlineTimer.Kind.RECT_CALLBACK_DUE, DeadlineTimer.Kind.RECT_FIX_WARNING,
                DeadlineTimer.Kind.RECT_FIX_DUE)) {
            if (!present.contains("TIMER#" + k)) {
                items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(key(pk, "TIMER#" + k)).build()).build());
            }
        }
        for (Accountability a : accountability) {
            Map<String, AttributeValue> ai = new HashMap<>(key(pk, "ACCOUNTABILITY#" + a.subject()));
            ai.put("doc", s(Json.write(a)));
            ai.put("detectedAt", s(sortable(a.detectedAt())));
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(ai)
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
        }
        for (Notification nt : notifications) items.add(notificationPut(nt));
        try {
            Transactions.write(db, b -> b.transactItems(items));
        } catch (TransactionCanceledException e) {
            throw new ConcurrentUpdateException("整改记录已被他人同时修改，请刷新后重试",
                    "the rectification was changed by someone else at the same time; reload and retry");
        }
        return stored;
    }

    /** The notification outbox item, as the case repository writes it (the relay reads both). */
    private TransactWriteItem notificationPut(Notification nt) {
        Map<String, AttributeValue> ni = new HashMap<>(key(casePk(nt.caseId()),
                "NOTIFY#" + sortable(nt.createdAt()) + "#" + nt.id()));
        ni.put("dueBucket", s(DynamoCaseRepository.NOTIFY_PREFIX + dueBucket(nt.createdAt())));
        ni.put("dueKey", s(sortable(nt.createdAt()) + "#" + nt.id()));
        ni.put("doc", s(Json.write(nt.withPhone(null)))); // no phone in the outbox: the relay reads it
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(ni)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    @Override
    public Page<Rectification> rectifications(String scope, String scopeId, boolean open, int limit, String cursor) {
        String state = open ? "OPEN" : "CLOSED";
        String index;
        String pkName;
        String value;
        switch (scope) {
            case "department" -> { index = DynamoCaseRepository.INDEX_BY_DEPARTMENT; pkName = "gsi3pk";
                value = "RECT#DEPT#" + scopeId + "#" + state; }
            case "servicePoint" -> { index = DynamoCaseRepository.INDEX_BY_SERVICE_POINT; pkName = "gsi2pk";
                value = "RECT#SP#" + scopeId + "#" + state; }
            default -> { index = DynamoCaseRepository.INDEX_BY_CENTER; pkName = "gsi1pk";
                value = "RECT#CENTER#" + scopeId + "#" + state; }
        }
        String skName = pkName.replace("pk", "sk");
        Map<String, AttributeValue> start = null;
        if (cursor != null && !cursor.isBlank()) {
            String[] parts = decode(cursor).split("\n");
            if (parts.length != 3) throw invalidCursor();
            start = Map.of(pkName, s(value), skName, s(parts[0]), "pk", s(parts[1]), "sk", s(parts[2]));
        }
        QueryResponse r = db.query(QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("#p = :p").expressionAttributeNames(Map.of("#p", pkName))
                .expressionAttributeValues(Map.of(":p", s(value))).limit(Math.max(1, Math.min(limit, 100)))
                .exclusiveStartKey(start).build());
        List<Rectification> out = new ArrayList<>();
        r.items().forEach(i -> out.add(rect(i)));
        String next = null;
        if (r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty()) {
            Map<String, AttributeValue> k = r.lastEvaluatedKey();
            next = encode(str(k, skName) + "\n" + str(k, "pk") + "\n" + str(k, "sk"));
        }
        return new Page<>(out, next);
    }

    private static String encode(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
    }

    private static DomainException invalidCursor() {
        return DomainException.validation(List.of(FieldError.of("cursor", "INVALID_CURSOR",
                "分页游标无效或不属于本次查询", "the cursor is invalid or belongs to another listing")));
    }

    // ---- invitation ----------------------------------------------------------------------------------------

    @Override
    public boolean invite(String caseId, Notification invitation) {
        String pk = casePk(caseId);
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(Map.of("pk", s(pk), "sk", s("EVAL#INVITED"), "at", s(invitation.createdAt().toString())))
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        // no rating meanwhile
        items.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(key(pk, evalSk(1)))
                .conditionExpression("attribute_not_exists(pk)")).build());
        items.add(notificationPut(invitation));
        items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(key(pk, "TIMER#" + DeadlineTimer.Kind.INVITE)).build()).build());
        try {
            Transactions.write(db, b -> b.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            boolean conditional = e.cancellationReasons().stream()
                    .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
            if (conditional) return false;
            throw e;
        }
    }

    // ---- forwarding outbox ---------------------------------------------------------------------------------

    @Override
    public List<Evaluation> unforwarded(Instant since, Instant now, int limit) {
        List<Evaluation> out = new ArrayList<>();
        Instant hour = since.truncatedTo(ChronoUnit.HOURS);
        while (!hour.isAfter(now) && out.size() < limit) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse r = db.query(QueryRequest.builder().tableName(table)
                        .indexName(DynamoCaseRepository.INDEX_BY_DUE)
                        .keyConditionExpression("dueBucket = :b AND dueKey <= :k")
                        .expressionAttributeValues(Map.of(":b", s(FORWARD_PREFIX + dueBucket(hour)),
                                ":k", s(sortable(now) + "~")))
                        .exclusiveStartKey(start).build());
                for (Map<String, AttributeValue> i : r.items()) {
                    if (out.size() < limit) out.add(eval(i));
                }
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null && out.size() < limit);
            hour = hour.plus(1, ChronoUnit.HOURS);
        }
        return out;
    }

    @Override
    public boolean forwarded(String caseId, int round) {
        GetItemResponse r = db.getItem(b -> b.tableName(table).key(key(casePk(caseId), evalSk(round)))
                .consistentRead(true));
        return !r.hasItem() || r.item().isEmpty() || r.item().containsKey("forwardedAt");
    }

    @Override
    public void markForwarded(Evaluation e, Instant at) {
        db.updateItem(b -> b.tableName(table).key(key(casePk(e.caseId()), evalSk(e.round())))
                .updateExpression("REMOVE dueBucket, dueKey SET forwardedAt = :t")
                .expressionAttributeValues(Map.of(":t", s(at.toString()))));
    }

    @Override
    public void retryForwardLater(Evaluation e, int attempts, Instant next) {
        db.updateItem(b -> b.tableName(table).key(key(casePk(e.caseId()), evalSk(e.round())))
                .updateExpression("SET dueBucket = :b, dueKey = :k, fwdAttempts = :a")
                .conditionExpression("attribute_not_exists(forwardedAt)")
                .expressionAttributeValues(Map.of(":b", s(FORWARD_PREFIX + dueBucket(next)),
                        ":k", s(sortable(next) + "#" + e.id()), ":a", n(attempts))));
    }

    @Override
    public int forwardAttempts(Evaluation e) {
        GetItemResponse r = db.getItem(b -> b.tableName(table).key(key(casePk(e.caseId()), evalSk(e.round())))
                .consistentRead(true));
        return r.hasItem() ? (int) num(r.item(), "fwdAttempts") : 0;
    }

    // ---- figures -------------------------------------------------------------------------------------------

    @Override
    public List<Evaluation> ratedBetween(String centerId, Instant from, Instant to) {
        List<Evaluation> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = db.query(QueryRequest.builder().tableName(table)
                    .indexName(DynamoCaseRepository.INDEX_BY_CENTER)
                    .keyConditionExpression("gsi1pk = :p AND gsi1sk BETWEEN :a AND :b")
                    .expressionAttributeValues(Map.of(":p", s("EVAL#CENTER#" + centerId), ":a", s(sortable(from)),
                            ":b", s(sortable(to.minusNanos(1)) + "~")))
                    .exclusiveStartKey(start).build());
            r.items().forEach(i -> out.add(eval(i)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /** Open rectifications of a center (for the figures). */
    public long openRectifications(String centerId) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = db.query(QueryRequest.builder().tableName(table)
                    .indexName(DynamoCaseRepository.INDEX_BY_CENTER).keyConditionExpression("gsi1pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("RECT#CENTER#" + centerId + "#OPEN")))
                    .select(software.amazon.awssdk.services.dynamodb.model.Select.COUNT)
                    .exclusiveStartKey(start).build());
            count += r.count();
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    @Override
    public List<Rectification> openRectificationsOf(String centerId) {
        List<Rectification> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = db.query(QueryRequest.builder().tableName(table)
                    .indexName(DynamoCaseRepository.INDEX_BY_CENTER).keyConditionExpression("gsi1pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("RECT#CENTER#" + centerId + "#OPEN")))
                    .exclusiveStartKey(start).build());
            r.items().forEach(i -> out.add(rect(i)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public Set<String> reRated(Collection<String> caseIds) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(caseIds)) keys.add(key(casePk(id), evalSk(2)));
        Map<String, Map<String, Map<String, AttributeValue>>> found = new HashMap<>();
        batchGet(keys, found);
        Set<String> out = new HashSet<>();
        found.values().forEach(m -> m.values().forEach(i -> out.add(eval(i).caseId())));
        return out;
    }
}
