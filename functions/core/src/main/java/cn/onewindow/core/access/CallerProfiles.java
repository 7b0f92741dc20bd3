package cn.onewindow.core.access;

import cn.onewindow.core.common.Validator;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;
import cn.onewindow.core.points.ServicePoint;
import cn.onewindow.core.ports.ServicePointDirectory;

/**
 * What a caller's profile must hold for its role: the attributes its scope is decided by (a window's center and city,
 * an agent's open service point, a department's code and city), checked when an administrator creates or changes it.
 */
public final class CallerProfiles {
    private CallerProfiles() {
    }

    /** The platform's own SYSTEM callers exist only in code: no administrator creates one. */
    public static boolean creatable(Role role) {
        return role != Role.SYSTEM;
    }

    public static void check(Validator v, Caller c, ServicePointDirectory points) {
        v.notBlank(c.name(), "name").maxLength(c.name(), 100, "name");
        v.maxLength(c.centerId(), 64, "centerId").maxLength(c.servicePointId(), 64, "servicePointId")
                .maxLength(c.departmentCode(), 32, "departmentCode");
        if (c.cityCode() != null) {
            v.require(c.cityCode().matches("\\d{6}"), "cityCode", "INVALID_VALUE", "城市代码应为6位数字",
                    "cityCode has 6 digits");
        }
        if (c.role() == null) return;
        switch (c.role()) {
            case WINDOW, KIOSK, BOARD -> v.notBlank(c.centerId(), "centerId").notBlank(c.cityCode(), "cityCode");
            case AGENT, STAFF -> {
                v.notBlank(c.servicePointId(), "servicePointId").notBlank(c.cityCode(), "cityCode");
                if (c.servicePointId() != null && !c.servicePointId().isBlank()) {
                    ServicePoint p = points.find(c.servicePointId()).orElse(null);
                    v.require(p != null, "servicePointId", "UNKNOWN_SERVICE_POINT", "服务点不存在",
                            "no such service point");
                    v.require(p == null || p.open(), "servicePointId", "SERVICE_POINT_CLOSED", "服务点已撤销",
                            "the service point is closed");
                    v.require(p == null || c.role() != Role.STAFF || p.level() != ServicePoint.Level.VILLAGE,
                            "servicePointId", "NOT_A_CENTER", "辖区人员须属于县级或乡镇中心",
                            "staff belong to a county or township center");
                }
            }
            // a department code (scjg, zjj …) exists in every city: its city is part of its scope
            case DEPARTMENT -> v.notBlank(c.departmentCode(), "departmentCode").notBlank(c.cityCode(), "cityCode");
            default -> {
            }
        }
    }
}
