package cn.onewindow.core.evaluation.usecase;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.common.Digests;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.evaluation.RatingRequest;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.EvaluationBatchQueue;
import cn.onewindow.core.ports.EvaluationRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A device uploads a day's ratings: accepted at once (202), its header stored and its records queued in chunks that
 * each fit one message; {@link IngestBatch} stores them. A retry with the same Idempotency-Key queues the chunks
 * again (ingestion is idempotent, so nothing doubles).
 */
public final class AcceptBatch {
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

    private final EvaluationRepository repo;
    private final EvaluationBatchQueue queue;
    private final Clock clock;

    public AcceptBatch(EvaluationRepository repo, EvaluationBatchQueue queue, Clock clock) {
        this.repo = repo;
        this.queue = queue;
        this.clock = clock;
    }

    public EvaluationBatch accept(Caller caller, List<RatingRequest> records, String idempotencyKey) {
        AccessPolicy.requireRater(caller);
        if (records == null || records.isEmpty() || records.size() > MAX_BATCH_RECORDS) {
            throw DomainException.validation(List.of(FieldError.of("records", "OUT_OF_RANGE",
                    "批量评价应包含1至" + MAX_BATCH_RECORDS + "条记录",
                    "a batch holds 1 to " + MAX_BATCH_RECORDS + " records")));
        }
        String id;
        if (idempotencyKey != null) {
            RateCase.requireValidKey(idempotencyKey);
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
}
