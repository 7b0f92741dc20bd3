package cn.onewindow.core.evaluation;

import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Caller;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * 整改: opened by a bad rating. Judged valid or not (with reason); a valid one needs a call-back (回访) and a fix,
 * each with a due time on the working-day calendar; the fix may be extended once. Every step is in {@code history}.
 */
public record Rectification(String id, String caseId, int round, String evaluationId, Level level, Status status,
                            String departmentCode, String centerId, String servicePointId, String itemCode,
                            Instant openedAt, Boolean valid, String judgement, String judgedBy, Instant judgedAt,
                            Instant callbackDueAt, Instant calledBackAt, String callbackNote, Instant callbackOverdueAt,
                            Instant fixDueAt, Integer extensionDays, String extensionReason, Instant fixWarnedAt,
                            Instant fixOverdueAt, Long fixOverdueWorkingMinutes, Instant fixedAt, String fixNote,
                            Instant closedAt, List<Step> history, long version) {

    public enum Status {
        AWAITING_JUDGEMENT, IN_RECTIFICATION, DISMISSED, FIXED;

        public boolean open() { return this == AWAITING_JUDGEMENT || this == IN_RECTIFICATION; }
    }

    /** One line of the rectification's history. */
    public record Step(Instant at, String event, String actorRole, String actorId, String note) {
    }

    public Rectification {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static String idFor(String caseId, int round) {
        return caseId + "-R" + round;
    }

    public static String caseIdOf(String rectificationId) {
        int i = rectificationId == null ? -1 : rectificationId.lastIndexOf("-R");
        return i <= 0 ? null : rectificationId.substring(0, i);
    }

    public static int roundOf(String rectificationId) {
        try {
            return Integer.parseInt(rectificationId.substring(rectificationId.lastIndexOf("-R") + 2));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    public static Rectification open(Evaluation e, Instant at) {
        return new Rectification(idFor(e.caseId(), e.round()), e.caseId(), e.round(), e.id(), e.level(),
                Status.AWAITING_JUDGEMENT, e.departmentCode(), e.centerId(), e.servicePointId(), e.itemCode(), at,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                List.of(new Step(at, "OPENED", "SYSTEM", e.source(), e.level().name() + " " + e.level().chinese())),
                0L);
    }

    // ---- the legal transitions (SPEC §2.5): AWAITING_JUDGEMENT → DISMISSED | IN_RECTIFICATION;
    // IN_RECTIFICATION: call back once, extend once, then FIXED (after the call-back). Refused otherwise. ----------

    /** Whether judging it {@code valid} with {@code reason} repeats its judgement (a retry, answered unchanged). */
    public boolean judgedAs(boolean valid, String reason) {
        return status != Status.AWAITING_JUDGEMENT && this.valid != null && this.valid == valid
                && reason.equals(judgement);
    }

    /** 研判 not valid: closed (DISMISSED). */
    public Rectification dismiss(String reason, Caller by, Instant now) {
        requireAwaitingJudgement();
        return with(b -> {
            b.status = Status.DISMISSED; b.valid = false; b.judgement = reason; b.judgedBy = by.id(); b.judgedAt = now;
            b.closedAt = now;
        }, step(now, "JUDGED_INVALID", by, reason));
    }

    /** 研判 valid: IN_RECTIFICATION, with the call-back and the fix due at the given times. */
    public Rectification acceptAsValid(String reason, Caller by, Instant now, Instant callbackDue, Instant fixDue) {
        requireAwaitingJudgement();
        return with(b -> {
            b.status = Status.IN_RECTIFICATION; b.valid = true; b.judgement = reason; b.judgedBy = by.id();
            b.judgedAt = now; b.callbackDueAt = callbackDue; b.fixDueAt = fixDue;
        }, step(now, "JUDGED_VALID", by, reason));
    }

    /** Whether recording this call-back note repeats the one recorded. */
    public boolean calledBackWith(String note) {
        return status == Status.IN_RECTIFICATION && calledBackAt != null && note.equals(callbackNote);
    }

    /** 回访: the applicant was called back; once. */
    public Rectification callBack(String note, Caller by, Instant now) {
        requireInRectification();
        if (calledBackAt != null) {
            throw DomainException.conflict("CALLBACK_ALREADY_RECORDED", "已记录回访", "the call-back was recorded");
        }
        return with(b -> { b.calledBackAt = now; b.callbackNote = note; }, step(now, "CALLED_BACK", by, note));
    }

    /** Whether this extension repeats the one granted. */
    public boolean extendedBy(int days, String reason) {
        return status == Status.IN_RECTIFICATION && extensionDays != null && extensionDays == days
                && reason.equals(extensionReason);
    }

    /**
     * Extends the fix once to {@code newDue}; {@code rearmWarning} when the new warning point lies ahead (the
     * warning fires again before the new due).
     */
    public Rectification extend(int days, String reason, Instant newDue, boolean rearmWarning, Caller by, Instant now) {
        requireInRectification();
        if (extensionDays != null) {
            throw DomainException.conflict("RECTIFICATION_EXTENSION_USED", "整改期限只能延长一次",
                    "the fix deadline can be extended once only");
        }
        return with(b -> {
            b.extensionDays = days; b.extensionReason = reason; b.fixDueAt = newDue;
            if (rearmWarning) b.fixWarnedAt = null;
        }, step(now, "EXTENDED", by, days + " working days: " + reason));
    }

    /** Whether closing it with this note repeats the close. */
    public boolean fixedWith(String note) {
        return status == Status.FIXED && note.equals(fixNote);
    }

    /** 整改完成: FIXED (the applicant may re-rate once); the call-back must come first. */
    public Rectification fix(String note, Caller by, Instant now) {
        requireInRectification();
        if (calledBackAt == null) {
            throw DomainException.illegalState("CALLBACK_REQUIRED", "请先回访申请人，再完成整改",
                    "call the applicant back before closing the rectification");
        }
        return with(b -> { b.status = Status.FIXED; b.fixedAt = now; b.fixNote = note; b.closedAt = now; },
                step(now, "FIXED", by, note));
    }

    /** Whether the call-back is past due and not yet recorded as overdue. */
    public boolean callbackOverdueAt(Instant now) {
        return status == Status.IN_RECTIFICATION && calledBackAt == null && callbackOverdueAt == null
                && !now.isBefore(callbackDueAt);
    }

    /** The call-back missed its due: recorded once, by the deadline checker {@code checker}. */
    public Rectification markCallbackOverdue(long workingMinutesLate, String checker, Instant now) {
        if (!callbackOverdueAt(now)) {
            throw DomainException.illegalState("CALLBACK_NOT_OVERDUE", "回访未超期", "the call-back is not overdue");
        }
        return with(b -> b.callbackOverdueAt = now, new Step(now, "CALLBACK_OVERDUE", "SYSTEM", checker,
                workingMinutesLate + " working minutes late"));
    }

    /** Whether the fix is past due and not yet recorded as overdue. */
    public boolean fixOverdueAt(Instant now) {
        return status == Status.IN_RECTIFICATION && fixOverdueAt == null && !now.isBefore(fixDueAt);
    }

    /** The fix missed its due (红牌): recorded once, counting as warned. */
    public Rectification markFixOverdue(long workingMinutesLate, String checker, Instant now) {
        if (!fixOverdueAt(now)) {
            throw DomainException.illegalState("FIX_NOT_OVERDUE", "整改未超期", "the fix is not overdue");
        }
        return with(b -> {
            b.fixOverdueAt = now; b.fixOverdueWorkingMinutes = workingMinutesLate;
            b.fixWarnedAt = b.fixWarnedAt == null ? now : b.fixWarnedAt;
        }, new Step(now, "FIX_OVERDUE", "SYSTEM", checker, workingMinutesLate + " working minutes late"));
    }

    /** Whether the fix reached {@code warningPoint} and was neither warned nor found overdue yet. */
    public boolean fixWarningDue(Instant warningPoint, Instant now) {
        return status == Status.IN_RECTIFICATION && fixWarnedAt == null && fixOverdueAt == null
                && !now.isBefore(warningPoint);
    }

    /** The one warning (预警) before the fix's due. */
    public Rectification warnFix(Instant warningPoint, String checker, Instant now) {
        if (!fixWarningDue(warningPoint, now)) {
            throw DomainException.illegalState("FIX_WARNING_NOT_DUE", "整改预警未到或已发出",
                    "the fix warning is not due or was given");
        }
        return with(b -> b.fixWarnedAt = now, new Step(now, "FIX_WARNING", "SYSTEM", checker, "due " + fixDueAt));
    }

    private void requireAwaitingJudgement() {
        if (status != Status.AWAITING_JUDGEMENT) {
            throw DomainException.conflict("RECTIFICATION_ALREADY_JUDGED", "该差评已研判", "already judged");
        }
    }

    private void requireInRectification() {
        if (status != Status.IN_RECTIFICATION) {
            throw DomainException.illegalState("RECTIFICATION_NOT_IN_PROGRESS",
                    "整改记录当前状态不允许此操作", "the rectification is " + status);
        }
    }

    private static Step step(Instant at, String event, Caller by, String note) {
        return new Step(at, event, by.role().name(), by.id(), note);
    }

    /** A copy with fields changed through the builder and one more history line. */
    private Rectification with(java.util.function.Consumer<Builder> change, Step step) {
        Builder b = new Builder(this);
        change.accept(b);
        List<Step> h = new ArrayList<>(history);
        if (step != null) h.add(step);
        b.history = h;
        return b.build();
    }

    /** Mutable copy used by {@link #with}. */
    private static final class Builder {
        Status status; Boolean valid; String judgement; String judgedBy;
        Instant judgedAt; Instant callbackDueAt; Instant calledBackAt; String callbackNote;
        Instant callbackOverdueAt; Instant fixDueAt; Integer extensionDays;
        String extensionReason; Instant fixWarnedAt; Instant fixOverdueAt;
        Long fixOverdueWorkingMinutes; Instant fixedAt; String fixNote; Instant closedAt;
        private List<Step> history;
        private final Rectification r;

        Builder(Rectification r) {
            this.r = r;
            status = r.status; valid = r.valid; judgement = r.judgement; judgedBy = r.judgedBy; judgedAt = r.judgedAt;
            callbackDueAt = r.callbackDueAt; calledBackAt = r.calledBackAt; callbackNote = r.callbackNote;
            callbackOverdueAt = r.callbackOverdueAt; fixDueAt = r.fixDueAt; extensionDays = r.extensionDays;
            extensionReason = r.extensionReason; fixWarnedAt = r.fixWarnedAt; fixOverdueAt = r.fixOverdueAt;
            fixOverdueWorkingMinutes = r.fixOverdueWorkingMinutes; fixedAt = r.fixedAt; fixNote = r.fixNote;
            closedAt = r.closedAt; history = r.history;
        }

        Rectification build() {
            return new Rectification(r.id, r.caseId, r.round, r.evaluationId, r.level, status, r.departmentCode,
                    r.centerId, r.servicePointId, r.itemCode, r.openedAt, valid, judgement, judgedBy, judgedAt,
                    callbackDueAt, calledBackAt, callbackNote, callbackOverdueAt, fixDueAt, extensionDays,
                    extensionReason, fixWarnedAt, fixOverdueAt, fixOverdueWorkingMinutes, fixedAt, fixNote, closedAt,
                    history, r.version);
        }
    }

    public Rectification withVersion(long v) {
        return new Rectification(id, caseId, round, evaluationId, level, status, departmentCode, centerId,
                servicePointId, itemCode, openedAt, valid, judgement, judgedBy, judgedAt, callbackDueAt, calledBackAt,
                callbackNote, callbackOverdueAt, fixDueAt, extensionDays, extensionReason, fixWarnedAt, fixOverdueAt,
                fixOverdueWorkingMinutes, fixedAt, fixNote, closedAt, history, v);
    }
}
