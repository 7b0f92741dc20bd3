package cn.onewindow.core.access;

import cn.onewindow.core.access.AccessPolicy.CaseAction;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;
import cn.onewindow.core.ports.CaseQuery;

/**
 * Who sees a case, who acts on it, which case list and ledger a caller reads. Reads outside a caller's reach are
 * answered as "not found" so that the existence of a case does not leak; writes outside it are "forbidden".
 */
public final class CaseAccess {
    private CaseAccess() {
    }

    /**
     * WINDOW: its center's cases; AGENT: its point's cases; STAFF: the cases of every point in its point's subtree;
     * DEPARTMENT: the cases of its own city with its own item or one of its tasks (a department code such as
     * {@code scjg} exists in every city: the city is part of its scope); SUPERVISOR, ADMIN: all; TERMINAL: none.
     */
    public static boolean canRead(Caller caller, ServiceCase.Snapshot c, PointTree tree) {
        return switch (caller.role()) {
            case SUPERVISOR, ADMIN, SYSTEM -> true;
            case WINDOW -> caller.centerId() != null && caller.centerId().equals(c.centerId());
            case AGENT -> caller.servicePointId() != null && caller.servicePointId().equals(c.servicePointId());
            case STAFF -> tree.within(c.servicePointId(), caller.servicePointId());
            case DEPARTMENT -> inCity(caller, c.regionCode()) && caller.departmentCode() != null
                    && (caller.departmentCode().equals(c.departmentCode())
                    || c.taskDepartments().contains(caller.departmentCode()));
            case TERMINAL, KIOSK, BOARD -> false;
        };
    }

    /** The caller's city is the given region (a caller without a city is in none: fail closed). */
    public static boolean inCity(Caller caller, String regionCode) {
        return caller.cityCode() != null && caller.cityCode().equals(regionCode);
    }

    public static boolean canDo(Caller caller, ServiceCase.Snapshot c, CaseAction action, PointTree tree) {
        if (!canRead(caller, c, tree)) return false;
        return switch (caller.role()) {
            case SYSTEM -> true;
            case SUPERVISOR -> action == CaseAction.REISSUE_PICKUP_CODE;
            case WINDOW -> action != CaseAction.REISSUE_PICKUP_CODE;
            case AGENT -> action == CaseAction.SUPPLEMENT || action == CaseAction.DELIVER
                    || action == CaseAction.WITHDRAW;
            // a case handled by one department without tasks (not joint, not escalated) is that department's
            // own work: it decides it and controls its clock; the cases its tasks belong to it only reads and
            // acts on through the tasks (POST /v1/tasks/{id}/decision)
            case DEPARTMENT -> (action == CaseAction.DECIDE || action == CaseAction.CLOCK)
                    && c.taskDepartments().isEmpty() && caller.departmentCode().equals(c.departmentCode());
            default -> false;
        };
    }

    /** Throws NOT_FOUND when the caller may not even see the case, FORBIDDEN when it may see but not act. */
    public static void requireCase(Caller caller, ServiceCase.Snapshot c, CaseAction action, PointTree tree) {
        if (!canRead(caller, c, tree)) throw caseNotFound(c.id());
        if (action != null && !canDo(caller, c, action, tree)) {
            throw DomainException.forbidden("FORBIDDEN", "无权对该办件执行此操作",
                    "your role may not " + action.name().toLowerCase() + " this case");
        }
    }

    public static DomainException caseNotFound(String id) {
        return DomainException.notFound("CASE_NOT_FOUND", "办件不存在", "no case " + id);
    }

    /** Only supervisors and admins see all centers; used by the API to reject impossible filters early. */
    public static boolean seesAllCenters(Caller caller) {
        return caller.role() == Role.SUPERVISOR || caller.role() == Role.ADMIN;
    }

    /**
     * The case list a caller may read, as the query narrowed to its scope: window staff their center, an agent its
     * point, staff a point of their subtree, supervisors and admins exactly one center or point they name; a query
     * outside the scope is refused (FORBIDDEN), never widened.
     */
    public static CaseQuery listScope(Caller caller, CaseQuery q, PointTree tree) {
        return CaseListScope.of(caller, q, tree);
    }

    /** The ledger (台帐) of a point: its agents, staff above it, supervisors. */
    public static boolean canReadLedger(Caller caller, String pointId, PointTree tree) {
        return switch (caller.role()) {
            case SUPERVISOR, SYSTEM -> true;
            case AGENT -> pointId.equals(caller.servicePointId());
            case STAFF -> tree.within(pointId, caller.servicePointId());
            default -> false;
        };
    }
}
