package cn.onewindow.core.access;

import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.CaseQuery;

import java.util.List;

/** The case list a caller may read (see {@link CaseAccess#listScope}). */
final class CaseListScope {
    private CaseListScope() {
    }

    static CaseQuery of(Caller caller, CaseQuery q, PointTree tree) {
        return switch (caller.role()) {
            case WINDOW -> {
                if (q.servicePointId() != null) {
                    throw DomainException.forbidden("FORBIDDEN", "窗口只能查看本中心办件", "window staff list their own center");
                }
                if (q.centerId() != null && !q.centerId().equals(caller.centerId())) {
                    throw DomainException.forbidden("FORBIDDEN", "窗口只能查看本中心办件", "window staff list their own center");
                }
                yield withScope(q, caller.centerId(), null);
            }
            case AGENT -> {
                // a center filter is narrowed to the agent's point; another point is refused
                if (q.servicePointId() != null && !q.servicePointId().equals(caller.servicePointId())) {
                    throw DomainException.forbidden("FORBIDDEN", "代办员只能查看本服务点办件",
                            "agents list their own service point");
                }
                yield withScope(q, null, caller.servicePointId());
            }
            case STAFF -> {
                if (q.centerId() != null) {
                    throw DomainException.forbidden("FORBIDDEN", "请按服务点查询", "staff list by servicePointId");
                }
                String point = q.servicePointId() == null ? caller.servicePointId() : q.servicePointId();
                if (!tree.within(point, caller.servicePointId())) {
                    throw DomainException.forbidden("FORBIDDEN", "只能查看本辖区服务点的办件",
                            "staff list the points of their own subtree");
                }
                yield withScope(q, null, point);
            }
            case SUPERVISOR, ADMIN -> {
                if ((q.centerId() == null) == (q.servicePointId() == null)) {
                    throw DomainException.validation(List.of(FieldError.of("centerId",
                            "SCOPE_REQUIRED", "请指定 centerId 或 servicePointId 之一",
                            "give exactly one of centerId or servicePointId")));
                }
                yield q;
            }
            default -> throw DomainException.forbidden("FORBIDDEN", "无权查询办件列表", "your role may not list cases");
        };
    }

    private static CaseQuery withScope(CaseQuery q, String center, String servicePoint) {
        return new CaseQuery(center, servicePoint, q.status(), q.itemCode(), q.channel(), q.dueBefore(), q.dueState(),
                q.limit(), q.cursor());
    }
}
