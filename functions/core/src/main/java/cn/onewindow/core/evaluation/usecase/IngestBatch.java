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
        // every record is judged against the uploader's whole scope, by the rule of a single rating (canRate)
        Caller scoped = chunk.submitter() != null && chunk.submitter().id().equals(chunk.submittedBy())
                ? chunk.submitter() : legacyScope(chunk);
        Outcome[] outcomes = new Outcome[parsed.size()];
        for (int i = 0; i < parsed.size(); i++) {
            RatingInput p = parsed.get(i);
            if (p.errors.isEmpty()) continue;
            FieldError f = p.errors.get(0);
            outcomes[i] = Outcome.error(chunk.offset() + i, p.caseId, "VALIDATION_FAILED",
                    f.field() + ": " + f.messageZh(), f.field() + ": " + f.messageEn());
        }
        // first pass: only the cases are read, judged as not rated yet; a stored rating fails its conditional write
        Map<String, RatingState> states = new HashMap<>();
        repo.caseSnapshots(caseIds).forEach((id, c) -> states.put(id, new RatingState(c, null, null, null, null)));
        Set<String> open = caseIds;
        for (int pass = 1; !open.isEmpty(); pass++) {
            Map<String, Integer> recordOf = judge(chunk, parsed, open, states, scoped, outcomes);
            Set<String> retaken = write(outcomes, recordOf);
            if (retaken.isEmpty()) break;
            // the cases whose rating was taken (rated before, or by another writer at the same moment): every record
            // of them judged again on all that is stored now — a repeat is a duplicate, a re-rating after a fixed
            // rectification is written, a different vote is refused like any second rating
            states.clear();
            states.putAll(repo.states(retaken));
            open = retaken;
            if (pass == LAST_WRITING_PASS) {
                refuseTaken(chunk, parsed, open, states, scoped, outcomes);
                break;
            }
        }
        int stored = 0;
        int duplicates = 0;
        List<EvaluationBatch.RecordError> errors = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.rating != null) stored++;
            else if (o.duplicate) duplicates++;
            else errors.add(o.error);
        }
        EvaluationBatch.ChunkResult result = new EvaluationBatch.ChunkResult(chunk.chunk(), stored, duplicates, errors);
        repo.recordChunk(chunk.batchId(), result);
        return result;
    }

    /** Passes that may write: the first (cases only read) and one on the full stored state. */
    private static final int LAST_WRITING_PASS = 2;

    /** What became of one record: a rating to store (stored once written), a duplicate, or its error. */
    private record Outcome(Evaluation rating, Rectification rectification, boolean duplicate,
                           EvaluationBatch.RecordError error) {
        static Outcome error(int index, String caseId, String code, String zh, String en) {
            return new Outcome(null, null, false, new EvaluationBatch.RecordError(index, caseId, code, zh, en));
        }

        static Outcome error(int index, String caseId, DomainException e) {
            return error(index, caseId, e.code(), e.messageZh(), e.messageEn());
        }
    }

    /**
     * Judges, in record order, every record of the {@code open} cases against {@code states} (a later record of a
     * case sees the rating an earlier one of this chunk makes); returns the record index of each rating to write.
     */
    private Map<String, Integer> judge(EvaluationBatch.Chunk chunk, List<RatingInput> parsed, Set<String> open,
                                       Map<String, RatingState> states, Caller scoped, Outcome[] outcomes) {
        Map<String, Integer> recordOf = new HashMap<>();
        for (int i = 0; i < parsed.size(); i++) {
            RatingInput p = parsed.get(i);
            int index = chunk.offset() + i;
            if (!p.errors.isEmpty() || !open.contains(p.caseId)) continue;
            RatingState st = states.get(p.caseId);
            if (scoped == null || st == null || st.caseSnapshot() == null
                    || !AccessPolicy.canRate(scoped, st.caseSnapshot())) {
                // the single route's answer (404 CASE_NOT_FOUND): out of scope and absent look the same
                outcomes[i] = Outcome.error(index, p.caseId, "CASE_NOT_FOUND", "办件不存在", "no case " + p.caseId);
                continue;
            }
            NewRating d;
            try {
                d = NewRating.judge(st, p, keys, requests, chunk.submittedBy(), chunk.acceptedAt(), chunk.batchId());
            } catch (RuntimeException e) {
                // whatever one record holds, the others are kept and the batch reaches its final state
                outcomes[i] = Outcome.error(index, p.caseId, "INVALID_RECORD", "记录无法处理",
                        "the record could not be processed");
                continue;
            }
            if (d.error() != null) {
                outcomes[i] = Outcome.error(index, p.caseId, d.error());
            } else if (d.duplicate() != null) {
                outcomes[i] = new Outcome(null, null, true, null);
            } else {
                outcomes[i] = new Outcome(d.rating(), d.rectification(), false, null);
                recordOf.put(d.rating().id(), i);
                states.put(p.caseId, d.rating().round() == 1
                        ? new RatingState(st.caseSnapshot(), d.rating(), st.second(), st.firstRectification(),
                        st.secondRectification())
                        : new RatingState(st.caseSnapshot(), st.first(), d.rating(), st.firstRectification(),
                        st.secondRectification()));
            }
        }
        return recordOf;
    }

    /** Writes the ratings judged in this pass; returns the cases whose rating was taken (nothing of it written). */
    private Set<String> write(Outcome[] outcomes, Map<String, Integer> recordOf) {
        List<Evaluation> ratings = new ArrayList<>();
        List<Rectification> rects = new ArrayList<>();
        for (int i : recordOf.values().stream().sorted().toList()) {
            ratings.add(outcomes[i].rating);
            if (outcomes[i].rectification != null) rects.add(outcomes[i].rectification);
        }
        if (!rects.isEmpty()) {
            // left by an earlier delivery that stopped between the rectification and its rating: never overwritten
            Set<String> existing = repo.existingRectifications(rects.stream().map(Rectification::id).toList());
            rects = rects.stream().filter(r -> !existing.contains(r.id())).toList();
        }
        Set<String> taken = ratings.isEmpty() ? Set.of() : repo.putAll(ratings, rects);
        Set<String> cases = new LinkedHashSet<>();
        for (String id : taken) {
            int i = recordOf.get(id);
            cases.add(outcomes[i].rating.caseId());
            outcomes[i] = null;
        }
        return cases;
    }

    /**
     * After the last writing pass: a rating taken again (another writer at the same moment, twice) is judged once more
     * on what is stored now, only to tell a duplicate from a refusal; nothing more is written.
     */
    private void refuseTaken(EvaluationBatch.Chunk chunk, List<RatingInput> parsed, Set<String> open,
                             Map<String, RatingState> states, Caller scoped, Outcome[] outcomes) {
        Outcome[] again = new Outcome[outcomes.length];
        judge(chunk, parsed, open, states, scoped, again);
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] != null || again[i] == null) continue;
            outcomes[i] = again[i].rating == null ? again[i] : Outcome.error(chunk.offset() + i, parsed.get(i).caseId,
                    DomainException.conflict("ALREADY_RATED", "该办件已评价", "this case was already rated"));
        }
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
