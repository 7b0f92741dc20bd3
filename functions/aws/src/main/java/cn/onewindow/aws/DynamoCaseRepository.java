package cn.onewindow.aws;

import cn.onewindow.core.common.ConcurrentUpdateException;

import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskStatus;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.ports.CaseQuery;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.CaseWrite;
import cn.onewindow.core.ports.DeadlineTimer;
import cn.onewindow.core.ports.IdempotencyClaimTaken;
import cn.onewindow.core.ports.IdempotencyRecord;
import cn.onewindow.core.ports.IdempotencyStore;
import cn.onewindow.core.ports.RequestClaim;
import cn.onewindow.core.ports.Page;
import cn.onewindow.core.ports.TaskQuery;
import cn.onewindow.core.ports.TaskWrite;
import cn.onewindow.core.ports.TimerIndex;
import cn.onewindow.core.deadline.Accountability;
import cn.onewindow.core.notify.Notification;
import com.fasterxml.jackson.core.type.TypeReference;
import cn.onewindow.core.cases.Notice;
import cn.onewindow.core.cases.Suspension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.onewindow.aws.Attr.key;
import static cn.onewindow.aws.Attr.n;
import static cn.onewindow.aws.Attr.s;
import static cn.onewindow.aws.Attr.str;

/**
 * Cases in the cases table. One partition per case ({@code pk = CASE#<id>}) holds the case item
 * ({@code sk = META}, with the version that guards every update), its history lines ({@code HIST#000001}…,
 * written once, never changed) and its deadline timers ({@code TIMER#WARNING}, {@code TIMER#DUE}) which alone
 * carry the attributes of the sparse {@code byDue} index. Idempotency records live in their own table and are
 * written in the same transaction as the change they belong to.
 */
public final class DynamoCaseRepository implements CaseRepository, IdempotencyStore, TimerIndex {
    public static final String INDEX_BY_CENTER = "byCenter";
    public static final String INDEX_BY_SERVICE_POINT = "byServicePoint";
    public static final String INDEX_BY_DUE = "byDue";
    public static final String INDEX_BY_DEPARTMENT = "byDepartment";
    /** Partition of the center index that lists a center's accountability records (问责记录). */
    static final String ACCOUNTABILITY_PREFIX = "ACCOUNTABILITY#CENTER#";
    /** Due-index buckets of task messages not yet delivered (the outbox relay), apart from deadline buckets. */
    public static final String DISPATCH_PREFIX = "DISPATCH#";
    /** Due-index buckets of the notification outbox (not sent yet). */
    public static final String NOTIFY_PREFIX = "NOTIFY#";
    /** Idempotency records are kept a week: long enough for a village terminal to come back online. */
    public static final Duration IDEMPOTENCY_TTL = Duration.ofDays(7);
    /** The case document's limit, well below DynamoDB's 400 KB per item (the item's other attributes fit beside). */
    static final int MAX_CASE_DOC_BYTES = 350_000;
    /** DynamoDB's limit of one TransactWriteItems. */
    static final int MAX_TRANSACTION_ITEMS = 100;
    private static final DateTimeFormatter HOUR_BUCKET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH")
            .withZone(ZoneOffset.UTC);

    private final DynamoDbClient db;
    private final String casesTable;
    private final String idempotencyTable;

    public DynamoCaseRepository(DynamoDbClient db, String casesTable, String idempotencyTable) {
        this.db = db;
        this.casesTable = casesTable;
        this.idempotencyTable = idempotencyTable;
    }

    static String casePk(String id) {
        return "CASE#" + id;
    }

    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static String timerSk(String department, DeadlineTimer.Kind kind) {
        return department == null ? "TIMER#" + kind : "TIMER#TASK#" + department + "#" + kind;
    }

    /** An instant as a fixed-width UTC string, so that string order is time order in sort keys. */
    public static String sortable(Instant at) {
        return SORTABLE.format(at);
    }

    /** The hour bucket of the due-time index that an instant falls in (UTC). */
    public static String dueBucket(Instant at) {
        return HOUR_BUCKET.format(at);
    }

    @Override
    public Optional<ServiceCase.Snapshot> find(String caseId) {
        GetItemResponse r = db.getItem(b -> b.tableName(casesTable).key(key(casePk(caseId), "META"))
                .consistentRead(true));
        if (!r.hasItem() || r.item().isEmpty()) return Optional.empty();
        return Optional.of(Json.read(str(r.item(), "doc"), ServiceCase.Snapshot.class));
    }

