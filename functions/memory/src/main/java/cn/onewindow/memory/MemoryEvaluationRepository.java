package cn.onewindow.memory;

import cn.onewindow.core.common.ConcurrentUpdateException;
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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Ratings, rectifications, batches, the invitation marker and the forwarding outbox in memory, next to the cases of
 * a {@link MemoryCaseRepository}: it writes into the same notification outbox, deadline timers, accountability
 * records and idempotency records, under the same lock, as the DynamoDB evaluation store writes into the cases
 * table beside the case items.
 */
public final class MemoryEvaluationRepository implements EvaluationRepository {
    private final MemoryCaseRepository cases;
    private final Object lock;
    private final Map<String, Rating> ratings = new HashMap<>();
    private final Map<String, Rectification> rectifications = new HashMap<>();
    private final Set<String> invited = new HashSet<>();
    private final Map<String, EvaluationBatch> batches = new HashMap<>();
    private final Map<String, TreeMap<Integer, EvaluationBatch.ChunkResult>> chunks = new HashMap<>();
    private final Map<String, TreeMap<Integer, EvaluationBatch.RecordError>> errors = new HashMap<>();

    /** A stored rating with its place in the forwarding outbox (next attempt; none once forwarded). */
    private record Rating(Evaluation e, Instant nextAttempt, Instant forwardedAt, int attempts) {
    }

    public MemoryEvaluationRepository(MemoryCaseRepository cases) {
        this.cases = cases;
        this.lock = cases.lock();
    }

    private static String key(String caseId, int round) {
        return caseId + "|" + round;
    }

    // ---- reads ----------------------------------------------------------------------------------------------------

    @Override
    public RatingState state(String caseId) {
        return states(List.of(caseId)).get(caseId);
    }

    @Override
    public Map<String, RatingState> states(Collection<String> caseIds) {
        Map<String, RatingState> out = new HashMap<>();
        synchronized (lock) {
            for (String id : caseIds) {
                cases.find(id).ifPresent(c -> out.put(id, new RatingState(c, rating(id, 1), rating(id, 2),
                        rectifications.get(key(id, 1)), rectifications.get(key(id, 2)))));
            }
        }
        return out;
    }

    private Evaluation rating(String caseId, int round) {
        Rating r = ratings.get(key(caseId, round));
        return r == null ? null : r.e();
    }

    @Override
    public Set<String> existingRectifications(Collection<String> ids) {
        synchronized (lock) {
            Set<String> out = new HashSet<>();
            for (String id : ids) {
                Rectification r = rectifications.get(key(Rectification.caseIdOf(id), Rectification.roundOf(id)));
                if (r != null) out.add(r.id());
            }
            return out;
        }
    }

    @Override
    public Optional<Rectification> rectification(String caseId, int round) {
        synchronized (lock) {
            return Optional.ofNullable(rectifications.get(key(caseId, round)));
        }
    }

    // ---- single rating and batches --------------------------------------------------------------------------------

    @Override
    public void create(Evaluation e, Rectification opened, IdempotencyClaim claim) {
        synchronized (lock) {
            if (claim != null && cases.claimTaken(claim.scopeKey())) throw new IdempotencyClaimTaken(claim.scopeKey());
            if (!writable(e, opened) || e.round() > 1 && !rectifications.containsKey(key(e.caseId(), e.round() - 1))) {
                // a re-rating only while the previous rectification stays
                throw new ConcurrentUpdateException("评价已被同时提交，请重试", "the case was rated at the same time; retry");
            }
            write(e, opened);
            if (claim != null) {
                cases.evaluationRecords.put(claim.scopeKey(), new String[]{e.id(), claim.requestHash()});
            }
        }
    }

    private boolean writable(Evaluation e, Rectification opened) {
        return !ratings.containsKey(key(e.caseId(), e.round()))
                && (opened == null || !rectifications.containsKey(key(opened.caseId(), opened.round())));
    }

    private void write(Evaluation e, Rectification opened) {
        ratings.put(key(e.caseId(), e.round()), new Rating(e, e.receivedAt(), null, 0));
        if (opened != null) rectifications.put(key(opened.caseId(), opened.round()), opened.withVersion(1));
    }

    @Override
    public Optional<String[]> idempotent(String scopeKey) {
        synchronized (lock) {
            return Optional.ofNullable(cases.evaluationRecords.get(scopeKey)).map(String[]::clone);
        }
    }

