package cn.onewindow.core.service;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;
import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.Digests;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.RetryPolicy;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.deadline.Accountability;
import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.evaluation.EvaluationChannel;
import cn.onewindow.core.evaluation.Level;
import cn.onewindow.core.evaluation.RatingRequest;
import cn.onewindow.core.evaluation.Rectification;
import cn.onewindow.core.evaluation.RatingTokens;
import cn.onewindow.core.evaluation.WindowRatingRequest;
import cn.onewindow.core.ports.RatingRequestStore;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.ports.DeadlineTimer;
import cn.onewindow.core.ports.EvaluationBatchQueue;
import cn.onewindow.core.ports.EvaluationRepository;
import cn.onewindow.core.ports.EvaluationRepository.RatingState;
import cn.onewindow.core.ports.IdempotencyClaim;
import cn.onewindow.core.ports.Page;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * 好差评: single ratings, batch ingestion, the invitation to rate, and the rectification loop (整改) of bad ratings.
 * One rating per case and applicant; a retry of the same rating is answered with the first; a re-rating is allowed
 * once, after a rectification was fixed.
 */
public final class EvaluationService {
    /** Call-back (回访) due within this many working days of a valid judgement. */
    public static final int CALLBACK_WORKING_DAYS = 1;
    /** The fix is due within this many working days of a valid judgement (regional default). */
    public static final int FIX_WORKING_DAYS = 15;
    /** Records of one batch upload. */
    public static final int MAX_BATCH_RECORDS = 20_000;
    /** Records of one queue message, and its estimated size (SQS takes 256 KB). */
    static final int CHUNK_RECORDS = 1_000;
    static final int CHUNK_BYTES = 200_000;
    /**
     * A record's fields are cut to this many characters when it is queued: every field maximum is shorter, so the
     * ingestion still refuses the record (with its index and field) while the message stays far below 256 KB.
     */
    static final int QUEUED_FIELD_CHARS = 600;
    /** How far ahead of the platform clock a device's {@code ratedAt} may be, and how far back. */
    static final java.time.Duration RATED_AT_SKEW = java.time.Duration.ofMinutes(10);
    static final java.time.Duration RATED_AT_PAST = java.time.Duration.ofDays(366);

    private final EvaluationRepository repo;
    private final EvaluationBatchQueue queue;
    private final Deadlines deadlines;
    private final Clock clock;
    private final cn.onewindow.core.privacy.PrivacyKeys keys;
    private final RatingRequestStore ratingRequests;

    /** @param keys the pseudonym secret: applicant keys and request fingerprints are keyed HMACs */
    public EvaluationService(EvaluationRepository repo, EvaluationBatchQueue queue, Deadlines deadlines, Clock clock,
                             cn.onewindow.core.privacy.PrivacyKeys keys) {
        this(repo, queue, deadlines, clock, keys, null);
    }

