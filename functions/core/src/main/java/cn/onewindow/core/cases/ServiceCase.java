package cn.onewindow.core.cases;

import cn.onewindow.core.identity.Actor;
import cn.onewindow.core.catalog.HandlingMode;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.DomainException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A case (办件) and its life cycle (SPEC §2.2): every method here that changes the status is one arrow of the state
 * diagram, checked against {@link CaseStateMachine} (an illegal one is refused with {@code ILLEGAL_TRANSITION}, a
 * typed {@link DomainException}) and written to the history:
 * <pre>
 * submit ─> SUBMITTED ─┬─ refuse ─────────> NOT_ACCEPTED                                           [end]
 *                      ├─ awaitMaterials ─> AWAITING_MATERIALS (once) ─ accept or refuse
 *                      └─ accept ─────────> ACCEPTED, or ACCEPTED_WITH_DEFICIENCY ─ supplement (all in) ─> ACCEPTED
 * ACCEPTED… ─ startReview, taskDelivered ─> IN_REVIEW ─ decide ─┬─> APPROVED ─ issueResult ─> RESULT_READY
 *                                                               │      RESULT_READY ─ deliver ─> DELIVERED [end]
 *                                                               └─> DENIED ─ deliver ─> DELIVERED          [end]
 * IN_REVIEW ─ suspend ─> SUSPENDED ─ resume ─> IN_REVIEW      (decide and suspend start the review first)
 * any open status ─ withdraw ─> WITHDRAWN                                                           [end]
 * extend: a running or stopped clock gets a later due, the status unchanged
 * </pre>
 * What a case records without changing its status (deadline marks, department tasks, intake facts, the pick-up
 * code) is {@link CaseFacts}; how a change is applied and journaled is {@link CaseState}. The repository stores
 * {@link #snapshot()} plus {@link #pendingHistory()} atomically, guarded by {@link #version()}.
 */
public final class ServiceCase extends CaseFacts {

    /** Everything a case holds, as stored and as read back. */
    public record Snapshot(
            String id, String itemCode, int itemVersion, String itemName, HandlingMode mode, String departmentCode,
            String regionCode, CaseStatus status, Channel channel, Applicant applicant, String centerId,
            String servicePointId, String agentId, List<SubmittedMaterial> materials, List<String> missing,
            List<String> outstandingTolerable, Instant submittedAt, Instant acceptedAt, Instant dueAt,
            boolean dueProvisional, int promisedDays, int legalDays, int warningDaysBefore,
            List<Suspension> suspensions, Integer extensionDays, String extensionReason, Decision decision,
            String resultNumber, Instant resultIssuedAt, Instant deliveredAt, String deliveredTo,
            String deliveryConfirmation, Instant closedAt, Notice notice, List<Notice> notices,
            List<String> taskDepartments, Instant distributionDueAt, Instant distributedAt, Instant warnedAt,
            Instant overdueAt, Long overdueWorkingMinutes, long version, int historySize, Consent consent,
            String pickupCodeHash, String deliveryMethod, int pickupCodeFailures, String queryPasswordHash,
            String ticketId, String queueNumber) {
        public Snapshot {
            materials = materials == null ? List.of() : List.copyOf(materials);
            missing = missing == null ? List.of() : List.copyOf(missing);
            outstandingTolerable = outstandingTolerable == null ? List.of() : List.copyOf(outstandingTolerable);
            suspensions = suspensions == null ? List.of() : List.copyOf(suspensions);
            notices = notices == null ? List.of() : List.copyOf(notices);
            taskDepartments = taskDepartments == null ? List.of() : List.copyOf(taskDepartments);
        }

        /** The same snapshot under another version number (the store sets it when writing). */
        public Snapshot withVersion(long newVersion) {
            return new CaseSnapshotBuilder(this).version(newVersion).build();
        }

        /**
         * How many suspensions and notices the case record keeps: the most recent ones. A case may be suspended and
         * notified without limit; the store keeps every older one in a record of its own
         * ({@code CaseRepository#suspensions}, {@code #notices}), so the case record stays small.
         */
        public static final int RECENT_FACTS = 10;

        /** True when the snapshot holds more suspensions or notices than the case record keeps. */
        public boolean overRecentFacts() {
            return suspensions.size() > RECENT_FACTS || notices.size() > RECENT_FACTS;
        }

        /** The same snapshot with only the {@link #RECENT_FACTS} most recent suspensions and notices. */
        public Snapshot recentFactsOnly() {
            if (!overRecentFacts()) return this;
            return new CaseSnapshotBuilder(this).facts(last(suspensions), last(notices)).build();
        }

        private static <T> List<T> last(List<T> all) {
            return all.size() <= RECENT_FACTS ? all : all.subList(all.size() - RECENT_FACTS, all.size());
        }

        /** Five wrong pick-up codes in a row lock the code until a supervisor issues a new one. */
        public boolean pickupCodeLocked() {
            return PickupCode.locked(pickupCodeFailures);
        }
    }

    private ServiceCase(Snapshot snapshot) {
        super(snapshot);
    }

    public static ServiceCase restore(Snapshot snapshot) {
        return new ServiceCase(snapshot);
    }

    /** A new case in status SUBMITTED, with its first history line. */
    public static ServiceCase submit(String id, ServiceItem item, Applicant applicant, Channel channel,
                                     String centerId, String servicePointId, String agentId,
                                     List<SubmittedMaterial> materials, Instant now, Actor actor) {
        ServiceCase c = new ServiceCase(CaseSnapshotBuilder.submitted(id, item, applicant, channel, centerId,
                servicePointId, agentId, materials, now));
        c.record("SUBMITTED", CaseStatus.SUBMITTED, CaseStatus.SUBMITTED, now, actor,
                "channel " + channel + (agentId != null ? ", agent " + agentId : ""));
        return c;
    }

    // ---- intake outcomes -------------------------------------------------------------------------------------

    public void refuse(String reason, String legalBasis, Notice notice, Instant now, Actor actor) {
        move(CaseStatus.NOT_ACCEPTED, "NOT_ACCEPTED", reason + (legalBasis != null ? "（依据：" + legalBasis + "）" : ""),
                now, actor);
        update(b -> b.notice(notice).closedAt(now));
    }

    public void awaitMaterials(List<String> missing, Notice notice, Instant now, Actor actor) {
        if (s.status() == CaseStatus.AWAITING_MATERIALS) {
            throw DomainException.illegalState("ONE_TIME_NOTICE_ALREADY_ISSUED", "一次性告知单已出具，不再重复告知",
                    "the one-time notice was already issued");
        }
        move(CaseStatus.AWAITING_MATERIALS, "ONE_TIME_NOTICE", "missing: " + String.join(",", missing), now, actor);
        update(b -> b.missing(missing).notice(notice));
    }

    /**
     * Accepts a submitted case, or one whose one-time notice was answered: the clock starts now. (A 容缺 acceptance
     * becomes a plain one through {@link #supplement}, never by accepting again.)
     */
    public void accept(Instant dueAt, boolean provisional, List<String> outstandingTolerable, Notice notice,
                       Instant now, Actor actor) {
        boolean deficient = !outstandingTolerable.isEmpty();
        CaseStatus to = deficient ? CaseStatus.ACCEPTED_WITH_DEFICIENCY : CaseStatus.ACCEPTED;
        if (s.status() != CaseStatus.SUBMITTED && s.status() != CaseStatus.AWAITING_MATERIALS) {
            throw CaseStateMachine.illegal(s.status(), to);
        }
        move(to, to.name(), deficient ? "容缺受理, outstanding: " + String.join(",", outstandingTolerable) : null,
                now, actor);
        update(b -> b.missing(List.of()).outstandingTolerable(outstandingTolerable).acceptedAt(now).dueAt(dueAt)
                .dueProvisional(provisional).notice(notice));
    }

    /** Records materials handed in later (补正/补齐). Does not change the status by itself. */
    public void supplement(List<SubmittedMaterial> materials, Instant now, Actor actor) {
        if (s.status().isFinal() || s.status() == CaseStatus.RESULT_READY || s.status() == CaseStatus.DENIED) {
            throw DomainException.illegalState("MATERIALS_NOT_ACCEPTED_NOW", "办件已" + s.status().chinese() + "，不再接收材料",
                    "a case in status " + s.status() + " takes no more materials");
        }
        List<SubmittedMaterial> merged = SubmittedMaterial.merge(s.materials(), materials);
        List<String> stillTolerable = s.outstandingTolerable().stream()
                .filter(code -> merged.stream().noneMatch(m -> m.code().equals(code))).toList();
        record("MATERIALS_SUPPLEMENTED", s.status(), s.status(), now, actor,
                materials.stream().map(SubmittedMaterial::code).reduce((a, b) -> a + "," + b).orElse(""));
        update(b -> b.materials(merged).outstandingTolerable(stillTolerable));
        if (s.status() == CaseStatus.ACCEPTED_WITH_DEFICIENCY && stillTolerable.isEmpty()) {
            move(CaseStatus.ACCEPTED, "DEFICIENCY_CLEARED", "all tolerable materials received", now, actor);
        }
    }

    // ---- review --------------------------------------------------------------------------------------------

    /** Moves an accepted case into review; a no-op when it is already there. */
    public void startReview(Instant now, Actor actor) {
        if (s.status() == CaseStatus.ACCEPTED || s.status() == CaseStatus.ACCEPTED_WITH_DEFICIENCY) {
            move(CaseStatus.IN_REVIEW, "REVIEW_STARTED", null, now, actor);
        }
    }

    public void decide(Decision decision, Notice notice, Instant now) {
        startReview(now, decision.by());
        CaseStatus to = decision.outcome() == Decision.Outcome.APPROVE ? CaseStatus.APPROVED : CaseStatus.DENIED;
        move(to, to.name(), String.join("；", decision.reasons()), now, decision.by());
        update(b -> b.decision(decision).notice(notice != null ? notice : s.notice()));
    }

    /**
     * Stops the clock. A case may be suspended any number of times (the spec sets no limit): its record keeps the
     * most recent suspensions, the store keeps the older ones apart ({@link Snapshot#RECENT_FACTS}).
     */
    public void suspend(Suspension.Kind kind, String reason, Notice notice, Instant now, Actor actor) {
        startReview(now, actor);
        move(CaseStatus.SUSPENDED, "SUSPENDED", kind + ": " + reason, now, actor);
        List<Suspension> all = new ArrayList<>(s.suspensions());
        all.add(new Suspension(kind, reason, now, null));
        update(b -> b.suspensions(all).notice(notice));
    }

    /** The open suspension, which must exist. */
    public Suspension currentSuspension() {
        if (s.status() != CaseStatus.SUSPENDED || s.suspensions().isEmpty()) {
            throw DomainException.illegalState("NOT_SUSPENDED", "办件未处于暂停计时状态", "the case is not suspended");
        }
        return s.suspensions().get(s.suspensions().size() - 1);
    }

    public void resume(Instant newDue, boolean provisional, Instant now, Actor actor) {
        Suspension open = currentSuspension();
        move(CaseStatus.IN_REVIEW, "RESUMED", "clock restarts, due " + newDue, now, actor);
        List<Suspension> all = new ArrayList<>(s.suspensions());
        all.set(all.size() - 1, new Suspension(open.kind(), open.reason(), open.suspendedAt(), now));
        update(b -> b.suspensions(all).dueAt(newDue).dueProvisional(provisional));
    }

    public void extend(int days, String reason, Instant newDue, boolean provisional, Notice notice, Instant now,
                       Actor actor) {
        if (!CaseStatus.CLOCK_RUNNING.contains(s.status()) && s.status() != CaseStatus.SUSPENDED) {
            throw DomainException.illegalState("EXTENSION_NOT_POSSIBLE", "办件当前状态不能延期",
                    "a case in status " + s.status() + " cannot be extended");
        }
        record("EXTENDED", s.status(), s.status(), now, actor, days + " working days: " + reason);
        update(b -> b.extensionDays(days).extensionReason(reason).dueAt(newDue).dueProvisional(provisional)
                .notice(notice));
    }

    // ---- parallel approval (并联审批): the first task delivered starts the review -----------------------------

    /** A task reached its department's inbox; the first delivery starts the review. */
    public void taskDelivered(String department, boolean allDelivered, Instant now, Actor actor) {
        startReview(now, actor);
        record("TASK_DELIVERED", s.status(), s.status(), now, actor, department);
        if (allDelivered && s.distributedAt() == null) update(b -> b.distributedAt(now));
    }

    // ---- result ----------------------------------------------------------------------------------------------

    public void issueResult(String resultNumber, Notice notice, Instant now, Actor actor) {
        if (s.status() == CaseStatus.APPROVED && !s.outstandingTolerable().isEmpty()) {
            throw DomainException.illegalState("TOLERABLE_MATERIALS_OUTSTANDING",
                    "容缺材料尚未补齐，不能出件：" + String.join("、", s.outstandingTolerable()),
                    "the result cannot be issued before every tolerable material is in: "
                            + String.join(", ", s.outstandingTolerable()));
        }
        move(CaseStatus.RESULT_READY, "RESULT_READY", resultNumber, now, actor);
        update(b -> b.resultNumber(resultNumber).resultIssuedAt(now).notice(notice));
    }

    public void deliver(String deliveredTo, String confirmation, Instant now, Actor actor) {
        deliver(deliveredTo, confirmation, null, now, actor);
    }

    /** @param method how the hand-over was confirmed: SIGNATURE, CONFIRMATION_CODE, or null (at the window) */
    public void deliver(String deliveredTo, String confirmation, String method, Instant now, Actor actor) {
        move(CaseStatus.DELIVERED, "DELIVERED", "to " + deliveredTo + (method == null ? "" : " (" + method + ")"),
                now, actor);
        update(b -> b.deliveredAt(now).deliveredTo(deliveredTo).deliveryConfirmation(confirmation)
                .deliveryMethod(method).closedAt(now));
    }

    public void withdraw(String reason, Instant now, Actor actor) {
        move(CaseStatus.WITHDRAWN, "WITHDRAWN", reason, now, actor);
        update(b -> b.closedAt(now));
    }
}
