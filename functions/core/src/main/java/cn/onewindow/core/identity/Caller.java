package cn.onewindow.core.identity;

/**
 * Who is calling, as resolved from a credential.
 *
 * @param centerId       the service center a WINDOW caller works at
 * @param cityCode       the city (6-digit region code) of that center: 同城通办 scope
 * @param servicePointId the service point of an AGENT (or the center's own point for WINDOW)
 * @param departmentCode the department of a DEPARTMENT caller
 */
public record Caller(String id, Role role, String name, String centerId, String cityCode, String servicePointId,
                     String departmentCode) {

    public static Caller system(String id) {
        return new Caller(id, Role.SYSTEM, id, null, null, null, null);
    }

    /** An evaluator device (TERMINAL) by its id, bounded by {@code centerId} when given (a batch's uploader). */
    public static Caller device(String id, String centerId) {
        return new Caller(id, Role.TERMINAL, null, centerId, null, null, null);
    }

    /** The actor recorded in a case history for something this caller did. */
    public Actor asActor() {
        return new Actor(role, id, centerId, servicePointId, departmentCode);
    }
}
