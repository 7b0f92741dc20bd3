package cn.onewindow.core.evaluation;

import java.time.Instant;

/**
 * A window's request that the applicant of a case rate the service now, on the rating PAD bound to that window
 * (请评价). It carries what the PAD shows and nothing more personal than the masked applicant name.
 *
 * @param windowId      the queue window, {@code <centerId>-W01}
 * @param windowName    as announced, e.g. {@code 1号窗口 综合受理窗口}
 * @param staffId       the window staff who asked (rated as the staff)
 * @param applicantName masked ({@code 张*})
 * @param queueNumber   the ticket the case was served under, if any
 */
public record WindowRatingRequest(String caseId, String windowId, String windowName, String centerId, String staffId,
                                  String staffName, String itemName, String applicantName, String queueNumber,
                                  Instant requestedAt) {
}
