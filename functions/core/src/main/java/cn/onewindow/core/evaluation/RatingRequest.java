package cn.onewindow.core.evaluation;

/**
 * A rating as a device sends it (single over HTTPS, or one record of a batch). Everything national reporting needs
 * beyond this is derived from the stored case. Fields are strings so that a bad record of a batch is reported with
 * its reason instead of breaking the whole message.
 *
 * @param applicantConfirmation the last 4 characters of the applicant's identity number (or of their phone),
 *                              confirming that the person rating is the applicant
 * @param windowId              the window (or evaluator device position) rated; optional
 * @param staffId               the staff member rated; optional
 * @param ratedAt               ISO-8601 instant the applicant pressed the button (batches: the device's time); optional
 */
public record RatingRequest(String caseId, String level, String channel, String applicantConfirmation,
                            String windowId, String staffId, String comment, String ratedAt) {
}
