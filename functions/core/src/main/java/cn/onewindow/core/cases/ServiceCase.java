package cn.onewindow.core.cases;

import cn.onewindow.core.identity.Actor;
import cn.onewindow.core.catalog.HandlingMode;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.DomainException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A case (办件): the aggregate whose every change goes through a method here, is checked against the state machine,
 * and appends to the history. The repository stores {@link #snapshot()} plus {@link #pendingHistory()} atomically,
 * guarded by {@link #version()}.
 */
public final class ServiceCase {

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
            return new Snapshot(id, itemCode, itemVersion, itemName, mode, departmentCode, regionCode, status,
                    channel, applicant, centerId, servicePointId, agentId, materials, missing, outstandingTolerable,
                    submittedAt, acceptedAt, dueAt, dueProvisional, promisedDays, legalDays, warningDaysBefore,
                    suspensions, extensionDays, extensionReason, decision, resultNumber, resultIssuedAt, deliveredAt,
                    deliveredTo, deliveryConfirmation, closedAt, notice, notices, taskDepartments, distributionDueAt,
                    distributedAt, warnedAt, overdueAt, overdueWorkingMinutes, newVersion, historySize, consent,
                    pickupCodeHash, deliveryMethod, pickupCodeFailures, queryPasswordHash, ticketId, queueNumber);
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
            return new Snapshot(id, itemCode, itemVersion, itemName, mode, departmentCode, regionCode, status,
                    channel, applicant, centerId, servicePointId, agentId, materials, missing, outstandingTolerable,
                    submittedAt, acceptedAt, dueAt, dueProvisional, promisedDays, legalDays, warningDaysBefore,
                    last(suspensions), extensionDays, extensionReason, decision, resultNumber, resultIssuedAt,
                    deliveredAt, deliveredTo, deliveryConfirmation, closedAt, notice, last(notices), taskDepartments,
                    distributionDueAt, distributedAt, warnedAt, overdueAt, overdueWorkingMinutes, version,
                    historySize, consent, pickupCodeHash, deliveryMethod, pickupCodeFailures, queryPasswordHash,
                    ticketId, queueNumber);
        }

        private static <T> List<T> last(List<T> all) {
            return all.size() <= RECENT_FACTS ? all : all.subList(all.size() - RECENT_FACTS, all.size());
        }

        /** Five wrong pick-up codes in a row lock the code until a supervisor issues a new one. */
        public boolean pickupCodeLocked() {
            return pickupCodeFailures >= PICKUP_CODE_MAX_FAILURES;
        }
    }

    /** Wrong pick-up codes (取件码) in a row after which the code is locked. */
    public static final int PICKUP_CODE_MAX_FAILURES = 5;

    private Snapshot s;
    private final List<HistoryEntry> pending = new ArrayList<>();

    private ServiceCase(Snapshot snapshot) {
        this.s = Objects.requireNonNull(snapshot);
    }

    public static ServiceCase restore(Snapshot snapshot) {
        return new ServiceCase(snapshot);
    }

    /** A new case in status SUBMITTED, with its first history line. */
    public static ServiceCase submit(String id, ServiceItem item, Applicant applicant, Channel channel,
                                     String centerId, String servicePointId, String agentId,
                                     List<SubmittedMaterial> materials, Instant now, Actor actor) {
        Snapshot snap = new Snapshot(id, item.code(), item.version(), item.name(), item.mode(),
                item.departmentCode(), item.regionCode(), CaseStatus.SUBMITTED, channel, applicant, centerId,
                servicePointId, agentId, mergeMaterials(List.of(), materials), List.of(), List.of(), now, null, null,
                false, item.promisedDays(), item.legalDays(), item.warningDaysBefore(), List.of(), null, null, null,
                null, null, null, null, null, null, null, List.of(), List.of(), null, null, null, null, null, 0L, 0,
                null, null, null, 0, null, null, null);
        ServiceCase c = new ServiceCase(snap);
        c.record("SUBMITTED", CaseStatus.SUBMITTED, CaseStatus.SUBMITTED, now, actor,
                "channel " + channel + (agentId != null ? ", agent " + agentId : ""));
        return c;
    }

    public Snapshot snapshot() { return s; }

    public String id() { return s.id(); }

    public CaseStatus status() { return s.status(); }

    public long version() { return s.version(); }

    /** History lines made since this object was restored or created, not yet stored. */
    public List<HistoryEntry> pendingHistory() { return List.copyOf(pending); }

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

    /** Accepts the case: the clock starts now. */
    public void accept(Instant dueAt, boolean provisional, List<String> outstandingTolerable, Notice notice,
                       Instant now, Actor actor) {
        boolean deficient = !outstandingTolerable.isEmpty();
        CaseStatus to = deficient ? CaseStatus.ACCEPTED_WITH_DEFICIENCY : CaseStatus.ACCEPTED;
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
        List<SubmittedMaterial> merged = mergeMaterials(s.materials(), materials);
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

    /** Replaces the due time after a calendar year was loaded (provisional → firm, or moved). */
    public void recomputeDue(Instant newDue, boolean provisional, Instant now, Actor actor) {
        record("DUE_RECOMPUTED", s.status(), s.status(), now, actor, "due " + s.dueAt() + " -> " + newDue);
        update(b -> b.dueAt(newDue).dueProvisional(provisional));
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

    /** A task reached its department's inbox; the first delivery starts the review. */
    public void taskDelivered(String department, boolean allDelivered, Instant now, Actor actor) {
        startReview(now, actor);
        record("TASK_DELIVERED", s.status(), s.status(), now, actor, department);
        if (allDelivered && s.distributedAt() == null) update(b -> b.distributedAt(now));
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

    // ---- deadlines (限时办结) ----------------------------------------------------------------------------------

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

    /** The outcome of one try of a pick-up code, as audited (never the code itself). */
    public enum PickupTry { MATCHED, MISMATCHED, LOCKED }

    /**
     * Audits one try of the pick-up code (who and when are the history line's actor and time) and counts a
     * mismatch; the fifth mismatch in a row locks the code.
     */
    public void pickupCodeTried(PickupTry outcome, Instant now, Actor actor) {
        int failures = outcome == PickupTry.MISMATCHED ? s.pickupCodeFailures() + 1 : s.pickupCodeFailures();
        String reason = outcome + (outcome == PickupTry.MATCHED ? ""
                : ", wrong tries " + Math.min(failures, PICKUP_CODE_MAX_FAILURES) + "/" + PICKUP_CODE_MAX_FAILURES
                + (failures >= PICKUP_CODE_MAX_FAILURES ? ", locked" : ""));
        record("PICKUP_CODE_TRIED", s.status(), s.status(), now, actor, reason);
        update(b -> b.pickupCodeFailures(failures));
    }

    public void withdraw(String reason, Instant now, Actor actor) {
        move(CaseStatus.WITHDRAWN, "WITHDRAWN", reason, now, actor);
        update(b -> b.closedAt(now));
    }

    // ---- derived ---------------------------------------------------------------------------------------------

    /** Whether the deadline clock is running now (accepted, not suspended, not decided). */
    public boolean clockRunning() {
        return CaseStatus.CLOCK_RUNNING.contains(s.status()) && s.dueAt() != null;
    }

    /** Materials of the item that are mandatory and not handed in (with enough copies). */
    public static List<SubmittedMaterial> mergeMaterials(List<SubmittedMaterial> have, List<SubmittedMaterial> more) {
        Map<String, Integer> merged = new LinkedHashMap<>();
        for (SubmittedMaterial m : have) merged.merge(m.code(), m.copies(), Math::max);
        if (more != null) for (SubmittedMaterial m : more) merged.merge(m.code(), m.copies(), Math::max);
        List<SubmittedMaterial> out = new ArrayList<>();
        merged.forEach((k, v) -> out.add(new SubmittedMaterial(k, v)));
        return out;
    }

    private void move(CaseStatus to, String event, String reason, Instant now, Actor actor) {
        CaseStatus from = s.status();
        CaseStateMachine.check(from, to);
        record(event, from, to, now, actor, reason);
        update(b -> b.status(to));
    }

    private void record(String event, CaseStatus from, CaseStatus to, Instant now, Actor actor, String reason) {
        int seq = s.historySize() + 1;
        pending.add(new HistoryEntry(seq, event, from, to, now, actor, reason));
        update(b -> b.historySize(seq));
    }

    private void update(java.util.function.Consumer<SnapshotBuilder> change) {
        SnapshotBuilder b = new SnapshotBuilder(s);
        change.accept(b);
        s = b.build();
    }

    /** Copies a snapshot with some fields changed. */
    static final class SnapshotBuilder {
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
        private final Snapshot base;

        SnapshotBuilder(Snapshot s) {
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
        }

        SnapshotBuilder queryPasswordHash(String v) { queryPasswordHash = v; return this; }
        SnapshotBuilder ticket(String id, String number) { ticketId = id; queueNumber = number; return this; }

        SnapshotBuilder consent(Consent v) { consent = v; return this; }
        SnapshotBuilder pickupCodeHash(String v) { pickupCodeHash = v; return this; }
        SnapshotBuilder deliveryMethod(String v) { deliveryMethod = v; return this; }
        SnapshotBuilder pickupCodeFailures(int v) { pickupCodeFailures = v; return this; }

        SnapshotBuilder status(CaseStatus v) { status = v; return this; }
        SnapshotBuilder materials(List<SubmittedMaterial> v) { materials = v; return this; }
        SnapshotBuilder missing(List<String> v) { missing = v; return this; }
        SnapshotBuilder outstandingTolerable(List<String> v) { outstandingTolerable = v; return this; }
        SnapshotBuilder acceptedAt(Instant v) { acceptedAt = v; return this; }
        SnapshotBuilder dueAt(Instant v) { dueAt = v; return this; }
        SnapshotBuilder dueProvisional(boolean v) { dueProvisional = v; return this; }
        SnapshotBuilder suspensions(List<Suspension> v) { suspensions = v; return this; }
        SnapshotBuilder extensionDays(Integer v) { extensionDays = v; return this; }
        SnapshotBuilder extensionReason(String v) { extensionReason = v; return this; }
        SnapshotBuilder decision(Decision v) { decision = v; return this; }
        SnapshotBuilder resultNumber(String v) { resultNumber = v; return this; }
        SnapshotBuilder resultIssuedAt(Instant v) { resultIssuedAt = v; return this; }
        SnapshotBuilder deliveredAt(Instant v) { deliveredAt = v; return this; }
        SnapshotBuilder deliveredTo(String v) { deliveredTo = v; return this; }
        SnapshotBuilder deliveryConfirmation(String v) { deliveryConfirmation = v; return this; }
        SnapshotBuilder closedAt(Instant v) { closedAt = v; return this; }
        SnapshotBuilder historySize(int v) { historySize = v; return this; }
        SnapshotBuilder taskDepartments(List<String> v) { taskDepartments = v; return this; }
        SnapshotBuilder distributionDueAt(Instant v) { distributionDueAt = v; return this; }
        SnapshotBuilder distributedAt(Instant v) { distributedAt = v; return this; }
        SnapshotBuilder warnedAt(Instant v) { warnedAt = v; return this; }
        SnapshotBuilder overdue(Instant at, Long minutes) { overdueAt = at; overdueWorkingMinutes = minutes; return this; }

        SnapshotBuilder notice(Notice v) {
            if (v != null && v != notice) {
                List<Notice> all = new ArrayList<>(notices);
                all.add(v);
                notices = all;
            }
            notice = v;
            return this;
        }

        Snapshot build() {
            Snapshot b = base;
            return new Snapshot(b.id(), b.itemCode(), b.itemVersion(), b.itemName(), b.mode(), b.departmentCode(),
                    b.regionCode(), status, b.channel(), b.applicant(), b.centerId(), b.servicePointId(), b.agentId(),
                    materials, missing, outstandingTolerable, b.submittedAt(), acceptedAt, dueAt, dueProvisional,
                    b.promisedDays(), b.legalDays(), b.warningDaysBefore(), suspensions, extensionDays,
                    extensionReason, decision, resultNumber, resultIssuedAt, deliveredAt, deliveredTo,
                    deliveryConfirmation, closedAt, notice, notices, taskDepartments, distributionDueAt,
                    distributedAt, warnedAt, overdueAt, overdueWorkingMinutes, b.version(), historySize, consent,
                    pickupCodeHash, deliveryMethod, pickupCodeFailures, queryPasswordHash, ticketId, queueNumber);
        }
    }
}
