package cn.onewindow.core.evaluation;

import cn.onewindow.core.cases.ApplicantType;
import cn.onewindow.core.cases.IdType;

import java.time.Instant;

/**
 * A stored rating with what the national 好差评 reporting needs, derived from the case: case number, item code and
 * version, department, region, center / service point, case status when rated, applicant type and ID type. One per
 * case and applicant ({@code round} 1), plus at most one re-rating after a rectification was fixed (round 2).
 *
 * @param applicantKey the applicant's pseudonymous key: a keyed HMAC of the ID type and number with its key id
 *                     ({@code k1:…}, see {@code Pseudonyms}); never the number, never an unkeyed hash of it
 * @param source       the caller (device) that submitted it
 * @param batchId      the batch it came in, null for a single rating
 * @param queueNumber  the queue ticket (排队号) the case was served under, if any
 */
public record Evaluation(String id, String caseId, int round, Level level, EvaluationChannel channel, String comment,
                         String itemCode, int itemVersion, String itemName, String departmentCode, String regionCode,
                         String centerId, String servicePointId, String windowId, String staffId, String caseStatus,
                         ApplicantType applicantType, IdType idType, String applicantKey, Instant ratedAt,
                         Instant receivedAt, String source, String batchId,
                         String queueNumber) {

    /** The same rating under another applicant key (the pseudonym migration rewrites stored keys). */
    public Evaluation withApplicantKey(String key) {
        return new Evaluation(id, caseId, round, level, channel, comment, itemCode, itemVersion, itemName,
                departmentCode, regionCode, centerId, servicePointId, windowId, staffId, caseStatus, applicantType,
                idType, key, ratedAt, receivedAt, source, batchId, queueNumber);
    }

    public static String idFor(String caseId, int round) {
        return caseId + "-E" + round;
    }

    /** What makes two submissions "the same rating": a retry of it is not a second vote. */
    public boolean sameRatingAs(Level otherLevel, EvaluationChannel otherChannel, String otherComment) {
        return level == otherLevel && channel == otherChannel
                && java.util.Objects.equals(blankToNull(comment), blankToNull(otherComment));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The window, else the service point, else the center: where the service was rated. */
    public String windowOrPoint() {
        return windowId != null ? windowId : servicePointId != null ? servicePointId : centerId;
    }
}
