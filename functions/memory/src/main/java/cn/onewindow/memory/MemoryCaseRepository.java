package cn.onewindow.memory;

import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskStatus;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.Notice;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.Suspension;
import cn.onewindow.core.common.ConcurrentUpdateException;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.deadline.Accountability;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.ports.CaseQuery;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.CaseWrite;
import cn.onewindow.core.ports.DeadlineTimer;
import cn.onewindow.core.ports.IdempotencyClaimTaken;
import cn.onewindow.core.ports.IdempotencyRecord;
import cn.onewindow.core.ports.IdempotencyStore;
import cn.onewindow.core.ports.LedgerQuery;
import cn.onewindow.core.ports.Page;
import cn.onewindow.core.ports.RequestClaim;
import cn.onewindow.core.ports.TaskQuery;
import cn.onewindow.core.ports.TaskWrite;
import cn.onewindow.core.ports.TimerIndex;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Cases, their history, tasks, deadline timers, accountability records, the notification and dispatch outboxes,
 * idempotency records and request claims, in memory. Every change of {@link #save} is checked in full before any of
 * it is applied, under one lock, so it is atomic exactly like the DynamoDB transaction of {@code DynamoCaseRepository}
 * and fails the same way ({@link ConcurrentUpdateException}, {@link IdempotencyClaimTaken}, {@code CHANGE_TOO_LARGE}).
 */
public final class MemoryCaseRepository implements CaseRepository, IdempotencyStore, TimerIndex, LedgerQuery {
    /** DynamoDB's limit of one transaction, which the adapter enforces: the same limit here. */
    static final int MAX_TRANSACTION_ITEMS = 100;
    /** Facts beyond the case item's recent ones that one ordinary change moves out (as the DynamoDB adapter). */
    private static final int OLDER_FACTS_IN_TRANSACTION = 4;
    private static final int MAX_STORED_BODY_CHARS = 300_000;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Object lock = new Object();
    private final Map<String, ServiceCase.Snapshot> cases = new HashMap<>();
    private final Map<String, TreeMap<Integer, HistoryEntry>> history = new HashMap<>();
    /** Per case, suspensions and notices the case no longer keeps, by their DynamoDB sort key (time order). */
    private final Map<String, TreeMap<String, Suspension>> olderSuspensions = new HashMap<>();
    private final Map<String, TreeMap<String, Notice>> olderNotices = new HashMap<>();
    private final Map<String, TaskRow> tasks = new HashMap<>();
    /** Open timers by case id, department (or "" for the case) and kind. */
    final Map<String, DeadlineTimer> timers = new HashMap<>();
    /** Accountability records listed per center (those of case writes), by case id and subject. */
    private final Map<String, Accountability> accountability = new HashMap<>();
    /** Every accountability record's case id and subject, listed or not (the once-only condition). */
    private final Set<String> accountabilityKeys = new HashSet<>();
    private final Map<String, OutboxRow> notifications = new HashMap<>();
    private final Map<Integer, Set<String>> provisional = new HashMap<>();
    private final Map<String, IdempotencyRecord> records = new HashMap<>();
    /** Idempotency records of single ratings (evaluation id, request hash), in the same key space as cases'. */
    final Map<String, String[]> evaluationRecords = new HashMap<>();
    private final Map<String, ClaimRow> claims = new HashMap<>();
    private final Map<String, Instant> checkpoints = new HashMap<>();
    private final AtomicLong timerItemsRead = new AtomicLong();

    /** A task with its place in the dispatch outbox: {@code outbox} while CREATED, {@code dead} when given up. */
    private record TaskRow(DepartmentTask task, boolean dead, int resends) {
        boolean inOutbox() {
            return task.status() == TaskStatus.CREATED;
        }
    }

    private record OutboxRow(Notification n, boolean sent, boolean dead, int attempts) {
    }

    private record ClaimRow(String digest, boolean completed, long leaseUntil, RequestClaim.StoredResponse response) {
    }

    /** The lock every write of the repository holds (the evaluation store writes its timers under it too). */
    Object lock() {
        return lock;
    }

    static String timerKey(String caseId, String department, DeadlineTimer.Kind kind) {
        return caseId + "|" + (department == null ? "" : department) + "|" + kind;
    }

    private static String taskKey(String caseId, String department) {
        return caseId + "|" + department;
    }

    @Override
    public Optional<ServiceCase.Snapshot> find(String caseId) {
        synchronized (lock) {
            return Optional.ofNullable(cases.get(caseId));
        }
    }

    @Override
    public ServiceCase.Snapshot save(CaseWrite w) {
        long newVersion = w.create() ? 1 : w.expectedVersion() + 1;
        ServiceCase.Snapshot full = w.snapshot().withVersion(newVersion);
        ServiceCase.Snapshot stored = full.recentFactsOnly();
        String id = stored.id();
        synchronized (lock) {
            // ---- conditions, all checked before anything is written (one transaction) ----
            int olderFacts = Math.max(0, full.suspensions().size() - ServiceCase.Snapshot.RECENT_FACTS)
                    + Math.max(0, full.notices().size() - ServiceCase.Snapshot.RECENT_FACTS);
            Set<String> present = new HashSet<>();
            w.timers().forEach(t -> present.add(timerKey(id, t.department(), t.kind())));
            List<String> owners = new ArrayList<>();
            if (!w.create()) owners.add(null);
            w.tasks().stream().filter(tw -> !tw.create()).forEach(tw -> owners.add(tw.task().departmentCode()));
            List<String> deletes = new ArrayList<>();
            for (String owner : owners) {
                for (DeadlineTimer.Kind k : DeadlineTimer.Kind.values()) {
                    if (!k.caseDeadline()) continue;
                    String key = timerKey(id, owner, k);
                    if (!present.contains(key)) deletes.add(key);
                }
            }
            boolean provisionalEntry = stored.dueProvisional() && stored.dueAt() != null;
            int items = (olderFacts > OLDER_FACTS_IN_TRANSACTION ? 0 : olderFacts) + (provisionalEntry ? 1 : 0) + 1
                    + w.history().size() + w.timers().size() + deletes.size() + w.tasks().size()
                    + w.accountability().size() + w.notifications().size() + (w.claim() != null ? 1 : 0);
            if (items > MAX_TRANSACTION_ITEMS) {
                throw DomainException.illegalState("CHANGE_TOO_LARGE", "本次变更涉及的记录过多，无法一次完成",
                        "this change touches more records than one transaction holds (" + MAX_TRANSACTION_ITEMS + ")");
            }
            if (w.claim() != null && claimTaken(w.claim().scopeKey())) {
                throw new IdempotencyClaimTaken(w.claim().scopeKey());
            }
            ServiceCase.Snapshot current = cases.get(id);
            boolean ok = w.create() ? current == null : current != null && current.version() == w.expectedVersion();
            TreeMap<Integer, HistoryEntry> lines = history.getOrDefault(id, new TreeMap<>());
            ok &= w.history().stream().noneMatch(h -> lines.containsKey(h.seq()));
            for (TaskWrite tw : w.tasks()) {
                TaskRow row = tasks.get(taskKey(tw.task().caseId(), tw.task().departmentCode()));
                ok &= tw.create() ? row == null : row != null && row.task().version() == tw.expectedVersion();
            }
            ok &= w.accountability().stream().noneMatch(a -> accountabilityKeys.contains(id + "|" + a.subject()));
            ok &= w.notifications().stream().noneMatch(n -> notifications.containsKey(outboxKey(id, n)));
            if (!ok) {
                throw new ConcurrentUpdateException("办件已被他人同时修改，请刷新后重试",
                        "the case was changed by someone else at the same time; reload and retry");
            }

            // ---- the writes ----
            moveOlderFacts(id, full);
            cases.put(id, stored);
            if (provisionalEntry) {
                provisional.computeIfAbsent(stored.dueAt().atZone(SHANGHAI).getYear(), y -> new TreeSet<>()).add(id);
            }
            TreeMap<Integer, HistoryEntry> h = history.computeIfAbsent(id, k -> new TreeMap<>());
            w.history().forEach(e -> h.put(e.seq(), e));
            w.timers().forEach(t -> timers.put(timerKey(id, t.department(), t.kind()), t));
            deletes.forEach(timers::remove);
            for (TaskWrite tw : w.tasks()) {
                DepartmentTask t = tw.task().withVersion(tw.create() ? 1 : tw.expectedVersion() + 1);
                tasks.put(taskKey(t.caseId(), t.departmentCode()), new TaskRow(t, false, 0));
            }
            w.accountability().forEach(a -> {
                accountabilityKeys.add(id + "|" + a.subject());
                if (a.centerId() != null) accountability.put(id + "|" + a.subject(), a);
            });
            w.notifications().forEach(n -> notifications.put(outboxKey(id, n),
                    new OutboxRow(n.withPhone(null), false, false, 0)));
            if (w.claim() != null) {
                records.put(w.claim().scopeKey(), new IdempotencyRecord(w.claim().scopeKey(),
                        w.claim().requestHash(), id, stored, Instant.now()));
            }
            return stored;
        }
    }

    // ---- for the evaluation store, which writes into the same outbox, timers and records (under the lock) ----

    boolean claimTaken(String scopeKey) {
        return records.containsKey(scopeKey) || evaluationRecords.containsKey(scopeKey);
    }

    boolean inOutbox(Notification n) {
        return notifications.containsKey(outboxKey(n.caseId(), n));
    }

    void putInOutbox(Notification n) {
        notifications.put(outboxKey(n.caseId(), n), new OutboxRow(n.withPhone(null), false, false, 0));
    }

    boolean accountabilityRecorded(String caseId, String subject) {
        return accountabilityKeys.contains(caseId + "|" + subject);
    }

    /** An accountability record not listed per center (as the evaluation store writes them). */
    void recordAccountability(String caseId, String subject) {
        accountabilityKeys.add(caseId + "|" + subject);
    }

    private static String outboxKey(String caseId, Notification n) {
        return caseId + "|" + n.createdAt() + "|" + n.id();
    }

    private void moveOlderFacts(String id, ServiceCase.Snapshot full) {
        int keep = ServiceCase.Snapshot.RECENT_FACTS;
        List<Suspension> ps = full.suspensions();
        for (Suspension p : ps.subList(0, Math.max(0, ps.size() - keep))) {
            olderSuspensions.computeIfAbsent(id, k -> new TreeMap<>()).put(suspensionKey(p), p);
        }
        List<Notice> ns = full.notices();
        for (Notice n : ns.subList(0, Math.max(0, ns.size() - keep))) {
            olderNotices.computeIfAbsent(id, k -> new TreeMap<>()).put(noticeKey(n), n);
        }
    }

    private static String suspensionKey(Suspension p) {
        return Sortable.of(p.suspendedAt());
    }

    private static String noticeKey(Notice n) {
        return Sortable.of(n.issuedAt()) + "#" + n.type() + "#"
                + Integer.toHexString(Objects.hash(n.text(), n.missing()));
    }

    @Override
    public List<Suspension> suspensions(String caseId) {
        synchronized (lock) {
            TreeMap<String, Suspension> moved = olderSuspensions.getOrDefault(caseId, new TreeMap<>());
            List<Suspension> out = new ArrayList<>(moved.values());
            find(caseId).ifPresent(c -> c.suspensions().stream().filter(p -> !moved.containsKey(suspensionKey(p)))
                    .forEach(out::add));
            return out;
        }
    }

    @Override
    public List<Notice> notices(String caseId) {
        synchronized (lock) {
            TreeMap<String, Notice> moved = olderNotices.getOrDefault(caseId, new TreeMap<>());
            List<Notice> out = new ArrayList<>(moved.values());
            find(caseId).ifPresent(c -> c.notices().stream().filter(n -> !moved.containsKey(noticeKey(n)))
                    .forEach(out::add));
            return out;
        }
    }

    @Override
    public List<HistoryEntry> history(String caseId) {
        synchronized (lock) {
            return List.copyOf(history.getOrDefault(caseId, new TreeMap<>()).values());
        }
    }

    // ---- listings -----------------------------------------------------------------------------------------------

    private static String listKey(ServiceCase.Snapshot c) {
        return Sortable.of(c.submittedAt()) + "#" + c.id();
    }

    @Override
    public Page<ServiceCase.Snapshot> list(CaseQuery q) {
        boolean byCenter = q.centerId() != null;
        String scope = byCenter ? "CENTER#" + q.centerId() : "SP#" + q.servicePointId();
        int limit = q.limit() <= 0 ? 20 : Math.min(q.limit(), 100);
        String after = Cursors.decode(q.cursor(), scope);
        Predicate<ServiceCase.Snapshot> match = c -> (byCenter ? q.centerId().equals(c.centerId())
                : c.servicePointId() != null && c.servicePointId().equals(q.servicePointId()))
                && (q.status() == null || q.status() == c.status())
                && (q.itemCode() == null || q.itemCode().equals(c.itemCode()))
                && (q.channel() == null || q.channel() == c.channel())
                && (q.dueBefore() == null || c.dueAt() != null && c.dueAt().isBefore(q.dueBefore()))
                && (q.dueState() == null || q.dueState().name().equals(dueState(c)));
        List<ServiceCase.Snapshot> all;
        synchronized (lock) {
            all = cases.values().stream().filter(match)
                    .filter(c -> after == null || listKey(c).compareTo(after) < 0)
                    .sorted(Comparator.comparing(MemoryCaseRepository::listKey).reversed()).toList();
        }
        List<ServiceCase.Snapshot> page = all.subList(0, Math.min(limit, all.size()));
        String next = all.size() > limit ? Cursors.encode(scope, listKey(page.get(page.size() - 1))) : null;
        return new Page<>(page, next);
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
        String scope = "ACCOUNTABILITY#CENTER#" + centerId;
        String after = Cursors.decode(cursor, scope);
        int max = Math.max(1, Math.min(limit, 100));
        List<Accountability> all;
        synchronized (lock) {
            all = accountability.values().stream().filter(a -> centerId.equals(a.centerId()))
                    .filter(a -> after == null || accountabilityKey(a).compareTo(after) < 0)
                    .sorted(Comparator.comparing(MemoryCaseRepository::accountabilityKey).reversed()).toList();
        }
        List<Accountability> page = all.subList(0, Math.min(max, all.size()));
        return new Page<>(page, all.size() > max
                ? Cursors.encode(scope, accountabilityKey(page.get(page.size() - 1))) : null);
    }

    private static String accountabilityKey(Accountability a) {
        return Sortable.of(a.detectedAt()) + "#" + a.caseId() + "#" + a.subject();
    }

    @Override
    public List<String> provisionalCases(int year) {
        synchronized (lock) {
            return List.copyOf(provisional.getOrDefault(year, new TreeSet<>()));
        }
    }

    @Override
    public void clearProvisional(int year, String caseId) {
        synchronized (lock) {
            Set<String> ids = provisional.get(year);
            if (ids != null) ids.remove(caseId);
        }
    }

    @Override
    public List<ServiceCase.Snapshot> submittedBetween(String centerId, Instant from, Instant to) {
        return submitted(c -> centerId.equals(c.centerId()), from, to);
    }

    @Override
    public List<ServiceCase.Snapshot> submittedAtPoint(String servicePointId, Instant from, Instant to) {
        return submitted(c -> servicePointId.equals(c.servicePointId()), from, to);
    }

    private List<ServiceCase.Snapshot> submitted(Predicate<ServiceCase.Snapshot> scope, Instant from, Instant to) {
        synchronized (lock) {
            return cases.values().stream().filter(scope)
                    .filter(c -> !c.submittedAt().isBefore(from) && c.submittedAt().isBefore(to))
                    .sorted(Comparator.comparing(MemoryCaseRepository::listKey)).toList();
        }
    }

    // ---- tasks and the dispatch outbox ----------------------------------------------------------------------------

    @Override
    public Optional<DepartmentTask> findTask(String taskId) {
        String caseId = DepartmentTask.caseIdOf(taskId);
        if (caseId == null) return Optional.empty();
        synchronized (lock) {
            TaskRow row = tasks.get(taskKey(caseId, taskId.substring(caseId.length() + 1)));
            return Optional.ofNullable(row).map(TaskRow::task);
        }
    }

    @Override
    public List<DepartmentTask> tasksOf(String caseId) {
        synchronized (lock) {
            return tasks.values().stream().map(TaskRow::task).filter(t -> caseId.equals(t.caseId()))
                    .sorted(Comparator.comparing(DepartmentTask::departmentCode)).toList();
        }
    }

    private static String inboxKey(DepartmentTask t) {
        return (t.dueAt() == null ? "9999" : Sortable.of(t.dueAt())) + "#" + t.taskId();
    }

    @Override
    public Page<DepartmentTask> tasks(TaskQuery q) {
        int limit = q.limit() <= 0 ? 20 : Math.min(q.limit(), 100);
        String scope = "DEPT#" + q.departmentCode() + "#" + q.status();
        String after = Cursors.decode(q.cursor(), scope);
        List<DepartmentTask> all;
        synchronized (lock) {
            all = tasks.values().stream().map(TaskRow::task)
                    .filter(t -> t.departmentCode().equals(q.departmentCode()) && t.status() == q.status())
                    .filter(t -> after == null || inboxKey(t).compareTo(after) > 0)
                    .sorted(Comparator.comparing(MemoryCaseRepository::inboxKey)).toList();
        }
        List<DepartmentTask> page = all.subList(0, Math.min(limit, all.size()));
        return new Page<>(page, all.size() > limit ? Cursors.encode(scope, inboxKey(page.get(page.size() - 1))) : null);
    }

    @Override
    public List<DepartmentTask> undispatched(Instant since, Instant before, int limit) {
        synchronized (lock) {
            return tasks.values().stream().filter(r -> r.inOutbox() && !r.dead()).map(TaskRow::task)
                    .filter(t -> !t.createdAt().isBefore(since) && t.createdAt().isBefore(before))
                    .sorted(Comparator.comparing(DepartmentTask::createdAt).thenComparing(DepartmentTask::taskId))
                    .limit(limit).toList();
        }
    }

    @Override
    public int dispatchResent(DepartmentTask task, int maxAttempts, Instant at) {
        synchronized (lock) {
            String key = taskKey(task.caseId(), task.departmentCode());
            TaskRow row = tasks.get(key);
            if (row == null || !row.inOutbox()) return 0; // delivered meanwhile
            int resends = row.resends() + 1;
            tasks.put(key, new TaskRow(row.task(), row.dead() || resends >= maxAttempts, resends));
            return resends;
        }
    }

    // ---- the notification outbox ----------------------------------------------------------------------------------

    @Override
    public List<Notification> unsentNotifications(Instant since, Instant before, int limit) {
        Instant firstHour = since.truncatedTo(ChronoUnit.HOURS);
        synchronized (lock) {
            return notifications.values().stream().filter(r -> !r.sent() && !r.dead()).map(OutboxRow::n)
                    .filter(n -> !n.createdAt().isBefore(firstHour) && !n.createdAt().isAfter(before))
                    .sorted(Comparator.comparing(Notification::createdAt).thenComparing(Notification::id))
                    .limit(limit).toList();
        }
    }

    @Override
    public void markSent(Notification n, Instant at) {
        synchronized (lock) {
            String key = outboxKey(n.caseId(), n);
            OutboxRow row = notifications.get(key);
            if (row != null) notifications.put(key, new OutboxRow(row.n(), true, row.dead(), row.attempts()));
        }
    }

    @Override
    public int notificationRefused(Notification n, int maxAttempts, Instant at) {
        synchronized (lock) {
            String key = outboxKey(n.caseId(), n);
            OutboxRow row = notifications.get(key);
            if (row == null || row.sent()) {
                // as the conditional update of the DynamoDB adapter: not in the outbox any more
                throw new IllegalStateException("notification " + n.id() + " is no longer in the outbox");
            }
            int attempts = row.attempts() + 1;
            notifications.put(key, new OutboxRow(row.n(), false, row.dead() || attempts >= maxAttempts, attempts));
            return attempts;
        }
    }

    // ---- the due-time index ---------------------------------------------------------------------------------------

    @Override
    public List<DeadlineTimer> dueBetween(Instant from, Instant to) {
        synchronized (lock) {
            List<DeadlineTimer> out = timers.entrySet().stream()
                    .filter(e -> !e.getValue().at().isBefore(from) && !e.getValue().at().isAfter(to))
                    .sorted(Comparator.<Map.Entry<String, DeadlineTimer>, Instant>comparing(e -> e.getValue().at())
                            .thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getValue).toList();
            timerItemsRead.addAndGet(out.size());
            return out;
        }
    }

    @Override
    public long itemsRead() {
        return timerItemsRead.get();
    }

    @Override
    public Optional<Instant> checkpoint(String checker) {
        synchronized (lock) {
            return Optional.ofNullable(checkpoints.get(checker));
        }
    }

    @Override
    public Optional<Instant> earliestDue() {
        synchronized (lock) {
            return timers.values().stream().map(DeadlineTimer::at).min(Comparator.naturalOrder())
                    .map(at -> at.truncatedTo(ChronoUnit.HOURS));
        }
    }

    @Override
    public boolean advanceCheckpoint(String checker, Instant to) {
        synchronized (lock) {
            Instant now = checkpoints.get(checker);
            if (now != null && now.isAfter(to)) return false;
            checkpoints.put(checker, to);
            return true;
        }
    }

    // ---- idempotency ----------------------------------------------------------------------------------------------

    @Override
    public Optional<IdempotencyRecord> findRecord(String scopeKey) {
        synchronized (lock) {
            return Optional.ofNullable(records.get(scopeKey));
        }
    }

    @Override
    public RequestClaim claimRequest(String key, String digest, Instant now, Duration lease) {
        synchronized (lock) {
            ClaimRow row = claims.get(key);
            if (row == null || !row.completed() && row.digest().equals(digest)
                    && row.leaseUntil() < now.toEpochMilli()) {
                claims.put(key, new ClaimRow(digest, false, now.plus(lease).toEpochMilli(), null));
                return new RequestClaim(RequestClaim.State.CLAIMED, null);
            }
            if (!row.digest().equals(digest)) return new RequestClaim(RequestClaim.State.MISMATCH, null);
            if (!row.completed()) return new RequestClaim(RequestClaim.State.IN_PROGRESS, null);
            return new RequestClaim(RequestClaim.State.COMPLETED, row.response());
        }
    }

    @Override
    public void completeRequest(String key, String digest, RequestClaim.StoredResponse response, Instant now) {
        if (response.body() != null && response.body().length() > MAX_STORED_BODY_CHARS) {
            releaseRequest(key, digest);
            return;
        }
        synchronized (lock) {
            ClaimRow row = claims.get(key);
            // the claim is gone or belongs to another request: nothing of ours to complete
            if (row == null || !row.digest().equals(digest)) return;
            claims.put(key, new ClaimRow(digest, true, row.leaseUntil(), response));
        }
    }

    @Override
    public void releaseRequest(String key, String digest) {
        synchronized (lock) {
            ClaimRow row = claims.get(key);
            if (row != null && !row.completed() && row.digest().equals(digest)) claims.remove(key);
        }
    }

    /** Every case stored (a test's view; the DynamoDB store has no such read). */
    public List<ServiceCase.Snapshot> allCases() {
        synchronized (lock) {
            return List.copyOf(cases.values());
        }
    }

    /** Notifications that left the outbox as sent, oldest first (a test's view of what the relay delivered). */
    public List<Notification> sentNotifications() {
        synchronized (lock) {
            return notifications.values().stream().filter(OutboxRow::sent).map(OutboxRow::n)
                    .sorted(Comparator.comparing(Notification::createdAt)).toList();
        }
    }
}
