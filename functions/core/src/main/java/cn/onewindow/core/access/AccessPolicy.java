package cn.onewindow.core.access;

import cn.onewindow.core.identity.Role;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.ports.CaseQuery;

/**
 * Who may see and do what, in one place. Reads outside a caller's reach are answered as "not found" so that the
 * existence of a case does not leak; writes outside it are "forbidden".
 */
public final class AccessPolicy {

    /** What is being done to a case. */
    /** REISSUE_PICKUP_CODE: a new pick-up code (取件码) after the old one was locked or lost: supervisors only. */
    public enum CaseAction { SUPPLEMENT, DECIDE, CLOCK, ISSUE_RESULT, DELIVER, WITHDRAW, REISSUE_PICKUP_CODE }

    private AccessPolicy() {
    }

    public static boolean canRead(Caller caller, ServiceCase.Snapshot c) {
        return canRead(caller, c, PointTree.FLAT);
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

    /**
     * A department task (inbox, detail, decision): supervisors and administrators; the task's own department of the
     * case's city. {@code c} is the case the task belongs to (null when it is gone: visible to nobody).
     */
    public static boolean canReadTask(Caller caller, String taskDepartment, ServiceCase.Snapshot c) {
        if (c == null) return false;
        return switch (caller.role()) {
            case SUPERVISOR, ADMIN, SYSTEM -> true;
            case DEPARTMENT -> taskDepartment.equals(caller.departmentCode()) && inCity(caller, c.regionCode());
            default -> false;
        };
    }

    /** A task opened by its id (detail, decision): as {@link #canReadTask}, for people only, not the platform. */
    public static boolean canOpenTask(Caller caller, String taskDepartment, ServiceCase.Snapshot c) {
        boolean person = caller.role() == Role.SUPERVISOR || caller.role() == Role.ADMIN
                || caller.role() == Role.DEPARTMENT;
        return person && canReadTask(caller, taskDepartment, c);
    }

    /** Deciding a task: the department itself (or the platform); supervisors and administrators only see tasks. */
    public static void requireTaskDecider(Caller caller) {
        requireRole(caller, Role.DEPARTMENT, Role.SYSTEM);
    }

    /** A department's inbox: its own department's; supervisors and administrators any. */
    public static void requireInbox(Caller caller, String department) {
        boolean ok = caller.role() == Role.SUPERVISOR || caller.role() == Role.ADMIN
                || (caller.role() == Role.DEPARTMENT && department.equals(caller.departmentCode()));
        if (!ok) {
            throw DomainException.forbidden("FORBIDDEN", "只能查看本部门的审批任务", "a department sees only its own tasks");
        }
    }

    /**
     * Whether what the caller lists is cut to its own city record by record: a department (a department code exists
     * in every city). Others' lists are bounded by their query alone.
     */
    public static boolean listsCutToOwnCity(Caller caller) {
        return caller.role() == Role.DEPARTMENT;
    }

    public static boolean canDo(Caller caller, ServiceCase.Snapshot c, CaseAction action) {
        return canDo(caller, c, action, PointTree.FLAT);
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

    /** Window staff and agents deal with the applicant in person and see the identity in clear; others masked. */
    public static boolean seesClearIdentity(Caller caller) {
        return caller.role() == Role.WINDOW || caller.role() == Role.AGENT;
    }

    /** Who read an applicant's identity in clear (the access log): supervisors only. */
    public static boolean canReadIdentityLog(Caller caller) {
        return caller.role() == Role.SUPERVISOR;
    }

    /** An agent (代办员) takes cases for its own service point, and a closed point takes none. */
    public static boolean takesCasesForItsPoint(Caller caller) {
        return caller.role() == Role.AGENT;
    }

    /** An agent hands a result over for the applicant: only with the applicant's pick-up code or signature. */
    public static boolean handOverNeedsApplicantConfirmation(Caller caller) {
        return caller.role() == Role.AGENT;
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

    /** Throws NOT_FOUND when the caller may not even see the case, FORBIDDEN when it may see but not act. */
    public static void requireCase(Caller caller, ServiceCase.Snapshot c, CaseAction action) {
        requireCase(caller, c, action, PointTree.FLAT);
    }

    public static void requireCase(Caller caller, ServiceCase.Snapshot c, CaseAction action, PointTree tree) {
        if (!canRead(caller, c, tree)) throw caseNotFound(c.id());
        if (action != null && !canDo(caller, c, action, tree)) {
            throw DomainException.forbidden("FORBIDDEN", "无权对该办件执行此操作",
                    "your role may not " + action.name().toLowerCase() + " this case");
        }
    }

    /** 同城通办: window staff accept any item of their own city; agents apply on behalf of villagers only. */
    public static void requireIntake(Caller caller, ServiceItem item, Channel channel) {
        switch (caller.role()) {
            case WINDOW -> {
                if (channel == Channel.VILLAGE_AGENT) {
                    throw DomainException.forbidden("CHANNEL_NOT_ALLOWED", "窗口人员不能以代办渠道提交",
                            "window staff cannot submit through the VILLAGE_AGENT channel");
                }
                if (!item.regionCode().equals(caller.cityCode())) {
                    throw DomainException.forbidden("OUT_OF_CITY", "该事项不属于本市，不能在本中心受理（同城通办仅限本市事项）",
                            "this item belongs to another city; a center accepts only items of its own city");
                }
            }
            case AGENT -> {
                if (channel != Channel.VILLAGE_AGENT) {
                    throw DomainException.forbidden("CHANNEL_NOT_ALLOWED", "代办员只能以代办渠道提交",
                            "agents submit through the VILLAGE_AGENT channel only");
                }
                if (!item.regionCode().equals(caller.cityCode())) {
                    throw DomainException.forbidden("OUT_OF_CITY", "该事项不属于本市", "this item belongs to another city");
                }
            }
            default -> throw DomainException.forbidden("FORBIDDEN", "无权受理申请", "your role may not submit applications");
        }
    }

    /** Setting a caller's user name and password: administrators only. */
    public static void requireCredentialAdministrator(Caller caller) {
        requireRole(caller, Role.ADMIN);
    }

    /** People sign in; the platform's own SYSTEM callers never do (they have no password). */
    public static boolean maySignIn(Caller account) {
        return account.role() != Role.SYSTEM;
    }

    /** Accountability records (问责记录): supervisors and administrators. */
    public static void requireAccountabilityReader(Caller caller) {
        requireRole(caller, Role.SUPERVISOR, Role.ADMIN);
    }

    public static void requireRole(Caller caller, Role... roles) {
        for (Role r : roles) if (caller.role() == r) return;
        throw DomainException.forbidden("FORBIDDEN", "无权执行此操作", "your role may not do this");
    }

    // ---- evaluations (好差评) and rectifications (整改) -------------------------------------------------------

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
        requireRole(caller, Role.TERMINAL);
    }

    /** Binding a PAD to a window is an administrator's act. */
    public static void requirePadBinder(Caller caller) {
        requireRole(caller, Role.ADMIN);
    }

    /** Whether a caller account is a PAD (an evaluation device) that can be bound to a window. */
    public static boolean isPad(Caller account) {
        return account.role() == Role.TERMINAL;
    }

    public static void requireRater(Caller caller) {
        requireRole(caller, Role.TERMINAL, Role.SYSTEM);
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
                    && inCity(caller, regionCode);
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
                && caller.departmentCode().equals(departmentCode) && inCity(caller, regionCode));
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

    public static DomainException caseNotFound(String id) {
        return DomainException.notFound("CASE_NOT_FOUND", "办件不存在", "no case " + id);
    }

    // ---- queue (排队叫号) ------------------------------------------------------------------------------------

    /** What is done to a center's queue. */
    public enum QueueAction { READ, TAKE, CALL, CONFIGURE }

    /**
     * A center's queue, tickets and windows. Seen by its own window staff, kiosks and boards, supervisors and
     * administrators (outside: 404). Tickets are taken by its kiosks and window staff, windows are worked by its
     * window staff, the configuration is replaced by administrators; anyone else who sees the queue gets 403.
     */
    public static boolean canSeeQueue(Caller caller, String centerId) {
        return switch (caller.role()) {
            case SUPERVISOR, ADMIN, SYSTEM -> true;
            case WINDOW, KIOSK, BOARD -> centerId != null && centerId.equals(caller.centerId());
            default -> false;
        };
    }

    public static void requireQueue(Caller caller, String centerId, QueueAction action,
                                    java.util.function.Supplier<DomainException> notFound) {
        if (!canSeeQueue(caller, centerId)) throw notFound.get();
        boolean allowed = switch (action) {
            case READ -> true;
            case TAKE -> caller.role() == Role.KIOSK || caller.role() == Role.WINDOW || caller.role() == Role.SYSTEM;
            case CALL -> caller.role() == Role.WINDOW || caller.role() == Role.SYSTEM;
            case CONFIGURE -> caller.role() == Role.ADMIN;
        };
        if (!allowed) {
            throw DomainException.forbidden("FORBIDDEN", "无权执行此排队操作", "your role may not do this to the queue");
        }
    }

    // ---- appointments (预约) -----------------------------------------------------------------------------------

    /** What is done to a booking. */
    public enum AppointmentAction { READ, BOOK, MANAGE, CHECK_IN }

    /**
     * Bookings without their booking code. Citizens have no caller: they book with ID, phone and name and get a
     * booking code once, which alone lets them read, reschedule, cancel and check in (checked by the service,
     * rate-limited). With a caller: an AGENT books, reads, reschedules and cancels for villagers at their point's
     * center, only the bookings made at their point; WINDOW staff do everything at their own center; a KIOSK of the
     * center checks in (with the booking code the citizen enters, {@link #kioskNeedsCode}); SUPERVISOR and ADMIN
     * read; SYSTEM everything. Outside the scope the booking does not exist (404); inside, a refused action is 403.
     *
     * @param servicePointId the point an agent's booking was made through (null for others)
     */
    public static boolean canSeeAppointment(Caller caller, String centerId, String servicePointId) {
        return switch (caller.role()) {
            case SUPERVISOR, ADMIN, SYSTEM -> true;
            case WINDOW, KIOSK -> centerId != null && centerId.equals(caller.centerId());
            case AGENT -> centerId != null && centerId.equals(caller.centerId())
                    && servicePointId != null && servicePointId.equals(caller.servicePointId());
            default -> false;
        };
    }

    public static void requireAppointment(Caller caller, String centerId, String servicePointId,
                                          AppointmentAction action,
                                          java.util.function.Supplier<DomainException> notFound) {
        if (!canSeeAppointment(caller, centerId, servicePointId)) throw notFound.get();
        boolean allowed = switch (action) {
            case READ -> caller.role() != Role.KIOSK;
            case BOOK, MANAGE -> caller.role() == Role.AGENT || caller.role() == Role.WINDOW
                    || caller.role() == Role.SYSTEM;
            case CHECK_IN -> caller.role() == Role.WINDOW || caller.role() == Role.KIOSK
                    || caller.role() == Role.SYSTEM;
        };
        if (!allowed) {
            throw DomainException.forbidden("FORBIDDEN", "无权执行此预约操作", "your role may not do this to bookings");
        }
    }

    /** A kiosk checks in only with the booking code the citizen enters (it is a device in a public hall). */
    public static boolean kioskNeedsCode(Caller caller) {
        return caller != null && caller.role() == Role.KIOSK;
    }
}
