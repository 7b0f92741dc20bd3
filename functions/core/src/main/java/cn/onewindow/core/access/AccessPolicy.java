package cn.onewindow.core.access;

import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;
import cn.onewindow.core.ports.CaseQuery;

import java.util.function.Supplier;

/**
 * Who may see and do what: the one entry the use cases ask. Each rule is written once, in the class of its area:
 * {@link CaseAccess} (reading, acting on and listing cases, ledgers), {@link IntakeAccess} (taking applications, the
 * applicant's identity, hand-over), {@link TaskAccess} (department tasks and inboxes), {@link EvaluationAccess}
 * (ratings, PADs, batches, rectifications), {@link HallAccess} (queue and bookings), {@link AdministrationAccess}
 * (credentials, sign-in, accountability, calendars) and {@link RoleAccess} (a plain role check). Reads outside a caller's reach
 * are answered as "not found" so that the existence of a record does not leak; writes outside it are "forbidden".
 */
public final class AccessPolicy {

    /** What is done to a case. REISSUE_PICKUP_CODE: a new pick-up code (取件码) after the old one was locked or lost. */
    public enum CaseAction { SUPPLEMENT, DECIDE, CLOCK, ISSUE_RESULT, DELIVER, WITHDRAW, REISSUE_PICKUP_CODE }

    /** What is done to a center's queue. */
    public enum QueueAction { READ, TAKE, CALL, CONFIGURE }

    /** What is done to a booking. */
    public enum AppointmentAction { READ, BOOK, MANAGE, CHECK_IN }

    private AccessPolicy() {
    }

    // ---- cases: CaseAccess --------------------------------------------------------------------------------------

    public static boolean canRead(Caller caller, ServiceCase.Snapshot c) {
        return CaseAccess.canRead(caller, c, PointTree.FLAT);
    }

    public static boolean canRead(Caller caller, ServiceCase.Snapshot c, PointTree tree) {
        return CaseAccess.canRead(caller, c, tree);
    }

    public static boolean inCity(Caller caller, String regionCode) {
        return CaseAccess.inCity(caller, regionCode);
    }

    public static boolean canDo(Caller caller, ServiceCase.Snapshot c, CaseAction action) {
        return CaseAccess.canDo(caller, c, action, PointTree.FLAT);
    }

    public static boolean canDo(Caller caller, ServiceCase.Snapshot c, CaseAction action, PointTree tree) {
        return CaseAccess.canDo(caller, c, action, tree);
    }

    public static void requireCase(Caller caller, ServiceCase.Snapshot c, CaseAction action) {
        CaseAccess.requireCase(caller, c, action, PointTree.FLAT);
    }

    public static void requireCase(Caller caller, ServiceCase.Snapshot c, CaseAction action, PointTree tree) {
        CaseAccess.requireCase(caller, c, action, tree);
    }

    public static DomainException caseNotFound(String id) {
        return CaseAccess.caseNotFound(id);
    }

    public static boolean seesAllCenters(Caller caller) {
        return CaseAccess.seesAllCenters(caller);
    }

    public static CaseQuery listScope(Caller caller, CaseQuery q, PointTree tree) {
        return CaseAccess.listScope(caller, q, tree);
    }

    public static boolean canReadLedger(Caller caller, String pointId, PointTree tree) {
        return CaseAccess.canReadLedger(caller, pointId, tree);
    }

    // ---- intake and the applicant in person: IntakeAccess --------------------------------------------------------

    public static void requireIntake(Caller caller, ServiceItem item, Channel channel) {
        IntakeAccess.requireIntake(caller, item, channel);
    }

    public static boolean takesCasesForItsPoint(Caller caller) {
        return IntakeAccess.takesCasesForItsPoint(caller);
    }

    public static boolean seesClearIdentity(Caller caller) {
        return IntakeAccess.seesClearIdentity(caller);
    }

    public static boolean canReadIdentityLog(Caller caller) {
        return IntakeAccess.canReadIdentityLog(caller);
    }

    public static boolean handOverNeedsApplicantConfirmation(Caller caller) {
        return IntakeAccess.handOverNeedsApplicantConfirmation(caller);
    }

    // ---- department tasks: TaskAccess ---------------------------------------------------------------------------

    public static boolean canReadTask(Caller caller, String taskDepartment, ServiceCase.Snapshot c) {
        return TaskAccess.canReadTask(caller, taskDepartment, c);
    }

