package cn.onewindow.core.identity;

/** Who did something, as kept in a case history: role, id, and the center, service point or department. */
public record Actor(Role role, String id, String centerId, String servicePointId, String departmentCode) {

    /** The platform itself (a worker, the deadline checker) acting under {@code name}. */
    public static Actor system(String name) {
        return new Actor(Role.SYSTEM, name, null, null, null);
    }
}
