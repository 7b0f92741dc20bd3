package cn.onewindow.core.cases;

import cn.onewindow.core.catalog.ServiceItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a case's {@link ServiceCase.Snapshot} with some fields changed: the aggregate's transitions change it
 * through this, field by field; what a case is (its id, item, applicant, channel, where and when it was submitted)
 * never changes.
 */
final class CaseSnapshotBuilder {
    private CaseStatus status;
    private List<SubmittedMaterial> materials;
    private List<String> missing;
    private List<String> outstandingTolerable;
    private Instant acceptedAt;
    private Instant dueAt;
    private boolean dueProvisional;
    private List<Suspension> suspensions;
    private Integer extensionDays;
    private String extensionReason;
    private Decision decision;
    private String resultNumber;
    private Instant resultIssuedAt;
    private Instant deliveredAt;
    private String deliveredTo;
    private String deliveryConfirmation;
    private Instant closedAt;
    private Notice notice;
    private List<Notice> notices;
    private List<String> taskDepartments;
    private Instant distributionDueAt;
    private Instant distributedAt;
    private Instant warnedAt;
    private Instant overdueAt;
    private Long overdueWorkingMinutes;
    private int historySize;
    private Consent consent;
    private String pickupCodeHash;
    private String deliveryMethod;
    private int pickupCodeFailures;
    private String queryPasswordHash;
    private String ticketId;
    private String queueNumber;
    private long version;
    private final ServiceCase.Snapshot base;

    /** The first snapshot of a new case: status SUBMITTED, the item's terms, the materials handed in. */
    static ServiceCase.Snapshot submitted(String id, ServiceItem item, Applicant applicant, Channel channel,
                                          String centerId, String servicePointId, String agentId,
                                          List<SubmittedMaterial> materials, Instant now) {
        return new ServiceCase.Snapshot(id, item.code(), item.version(), item.name(), item.mode(),
                item.departmentCode(), item.regionCode(), CaseStatus.SUBMITTED, channel, applicant, centerId,
                servicePointId, agentId, SubmittedMaterial.merge(List.of(), materials), List.of(), List.of(), now, null,
                null, false, item.promisedDays(), item.legalDays(), item.warningDaysBefore(), List.of(), null, null,
                null, null, null, null, null, null, null, null, List.of(), List.of(), null, null, null, null, null, 0L,
                0, null, null, null, 0, null, null, null);
    }

    CaseSnapshotBuilder(ServiceCase.Snapshot s) {
        base = s;
        status = s.status();
        materials = s.materials();
        missing = s.missing();
        outstandingTolerable = s.outstandingTolerable();
        acceptedAt = s.acceptedAt();
        dueAt = s.dueAt();
        dueProvisional = s.dueProvisional();
        suspensions = s.suspensions();
        extensionDays = s.extensionDays();
        extensionReason = s.extensionReason();
        decision = s.decision();
        resultNumber = s.resultNumber();
        resultIssuedAt = s.resultIssuedAt();
        deliveredAt = s.deliveredAt();
        deliveredTo = s.deliveredTo();
        deliveryConfirmation = s.deliveryConfirmation();
        closedAt = s.closedAt();
        notice = s.notice();
        notices = s.notices();
        taskDepartments = s.taskDepartments();
        distributionDueAt = s.distributionDueAt();
        distributedAt = s.distributedAt();
        warnedAt = s.warnedAt();
        overdueAt = s.overdueAt();
        overdueWorkingMinutes = s.overdueWorkingMinutes();
        historySize = s.historySize();
        consent = s.consent();
        pickupCodeHash = s.pickupCodeHash();
        deliveryMethod = s.deliveryMethod();
        pickupCodeFailures = s.pickupCodeFailures();
        queryPasswordHash = s.queryPasswordHash();
        ticketId = s.ticketId();
        queueNumber = s.queueNumber();
        version = s.version();
    }

    CaseSnapshotBuilder queryPasswordHash(String v) { queryPasswordHash = v; return this; }
    CaseSnapshotBuilder ticket(String id, String number) { ticketId = id; queueNumber = number; return this; }

