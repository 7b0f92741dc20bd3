package cn.onewindow.core.access;

import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;

/** The plain role check the other access classes build on: one of these roles, or 403. */
public final class RoleAccess {
    private RoleAccess() {
    }

    public static void requireRole(Caller caller, Role... roles) {
        for (Role r : roles) if (caller.role() == r) return;
        throw DomainException.forbidden("FORBIDDEN", "无权执行此操作", "your role may not do this");
    }
}