    /**
     * @param ratingRequests the windows' rating requests: a rating sent with a request's token (from the PAD bound
     *                       to the window) confirms the applicant; null: only the last four characters do
     */
    public EvaluationService(EvaluationRepository repo, EvaluationBatchQueue queue, Deadlines deadlines, Clock clock,
                             cn.onewindow.core.privacy.PrivacyKeys keys, RatingRequestStore ratingRequests) {
        this.ratingRequests = ratingRequests;
        this.keys = keys;
        this.repo = repo;
        this.queue = queue;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** A rating as stored, and whether this answer repeats an earlier one. */
    public record Rated(Evaluation evaluation, boolean replayed) {
    }

    // ---- single ratings ----------------------------------------------------------------------------------------

    public Rated rate(Caller caller, RatingRequest req, String idempotencyKey) {
        AccessPolicy.requireRater(caller);
        Parsed p = parse(req, clock.instant());
        if (!p.errors.isEmpty()) throw DomainException.validation(p.errors);
        IdempotencyClaim claim = null;
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 128
                    || !idempotencyKey.chars().allMatch(ch -> ch > 32 && ch < 127)) {
                throw DomainException.validation(List.of(FieldError.of("Idempotency-Key", "INVALID_IDEMPOTENCY_KEY",
                        "幂等键应为1至128个可见ASCII字符", "Idempotency-Key must be 1–128 visible ASCII characters")));
            }
            // keyed: the body holds the last digits of the applicant's ID number
            List<String> hashes = keys.pseudonyms().candidates(cn.onewindow.core.privacy.Pseudonyms.REQUEST,
                    String.valueOf(req));
            claim = new IdempotencyClaim(caller.id() + "#rate##" + idempotencyKey, hashes.get(0),
                    hashes.subList(1, hashes.size()));
            Optional<String[]> prior = repo.idempotent(claim.scopeKey());
            if (prior.isPresent()) {
                if (!claim.sameRequestAs(prior.get()[1])) {
                    throw DomainException.unprocessable("IDEMPOTENCY_KEY_REUSED", "该幂等键已用于另一个不同的请求",
                            "this Idempotency-Key was already used for a different request");
                }
                String evalId = prior.get()[0];
                String caseId = evalId.substring(0, evalId.lastIndexOf("-E"));
                int round = Integer.parseInt(evalId.substring(evalId.lastIndexOf("-E") + 2));
                Evaluation e = repo.state(caseId).rating(round);
                if (e != null) return new Rated(e, true);
            }
        }
        IdempotencyClaim theClaim = claim;
        return RetryPolicy.standard().onConflict(() -> {
            RatingState st = repo.state(p.caseId);
            if (st == null || st.caseSnapshot() == null || !AccessPolicy.canRate(caller, st.caseSnapshot())) {
                throw AccessPolicy.caseNotFound(p.caseId);
            }
            Decision d = decide(st, p, caller.id(), clock.instant(), null);
            if (d.error != null) throw d.error;
            if (d.duplicate != null) return new Rated(d.duplicate, true);
            repo.create(d.rating, d.rectification, theClaim);
            return new Rated(d.rating, false);
        });
    }

    public Evaluation get(Caller caller, String caseId, int round) {
        RatingState st = repo.state(caseId);
        Evaluation e = st == null ? null : st.rating(round);
        if (e == null || !(AccessPolicy.canReadRectification(caller, e.departmentCode(), e.regionCode(),
                e.centerId(), e.servicePointId()) || (caller.role() == Role.TERMINAL && caller.id().equals(e.source())))) {
            throw DomainException.notFound("EVALUATION_NOT_FOUND", "评价不存在", "no such evaluation");
        }
        return e;
    }

    /** A rating request with its fields checked and converted. */
    private static final class Parsed {
        String caseId;
        Level level;
        EvaluationChannel channel;
        String confirmation;
        String windowId;
        String staffId;
        String comment;
        Instant ratedAt;
        final List<FieldError> errors = new ArrayList<>();
    }

    private static Parsed parse(RatingRequest r, Instant now) {
        Parsed p = new Parsed();
        Validator v = new Validator();
        if (r == null) {
            p.errors.add(FieldError.of("body", "REQUIRED", "请求体不能为空", "a JSON body is required"));
            return p;
        }
        v.notBlank(r.caseId(), "caseId").maxLength(r.caseId(), 64, "caseId");
        v.notBlank(r.level(), "level").notBlank(r.channel(), "channel");
        v.notBlank(r.applicantConfirmation(), "applicantConfirmation")
                .maxLength(r.applicantConfirmation(), 32, "applicantConfirmation");
        v.maxLength(r.windowId(), 64, "windowId").maxLength(r.staffId(), 64, "staffId")
                .maxLength(r.comment(), 500, "comment");
        p.level = enumOf(Level.class, r.level(), "level", v);
        p.channel = enumOf(EvaluationChannel.class, r.channel(), "channel", v);
        if (r.ratedAt() != null && !r.ratedAt().isBlank()) {
            try {
                p.ratedAt = Instant.parse(r.ratedAt());
                // a device's clock may run a little ahead; a rating is given after the case, within a year
                if (p.ratedAt.isAfter(now.plus(RATED_AT_SKEW)) || p.ratedAt.isBefore(now.minus(RATED_AT_PAST))) {
                    v.require(false, "ratedAt", "OUT_OF_RANGE", "评价时间应在近一年内且不晚于当前时间",
                            "ratedAt lies within the last year and not in the future");
                    p.ratedAt = null;
                }
            } catch (DateTimeParseException e) {
                v.require(false, "ratedAt", "INVALID_INSTANT", "时间格式应为 ISO-8601，如 2025-05-06T02:00:00Z",
                        "use an ISO-8601 instant like 2025-05-06T02:00:00Z");
            }
        }
        p.caseId = r.caseId();
        p.confirmation = r.applicantConfirmation();
        p.windowId = blankToNull(r.windowId());
        p.staffId = blankToNull(r.staffId());
        p.comment = blankToNull(r.comment());
        p.errors.addAll(v.errors());
        return p;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, Validator v) {
        if (value == null || value.isBlank()) return null;
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) allowed.append(allowed.isEmpty() ? "" : ", ").append(c.name());
            v.require(false, field, "INVALID_VALUE", "取值应为 " + allowed, "must be one of " + allowed);
            return null;
        }
    }

    /** What to do with one rating against the stored state of its case. */
    private record Decision(Evaluation rating, Rectification rectification, Evaluation duplicate,
                            DomainException error) {
    }

    private Decision decide(RatingState st, Parsed p, String source, Instant receivedAt, String batchId) {
        ServiceCase.Snapshot c = st.caseSnapshot();
        if (c.resultIssuedAt() == null && c.deliveredAt() == null && c.status() != CaseStatus.RESULT_READY
                && c.status() != CaseStatus.DELIVERED) {
            return error(DomainException.illegalState("CASE_NOT_RATEABLE", "办件尚未出件或送达，暂不能评价",
                    "a case can be rated once its result was issued or delivered"));
        }
        WindowRatingRequest asked = null;
        if (!confirms(c, p.confirmation)) {
            // the PAD of the window that asked for the rating sends the request's token instead
            asked = ratingRequests == null ? null : ratingRequests.request(c.id())
                    .filter(r -> RatingTokens.matches(keys, r, p.confirmation)).orElse(null);
        }
        if (asked == null && !confirms(c, p.confirmation)) {
            return error(DomainException.unprocessable("APPLICANT_NOT_CONFIRMED", "申请人确认信息不符（证件号或手机号后四位）",
                    "the applicant confirmation does not match the case's applicant (last 4 of ID number or phone)"));
        }
        // a retry of a stored rating (of either round) is not a second vote
        for (Evaluation e : new Evaluation[]{st.first(), st.second()}) {
            if (e != null && e.sameRatingAs(p.level, p.channel, p.comment)) return new Decision(null, null, e, null);
        }
        int round;
        if (st.first() == null) {
            round = 1;
        } else if (st.second() != null) {
            return error(DomainException.conflict("RERATING_ALREADY_USED", "该办件已重新评价过一次，不能再次评价",
                    "this case was already re-rated once after its rectification"));
        } else if (st.firstRectification() != null
                && st.firstRectification().status() == Rectification.Status.FIXED) {
            round = 2;
        } else {
            return error(DomainException.conflict("ALREADY_RATED", "该办件已评价，同一申请人只能评价一次（整改完成后可重新评价一次）",
                    "this case was already rated by its applicant; a re-rating is allowed once after a rectification"));
        }
        Instant ratedAt = p.ratedAt != null ? p.ratedAt : receivedAt;
        var a = c.applicant();
        Evaluation e = new Evaluation(Evaluation.idFor(c.id(), round), c.id(), round, p.level, p.channel, p.comment,
                c.itemCode(), c.itemVersion(), c.itemName(), c.departmentCode(), c.regionCode(), c.centerId(),
                c.servicePointId(), p.windowId != null ? p.windowId : asked == null ? null : asked.windowId(),
                p.staffId != null ? p.staffId : asked == null ? null : asked.staffId(), c.status().name(),
                a == null ? null : a.type(),
                a == null ? null : a.idType(),
                a == null ? null : keys.pseudonyms().applicantKey(a.idType(), a.idNumber()), ratedAt, receivedAt,
                source, batchId, c.queueNumber());
        return new Decision(e, p.level.bad() ? Rectification.open(e, receivedAt) : null, null, null);
    }

    private static Decision error(DomainException e) {
        return new Decision(null, null, null, e);
    }

    /** The applicant confirms with the last 4 characters of their identity number or of their phone. */
    static boolean confirms(ServiceCase.Snapshot c, String confirmation) {
        if (c.applicant() == null || confirmation == null) return false;
        String x = confirmation.trim().toUpperCase(java.util.Locale.ROOT);
        if (x.length() != 4) return false;
        String id = c.applicant().idNumber();
        String phone = c.applicant().phone();
        return (id != null && id.toUpperCase(java.util.Locale.ROOT).endsWith(x)) || (phone != null && phone.endsWith(x));
    }

    // ---- batches -----------------------------------------------------------------------------------------------

    /** Accepts a batch (202): stores its header and enqueues its records in chunks that each fit one message. */
    public EvaluationBatch acceptBatch(Caller caller, List<RatingRequest> records, String idempotencyKey) {
        AccessPolicy.requireRater(caller);
        if (records == null || records.isEmpty() || records.size() > MAX_BATCH_RECORDS) {
            throw DomainException.validation(List.of(FieldError.of("records", "OUT_OF_RANGE",
                    "批量评价应包含1至" + MAX_BATCH_RECORDS + "条记录",
                    "a batch holds 1 to " + MAX_BATCH_RECORDS + " records")));
        }
        String id;
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 128
                    || !idempotencyKey.chars().allMatch(ch -> ch > 32 && ch < 127)) {
                throw DomainException.validation(List.of(FieldError.of("Idempotency-Key", "INVALID_IDEMPOTENCY_KEY",
                        "幂等键应为1至128个可见ASCII字符", "Idempotency-Key must be 1–128 visible ASCII characters")));
            }
            id = "B" + Digests.sha256Hex(caller.id() + "#" + idempotencyKey).substring(0, 24);
        } else {
            id = "B" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        }
        Optional<EvaluationBatch> existing = repo.batch(id);
        Instant now = existing.map(EvaluationBatch::acceptedAt).orElse(clock.instant());
        List<EvaluationBatch.Chunk> chunks = chunk(id, scopeOf(caller), now, records);
        if (existing.isPresent() && existing.get().records() != records.size()) {
            throw DomainException.unprocessable("IDEMPOTENCY_KEY_REUSED", "该幂等键已用于另一个不同的批次",
                    "this Idempotency-Key was already used for a different batch");
        }
        EvaluationBatch b = existing.orElseGet(() -> new EvaluationBatch(id, caller.id(), caller.centerId(), now,
                records.size(), chunks.size()));
        if (existing.isEmpty()) repo.createBatch(b);
        // a retry with the same key sends the chunks again: ingestion is idempotent, so nothing doubles
        queue.send(chunks);
        return b;
    }

    /** The caller's whole scope as a chunk carries it: everything but its display name. */
    static Caller scopeOf(Caller c) {
        return new Caller(c.id(), c.role(), null, c.centerId(), c.cityCode(), c.servicePointId(), c.departmentCode());
    }

    static List<EvaluationBatch.Chunk> chunk(String batchId, Caller submitter, Instant at, List<RatingRequest> all) {
        String submittedBy = submitter.id();
        List<EvaluationBatch.Chunk> out = new ArrayList<>();
        List<RatingRequest> cur = new ArrayList<>();
        int bytes = 0;
        int offset = 0;
        for (int i = 0; i < all.size(); i++) {
            RatingRequest r = all.get(i);
            int size = estimate(r);
            if (!cur.isEmpty() && (cur.size() >= CHUNK_RECORDS || bytes + size > CHUNK_BYTES)) {
                out.add(new EvaluationBatch.Chunk(batchId, out.size() + 1, offset, submittedBy, at, cur, submitter));
                offset = i;
                cur = new ArrayList<>();
                bytes = 0;
            }
            cur.add(r == null ? new RatingRequest(null, null, null, null, null, null, null, null) : bounded(r));
            bytes += size;
        }
        out.add(new EvaluationBatch.Chunk(batchId, out.size() + 1, offset, submittedBy, at, cur, submitter));
        return out;
    }

    /** The record with each field cut to {@link #QUEUED_FIELD_CHARS} (still over every field's maximum). */
    private static RatingRequest bounded(RatingRequest r) {
        return new RatingRequest(cut(r.caseId()), cut(r.level()), cut(r.channel()), cut(r.applicantConfirmation()),
                cut(r.windowId()), cut(r.staffId()), cut(r.comment()), cut(r.ratedAt()));
    }

    private static String cut(String s) {
        if (s == null || s.length() <= QUEUED_FIELD_CHARS) return s;
        int end = Character.isHighSurrogate(s.charAt(QUEUED_FIELD_CHARS - 1)) ? QUEUED_FIELD_CHARS - 1 : QUEUED_FIELD_CHARS;
        return s.substring(0, end);
    }

    /** An upper bound of a record's JSON size: field names and quotes, every character as a 6-byte escape. */
    private static int estimate(RatingRequest r) {
        if (r == null) return 150;
        int chars = 0;
        for (String s : new String[]{r.caseId(), r.level(), r.channel(), r.applicantConfirmation(), r.windowId(),
                r.staffId(), r.comment(), r.ratedAt()}) {
            chars += s == null ? 4 : Math.min(s.length(), QUEUED_FIELD_CHARS);
        }
        return 150 + 6 * chars;
    }

    /**
     * Ingests one chunk: each record is validated against its case; the good ones are written with batched writes,
     * every bad one is recorded with its reason under its index. A redelivered chunk finds its ratings stored and
     * writes nothing twice; its result (stored + duplicates, errors) is the same.
     */
    public EvaluationBatch.ChunkResult ingest(EvaluationBatch.Chunk chunk) {
        List<Parsed> parsed = new ArrayList<>(chunk.records().size());
        Set<String> caseIds = new LinkedHashSet<>();
        for (RatingRequest r : chunk.records()) {
            Parsed p = parse(r, chunk.acceptedAt());
            parsed.add(p);
            if (p.errors.isEmpty()) caseIds.add(p.caseId);
        }
        Map<String, RatingState> states = new HashMap<>(repo.states(caseIds));
        Caller device = new Caller(chunk.submittedBy(), Role.TERMINAL, null, null, null, null, null);
        // every record is judged against the uploader's whole scope, by the rule of a single rating (canRate)
        Caller scoped = chunk.submitter() != null && chunk.submitter().id().equals(chunk.submittedBy())
                ? chunk.submitter() : legacyScope(chunk);
        List<EvaluationBatch.RecordError> errors = new ArrayList<>();
        List<Evaluation> ratings = new ArrayList<>();
        List<Rectification> rects = new ArrayList<>();
        int duplicates = 0;
        for (int i = 0; i < parsed.size(); i++) {
            Parsed p = parsed.get(i);
            int index = chunk.offset() + i;
            if (!p.errors.isEmpty()) {
                FieldError f = p.errors.get(0);
                errors.add(new EvaluationBatch.RecordError(index, p.caseId, "VALIDATION_FAILED",
                        f.field() + ": " + f.messageZh(), f.field() + ": " + f.messageEn()));
                continue;
            }
            RatingState st = states.get(p.caseId);
            if (scoped == null || st == null || st.caseSnapshot() == null
                    || !AccessPolicy.canRate(scoped, st.caseSnapshot())) {
                // the single route's answer (404 CASE_NOT_FOUND): out of scope and absent look the same
                errors.add(new EvaluationBatch.RecordError(index, p.caseId, "CASE_NOT_FOUND", "办件不存在",
                        "no case " + p.caseId));
                continue;
            }
            Decision d;
            try {
                d = decide(st, p, device.id(), chunk.acceptedAt(), chunk.batchId());
            } catch (RuntimeException e) {
                // whatever one record holds, the others are kept and the batch reaches its final state
                errors.add(new EvaluationBatch.RecordError(index, p.caseId, "INVALID_RECORD", "记录无法处理",
                        "the record could not be processed"));
                continue;
            }
            if (d.error != null) {
                errors.add(new EvaluationBatch.RecordError(index, p.caseId, d.error.code(), d.error.messageZh(),
                        d.error.messageEn()));
            } else if (d.duplicate != null) {
                duplicates++;
            } else {
                ratings.add(d.rating);
                if (d.rectification != null) rects.add(d.rectification);
                // a later record of the same case in this chunk sees this one
                states.put(p.caseId, d.rating.round() == 1
                        ? new RatingState(st.caseSnapshot(), d.rating, st.second(), st.firstRectification(),
                        st.secondRectification())
                        : new RatingState(st.caseSnapshot(), st.first(), d.rating, st.firstRectification(),
                        st.secondRectification()));
            }
        }
        if (!rects.isEmpty()) {
            // left by an earlier delivery that stopped between the rectification and its rating: never overwritten
            Set<String> existing = repo.existingRectifications(rects.stream().map(Rectification::id).toList());
            rects = rects.stream().filter(r -> !existing.contains(r.id())).toList();
        }
        Set<String> taken = repo.putAll(ratings, rects);
        int stored = ratings.size() - taken.size();
        if (!taken.isEmpty()) {
            // rated at the same moment by another writer (a single rating, another chunk): judged again on what is
            // stored now — the same rating is a duplicate, a different one is refused like any second rating
            Map<String, RatingState> now = repo.states(ratings.stream().filter(e -> taken.contains(e.id()))
                    .map(Evaluation::caseId).toList());
            for (int i = 0; i < parsed.size(); i++) {
                Parsed p = parsed.get(i);
                Evaluation mine = ratings.stream().filter(e -> taken.contains(e.id()) && e.caseId().equals(p.caseId)
                        && p.errors.isEmpty()).findFirst().orElse(null);
                if (mine == null) continue;
                RatingState st = now.get(p.caseId);
                Decision d = st == null ? null : decide(st, p, device.id(), chunk.acceptedAt(), chunk.batchId());
                if (d != null && d.duplicate != null) {
                    duplicates++;
                } else {
                    DomainException e = d != null && d.error != null ? d.error : DomainException.conflict(
                            "ALREADY_RATED", "该办件已评价", "this case was already rated");
                    errors.add(new EvaluationBatch.RecordError(chunk.offset() + i, p.caseId, e.code(), e.messageZh(),
                            e.messageEn()));
                }
                taken.remove(mine.id());
            }
            errors.sort(java.util.Comparator.comparingInt(EvaluationBatch.RecordError::index));
        }
        EvaluationBatch.ChunkResult result = new EvaluationBatch.ChunkResult(chunk.chunk(), stored,
                duplicates, errors);
        repo.recordChunk(chunk.batchId(), result);
        return result;
    }

    /**
     * A chunk queued without its submitter's scope: its batch's center bounds it; with no center either, nothing in
     * it may be stored (null: every record refused), never "any case".
     */
    private Caller legacyScope(EvaluationBatch.Chunk chunk) {
        String center = repo.batch(chunk.batchId()).map(EvaluationBatch::centerId).orElse(null);
        return center == null ? null : new Caller(chunk.submittedBy(), Role.TERMINAL, null, center, null, null, null);
    }

    public EvaluationBatch.Status batchStatus(Caller caller, String batchId, int limit, String cursor) {
        EvaluationBatch b = repo.batch(batchId).filter(x -> AccessPolicy.canReadBatch(caller, x.submittedBy()))
                .orElseThrow(() -> DomainException.notFound("BATCH_NOT_FOUND", "批次不存在", "no batch " + batchId));
        return repo.batchStatus(b, limit, cursor);
    }

    // ---- rectifications ----------------------------------------------------------------------------------------

    public Rectification rectification(Caller caller, String id) {
        String caseId = Rectification.caseIdOf(id);
        int round = Rectification.roundOf(id);
        Rectification r = caseId == null || round < 1 ? null : repo.rectification(caseId, round).orElse(null);
        if (r == null || !AccessPolicy.canReadRectification(caller, r.departmentCode(), regionOf(caller, r),
                r.centerId(), r.servicePointId())) {
            throw DomainException.notFound("RECTIFICATION_NOT_FOUND", "整改记录不存在", "no rectification " + id);
        }
        return r;
    }

    public Page<Rectification> rectifications(Caller caller, String scope, String scopeId, boolean open, int limit,
                                              String cursor) {
        if (!AccessPolicy.canListRectifications(caller, scope, scopeId)) {
            throw DomainException.forbidden("FORBIDDEN", "无权查看该范围的整改记录",
                    "your role may not list the rectifications of this " + scope);
        }
        Page<Rectification> page = repo.rectifications(scope, scopeId, open, limit, cursor);
        if (caller.role() != Role.DEPARTMENT) return page;
        // a department code exists in every city: keep only the rectifications of the caller's city (a page may
        // then hold fewer than limit; the cursor still goes on)
        Map<String, RatingState> states = repo.states(page.items().stream().map(Rectification::caseId)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        return new Page<>(page.items().stream().filter(r -> {
            RatingState st = states.get(r.caseId());
            return st != null && st.caseSnapshot() != null
                    && AccessPolicy.inCity(caller, st.caseSnapshot().regionCode());
        }).toList(), page.nextCursor());
    }

    /** The city of a rectification's case, read only for the callers whose scope depends on it (departments). */
    private String regionOf(Caller caller, Rectification r) {
        if (caller.role() != Role.DEPARTMENT) return null;
        RatingState st = repo.state(r.caseId());
        return st == null || st.caseSnapshot() == null ? null : st.caseSnapshot().regionCode();
    }

    /** 研判: valid (needs call-back and fix, deadlines start) or not (closed), with a reason. */
    public Rectification judge(Caller caller, String id, Boolean valid, String reason) {
        new Validator().notNull(valid, "valid").notBlank(reason, "reason").maxLength(reason, 500, "reason")
                .throwIfInvalid();
        return change(caller, id, r -> {
            if (r.status() != Rectification.Status.AWAITING_JUDGEMENT) {
                if (r.valid() != null && r.valid().equals(valid) && reason.equals(r.judgement())) return null;
                throw DomainException.conflict("RECTIFICATION_ALREADY_JUDGED", "该差评已研判", "already judged");
            }
            Instant now = clock.instant();
            Rectification.Step step = step(now, valid ? "JUDGED_VALID" : "JUDGED_INVALID", caller, reason);
            if (!valid) {
                return r.with(b -> {
                    b.status = Rectification.Status.DISMISSED; b.valid = false; b.judgement = reason;
                    b.judgedBy = caller.id(); b.judgedAt = now; b.closedAt = now;
                }, step);
            }
            DeadlineCalculator calc = deadlines.calculatorFor(r.centerId());
            Instant callback = calc.dueAfterWorkingDays(now, CALLBACK_WORKING_DAYS).dueAt();
            Instant fix = calc.dueAfterWorkingDays(now, FIX_WORKING_DAYS).dueAt();
            return r.with(b -> {
                b.status = Rectification.Status.IN_RECTIFICATION; b.valid = true; b.judgement = reason;
                b.judgedBy = caller.id(); b.judgedAt = now; b.callbackDueAt = callback; b.fixDueAt = fix;
            }, step);
        });
    }

    /** 回访: the applicant was called back. */
    public Rectification callback(Caller caller, String id, String note) {
        new Validator().notBlank(note, "note").maxLength(note, 500, "note").throwIfInvalid();
        return change(caller, id, r -> {
            requireInRectification(r);
            if (r.calledBackAt() != null) {
                if (note.equals(r.callbackNote())) return null;
                throw DomainException.conflict("CALLBACK_ALREADY_RECORDED", "已记录回访", "the call-back was recorded");
            }
            Instant now = clock.instant();
            return r.with(b -> { b.calledBackAt = now; b.callbackNote = note; },
                    step(now, "CALLED_BACK", caller, note));
        });
    }

    /** Extends the fix once, by at most the regional limit, with a reason. */
    public Rectification extend(Caller caller, String id, int days, String reason) {
        new Validator().range(days, 1, FIX_WORKING_DAYS, "days").notBlank(reason, "reason")
                .maxLength(reason, 500, "reason").throwIfInvalid();
        return change(caller, id, r -> {
            requireInRectification(r);
            if (r.extensionDays() != null) {
                if (r.extensionDays() == days && reason.equals(r.extensionReason())) return null;
                throw DomainException.conflict("RECTIFICATION_EXTENSION_USED", "整改期限只能延长一次",
                        "the fix deadline can be extended once only");
            }
            Instant now = clock.instant();
            DeadlineCalculator calc = deadlines.calculatorFor(r.centerId());
            Instant due = calc.extend(r.fixDueAt(), days).dueAt();
            // the warning re-arms when the new warning point lies ahead: it fires again before the new due
            boolean rearm = calc.warningPoint(r.judgedAt() != null ? r.judgedAt() : due, due, 1).isAfter(now);
            return r.with(b -> {
                b.extensionDays = days; b.extensionReason = reason; b.fixDueAt = due;
                if (rearm) b.fixWarnedAt = null;
            }, step(now, "EXTENDED", caller, days + " working days: " + reason));
        });
    }

    /** 整改完成: closes the rectification; the applicant may now re-rate once. A call-back must come first. */
    public Rectification fix(Caller caller, String id, String note) {
        new Validator().notBlank(note, "note").maxLength(note, 1000, "note").throwIfInvalid();
        return change(caller, id, r -> {
            if (r.status() == Rectification.Status.FIXED && note.equals(r.fixNote())) return null;
            requireInRectification(r);
            if (r.calledBackAt() == null) {
                throw DomainException.illegalState("CALLBACK_REQUIRED", "请先回访申请人，再完成整改",
                        "call the applicant back before closing the rectification");
            }
            Instant now = clock.instant();
            return r.with(b -> {
                b.status = Rectification.Status.FIXED; b.fixedAt = now; b.fixNote = note; b.closedAt = now;
            }, step(now, "FIXED", caller, note));
        });
    }

    private static void requireInRectification(Rectification r) {
        if (r.status() != Rectification.Status.IN_RECTIFICATION) {
            throw DomainException.illegalState("RECTIFICATION_NOT_IN_PROGRESS",
                    "整改记录当前状态不允许此操作", "the rectification is " + r.status());
        }
    }

    private static Rectification.Step step(Instant at, String event, Caller caller, String note) {
        return new Rectification.Step(at, event, caller.role().name(), caller.id(), note);
    }

    /** Applies a change guarded by the version; null from {@code f} means "already done" (idempotent retry). */
    private Rectification change(Caller caller, String id, java.util.function.Function<Rectification, Rectification> f) {
        return RetryPolicy.standard().onConflict(() -> {
            Rectification r = rectification(caller, id);
            if (!AccessPolicy.canHandleRectification(caller, r.departmentCode(), regionOf(caller, r))) {
                throw DomainException.forbidden("FORBIDDEN", "只有监察人员或被评价部门可以处理整改",
                        "only a supervisor or the rated department may handle a rectification");
            }
            Rectification next = f.apply(r);
            if (next == null) return r;
            return repo.saveRectification(next, timersFor(next), List.of(), List.of());
        });
    }

    /** The deadline timers a rectification needs: call-back due, fix warning and fix due, until each happened. */
    List<DeadlineTimer> timersFor(Rectification r) {
        List<DeadlineTimer> t = new ArrayList<>(3);
        if (r.status() != Rectification.Status.IN_RECTIFICATION) return t;
        Instant now = clock.instant();
        if (r.calledBackAt() == null && r.callbackOverdueAt() == null) {
            t.add(new DeadlineTimer(r.caseId(), DeadlineTimer.Kind.RECT_CALLBACK_DUE,
                    Deadlines.notBefore(r.callbackDueAt(), now)));
        }
        if (r.fixWarnedAt() == null && r.fixOverdueAt() == null) {
            Instant warn = fixWarningPoint(r, deadlines.calculatorFor(r.centerId()));
            t.add(new DeadlineTimer(r.caseId(), DeadlineTimer.Kind.RECT_FIX_WARNING, Deadlines.notBefore(warn, now)));
        }
        if (r.fixOverdueAt() == null) {
            t.add(new DeadlineTimer(r.caseId(), DeadlineTimer.Kind.RECT_FIX_DUE, Deadlines.notBefore(r.fixDueAt(), now)));
        }
        return t;
    }

    /** The fix's warning point: 1 working day before its due, counted from the judgement (its clock's start). */
    private static Instant fixWarningPoint(Rectification r, DeadlineCalculator calc) {
        return calc.warningPoint(r.judgedAt() != null ? r.judgedAt() : r.fixDueAt(), r.fixDueAt(), 1);
    }

    // ---- timers fired by the deadline checker ------------------------------------------------------------------

    public enum TimerOutcome { WARNED, OVERDUE, INVITED, NOTHING }

    public TimerOutcome handleTimer(DeadlineTimer timer, Instant now) {
        if (timer.kind() == DeadlineTimer.Kind.INVITE) return invite(timer.caseId(), now);
        return RetryPolicy.standard().onConflict(() -> {
            RatingState st = repo.state(timer.caseId());
            if (st == null) return TimerOutcome.NOTHING;
            Rectification r = st.secondRectification() != null && st.secondRectification().status().open()
                    ? st.secondRectification() : st.firstRectification();
            if (r == null || r.status() != Rectification.Status.IN_RECTIFICATION) return TimerOutcome.NOTHING;
            DeadlineCalculator calc = deadlines.calculatorFor(r.centerId());
            Rectification next = null;
            TimerOutcome outcome = TimerOutcome.NOTHING;
            List<Accountability> acc = new ArrayList<>();
            List<Notification> notes = new ArrayList<>();
            Rectification.Step system = null;
            if (r.calledBackAt() == null && r.callbackOverdueAt() == null && !now.isBefore(r.callbackDueAt())) {
                long late = calc.workingMinutesLate(r.callbackDueAt(), now);
                next = r.with(b -> b.callbackOverdueAt = now, new Rectification.Step(now, "CALLBACK_OVERDUE",
                        "SYSTEM", DeadlineChecker.NAME, late + " working minutes late"));
                acc.add(new Accountability(r.caseId(), "RECT#" + r.round() + "#CALLBACK", r.departmentCode(),
                        r.centerId(), r.judgedBy(), r.callbackDueAt(), now, late));
                notes.add(note(r, Notification.Kind.RECTIFICATION_OVERDUE, "回访已超期", now));
                outcome = TimerOutcome.OVERDUE;
            }
            Rectification base = next != null ? next : r;
            if (base.fixOverdueAt() == null && !now.isBefore(base.fixDueAt())) {
                long late = calc.workingMinutesLate(base.fixDueAt(), now);
                next = base.with(b -> { b.fixOverdueAt = now; b.fixOverdueWorkingMinutes = late; b.fixWarnedAt =
                        b.fixWarnedAt == null ? now : b.fixWarnedAt; },
                        new Rectification.Step(now, "FIX_OVERDUE", "SYSTEM", DeadlineChecker.NAME,
                                late + " working minutes late"));
                acc.add(new Accountability(r.caseId(), "RECT#" + r.round() + "#FIX", r.departmentCode(),
                        r.centerId(), r.judgedBy(), base.fixDueAt(), now, late));
                notes.add(note(r, Notification.Kind.RECTIFICATION_OVERDUE, "整改已超期（红牌）", now));
                outcome = TimerOutcome.OVERDUE;
            } else if (base.fixWarnedAt() == null && base.fixOverdueAt() == null
                    && !now.isBefore(fixWarningPoint(base, calc))) {
                next = base.with(b -> b.fixWarnedAt = now, new Rectification.Step(now, "FIX_WARNING", "SYSTEM",
                        DeadlineChecker.NAME, "due " + base.fixDueAt()));
                notes.add(note(r, Notification.Kind.RECTIFICATION_WARNING, "整改即将到期（预警）", now));
                if (outcome == TimerOutcome.NOTHING) outcome = TimerOutcome.WARNED;
            }
            if (next == null) return TimerOutcome.NOTHING;
            repo.saveRectification(next, timersFor(next), acc, notes);
            return outcome;
        });
    }

    private static Notification note(Rectification r, Notification.Kind kind, String what, Instant now) {
        String text = "【整改督办】办件" + r.caseId() + "的差评整改" + what + "。";
        return new Notification(r.id() + "-" + kind + "-" + now.toEpochMilli(), r.caseId(), kind,
                Notification.Recipient.DEPARTMENT, r.departmentCode(), null, text, now);
    }

    private TimerOutcome invite(String caseId, Instant now) {
        RatingState st = repo.state(caseId);
        if (st == null || st.caseSnapshot() == null || st.first() != null) return TimerOutcome.NOTHING;
        ServiceCase.Snapshot c = st.caseSnapshot();
        String phone = c.applicant() == null ? null : c.applicant().phone();
        Notification n = new Notification(caseId + "-INVITE", caseId, Notification.Kind.EVALUATION_INVITATION,
                Notification.Recipient.APPLICANT, null, phone, "【好差评】您办理的" + c.itemName() + "（办件" + caseId
                + "）已办结，欢迎对本次服务进行评价：非常满意、满意、基本满意、不满意、非常不满意。", now);
        return repo.invite(caseId, n) ? TimerOutcome.INVITED : TimerOutcome.NOTHING;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
