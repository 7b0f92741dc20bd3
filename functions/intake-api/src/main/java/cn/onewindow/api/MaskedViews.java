package cn.onewindow.api;

import cn.onewindow.api.dto.CaseView;
import cn.onewindow.api.dto.HistoryView;
import cn.onewindow.api.dto.TaskView;
import cn.onewindow.core.cases.Masking;
import cn.onewindow.core.cases.Redactor;

import java.util.List;

/**
 * The views a role with masked data sees (departments, township / county staff, supervisors, administrators): every
 * personal field by its {@link Masking} rule, and every free text (notices, reasons, history lines, consent
 * reference) through the case's {@link Redactor}. Listings mask identity numbers and phones for everyone.
 */
final class MaskedViews {
    private MaskedViews() {
    }

    /** Everything personal masked: structured fields by rule, free text by the case's known values and patterns. */
    static CaseView full(CaseView v, Redactor r) {
        CaseView.ApplicantView a = v.applicant();
        CaseView.ApplicantView ma = a == null ? null : new CaseView.ApplicantView(Masking.name(a.name()), a.type(),
                a.idType(), Masking.idNumber(a.idType(), a.idNumber()), Masking.phone(a.phone()));
        return new CaseView(v.id(), v.itemCode(), v.itemVersion(), v.itemName(), v.mode(), v.status(),
                v.statusName(), v.channel(), ma, v.centerId(), v.servicePointId(), v.agentId(), v.materials(),
                v.missing(), v.outstandingTolerable(), v.submittedAt(), v.acceptedAt(), v.dueAt(), v.dueAtLocal(),
                v.dueProvisional(), v.promisedDays(), v.legalDays(),
                v.suspensions() == null ? null : v.suspensions().stream().map(s -> new CaseView.SuspensionView(
                        s.kind(), r.text(s.reason()), s.suspendedAt(), s.resumedAt())).toList(),
                v.extensionDays(), r.text(v.extensionReason()),
                v.decision() == null ? null : new CaseView.DecisionView(v.decision().outcome(),
                        r.texts(v.decision().reasons()), v.decision().decidedAt(), v.decision().decidedBy()),
                v.resultNumber(), v.resultIssuedAt(), v.deliveredAt(), Masking.name(v.deliveredTo()),
                notice(v.notice(), r), v.notices() == null ? null : v.notices().stream().map(n -> notice(n, r)).toList(),
                v.taskDepartments(), v.distributionDueAt(), v.distributedAt(), v.warnedAt(), v.overdueAt(),
                v.overdueWorkingMinutes(), v.version(),
                v.consent() == null ? null : new CaseView.ConsentView(v.consent().method(),
                        r.text(v.consent().reference()), v.consent().givenAt()),
                v.deliveryMethod(), v.warningAt(), v.ticketId(), v.queueNumber(), null);
    }

    /**
     * A listing line for window staff and agents: identity number and phone masked (open the case to see them, and
     * be recorded in its access log); the name stays so that they find their applicant.
     */
    static CaseView listed(CaseView v) {
        CaseView.ApplicantView a = v.applicant();
        if (a == null) return v;
        CaseView.ApplicantView ma = new CaseView.ApplicantView(a.name(), a.type(), a.idType(),
                Masking.idNumber(a.idType(), a.idNumber()), Masking.phone(a.phone()));
        return new CaseView(v.id(), v.itemCode(), v.itemVersion(), v.itemName(), v.mode(), v.status(),
                v.statusName(), v.channel(), ma, v.centerId(), v.servicePointId(), v.agentId(), v.materials(),
                v.missing(), v.outstandingTolerable(), v.submittedAt(), v.acceptedAt(), v.dueAt(), v.dueAtLocal(),
                v.dueProvisional(), v.promisedDays(), v.legalDays(), v.suspensions(), v.extensionDays(),
                v.extensionReason(), v.decision(), v.resultNumber(), v.resultIssuedAt(), v.deliveredAt(),
                v.deliveredTo(), v.notice(), v.notices(), v.taskDepartments(), v.distributionDueAt(),
                v.distributedAt(), v.warnedAt(), v.overdueAt(), v.overdueWorkingMinutes(), v.version(), v.consent(),
                v.deliveryMethod(), v.warningAt(), v.ticketId(), v.queueNumber(), null);
    }

    static List<HistoryView> history(List<HistoryView> h, Redactor r) {
        return h.stream().map(e -> new HistoryView(e.seq(), e.event(), e.from(), e.to(), e.at(), e.actorRole(),
                e.actorId(), e.servicePointId(), e.departmentCode(), r.text(e.reason()))).toList();
    }

    static TaskView task(TaskView t, Redactor r) {
        return new TaskView(t.taskId(), t.caseId(), t.itemCode(), t.itemName(), t.departmentCode(),
                t.departmentName(), t.level(), t.status(), t.createdAt(), t.deliveredAt(), t.dueAt(), t.outcome(),
                r.texts(t.reasons()), t.missing(), t.decidedAt(), t.version());
    }

    private static CaseView.NoticeView notice(CaseView.NoticeView n, Redactor r) {
        return n == null ? null : new CaseView.NoticeView(n.type(), n.title(), n.missing(), r.text(n.text()),
                n.issuedAt(), null);
    }
}