    @Override
    public Set<String> putAll(List<Evaluation> batch, List<Rectification> opened) {
        Map<String, Rectification> rectOf = new HashMap<>();
        opened.forEach(r -> rectOf.put(key(r.caseId(), r.round()), r));
        Set<String> taken = new LinkedHashSet<>();
        synchronized (lock) {
            for (Evaluation e : batch) {
                Rectification r = rectOf.get(key(e.caseId(), e.round()));
                if (writable(e, r)) write(e, r);
                else taken.add(e.id());
            }
        }
        return taken;
    }

    @Override
    public void createBatch(EvaluationBatch batch) {
        synchronized (lock) {
            batches.putIfAbsent(batch.id(), batch); // the same batch accepted twice: the first header stays
        }
    }

    @Override
    public Optional<EvaluationBatch> batch(String id) {
        synchronized (lock) {
            return Optional.ofNullable(batches.get(id));
        }
    }

    @Override
    public void recordChunk(String batchId, EvaluationBatch.ChunkResult result) {
        synchronized (lock) {
            TreeMap<Integer, EvaluationBatch.RecordError> errs = errors.computeIfAbsent(batchId, k -> new TreeMap<>());
            result.errors().forEach(e -> errs.put(e.index(), e));
            chunks.computeIfAbsent(batchId, k -> new TreeMap<>()).put(result.chunk(), result);
        }
    }

    @Override
    public EvaluationBatch.Status batchStatus(EvaluationBatch b, int limit, String cursor) {
        String after = Cursors.decode(cursor, "ERR#");
        int from = after == null ? -1 : parseIndex(after);
        synchronized (lock) {
            Collection<EvaluationBatch.ChunkResult> done = chunks.getOrDefault(b.id(), new TreeMap<>()).values();
            int accepted = done.stream().mapToInt(c -> c.stored() + c.duplicates()).sum();
            int rejected = done.stream().mapToInt(c -> c.errors().size()).sum();
            List<EvaluationBatch.RecordError> all = List.copyOf(errors.getOrDefault(b.id(), new TreeMap<>())
                    .tailMap(from, false).values());
            int max = Math.max(1, Math.min(limit, 1000));
            List<EvaluationBatch.RecordError> page = all.subList(0, Math.min(max, all.size()));
            String next = all.size() > max ? Cursors.encode("ERR#", String.valueOf(page.get(page.size() - 1).index()))
                    : null;
            return new EvaluationBatch.Status(b, done.size() >= b.chunks() ? "COMPLETED" : "PROCESSING", done.size(),
                    accepted, rejected, page, next);
        }
    }

