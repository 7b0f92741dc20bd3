package cn.onewindow.api.dto;

import cn.onewindow.core.cases.ApplicantType;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.NoticeType;
import cn.onewindow.core.catalog.HandlingMode;

import java.time.Instant;
import java.util.List;

/**
 * A case as the API shows it. {@code warningAt}: the case's warning point (预警时点), the instant from which it counts
 * as due soon (yellow in the console's countdown); {@code warnedAt}: when the deadline checker actually warned.
 */
public record CaseView(
        String id, String itemCode, int itemVersion, String itemName, HandlingMode mode, CaseStatus status,
        String statusName, Channel channel, ApplicantView applicant, String centerId, String servicePointId,
        String agentId, List<MaterialView> materials, List<String> missing, List<String> outstandingTolerable,
        Instant submittedAt, Instant acceptedAt, Instant dueAt, String dueAtLocal, boolean dueProvisional,
        int promisedDays, int legalDays, List<SuspensionView> suspensions, Integer extensionDays,
        String extensionReason, DecisionView decision, String resultNumber, Instant resultIssuedAt,
        Instant deliveredAt, String deliveredTo, NoticeView notice, List<NoticeView> notices,
        List<String> taskDepartments, Instant distributionDueAt, Instant distributedAt, Instant warnedAt,
        Instant overdueAt, Long overdueWorkingMinutes, long version, ConsentView consent, String deliveryMethod,
        Instant warningAt, String ticketId, String queueNumber, String queryPassword) {

    /**
     * The same view with its warning point (预警时点: where the countdown turns yellow, from the center's calendar and
     * office hours); null while the case has no due time.
     */
    public CaseView withWarningAt(Instant at) {
        return new CaseView(id, itemCode, itemVersion, itemName, mode, status, statusName, channel, applicant, centerId,
                servicePointId, agentId, materials, missing, outstandingTolerable, submittedAt, acceptedAt, dueAt,
                dueAtLocal, dueProvisional, promisedDays, legalDays, suspensions, extensionDays, extensionReason,
                decision, resultNumber, resultIssuedAt, deliveredAt, deliveredTo, notice, notices, taskDepartments,
                distributionDueAt, distributedAt, warnedAt, overdueAt, overdueWorkingMinutes, version, consent,
                deliveryMethod, at, ticketId, queueNumber, queryPassword);
    }

    /**
     * The same view with the query password (查询密码) drawn at intake, at the top and on the notice for printing:
     * only in the answer of that intake (never stored, never replayed).
     */
    public CaseView withQueryPassword(String password) {
        NoticeView n = notice == null ? null : new NoticeView(notice.type(), notice.title(), notice.missing(),
                notice.text(), notice.issuedAt(), password);
        return new CaseView(id, itemCode, itemVersion, itemName, mode, status, statusName, channel, applicant,
                centerId, servicePointId, agentId, materials, missing, outstandingTolerable, submittedAt, acceptedAt,
                dueAt, dueAtLocal, dueProvisional, promisedDays, legalDays, suspensions, extensionDays,
                extensionReason, decision, resultNumber, resultIssuedAt, deliveredAt, deliveredTo, n, notices,
                taskDepartments, distributionDueAt, distributedAt, warnedAt, overdueAt, overdueWorkingMinutes, version,
                consent, deliveryMethod, warningAt, ticketId, queueNumber, password);
    }

    public record ConsentView(String method, String reference, Instant givenAt) {
    }

    public record ApplicantView(String name, ApplicantType type, IdType idType, String idNumber, String phone) {
    }

    public record MaterialView(String code, int copies) {
    }

    /** @param queryPassword on the notice of the intake's own answer only (printed for the applicant) */
    public record NoticeView(NoticeType type, String title, List<String> missing, String text, Instant issuedAt,
                             String queryPassword) {
    }

    public record SuspensionView(String kind, String reason, Instant suspendedAt, Instant resumedAt) {
    }

    public record DecisionView(String outcome, List<String> reasons, Instant decidedAt, String decidedBy) {
    }
}