    CaseSnapshotBuilder consent(Consent v) { consent = v; return this; }
    CaseSnapshotBuilder pickupCodeHash(String v) { pickupCodeHash = v; return this; }
    CaseSnapshotBuilder deliveryMethod(String v) { deliveryMethod = v; return this; }
    CaseSnapshotBuilder pickupCodeFailures(int v) { pickupCodeFailures = v; return this; }

    CaseSnapshotBuilder status(CaseStatus v) { status = v; return this; }
    CaseSnapshotBuilder materials(List<SubmittedMaterial> v) { materials = v; return this; }
    CaseSnapshotBuilder missing(List<String> v) { missing = v; return this; }
    CaseSnapshotBuilder outstandingTolerable(List<String> v) { outstandingTolerable = v; return this; }
    CaseSnapshotBuilder acceptedAt(Instant v) { acceptedAt = v; return this; }
    CaseSnapshotBuilder dueAt(Instant v) { dueAt = v; return this; }
    CaseSnapshotBuilder dueProvisional(boolean v) { dueProvisional = v; return this; }
    CaseSnapshotBuilder suspensions(List<Suspension> v) { suspensions = v; return this; }
    CaseSnapshotBuilder extensionDays(Integer v) { extensionDays = v; return this; }
    CaseSnapshotBuilder extensionReason(String v) { extensionReason = v; return this; }
    CaseSnapshotBuilder decision(Decision v) { decision = v; return this; }
    CaseSnapshotBuilder resultNumber(String v) { resultNumber = v; return this; }
    CaseSnapshotBuilder resultIssuedAt(Instant v) { resultIssuedAt = v; return this; }
    CaseSnapshotBuilder deliveredAt(Instant v) { deliveredAt = v; return this; }
    CaseSnapshotBuilder deliveredTo(String v) { deliveredTo = v; return this; }
    CaseSnapshotBuilder deliveryConfirmation(String v) { deliveryConfirmation = v; return this; }
    CaseSnapshotBuilder closedAt(Instant v) { closedAt = v; return this; }
    CaseSnapshotBuilder historySize(int v) { historySize = v; return this; }
    CaseSnapshotBuilder version(long v) { version = v; return this; }

    /** Replaces the suspensions and notices as they are (no notice is added). */
    CaseSnapshotBuilder facts(List<Suspension> s, List<Notice> n) { suspensions = s; notices = n; return this; }
    CaseSnapshotBuilder taskDepartments(List<String> v) { taskDepartments = v; return this; }
    CaseSnapshotBuilder distributionDueAt(Instant v) { distributionDueAt = v; return this; }
    CaseSnapshotBuilder distributedAt(Instant v) { distributedAt = v; return this; }
    CaseSnapshotBuilder warnedAt(Instant v) { warnedAt = v; return this; }
    CaseSnapshotBuilder overdue(Instant at, Long minutes) {
        overdueAt = at;
        overdueWorkingMinutes = minutes;
        return this;
    }

    CaseSnapshotBuilder notice(Notice v) {
        if (v != null && v != notice) {
            List<Notice> all = new ArrayList<>(notices);
            all.add(v);
            notices = all;
        }
        notice = v;
        return this;
    }

    ServiceCase.Snapshot build() {
        ServiceCase.Snapshot b = base;
        return new ServiceCase.Snapshot(b.id(), b.itemCode(), b.itemVersion(), b.itemName(), b.mode(),
                b.departmentCode(), b.regionCode(), status, b.channel(), b.applicant(), b.centerId(),
                b.servicePointId(), b.agentId(),
                materials, missing, outstandingTolerable, b.submittedAt(), acceptedAt, dueAt, dueProvisional,
                b.promisedDays(), b.legalDays(), b.warningDaysBefore(), suspensions, extensionDays,
                extensionReason, decision, resultNumber, resultIssuedAt, deliveredAt, deliveredTo,
                deliveryConfirmation, closedAt, notice, notices, taskDepartments, distributionDueAt,
                distributedAt, warnedAt, overdueAt, overdueWorkingMinutes, version, historySize, consent,
                pickupCodeHash, deliveryMethod, pickupCodeFailures, queryPasswordHash, ticketId, queueNumber);
    }
}
