package cn.onewindow.api.dto;

import cn.onewindow.core.cases.ApplicantType;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.NoticeType;
import cn.onewindow.core.catalog.HandlingMode;

import java.time.Instant;
import java.util.List;

/** A case as the API shows it. */
public record CaseView(
        String id, String itemCode, int itemVersion, String itemName, HandlingMode mode, CaseStatus status,
        String statusName, Channel channel, ApplicantView applicant, String centerId, String servicePointId,
        String agentId, List<MaterialView> materials, List<String> missing, List<String> outstandingTolerable,
        Instant submittedAt, Instant acceptedAt, Instant dueAt, String dueAtLocal, boolean dueProvisional,
        int promisedDays, int legalDays, List<SuspensionView> suspensions, Integer extensionDays,
        String extensionReason, DecisionView decision, String resultNumber, Instant resultIssuedAt,
        Instant deliveredAt, String deliveredTo, NoticeView notice, List<NoticeView> notices,
        List<String> taskDepartments, Instant distributionDueAt, Instant distributedAt, Instant warnedAt,
        Instant overdueAt, Long overdueWorkingMinutes, long version, ConsentView consent, String deliveryMethod) {

    public record ConsentView(String method, String reference, Instant givenAt) {
    }

    public record ApplicantView(String name, ApplicantType type, IdType idType, String idNumber, String phone) {
    }

    public record MaterialView(String code, int copies) {
    }

    public record NoticeView(NoticeType type, String title, List<String> missing, String text, Instant issuedAt) {
    }

    public record SuspensionView(String kind, String reason, Instant suspendedAt, Instant resumedAt) {
    }

    public record DecisionView(String outcome, List<String> reasons, Instant decidedAt, String decidedBy) {
    }
}
