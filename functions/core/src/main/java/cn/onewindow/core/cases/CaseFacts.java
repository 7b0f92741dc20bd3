package cn.onewindow.core.cases;

import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Actor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a case records without changing its status: the marks of its deadline (限时办结), the tasks of a parallel
 * approval (并联审批) and an escalation (上报件), the facts taken at intake, and its pick-up code (取件码). Each is one
 * history line and/or a field of the snapshot; the status stays as it is. The status changes, the case's life cycle,
 * are {@link ServiceCase}.
 */
abstract class CaseFacts extends CaseState {

    CaseFacts(ServiceCase.Snapshot snapshot) {
        super(snapshot);
    }

    // ---- deadlines (限时办结) ----------------------------------------------------------------------------------

    /** Replaces the due time after a calendar year was loaded (provisional → firm, or moved). */
    public void recomputeDue(Instant newDue, boolean provisional, Instant now, Actor actor) {
        record("DUE_RECOMPUTED", s.status(), s.status(), now, actor, "due " + s.dueAt() + " -> " + newDue);
        update(b -> b.dueAt(newDue).dueProvisional(provisional));
    }

    /** 预警/催办: the case reached its warning point; recorded once. */
    public void warn(Instant dueAt, Instant now, Actor actor) {
        if (s.warnedAt() != null) return;
        record("WARNING", s.status(), s.status(), now, actor, "due " + dueAt);
        update(b -> b.warnedAt(now));
    }

    /**
     * The due moved later and its warning point lies ahead again: the warning given for the old due is re-armed and
     * fires once more before the new due (the WARNING already recorded stays in the history).
     */
    public void rearmWarning() {
        if (s.warnedAt() == null || s.overdueAt() != null) return;
        update(b -> b.warnedAt(null));
    }

    /** 红牌: the case passed its due time without a decision; recorded once. */
    public void markOverdue(long workingMinutesLate, Instant now, Actor actor) {
        if (s.overdueAt() != null) return;
        record("OVERDUE", s.status(), s.status(), now, actor,
                "due " + s.dueAt() + ", " + workingMinutesLate + " working minutes late");
        update(b -> b.overdue(now, workingMinutesLate));
    }

    // ---- parallel approval (并联审批) and escalation (上报件) ----------------------------------------------------

    /** Records the departments that received tasks and when the distribution itself is due (2 working days). */
    public void distributeTo(List<String> departments, Instant distributionDue, Instant now, Actor actor) {
        List<String> all = new ArrayList<>(s.taskDepartments());
        departments.stream().filter(d -> !all.contains(d)).forEach(all::add);
        record("TASKS_CREATED", s.status(), s.status(), now, actor, String.join(",", departments));
        update(b -> b.taskDepartments(all).distributionDueAt(s.distributionDueAt() != null
                ? s.distributionDueAt() : distributionDue));
    }

    /** A department decided its task (the case moves on only when every task is decided: see decide). */
    public void taskDecided(String department, String outcome, String reasons, Instant now, Actor actor) {
        record("TASK_DECIDED", s.status(), s.status(), now, actor, department + " " + outcome
                + (reasons == null || reasons.isBlank() ? "" : ": " + reasons));
    }

    /** Gives the applicant a new notice, the status unchanged (e.g. a one-time notice that lists more now). */
    public void issueNotice(Notice notice) {
        update(b -> b.notice(notice));
    }

    /** Records something that happened to the case without changing its status (e.g. a task's deadline events). */
    public void note(String event, String reason, Instant now, Actor actor) {
        record(event, s.status(), s.status(), now, actor, reason);
    }

    /** The local review passed; the case goes to the higher authority (上报). */
    public void escalated(String toDepartment, Instant now, Actor actor) {
        List<String> all = new ArrayList<>(s.taskDepartments());
        if (!all.contains(toDepartment)) all.add(toDepartment);
        record("ESCALATED", s.status(), s.status(), now, actor, "forwarded to " + toDepartment);
        update(b -> b.taskDepartments(all));
    }

    // ---- facts taken at intake, the pick-up code (取件码) ----------------------------------------------------

    /** The villager's consent to the agent acting for them, recorded at submission. */
    public void recordConsent(Consent consent) {
        update(b -> b.consent(consent));
    }

    /**
     * The keyed hash of the query password (查询密码) printed on the acceptance notice: the citizen's progress query
     * checks it. Never the password itself.
     */
    public void queryPassword(String hash) {
        update(b -> b.queryPasswordHash(hash));
    }

    /** The queue ticket (排队号) being served when the case was taken in: a rating of the case carries its number. */
    public void servedUnderTicket(String ticketId, String queueNumber) {
        update(b -> b.ticket(ticketId, queueNumber));
    }

    /** The hash of the pick-up code (取件码) sent to the applicant when the result of a 代办 case is ready. */
    public void pickupCode(String hash) {
        update(b -> b.pickupCodeHash(hash).pickupCodeFailures(0));
    }

    /**
     * A supervisor's new pick-up code: replaces the old one (which no longer works) and unlocks it. Only for a 代办
     * case whose result waits for hand-over.
     */
    public void reissuePickupCode(String hash, Instant now, Actor actor) {
        if (s.agentId() == null || s.status() != CaseStatus.RESULT_READY) {
            throw DomainException.illegalState("PICKUP_CODE_NOT_APPLICABLE", "只有已出件待送达的代办件有取件码",
                    "only a village-agent case whose result is ready has a pick-up code");
        }
        record("PICKUP_CODE_REISSUED", s.status(), s.status(), now, actor,
                "new pick-up code sent to the applicant; the previous one no longer works");
        update(b -> b.pickupCodeHash(hash).pickupCodeFailures(0));
    }

    /**
     * Audits one try of the pick-up code (who and when are the history line's actor and time) and counts a
     * mismatch; the fifth mismatch in a row locks the code.
     */
    public void pickupCodeTried(PickupCode.Try outcome, Instant now, Actor actor) {
        int failures = PickupCode.failuresAfter(outcome, s.pickupCodeFailures());
        record("PICKUP_CODE_TRIED", s.status(), s.status(), now, actor, PickupCode.auditLine(outcome, failures));
        update(b -> b.pickupCodeFailures(failures));
    }
}
