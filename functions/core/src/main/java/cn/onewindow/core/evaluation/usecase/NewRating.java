package cn.onewindow.core.evaluation.usecase;

import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.evaluation.CaseRatings;
import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.evaluation.RatingTokens;
import cn.onewindow.core.evaluation.Rectification;
import cn.onewindow.core.evaluation.WindowRatingRequest;
import cn.onewindow.core.ports.EvaluationRepository.RatingState;
import cn.onewindow.core.ports.RatingRequestStore;
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

    /**
     * @param requests the windows' rating requests: a rating sent with a request's token (by the PAD bound to the
     *                 window that asked) confirms the applicant; null: only the last four characters do
     */
    static NewRating judge(RatingState st, RatingInput p, PrivacyKeys keys, RatingRequestStore requests,
                           String source, Instant receivedAt, String batchId) {
        CaseRatings ratings = ratingsOf(st);
        ServiceCase.Snapshot c = st.caseSnapshot();
        WindowRatingRequest asked = null;
        int round;
        try {
            ratings.requireRateable();
            if (!CaseRatings.confirms(c, p.confirmation)) {
                asked = requests == null ? null : requests.request(c.id())
                        .filter(r -> RatingTokens.matches(keys, r, p.confirmation)).orElse(null);
                if (asked == null) ratings.requireApplicant(p.confirmation);
            }
            // a retry of a stored rating (of either round) is not a second vote
            Optional<Evaluation> repeated = ratings.repeated(p.level, p.channel, p.comment);
            if (repeated.isPresent()) return new NewRating(null, null, repeated.get(), null);
            round = ratings.nextRound();
        } catch (DomainException refused) {
            return new NewRating(null, null, null, refused);
        }
        Instant ratedAt = p.ratedAt != null ? p.ratedAt : receivedAt;
        var a = c.applicant();
        Evaluation e = new Evaluation(Evaluation.idFor(c.id(), round), c.id(), round, p.level, p.channel, p.comment,
                c.itemCode(), c.itemVersion(), c.itemName(), c.departmentCode(), c.regionCode(), c.centerId(),
                c.servicePointId(), p.windowId != null ? p.windowId : asked == null ? null : asked.windowId(),
                p.staffId != null ? p.staffId : asked == null ? null : asked.staffId(), c.status().name(),
                a == null ? null : a.type(), a == null ? null : a.idType(),
                a == null ? null : keys.pseudonyms().applicantKey(a.idType(), a.idNumber()), ratedAt, receivedAt,
                source, batchId, c.queueNumber());
        return new NewRating(e, p.level.bad() ? Rectification.open(e, receivedAt) : null, null, null);
    }
}