    @Override
    public ServiceCase.Snapshot save(CaseWrite w) {
        long newVersion = w.create() ? 1 : w.expectedVersion() + 1;
        ServiceCase.Snapshot full = w.snapshot().withVersion(newVersion);
        // the case item keeps the recent suspensions and notices; older ones move to items of their own, so the case
        // item stays small however often the case is suspended (a case of the old shape moves them on its next write)
        ServiceCase.Snapshot stored = full.recentFactsOnly();
        String pk = casePk(stored.id());
        List<TransactWriteItem> items = new ArrayList<>();
        List<Map<String, AttributeValue>> older = olderFacts(pk, full);
        if (older.size() > OLDER_FACTS_IN_TRANSACTION) {
            // the one-time move of a case stored in the old shape: idempotent puts ahead of the change (they repeat
            // what the case item already holds, so a change that then fails leaves nothing wrong behind)
            older.forEach(i -> db.putItem(b -> b.tableName(casesTable).item(i)));
        } else {
            older.forEach(i -> items.add(TransactWriteItem.builder().put(Put.builder().tableName(casesTable).item(i)
                    .build()).build()));
        }

        Map<String, AttributeValue> meta = new HashMap<>(key(pk, "META"));
        meta.put("version", n(newVersion));
        meta.put("status", s(stored.status().name()));
        meta.put("itemCode", s(stored.itemCode()));
        meta.put("channel", s(stored.channel().name()));
        meta.put("submittedAt", s(stored.submittedAt().toString()));
        if (stored.dueAt() != null) meta.put("dueAt", s(sortable(stored.dueAt())));
        String dueState = dueState(stored);
        if (dueState != null) meta.put("dueState", s(dueState));
        String listKey = sortable(stored.submittedAt()) + "#" + stored.id();
        if (stored.centerId() != null) {
            meta.put("gsi1pk", s("CENTER#" + stored.centerId()));
            meta.put("gsi1sk", s(listKey));
        }
        if (stored.servicePointId() != null) {
            meta.put("gsi2pk", s("SP#" + stored.servicePointId()));
            meta.put("gsi2sk", s(listKey));
        }
        String doc = Json.write(stored);
        if (doc.getBytes(StandardCharsets.UTF_8).length > MAX_CASE_DOC_BYTES) {
            // DynamoDB refuses items over 400 KB: say so clearly instead of failing the transaction
            throw DomainException.illegalState("CASE_RECORD_FULL", "办件记录已达容量上限，无法再追加内容",
                    "the case record reached its size limit; nothing more can be added to it");
        }
        meta.put("doc", s(doc));
        if (stored.dueProvisional() && stored.dueAt() != null) {
            // waits for the calendar of its due year: recomputed when an administrator loads it
            int year = stored.dueAt().atZone(java.time.ZoneId.of("Asia/Shanghai")).getYear();
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(casesTable)
                    .item(key("PROVISIONAL#" + year, stored.id())).build()).build());
        }
        Put.Builder put = Put.builder().tableName(casesTable).item(meta);
        if (w.create()) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", n(w.expectedVersion())));
        }
        items.add(TransactWriteItem.builder().put(put.build()).build());

        for (HistoryEntry h : w.history()) {
            Map<String, AttributeValue> hi = new HashMap<>(key(pk, historySk(h.seq())));
            hi.put("doc", s(Json.write(h)));
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(casesTable).item(hi)
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
        }

        // timers of the case (TIMER#<kind>) and of each task written with it (TIMER#TASK#<dept>#<kind>): present
        // ones are put, absent ones deleted, so the due-time index holds exactly the open deadlines
        java.util.Set<String> present = new java.util.HashSet<>();
        for (DeadlineTimer t : w.timers()) {
            String sk = timerSk(t.department(), t.kind());
            present.add(sk);
            Map<String, AttributeValue> ti = new HashMap<>(key(pk, sk));
            ti.put("caseId", s(t.caseId()));
            ti.put("kind", s(t.kind().name()));
            ti.put("at", s(t.at().toString()));
            if (t.department() != null) ti.put("department", s(t.department()));
            ti.put("dueBucket", s(dueBucket(t.at())));
            ti.put("dueKey", s(sortable(t.at()) + "#" + t.caseId() + "#" + sk));
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(casesTable).item(ti).build()).build());
        }
        java.util.List<String> owners = new ArrayList<>();
        if (!w.create()) owners.add(null);
        w.tasks().stream().filter(tw -> !tw.create()).forEach(tw -> owners.add(tw.task().departmentCode()));
        for (String owner : owners) {
            for (DeadlineTimer.Kind k : DeadlineTimer.Kind.values()) {
                // evaluation timers (invitation, rectification) are kept by their own writers; a case write puts an
                // INVITE timer when it carries one and never deletes it
                if (!k.caseDeadline()) continue;
                String sk = timerSk(owner, k);
                if (present.contains(sk)) continue;
                items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(casesTable)
                        .key(key(pk, sk)).build()).build());
            }
        }

        for (TaskWrite tw : w.tasks()) {
            items.add(TransactWriteItem.builder().put(taskPut(tw)).build());
        }

        for (Accountability a : w.accountability()) {
            Map<String, AttributeValue> ai = new HashMap<>(key(pk, "ACCOUNTABILITY#" + a.subject()));
            ai.put("doc", s(Json.write(a)));
            ai.put("detectedAt", s(sortable(a.detectedAt())));
            if (a.centerId() != null) {
                // listed per center, latest first, through the center index under its own partition
                ai.put("gsi1pk", s(ACCOUNTABILITY_PREFIX + a.centerId()));
                ai.put("gsi1sk", s(sortable(a.detectedAt()) + "#" + a.caseId() + "#" + a.subject()));
            }
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(casesTable).item(ai)
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
        }

        for (Notification n : w.notifications()) {
            Map<String, AttributeValue> ni = new HashMap<>(key(pk, "NOTIFY#" + sortable(n.createdAt()) + "#" + n.id()));
            ni.put("dueBucket", s(NOTIFY_PREFIX + dueBucket(n.createdAt())));
            ni.put("dueKey", s(sortable(n.createdAt()) + "#" + n.id()));
            ni.put("doc", s(Json.write(n.withPhone(null)))); // no phone in the outbox: the relay reads it
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(casesTable).item(ni)
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
        }

        int claimIndex = -1;
        if (w.claim() != null) {
            Map<String, AttributeValue> idem = new HashMap<>();
            idem.put("pk", s(w.claim().scopeKey()));
            idem.put("requestHash", s(w.claim().requestHash()));
            idem.put("caseId", s(stored.id()));
            idem.put("createdAt", s(Instant.now().toString()));
            idem.put("expiresAt", n(Instant.now().plus(IDEMPOTENCY_TTL).getEpochSecond()));
            idem.put("result", s(Json.write(stored)));
            claimIndex = items.size();
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(idempotencyTable).item(idem)
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
        }

        if (items.size() > MAX_TRANSACTION_ITEMS) {
            throw DomainException.illegalState("CHANGE_TOO_LARGE", "本次变更涉及的记录过多，无法一次完成",
                    "this change touches more records than one transaction holds (" + MAX_TRANSACTION_ITEMS + ")");
        }
        try {
            Transactions.write(db, b -> b.transactItems(items));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (claimIndex >= 0 && reasons.size() > claimIndex
                    && "ConditionalCheckFailed".equals(reasons.get(claimIndex).code())) {
                throw new IdempotencyClaimTaken(w.claim().scopeKey());
            }
            boolean conditional = reasons.stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
            boolean conflict = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
            if (conditional || conflict) {
                throw new ConcurrentUpdateException("办件已被他人同时修改，请刷新后重试",
                        "the case was changed by someone else at the same time; reload and retry");
            }
            throw e;
        }
        return stored;
    }

    /**
     * A task item: the department inbox index ({@code byDepartment}: {@code DEPT#<dept>#<status>}, due first) and,
     * while its message may still be lost (status CREATED), an entry in the due-time index that the outbox relay
     * reads.
     */
    private Put taskPut(TaskWrite tw) {
        DepartmentTask t = tw.task();
        long version = tw.create() ? 1 : tw.expectedVersion() + 1;
        DepartmentTask stored = t.withVersion(version);
        Map<String, AttributeValue> item = new HashMap<>(key(casePk(t.caseId()), "TASK#" + t.departmentCode()));
        item.put("version", n(version));
        item.put("taskId", s(t.taskId()));
        item.put("status", s(t.status().name()));
        item.put("gsi3pk", s("DEPT#" + t.departmentCode() + "#" + t.status()));
        item.put("gsi3sk", s((t.dueAt() == null ? "9999" : sortable(t.dueAt())) + "#" + t.taskId()));
        if (t.status() == TaskStatus.CREATED) {
            item.put("dueBucket", s(DISPATCH_PREFIX + dueBucket(t.createdAt())));
            item.put("dueKey", s(sortable(t.createdAt()) + "#" + t.taskId() + "#DISPATCH"));
        }
        item.put("doc", s(Json.write(stored)));
        Put.Builder put = Put.builder().tableName(casesTable).item(item);
        if (tw.create()) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("#v = :expected").expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", n(tw.expectedVersion())));
        }
        return put.build();
    }

    @Override
    public Optional<DepartmentTask> findTask(String taskId) {
        String caseId = DepartmentTask.caseIdOf(taskId);
        if (caseId == null) return Optional.empty();
        String dept = taskId.substring(caseId.length() + 1);
        GetItemResponse r = db.getItem(b -> b.tableName(casesTable).key(key(casePk(caseId), "TASK#" + dept))
                .consistentRead(true));
        if (!r.hasItem() || r.item().isEmpty()) return Optional.empty();
        return Optional.of(Json.read(str(r.item(), "doc"), DepartmentTask.class));
    }

    @Override
    public List<DepartmentTask> tasksOf(String caseId) {
        return Attr.docsUnder(db, casesTable, casePk(caseId), "TASK#", DepartmentTask.class);
    }

    @Override
    public Page<DepartmentTask> tasks(TaskQuery q) {
        int limit = q.limit() <= 0 ? 20 : Math.min(q.limit(), 100);
        String scope = "DEPT#" + q.departmentCode() + "#" + q.status();
        Map<String, AttributeValue> start = decodeCursor(q.cursor(), "gsi3pk", scope);
        QueryResponse r = db.query(QueryRequest.builder().tableName(casesTable).indexName(INDEX_BY_DEPARTMENT)
                .keyConditionExpression("gsi3pk = :p").expressionAttributeValues(Map.of(":p", s(scope)))
                .limit(limit).exclusiveStartKey(start).build());
        List<DepartmentTask> out = new ArrayList<>();
        r.items().forEach(i -> out.add(Json.read(str(i, "doc"), DepartmentTask.class)));
        Map<String, AttributeValue> next = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty()
                ? r.lastEvaluatedKey() : null;
        return new Page<>(out, next == null ? null : encodeCursor(next));
    }

    @Override
    public List<DepartmentTask> undispatched(Instant since, Instant before, int limit) {
        List<DepartmentTask> out = new ArrayList<>();
        Instant hour = since.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        while (!hour.isAfter(before) && out.size() < limit) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse r = db.query(QueryRequest.builder().tableName(casesTable).indexName(INDEX_BY_DUE)
                        .keyConditionExpression("dueBucket = :b AND dueKey < :k")
                        .expressionAttributeValues(Map.of(":b", s(DISPATCH_PREFIX + dueBucket(hour)),
                                ":k", s(sortable(before))))
                        .exclusiveStartKey(start).build());
                for (Map<String, AttributeValue> i : r.items()) {
                    DepartmentTask t = Json.read(str(i, "doc"), DepartmentTask.class);
                    if (t.status() == TaskStatus.CREATED && !t.createdAt().isBefore(since) && out.size() < limit) {
                        out.add(t);
                    }
                }
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null && out.size() < limit);
            hour = hour.plus(java.time.Duration.ofHours(1));
        }
        return out;
    }

    @Override
    public List<Notification> unsentNotifications(Instant since, Instant before, int limit) {
        List<Notification> out = new ArrayList<>();
        Instant hour = since.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        while (!hour.isAfter(before) && out.size() < limit) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse r = db.query(QueryRequest.builder().tableName(casesTable).indexName(INDEX_BY_DUE)
                        .keyConditionExpression("dueBucket = :b AND dueKey <= :k")
                        .expressionAttributeValues(Map.of(":b", s(NOTIFY_PREFIX + dueBucket(hour)),
                                ":k", s(sortable(before) + "~")))
                        .exclusiveStartKey(start).build());
                for (Map<String, AttributeValue> i : r.items()) {
                    if (out.size() < limit) out.add(Json.read(str(i, "doc"), Notification.class));
                }
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null && out.size() < limit);
            hour = hour.plus(java.time.Duration.ofHours(1));
        }
        return out;
    }

    @Override
    public void markSent(Notification n, Instant at) {
        db.updateItem(b -> b.tableName(casesTable)
                .key(key(casePk(n.caseId()), "NOTIFY#" + sortable(n.createdAt()) + "#" + n.id()))
                .updateExpression("REMOVE dueBucket, dueKey SET sentAt = :t")
                .expressionAttributeValues(Map.of(":t", s(at.toString()))));
    }

    /** The due-index bucket of dead-lettered notifications (never read by the relay; for an operator). */
    public static final String NOTIFY_DEAD_BUCKET = NOTIFY_PREFIX + "DEAD";

    @Override
    public int notificationRefused(Notification n, int maxAttempts, Instant at) {
        Map<String, AttributeValue> key = key(casePk(n.caseId()), "NOTIFY#" + sortable(n.createdAt()) + "#" + n.id());
        // only while it is still in the outbox (not sent meanwhile by an overlapping run)
        Map<String, AttributeValue> after = db.updateItem(b -> b.tableName(casesTable).key(key)
                .updateExpression("ADD attempts :one SET lastRefusedAt = :t")
                .conditionExpression("attribute_exists(dueBucket)")
                .expressionAttributeValues(Map.of(":one", n(1), ":t", s(at.toString())))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.UPDATED_NEW)).attributes();
        int attempts = Integer.parseInt(after.get("attempts").n());
        if (attempts >= maxAttempts) {
            db.updateItem(b -> b.tableName(casesTable).key(key)
                    .updateExpression("SET dueBucket = :b, deadLetteredAt = :t")
                    .expressionAttributeValues(Map.of(":b", s(NOTIFY_DEAD_BUCKET), ":t", s(at.toString()))));
        }
        return attempts;
    }

    /** The due-index bucket of dead-lettered task messages (never read by the relay; for an operator). */
    public static final String DISPATCH_DEAD_BUCKET = DISPATCH_PREFIX + "DEAD";

    @Override
    public int dispatchResent(DepartmentTask task, int maxAttempts, Instant at) {
        Map<String, AttributeValue> key = key(casePk(task.caseId()), "TASK#" + task.departmentCode());
        Map<String, AttributeValue> after;
        try {
            // only while it is still waiting for delivery (not delivered meanwhile by the worker)
            after = db.updateItem(b -> b.tableName(casesTable).key(key)
                    .updateExpression("ADD dispatchAttempts :one SET lastResentAt = :t")
                    .conditionExpression("attribute_exists(dueBucket) AND #st = :created")
                    .expressionAttributeNames(Map.of("#st", "status"))
                    .expressionAttributeValues(Map.of(":one", n(1), ":t", s(at.toString()),
                            ":created", s(TaskStatus.CREATED.name())))
                    .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.UPDATED_NEW)).attributes();
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException delivered) {
            return 0;
        }
        int attempts = Integer.parseInt(after.get("dispatchAttempts").n());
        if (attempts >= maxAttempts) {
            db.updateItem(b -> b.tableName(casesTable).key(key)
                    .updateExpression("SET dueBucket = :b, deadLetteredAt = :t")
                    .conditionExpression("#st = :created")
                    .expressionAttributeNames(Map.of("#st", "status"))
                    .expressionAttributeValues(Map.of(":b", s(DISPATCH_DEAD_BUCKET), ":t", s(at.toString()),
                            ":created", s(TaskStatus.CREATED.name()))));
        }
        return attempts;
    }

    // ---- the due-time index (deadline checker) ---------------------------------------------------------------

    private final java.util.concurrent.atomic.AtomicLong timerItemsRead = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public List<DeadlineTimer> dueBetween(Instant from, Instant to) {
        List<DeadlineTimer> out = new ArrayList<>();
        Instant hour = from.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        String lo = sortable(from);
        String hi = sortable(to) + "~";
        while (!hour.isAfter(to)) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse r = db.query(QueryRequest.builder().tableName(casesTable).indexName(INDEX_BY_DUE)
                        .keyConditionExpression("dueBucket = :b AND dueKey BETWEEN :lo AND :hi")
                        .expressionAttributeValues(Map.of(":b", s(dueBucket(hour)), ":lo", s(lo), ":hi", s(hi)))
                        .exclusiveStartKey(start).build());
                timerItemsRead.addAndGet(r.count());
                for (Map<String, AttributeValue> i : r.items()) {
                    out.add(new DeadlineTimer(str(i, "caseId"), DeadlineTimer.Kind.valueOf(str(i, "kind")),
                            Instant.parse(str(i, "at")), str(i, "department")));
                }
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null);
            hour = hour.plus(java.time.Duration.ofHours(1));
        }
        return out;
    }

    @Override
    public long itemsRead() {
        return timerItemsRead.get();
    }

    @Override
    public Optional<Instant> checkpoint(String checker) {
        GetItemResponse r = db.getItem(b -> b.tableName(casesTable).key(key("CHECKPOINT#" + checker, "META"))
                .consistentRead(true));
        if (!r.hasItem() || r.item().isEmpty()) return Optional.empty();
        return Optional.of(Instant.parse(str(r.item(), "at")));
    }

    @Override
    public Optional<Instant> earliestDue() {
        // the sparse byDue index only (timers and outbox entries), projected to its bucket: deadline buckets are
        // plain hours ("2025-05-15T10"), the outbox's carry a prefix (DISPATCH#, NOTIFY#, FWD#)
        Instant earliest = null;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            software.amazon.awssdk.services.dynamodb.model.ScanResponse r = db.scan(b -> b.tableName(casesTable)
                    .indexName(INDEX_BY_DUE).projectionExpression("dueBucket").exclusiveStartKey(from));
            for (Map<String, AttributeValue> i : r.items()) {
                String bucket = str(i, "dueBucket");
                if (bucket == null || bucket.isEmpty() || !Character.isDigit(bucket.charAt(0))) continue;
                Instant hour = HOUR_BUCKET.parse(bucket, java.time.LocalDateTime::from).toInstant(ZoneOffset.UTC);
                if (earliest == null || hour.isBefore(earliest)) earliest = hour;
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return Optional.ofNullable(earliest);
    }

    @Override
    public boolean advanceCheckpoint(String checker, Instant to) {
        try {
            db.putItem(b -> b.tableName(casesTable)
                    .item(Map.of("pk", s("CHECKPOINT#" + checker), "sk", s("META"), "at", s(to.toString()),
                            "until", s(sortable(to))))
                    // <=: the SDK's retry of a put whose answer was lost finds its own value, and succeeds again
                    .conditionExpression("attribute_not_exists(pk) OR #u <= :u")
                    .expressionAttributeNames(Map.of("#u", "until"))
                    .expressionAttributeValues(Map.of(":u", s(sortable(to)))));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Facts beyond the case item's recent ones that one ordinary change moves out (one suspension, one notice). */
    private static final int OLDER_FACTS_IN_TRANSACTION = 4;

    private static String suspensionSk(Suspension p) {
        return "SUSP#" + sortable(p.suspendedAt());
    }

    private static String noticeSk(Notice n) {
        return "NOTICE#" + sortable(n.issuedAt()) + "#" + n.type() + "#"
                + Integer.toHexString(java.util.Objects.hash(n.text(), n.missing()));
    }

    /** The items of the suspensions and notices of {@code full} that its case item no longer keeps. */
    private static List<Map<String, AttributeValue>> olderFacts(String pk, ServiceCase.Snapshot full) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        int keep = ServiceCase.Snapshot.RECENT_FACTS;
        List<Suspension> ps = full.suspensions();
        for (Suspension p : ps.subList(0, Math.max(0, ps.size() - keep))) {
            Map<String, AttributeValue> i = new HashMap<>(key(pk, suspensionSk(p)));
            i.put("doc", s(Json.write(p)));
            out.add(i);
        }
        List<Notice> ns = full.notices();
        for (Notice n : ns.subList(0, Math.max(0, ns.size() - keep))) {
            Map<String, AttributeValue> i = new HashMap<>(key(pk, noticeSk(n)));
            i.put("doc", s(Json.write(n)));
            out.add(i);
        }
        return out;
    }

    @Override
    public List<Suspension> suspensions(String caseId) {
        List<Suspension> out = new ArrayList<>(Attr.docsUnder(db, casesTable, casePk(caseId), "SUSP#",
                Suspension.class));
        java.util.Set<String> moved = new java.util.HashSet<>();
        out.forEach(p -> moved.add(suspensionSk(p)));
        find(caseId).ifPresent(c -> c.suspensions().stream().filter(p -> !moved.contains(suspensionSk(p)))
                .forEach(out::add));
        return out;
    }

    @Override
    public List<Notice> notices(String caseId) {
        List<Notice> out = new ArrayList<>(Attr.docsUnder(db, casesTable, casePk(caseId), "NOTICE#", Notice.class));
        java.util.Set<String> moved = new java.util.HashSet<>();
        out.forEach(n -> moved.add(noticeSk(n)));
        find(caseId).ifPresent(c -> c.notices().stream().filter(n -> !moved.contains(noticeSk(n))).forEach(out::add));
        return out;
    }

    private static String historySk(int seq) {
        return String.format("HIST#%06d", seq);
    }

    @Override
    public List<HistoryEntry> history(String caseId) {
        return Attr.docsUnder(db, casesTable, casePk(caseId), "HIST#", HistoryEntry.class);
    }

    @Override
    public Page<ServiceCase.Snapshot> list(CaseQuery q) {
        boolean byCenter = q.centerId() != null;
        String index = byCenter ? INDEX_BY_CENTER : INDEX_BY_SERVICE_POINT;
        String pkName = byCenter ? "gsi1pk" : "gsi2pk";
        String scope = byCenter ? "CENTER#" + q.centerId() : "SP#" + q.servicePointId();
        int limit = q.limit() <= 0 ? 20 : Math.min(q.limit(), 100);

        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#p", pkName);
        values.put(":p", s(scope));
        List<String> filters = new ArrayList<>();
        if (q.status() != null) {
            names.put("#st", "status");
            values.put(":st", s(q.status().name()));
            filters.add("#st = :st");
        }
        if (q.itemCode() != null) {
            values.put(":ic", s(q.itemCode()));
            filters.add("itemCode = :ic");
        }
        if (q.channel() != null) {
            names.put("#ch", "channel");
            values.put(":ch", s(q.channel().name()));
            filters.add("#ch = :ch");
        }
        if (q.dueBefore() != null) {
            values.put(":db", s(sortable(q.dueBefore())));
            filters.add("dueAt < :db");
        }
        if (q.dueState() != null) {
            values.put(":ds", s(q.dueState().name()));
            filters.add("dueState = :ds");
        }

        Map<String, AttributeValue> start = decodeCursor(q.cursor(), pkName, scope);
        List<ServiceCase.Snapshot> out = new ArrayList<>();
        // Each query evaluates at most what is still missing, so the last evaluated key is exactly where the page
        // ends even when a filter drops items; a filtered listing may take several round trips.
        int rounds = 0;
        do {
            QueryRequest.Builder rq = QueryRequest.builder().tableName(casesTable).indexName(index)
                    .keyConditionExpression("#p = :p").expressionAttributeNames(names)
                    .expressionAttributeValues(values).scanIndexForward(false)
                    .limit(limit - out.size()).exclusiveStartKey(start);
            if (!filters.isEmpty()) rq.filterExpression(String.join(" AND ", filters));
            QueryResponse r = db.query(rq.build());
            r.items().forEach(i -> out.add(Json.read(str(i, "doc"), ServiceCase.Snapshot.class)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null && out.size() < limit && ++rounds < 50);
        return new Page<>(out, start == null ? null : encodeCursor(start));
    }

    /** OVERDUE (红牌) or WARNING (黄牌) while the case is undecided and not closed; null otherwise. */
    static String dueState(ServiceCase.Snapshot c) {
        if (c.decision() != null || c.status().isFinal()) return null;
        if (c.overdueAt() != null) return CaseQuery.DueState.OVERDUE.name();
        if (c.warnedAt() != null) return CaseQuery.DueState.WARNING.name();
        return null;
    }

    @Override
    public Page<Accountability> accountability(String centerId, int limit, String cursor) {
        String scope = ACCOUNTABILITY_PREFIX + centerId;
        Map<String, AttributeValue> start = decodeCursor(cursor, "gsi1pk", scope);
        QueryResponse r = db.query(QueryRequest.builder().tableName(casesTable).indexName(INDEX_BY_CENTER)
                .keyConditionExpression("gsi1pk = :p").expressionAttributeValues(Map.of(":p", s(scope)))
                .scanIndexForward(false).limit(Math.max(1, Math.min(limit, 100))).exclusiveStartKey(start).build());
        List<Accountability> out = r.items().stream().map(i -> Json.read(str(i, "doc"), Accountability.class)).toList();
        boolean more = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty();
        return new Page<>(out, more ? encodeCursor(r.lastEvaluatedKey()) : null);
    }

    @Override
    public List<String> provisionalCases(int year) {
        List<String> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = db.query(QueryRequest.builder().tableName(casesTable)
                    .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s("PROVISIONAL#" + year)))
                    .exclusiveStartKey(start).build());
            r.items().forEach(i -> out.add(str(i, "sk")));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public void clearProvisional(int year, String caseId) {
        db.deleteItem(b -> b.tableName(casesTable).key(key("PROVISIONAL#" + year, caseId)));
    }

    @Override
    public List<ServiceCase.Snapshot> submittedBetween(String centerId, Instant from, Instant to) {
        List<ServiceCase.Snapshot> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = db.query(QueryRequest.builder().tableName(casesTable).indexName(INDEX_BY_CENTER)
                    .keyConditionExpression("gsi1pk = :p AND gsi1sk BETWEEN :a AND :b")
                    .expressionAttributeValues(Map.of(":p", s("CENTER#" + centerId), ":a", s(sortable(from)),
                            ":b", s(sortable(to.minusNanos(1)) + "~")))
                    .exclusiveStartKey(start).build());
            r.items().forEach(i -> out.add(Json.read(str(i, "doc"), ServiceCase.Snapshot.class)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private static String encodeCursor(Map<String, AttributeValue> key) {
        Map<String, String> plain = new LinkedHashMap<>();
        key.forEach((k, v) -> plain.put(k, v.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(plain)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decodeCursor(String cursor, String pkName, String scope) {
        if (cursor == null || cursor.isBlank()) return null;
        try {
            String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            Map<String, String> plain = Json.MAPPER.readValue(json, new TypeReference<Map<String, String>>() {
            });
            if (!scope.equals(plain.get(pkName)) || plain.size() > 6) throw new IllegalArgumentException("scope");
            Map<String, AttributeValue> key = new HashMap<>();
            plain.forEach((k, v) -> key.put(k, s(v)));
            return key;
        } catch (Exception e) {
            throw DomainException.validation(List.of(FieldError.of("cursor", "INVALID_CURSOR",
                    "分页游标无效或不属于本次查询", "the cursor is invalid or belongs to another listing")));
        }
    }

    @Override
    public Optional<IdempotencyRecord> findRecord(String scopeKey) {
        GetItemResponse r = db.getItem(b -> b.tableName(idempotencyTable).key(Map.of("pk", s(scopeKey)))
                .consistentRead(true));
        if (!r.hasItem() || r.item().isEmpty()) return Optional.empty();
        Map<String, AttributeValue> i = r.item();
        return Optional.of(new IdempotencyRecord(scopeKey, str(i, "requestHash"), str(i, "caseId"),
                Json.read(str(i, "result"), ServiceCase.Snapshot.class), Instant.parse(str(i, "createdAt"))));
    }

    // ---- request claims (the API's Idempotency-Key on every write) ------------------------------------------------

    private static final int MAX_STORED_BODY_CHARS = 300_000;

    private static Map<String, AttributeValue> requestKey(String key) {
        return Map.of("pk", s("REQ#" + key));
    }

    @Override
    public RequestClaim claimRequest(String key, String digest, Instant now, Duration lease) {
        Map<String, AttributeValue> item = new HashMap<>(requestKey(key));
        item.put("digest", s(digest));
        item.put("state", s("IN_PROGRESS"));
        item.put("leaseUntil", n(now.plus(lease).toEpochMilli()));
        item.put("createdAt", s(now.toString()));
        item.put("expiresAt", n(now.plus(IDEMPOTENCY_TTL).getEpochSecond()));
        // this claim's own mark: when the answer to the put is lost and the SDK's retry finds the item there, the
        // mark tells our own claim (it landed: CLAIMED) from another request's (IN_PROGRESS)
        String claimId = java.util.UUID.randomUUID().toString();
        item.put("claimId", s(claimId));
        try {
            // exactly one of concurrent requests wins; an abandoned claim (lease over) is taken over by the same request
            db.putItem(b -> b.tableName(idempotencyTable).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR (#st = :progress AND digest = :d AND leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#st", "state"))
                    .expressionAttributeValues(Map.of(":progress", s("IN_PROGRESS"), ":d", s(digest),
                            ":now", n(now.toEpochMilli()))));
            return new RequestClaim(RequestClaim.State.CLAIMED, null);
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            GetItemResponse r = db.getItem(b -> b.tableName(idempotencyTable).key(requestKey(key)).consistentRead(true));
            if (!r.hasItem() || r.item().isEmpty()) return new RequestClaim(RequestClaim.State.IN_PROGRESS, null);
            Map<String, AttributeValue> i = r.item();
            if (!digest.equals(str(i, "digest"))) return new RequestClaim(RequestClaim.State.MISMATCH, null);
            if (!"COMPLETED".equals(str(i, "state"))) {
                return new RequestClaim(claimId.equals(str(i, "claimId")) ? RequestClaim.State.CLAIMED
                        : RequestClaim.State.IN_PROGRESS, null);
            }
            return new RequestClaim(RequestClaim.State.COMPLETED, new RequestClaim.StoredResponse(
                    Integer.parseInt(i.get("status").n()), str(i, "contentType"), str(i, "location"), str(i, "body")));
        }
    }

    @Override
    public void completeRequest(String key, String digest, RequestClaim.StoredResponse response, Instant now) {
        if (response.body() != null && response.body().length() > MAX_STORED_BODY_CHARS) {
            releaseRequest(key, digest);
            return;
        }
        Map<String, AttributeValue> item = new HashMap<>(requestKey(key));
        item.put("digest", s(digest));
        item.put("state", s("COMPLETED"));
        item.put("status", n(response.status()));
        if (response.contentType() != null) item.put("contentType", s(response.contentType()));
        if (response.location() != null) item.put("location", s(response.location()));
        if (response.body() != null) item.put("body", s(response.body()));
        item.put("createdAt", s(now.toString()));
        item.put("expiresAt", n(now.plus(IDEMPOTENCY_TTL).getEpochSecond()));
        try {
            db.putItem(b -> b.tableName(idempotencyTable).item(item).conditionExpression("digest = :d")
                    .expressionAttributeValues(Map.of(":d", s(digest))));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException ignored) {
            // the claim is gone or belongs to another request: nothing of ours to complete
        }
    }

    @Override
    public void releaseRequest(String key, String digest) {
        try {
            db.deleteItem(b -> b.tableName(idempotencyTable).key(requestKey(key))
                    .conditionExpression("#st = :progress AND digest = :d")
                    .expressionAttributeNames(Map.of("#st", "state"))
                    .expressionAttributeValues(Map.of(":progress", s("IN_PROGRESS"), ":d", s(digest))));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException ignored) {
            // completed meanwhile, or not ours
        }
    }
}