    public static boolean canOpenTask(Caller caller, String taskDepartment, ServiceCase.Snapshot c) {
        return TaskAccess.canOpenTask(caller, taskDepartment, c);
    }

    public static void requireTaskDecider(Caller caller) {
        TaskAccess.requireTaskDecider(caller);
    }

    public static void requireInbox(Caller caller, String department) {
        TaskAccess.requireInbox(caller, department);
    }

    public static boolean listsCutToOwnCity(Caller caller) {
        return TaskAccess.listsCutToOwnCity(caller);
    }

    // ---- evaluations (好差评) and rectifications (整改): EvaluationAccess --------------------------------------------

    public static boolean canRate(Caller caller, ServiceCase.Snapshot c) {
        return EvaluationAccess.canRate(caller, c);
    }

    public static void requireRater(Caller caller) {
        EvaluationAccess.requireRater(caller);
    }

    public static void requireRatingRequest(Caller caller, ServiceCase.Snapshot c) {
        EvaluationAccess.requireRatingRequest(caller, c);
    }

    public static void requirePad(Caller caller) {
        EvaluationAccess.requirePad(caller);
    }

    public static void requirePadBinder(Caller caller) {
        EvaluationAccess.requirePadBinder(caller);
    }

    public static boolean isPad(Caller account) {
        return EvaluationAccess.isPad(account);
    }

    public static boolean canReadBatch(Caller caller, String submittedBy) {
        return EvaluationAccess.canReadBatch(caller, submittedBy);
    }

    public static boolean canReadRectification(Caller caller, String departmentCode, String regionCode,
                                               String centerId, String servicePointId) {
        return EvaluationAccess.canReadRectification(caller, departmentCode, regionCode, centerId, servicePointId);
    }

    public static boolean canReadEvaluation(Caller caller, String departmentCode, String regionCode, String centerId,
                                            String servicePointId, String source) {
        return EvaluationAccess.canReadEvaluation(caller, departmentCode, regionCode, centerId, servicePointId,
                source);
    }

    public static boolean canHandleRectification(Caller caller, String departmentCode, String regionCode) {
        return EvaluationAccess.canHandleRectification(caller, departmentCode, regionCode);
    }

    public static boolean canListRectifications(Caller caller, String scope, String scopeId) {
        return EvaluationAccess.canListRectifications(caller, scope, scopeId);
    }

    // ---- the hall: queue (排队叫号) and bookings (预约): HallAccess ---------------------------------------------------

    public static boolean canSeeQueue(Caller caller, String centerId) {
        return HallAccess.canSeeQueue(caller, centerId);
    }

    public static void requireQueue(Caller caller, String centerId, QueueAction action,
                                    Supplier<DomainException> notFound) {
        HallAccess.requireQueue(caller, centerId, action, notFound);
    }

    public static boolean canSeeAppointment(Caller caller, String centerId, String servicePointId) {
        return HallAccess.canSeeAppointment(caller, centerId, servicePointId);
    }

    public static void requireAppointment(Caller caller, String centerId, String servicePointId,
                                          AppointmentAction action, Supplier<DomainException> notFound) {
        HallAccess.requireAppointment(caller, centerId, servicePointId, action, notFound);
    }

    public static boolean kioskNeedsCode(Caller caller) {
        return HallAccess.kioskNeedsCode(caller);
    }

    // ---- administration: AdministrationAccess, RoleAccess ---------------------------------------------------------

    public static void requireCredentialAdministrator(Caller caller) {
        AdministrationAccess.requireCredentialAdministrator(caller);
    }

    public static boolean maySignIn(Caller account) {
        return AdministrationAccess.maySignIn(account);
    }

    public static void requireAccountabilityReader(Caller caller) {
        AdministrationAccess.requireAccountabilityReader(caller);
    }

    public static void requireCalendarAdministrator(Caller caller) {
        AdministrationAccess.requireCalendarAdministrator(caller);
    }

    public static void requireAdministrator(Caller caller) {
        AdministrationAccess.requireAdministrator(caller);
    }

    public static boolean seesAccounts(Caller caller) {
        return AdministrationAccess.seesAccounts(caller);
    }

    public static void requireServicePointManager(Caller caller) {
        AdministrationAccess.requireServicePointManager(caller);
    }

    public static void requireFiguresReader(Caller caller, String centerId) {
        AdministrationAccess.requireFiguresReader(caller, centerId);
    }

    public static void requireRole(Caller caller, Role... roles) {
        RoleAccess.requireRole(caller, roles);
    }
}
