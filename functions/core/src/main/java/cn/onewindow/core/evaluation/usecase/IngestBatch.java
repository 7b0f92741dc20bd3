package cn.onewindow.core.evaluation.usecase;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.evaluation.RatingRequest;
import cn.onewindow.core.evaluation.Rectification;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.EvaluationRepository;
import cn.onewindow.core.ports.RatingRequestStore;
import cn.onewindow.core.ports.EvaluationRepository.RatingState;
import cn.onewindow.core.privacy.PrivacyKeys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evaluation worker ingests one chunk of an accepted batch ({@link AcceptBatch}): every record is judged by the
 * rules of a single rating ({@code CaseRatings}) against the uploader's scope; the good ones are stored with batched
 * writes, every bad one is recorded with its reason under its index.
 */
public final class IngestBatch {
    private final EvaluationRepository repo;
    private final PrivacyKeys keys;
    private final RatingRequestStore requests;

    /** @param requests the windows' rating requests (a PAD's token confirms the applicant); null: none */
    public IngestBatch(EvaluationRepository repo, PrivacyKeys keys, RatingRequestStore requests) {
        this.repo = repo;
        this.keys = keys;
        this.requests = requests;
    }

    public EvaluationBatch.ChunkResult ingest(EvaluationBatch.Chunk chunk) {
        List<RatingInput> parsed = new ArrayList<>(chunk.records().size());
        Set<String> caseIds = new LinkedHashSet<>();
        for (RatingRequest r : chunk.records()) {
            RatingInput p = RatingInput.parse(r, chunk.acceptedAt());
            parsed.add(p);
            if (p.errors.isEmpty()) caseIds.add(p.caseId);
        }
        Map<String, RatingState> states = new HashMap<>(repo.states(caseIds));
        // every record is judged against the uploader's whole scope, by the rule of a single rating (canRate)
        Caller scoped = chunk.submitter() != null && chunk.submitter().id().equals(chunk.submittedBy())
                ? chunk.submitter() : legacyScope(chunk);
        List<EvaluationBatch.RecordError> errors = new ArrayList<>();
        List<Evaluation> ratings = new ArrayList<>();
        List<Rectification> rects = new ArrayList<>();
        int duplicates = 0;
        for (int i = 0; i < parsed.size(); i++) {
            RatingInput p = parsed.get(i);
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
            NewRating d;
            try {
                d = NewRating.judge(st, p, keys, requests, chunk.submittedBy(), chunk.acceptedAt(), chunk.batchId());
            } catch (RuntimeException e) {
                // whatever one record holds, the others are kept and the batch reaches its final state
                errors.add(new EvaluationBatch.RecordError(index, p.caseId, "INVALID_RECORD", "记录无法处理",
                        "the record could not be processed"));
                continue;
            }
            if (d.error() != null) {
                errors.add(new EvaluationBatch.RecordError(index, p.caseId, d.error().code(), d.error().messageZh(),
                        d.error().messageEn()));
            } else if (d.duplicate() != null) {
                duplicates++;
            } else {
                ratings.add(d.rating());
                if (d.rectification() != null) rects.add(d.rectification());
                // a later record of the same case in this chunk sees this one
                states.put(p.caseId, d.rating().round() == 1
                        ? new RatingState(st.caseSnapshot(), d.rating(), st.second(), st.firstRectification(),
                        st.secondRectification())
                        : new RatingState(st.caseSnapshot(), st.first(), d.rating(), st.firstRectification(),
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
                RatingInput p = parsed.get(i);
                Evaluation mine = ratings.stream().filter(e -> taken.contains(e.id()) && e.caseId().equals(p.caseId)
                        && p.errors.isEmpty()).findFirst().orElse(null);
                if (mine == null) continue;
                RatingState st = now.get(p.caseId);
                NewRating d = st == null ? null : NewRating.judge(st, p, keys, requests, chunk.submittedBy(), chunk.acceptedAt(),
                        chunk.batchId());
                if (d != null && d.duplicate() != null) {
                    duplicates++;
                } else {
                    DomainException e = d != null && d.error() != null ? d.error() : DomainException.conflict(
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
        return center == null ? null : Caller.device(chunk.submittedBy(), center);
    }
}
