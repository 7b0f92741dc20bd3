package cn.onewindow.core.access;

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
}
