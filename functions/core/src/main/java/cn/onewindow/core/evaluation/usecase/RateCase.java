package cn.onewindow.core.evaluation.usecase;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.common.RetryPolicy;
import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.evaluation.RatingRequest;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.EvaluationRepository;
import cn.onewindow.core.ports.RatingRequestStore;
import cn.onewindow.core.ports.EvaluationRepository.RatingState;
import cn.onewindow.core.ports.IdempotencyClaim;
import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.privacy.Pseudonyms;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A device sends one rating (好差评). One rating per case and applicant; a retry of the same rating is answered with
 * the first; a re-rating is allowed once, after a rectification was fixed (see {@code CaseRatings}). A bad rating
 * opens a rectification in the same write.
 */
public final class RateCase {
    private final EvaluationRepository repo;
    private final Clock clock;
    private final PrivacyKeys keys;
    private final RatingRequestStore requests;

    /**
     * @param keys     the pseudonym secret: applicant keys and request fingerprints are keyed HMACs
     * @param requests the windows' rating requests (a PAD's token confirms the applicant); null: none
     */
    public RateCase(EvaluationRepository repo, Clock clock, PrivacyKeys keys, RatingRequestStore requests) {
        this.repo = repo;
        this.clock = clock;
        this.keys = keys;
        this.requests = requests;
    }

    /** A rating as stored, and whether this answer repeats an earlier one. */
    public record Rated(Evaluation evaluation, boolean replayed) {
    }

    public Rated rate(Caller caller, RatingRequest req, String idempotencyKey) {
        AccessPolicy.requireRater(caller);
        RatingInput p = RatingInput.parse(req, clock.instant());
        if (!p.errors.isEmpty()) throw DomainException.validation(p.errors);
        IdempotencyClaim claim = null;
        if (idempotencyKey != null) {
            requireValidKey(idempotencyKey);
            // keyed: the body holds the last digits of the applicant's ID number
            List<String> hashes = keys.pseudonyms().candidates(Pseudonyms.REQUEST, String.valueOf(req));
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
            NewRating d = NewRating.judge(st, p, keys, requests, caller.id(), clock.instant(), null);
            if (d.error() != null) throw d.error();
            if (d.duplicate() != null) return new Rated(d.duplicate(), true);
            repo.create(d.rating(), d.rectification(), theClaim);
            return new Rated(d.rating(), false);
        });
    }

    /** An Idempotency-Key is 1–128 visible ASCII characters. */
    static void requireValidKey(String idempotencyKey) {
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 128
                || !idempotencyKey.chars().allMatch(ch -> ch > 32 && ch < 127)) {
            throw DomainException.validation(List.of(FieldError.of("Idempotency-Key", "INVALID_IDEMPOTENCY_KEY",
                    "幂等键应为1至128个可见ASCII字符", "Idempotency-Key must be 1–128 visible ASCII characters")));
        }
    }
}
