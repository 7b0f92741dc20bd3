package cn.onewindow.core.evaluation.usecase;

import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.evaluation.CaseRatings;
import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.evaluation.Rectification;
import cn.onewindow.core.ports.EvaluationRepository.RatingState;
import cn.onewindow.core.privacy.PrivacyKeys;

import java.time.Instant;
import java.util.Optional;

/**
 * What to do with one rating against the stored ratings of its case (the rules are {@link CaseRatings}'): a new
 * rating (with the rectification a bad one opens), the stored rating it repeats, or the refusal.
 */
record NewRating(Evaluation rating, Rectification rectification, Evaluation duplicate, DomainException error) {

    static CaseRatings ratingsOf(RatingState st) {
        return new CaseRatings(st.caseSnapshot(), st.first(), st.second(), st.firstRectification());
    }

    static NewRating judge(RatingState st, RatingInput p, PrivacyKeys keys, String source, Instant receivedAt,
                           String batchId) {
        CaseRatings ratings = ratingsOf(st);
        int round;
        try {
            ratings.requireRateable();
            ratings.requireApplicant(p.confirmation);
            // a retry of a stored rating (of either round) is not a second vote
            Optional<Evaluation> repeated = ratings.repeated(p.level, p.channel, p.comment);
            if (repeated.isPresent()) return new NewRating(null, null, repeated.get(), null);
            round = ratings.nextRound();
        } catch (DomainException refused) {
            return new NewRating(null, null, null, refused);
        }
        ServiceCase.Snapshot c = st.caseSnapshot();
        Instant ratedAt = p.ratedAt != null ? p.ratedAt : receivedAt;
        var a = c.applicant();
        Evaluation e = new Evaluation(Evaluation.idFor(c.id(), round), c.id(), round, p.level, p.channel, p.comment,
                c.itemCode(), c.itemVersion(), c.itemName(), c.departmentCode(), c.regionCode(), c.centerId(),
                c.servicePointId(), p.windowId, p.staffId, c.status().name(), a == null ? null : a.type(),
                a == null ? null : a.idType(),
                a == null ? null : keys.pseudonyms().applicantKey(a.idType(), a.idNumber()), ratedAt, receivedAt,
                source, batchId);
        return new NewRating(e, p.level.bad() ? Rectification.open(e, receivedAt) : null, null, null);
    }
}