    private static int parseIndex(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw DomainException.validation(List.of(FieldError.of("cursor", "INVALID_CURSOR",
                    "分页游标无效或不属于本次查询", "the cursor is invalid or belongs to another listing")));
        }
    }

    // ---- rectifications -------------------------------------------------------------------------------------------

    private static final List<DeadlineTimer.Kind> RECT_TIMERS = List.of(DeadlineTimer.Kind.RECT_CALLBACK_DUE,
            DeadlineTimer.Kind.RECT_FIX_WARNING, DeadlineTimer.Kind.RECT_FIX_DUE);

    @Override
    public Rectification saveRectification(Rectification r, List<DeadlineTimer> timers,
                                           List<Accountability> accountability, List<Notification> notifications) {
        Rectification stored = r.withVersion(r.version() + 1);
        synchronized (lock) {
            Rectification now = rectifications.get(key(r.caseId(), r.round()));
            boolean ok = now != null && now.version() == r.version()
                    && accountability.stream().noneMatch(a -> cases.accountabilityRecorded(r.caseId(), a.subject()))
                    && notifications.stream().noneMatch(cases::inOutbox);
            if (!ok) {
                throw new ConcurrentUpdateException("整改记录已被他人同时修改，请刷新后重试",
                        "the rectification was changed by someone else at the same time; reload and retry");
            }
            rectifications.put(key(r.caseId(), r.round()), stored);
            Set<DeadlineTimer.Kind> present = new HashSet<>();
            for (DeadlineTimer t : timers) {
                present.add(t.kind());
                cases.timers.put(MemoryCaseRepository.timerKey(r.caseId(), null, t.kind()), t);
            }
            for (DeadlineTimer.Kind k : RECT_TIMERS) {
                if (!present.contains(k)) cases.timers.remove(MemoryCaseRepository.timerKey(r.caseId(), null, k));
            }
            accountability.forEach(a -> cases.recordAccountability(r.caseId(), a.subject()));
            notifications.forEach(cases::putInOutbox);
            return stored;
        }
    }

    private static String listKey(Rectification r) {
        return Sortable.of(r.openedAt()) + "#" + r.id();
    }

    @Override
    public Page<Rectification> rectifications(String scope, String scopeId, boolean open, int limit, String cursor) {
        Predicate<Rectification> inScope = switch (scope) {
            case "department" -> r -> scopeId.equals(r.departmentCode());
            case "servicePoint" -> r -> scopeId.equals(r.servicePointId());
            default -> r -> scopeId.equals(r.centerId());
        };
        String listing = scope + "#" + scopeId + "#" + (open ? "OPEN" : "CLOSED");
        String after = Cursors.decode(cursor, listing);
        int max = Math.max(1, Math.min(limit, 100));
        List<Rectification> all;
        synchronized (lock) {
            all = rectifications.values().stream().filter(inScope).filter(r -> r.status().open() == open)
                    .filter(r -> after == null || listKey(r).compareTo(after) > 0)
                    .sorted(Comparator.comparing(MemoryEvaluationRepository::listKey)).toList();
        }
        List<Rectification> page = all.subList(0, Math.min(max, all.size()));
        return new Page<>(page, all.size() > max ? Cursors.encode(listing, listKey(page.get(page.size() - 1))) : null);
    }

    @Override
    public List<Rectification> openRectificationsOf(String centerId) {
        synchronized (lock) {
            return rectifications.values().stream().filter(r -> centerId.equals(r.centerId()) && r.status().open())
                    .sorted(Comparator.comparing(MemoryEvaluationRepository::listKey)).toList();
        }
    }

    // ---- invitation -----------------------------------------------------------------------------------------------

    @Override
    public boolean invite(String caseId, Notification invitation) {
        synchronized (lock) {
            if (invited.contains(caseId) || ratings.containsKey(key(caseId, 1)) || cases.inOutbox(invitation)) {
                return false;
            }
            invited.add(caseId);
            cases.putInOutbox(invitation);
            cases.timers.remove(MemoryCaseRepository.timerKey(caseId, null, DeadlineTimer.Kind.INVITE));
            return true;
        }
    }

    // ---- forwarding outbox ----------------------------------------------------------------------------------------

    @Override
    public List<Evaluation> unforwarded(Instant since, Instant now, int limit) {
        Instant firstHour = since.truncatedTo(ChronoUnit.HOURS);
        synchronized (lock) {
            return ratings.values().stream().filter(r -> r.forwardedAt() == null)
                    .filter(r -> !r.nextAttempt().isBefore(firstHour) && !r.nextAttempt().isAfter(now))
                    .sorted(Comparator.comparing(Rating::nextAttempt).thenComparing(r -> r.e().id()))
                    .limit(limit).map(Rating::e).toList();
        }
    }

    @Override
    public boolean forwarded(String caseId, int round) {
        synchronized (lock) {
            Rating r = ratings.get(key(caseId, round));
            return r == null || r.forwardedAt() != null;
        }
    }

    @Override
    public void markForwarded(Evaluation e, Instant at) {
        synchronized (lock) {
            Rating r = ratings.get(key(e.caseId(), e.round()));
            if (r != null) ratings.put(key(e.caseId(), e.round()), new Rating(r.e(), null, at, r.attempts()));
        }
    }

    @Override
    public void retryForwardLater(Evaluation e, int attempts, Instant next) {
        synchronized (lock) {
            Rating r = ratings.get(key(e.caseId(), e.round()));
            if (r == null || r.forwardedAt() != null) {
                // as the conditional update of the DynamoDB store: forwarded meanwhile
                throw new IllegalStateException("rating " + e.id() + " was forwarded meanwhile");
            }
            ratings.put(key(e.caseId(), e.round()), new Rating(r.e(), next, null, attempts));
        }
    }

    @Override
    public int forwardAttempts(Evaluation e) {
        synchronized (lock) {
            Rating r = ratings.get(key(e.caseId(), e.round()));
            return r == null ? 0 : r.attempts();
        }
    }

    // ---- figures --------------------------------------------------------------------------------------------------

    @Override
    public List<Evaluation> ratedBetween(String centerId, Instant from, Instant to) {
        synchronized (lock) {
            return ratings.values().stream().map(Rating::e)
                    .filter(e -> centerId.equals(e.centerId()) && !e.ratedAt().isBefore(from) && e.ratedAt().isBefore(to))
                    .sorted(Comparator.comparing(Evaluation::ratedAt).thenComparing(Evaluation::id)).toList();
        }
    }

    @Override
    public Set<String> reRated(Collection<String> caseIds) {
        synchronized (lock) {
            Set<String> out = new HashSet<>();
            for (String id : caseIds) if (ratings.containsKey(key(id, 2))) out.add(id);
            return out;
        }
    }
}
