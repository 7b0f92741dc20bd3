package cn.onewindow.core.evaluation;

import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.DomainException;

import java.util.Locale;
import java.util.Optional;

/**
 * The ratings of one case (好差评, SPEC §2.5) and the rules for a new one: a case is rated once its result was
 * issued or delivered, by its applicant (confirmed with the last 4 characters of the ID number or phone), once
 * (round 1); a retry of a stored rating is not a second vote; a second rating (round 2) is allowed once, after the
 * rectification opened by the first was fixed.
 */
public record CaseRatings(ServiceCase.Snapshot caseSnapshot, Evaluation first, Evaluation second,
                          Rectification firstRectification) {

    /** Refuses a rating of a case without a result yet ({@code CASE_NOT_RATEABLE}). */
    public void requireRateable() {
        ServiceCase.Snapshot c = caseSnapshot;
        if (c.resultIssuedAt() == null && c.deliveredAt() == null && c.status() != CaseStatus.RESULT_READY
                && c.status() != CaseStatus.DELIVERED) {
            throw DomainException.illegalState("CASE_NOT_RATEABLE", "办件尚未出件或送达，暂不能评价",
                    "a case can be rated once its result was issued or delivered");
        }
    }

    /** Refuses a rating not confirmed by the case's applicant ({@code APPLICANT_NOT_CONFIRMED}). */
    public void requireApplicant(String confirmation) {
        if (!confirms(caseSnapshot, confirmation)) {
            throw DomainException.unprocessable("APPLICANT_NOT_CONFIRMED", "申请人确认信息不符（证件号或手机号后四位）",
                    "the applicant confirmation does not match the case's applicant (last 4 of ID number or phone)");
        }
    }

    /** The applicant confirms with the last 4 characters of their identity number or of their phone. */
    public static boolean confirms(ServiceCase.Snapshot c, String confirmation) {
        if (c.applicant() == null || confirmation == null) return false;
        String x = confirmation.trim().toUpperCase(Locale.ROOT);
        if (x.length() != 4) return false;
        String id = c.applicant().idNumber();
        String phone = c.applicant().phone();
        return (id != null && id.toUpperCase(Locale.ROOT).endsWith(x)) || (phone != null && phone.endsWith(x));
    }

    /** The stored rating (of either round) this one repeats: a retry, answered with the stored one. */
    public Optional<Evaluation> repeated(Level level, EvaluationChannel channel, String comment) {
        for (Evaluation e : new Evaluation[]{first, second}) {
            if (e != null && e.sameRatingAs(level, channel, comment)) return Optional.of(e);
        }
        return Optional.empty();
    }

    /**
     * The round a new rating takes: 1 when unrated, 2 after the first rating's rectification was fixed. Refused
     * when the re-rating was used ({@code RERATING_ALREADY_USED}) or the case is rated and not re-rateable
     * ({@code ALREADY_RATED}).
     */
    public int nextRound() {
        if (first == null) return 1;
        if (second != null) {
            throw DomainException.conflict("RERATING_ALREADY_USED", "该办件已重新评价过一次，不能再次评价",
                    "this case was already re-rated once after its rectification");
        }
        if (firstRectification != null && firstRectification.status() == Rectification.Status.FIXED) return 2;
        throw DomainException.conflict("ALREADY_RATED", "该办件已评价，同一申请人只能评价一次（整改完成后可重新评价一次）",
                "this case was already rated by its applicant; a re-rating is allowed once after a rectification");
    }

    /** The ratings after {@code e} was stored. */
    public CaseRatings with(Evaluation e) {
        return e.round() == 1 ? new CaseRatings(caseSnapshot, e, second, firstRectification)
                : new CaseRatings(caseSnapshot, first, e, firstRectification);
    }
}
