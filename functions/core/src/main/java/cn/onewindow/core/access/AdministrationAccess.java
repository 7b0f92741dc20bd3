package cn.onewindow.core.access;

import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;

/** Accounts and oversight: who sets credentials, which accounts sign in, who reads accountability records. */
public final class AdministrationAccess {
    private AdministrationAccess() {
    }

    /** Setting a caller's user name and password: administrators only. */
    public static void requireCredentialAdministrator(Caller caller) {
        RoleAccess.requireRole(caller, Role.ADMIN);
    }

    /** People sign in; the platform's own SYSTEM callers never do (they have no password). */
    public static boolean maySignIn(Caller account) {
        return account.role() != Role.SYSTEM;
    }

    /** Accountability records (问责记录): supervisors and administrators. */
    public static void requireAccountabilityReader(Caller caller) {
        RoleAccess.requireRole(caller, Role.SUPERVISOR, Role.ADMIN);
    }

    /** Loading a region's working-day calendar for a year: administrators only. */
    public static void requireCalendarAdministrator(Caller caller) {
        RoleAccess.requireRole(caller, Role.ADMIN);
    }

    /** Callers (accounts, tokens, profiles) and the catalogue: administrators only. */
    public static void requireAdministrator(Caller caller) {
        RoleAccess.requireRole(caller, Role.ADMIN);
    }

    /** Whether a caller may see other callers' accounts at all (anyone else is told there is no such caller). */
    public static boolean seesAccounts(Caller caller) {
        return caller.role() == Role.ADMIN;
    }

    /** Opening, renaming and closing service points: administrators and supervisors. */
    public static void requireServicePointManager(Caller caller) {
        RoleAccess.requireRole(caller, Role.ADMIN, Role.SUPERVISOR);
    }

    /** A center's figures: supervisors and administrators any center's, window staff their own center's. */
    public static void requireFiguresReader(Caller caller, String centerId) {
        RoleAccess.requireRole(caller, Role.SUPERVISOR, Role.ADMIN, Role.WINDOW);
        if (caller.role() == Role.WINDOW && !centerId.equals(caller.centerId())) {
            throw DomainException.forbidden("FORBIDDEN", "窗口只能查看本中心的统计", "window staff see their own center only");
        }
    }
}
