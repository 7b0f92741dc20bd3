package cn.onewindow.core.access;

import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;

/**
 * Evaluations (好差评) and rectifications (整改): which device rates which case, who asks for a rating on the PAD and
 * binds PADs, who reads a batch, a rating or a rectification, and who handles and lists rectifications.
 */
public final class EvaluationAccess {
    private EvaluationAccess() {
    }

    /**
     * Ratings come from evaluation devices only (TERMINAL: PAD, evaluator, terminal, and the SMS / web gateways),
     * never from staff, who would be rating themselves. A device of a center rates that center's cases, a device of a
     * service point below its center only that point's cases (a device whose point is its center's own point rates
     * the whole center), a device bound to a city only that city's cases; a device bound to none of them (a
     * provincial gateway) any case. The single route and batch ingestion both decide here.
     */
    public static boolean canRate(Caller caller, ServiceCase.Snapshot c) {
        if (caller.role() == Role.SYSTEM) return true;
        if (caller.role() != Role.TERMINAL) return false;
        if (caller.cityCode() != null && !caller.cityCode().equals(c.regionCode())) return false;
        if (caller.centerId() != null && !caller.centerId().equals(c.centerId())) return false;
        if (caller.servicePointId() != null && !caller.servicePointId().equals(caller.centerId())
                && !caller.servicePointId().equals(c.servicePointId())) return false;
        return true;
    }

    /** Sending ratings at all (the single route, a batch): evaluation devices and the platform. */
    public static void requireRater(Caller caller) {
        RoleAccess.requireRole(caller, Role.TERMINAL, Role.SYSTEM);
    }

    /**
     * Asking the applicant to rate a case on the window's PAD (请评价): window staff of the case's center. Whoever
     * else may read the case gets 403.
     */
    public static void requireRatingRequest(Caller caller, ServiceCase.Snapshot c) {
        if (caller.role() != Role.WINDOW || caller.centerId() == null || !caller.centerId().equals(c.centerId())) {
            throw DomainException.forbidden("FORBIDDEN", "仅办件所在中心的窗口人员可请申请人评价",
                    "only window staff of the case's center may ask for a rating");
        }
    }

    /** The open rating requests are read by a PAD (a TERMINAL device) for the window it is bound to. */
    public static void requirePad(Caller caller) {
        RoleAccess.requireRole(caller, Role.TERMINAL);
    }

    /** Binding a PAD to a window is an administrator's act. */
    public static void requirePadBinder(Caller caller) {
        RoleAccess.requireRole(caller, Role.ADMIN);
    }

    /** Whether a caller account is a PAD (an evaluation device) that can be bound to a window. */
    public static boolean isPad(Caller account) {
        return account.role() == Role.TERMINAL;
    }

    /** An evaluation batch: the device that uploaded it, supervisors and administrators. */
    public static boolean canReadBatch(Caller caller, String submittedBy) {
        return switch (caller.role()) {
            case SUPERVISOR, ADMIN, SYSTEM -> true;
            case TERMINAL -> caller.id().equals(submittedBy);
            default -> false;
        };
    }

    /**
     * A rating or rectification: supervisors; the rated department of its city ({@code regionCode}: the case's);
     * window staff of its center; agents of its point.
     */
    public static boolean canReadRectification(Caller caller, String departmentCode, String regionCode,
                                               String centerId, String servicePointId) {
        return switch (caller.role()) {
            case SUPERVISOR, ADMIN, SYSTEM -> true;
            case DEPARTMENT -> caller.departmentCode() != null && caller.departmentCode().equals(departmentCode)
                    && CaseAccess.inCity(caller, regionCode);
            case WINDOW -> caller.centerId() != null && caller.centerId().equals(centerId);
            case AGENT -> caller.servicePointId() != null && caller.servicePointId().equals(servicePointId);
            default -> false;
        };
    }

    /** A rating: whoever may read its rectification ({@link #canReadRectification}), and the device that sent it. */
    public static boolean canReadEvaluation(Caller caller, String departmentCode, String regionCode, String centerId,
                                            String servicePointId, String source) {
        return canReadRectification(caller, departmentCode, regionCode, centerId, servicePointId)
                || (caller.role() == Role.TERMINAL && caller.id().equals(source));
    }

    /** Judging, call-back, fix and extension: a supervisor or the rated department of the case's city. */
    public static boolean canHandleRectification(Caller caller, String departmentCode, String regionCode) {
        return caller.role() == Role.SUPERVISOR || caller.role() == Role.SYSTEM
                || (caller.role() == Role.DEPARTMENT && caller.departmentCode() != null
                && caller.departmentCode().equals(departmentCode) && CaseAccess.inCity(caller, regionCode));
    }

    /** Listing rectifications of a scope ({@code department}, {@code servicePoint} or {@code center}). */
    public static boolean canListRectifications(Caller caller, String scope, String scopeId) {
        return switch (caller.role()) {
            case SUPERVISOR, ADMIN, SYSTEM -> true;
            case DEPARTMENT -> "department".equals(scope) && scopeId.equals(caller.departmentCode());
            case WINDOW -> ("center".equals(scope) && scopeId.equals(caller.centerId()))
                    || ("servicePoint".equals(scope) && scopeId.equals(caller.servicePointId()));
            case AGENT -> "servicePoint".equals(scope) && scopeId.equals(caller.servicePointId());
            default -> false;
        };
    }
}
