package cn.onewindow.core.evaluation;

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

    /** A copy with fields changed through the builder and one more history line. */
    public Rectification with(java.util.function.Consumer<Builder> change, Step step) {
        Builder b = new Builder(this);
        change.accept(b);
        List<Step> h = new ArrayList<>(history);
        if (step != null) h.add(step);
        b.history = h;
        return b.build();
    }

    /** Mutable copy used by {@link #with}. */
    public static final class Builder {
        public Status status; public Boolean valid; public String judgement; public String judgedBy;
        public Instant judgedAt; public Instant callbackDueAt; public Instant calledBackAt; public String callbackNote;
        public Instant callbackOverdueAt; public Instant fixDueAt; public Integer extensionDays;
        public String extensionReason; public Instant fixWarnedAt; public Instant fixOverdueAt;
        public Long fixOverdueWorkingMinutes; public Instant fixedAt; public String fixNote; public Instant closedAt;
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
