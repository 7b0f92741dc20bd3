package cn.onewindow.core.service;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.access.PointTree;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.points.ServicePoint;
import cn.onewindow.core.ports.ServicePointDirectory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service point tree (county center → township center → village point), managed by administrators and
 * supervisors; read by every caller. Also the {@link PointTree} the access rules use: a point's path never changes
 * once created, so it is cached.
 */
public final class ServicePointService implements PointTree {
    private final ServicePointDirectory points;
    private final Clock clock;
    private final ConcurrentHashMap<String, List<String>> paths = new ConcurrentHashMap<>();

    /** What an administrator sends to create a point. */
    public record Spec(String id, String name, ServicePoint.Level level, String parentId, String cityCode) {
    }

    public ServicePointService(ServicePointDirectory points, Clock clock) {
        this.points = points;
        this.clock = clock;
    }

    @Override
    public List<String> pathOf(String pointId) {
        if (pointId == null) return List.of();
        List<String> cached = paths.get(pointId);
        if (cached != null) return cached;
        List<String> path = points.find(pointId).map(ServicePoint::path).orElse(null);
        if (path == null) return List.of(pointId); // unknown points are not cached: they may be created later
        paths.put(pointId, path);
        return path;
    }

    public ServicePoint create(Caller caller, Spec spec) {
        requireManager(caller);
        Validator v = new Validator();
        v.notBlank(spec.id(), "id").notBlank(spec.name(), "name").maxLength(spec.name(), 100, "name")
                .notNull(spec.level(), "level");
        if (spec.id() != null) {
            v.require(spec.id().matches("[A-Za-z0-9][A-Za-z0-9_-]{1,47}"), "id", "INVALID_ID",
                    "编号应为2至48位字母、数字、下划线或连字符", "2–48 letters, digits, '_' or '-'");
        }
        ServicePoint parent = null;
        if (spec.level() == ServicePoint.Level.COUNTY) {
            v.require(spec.parentId() == null, "parentId", "NOT_ALLOWED", "县级中心没有上级", "a county center has no parent");
            v.notBlank(spec.cityCode(), "cityCode");
        } else if (spec.level() != null) {
            v.notBlank(spec.parentId(), "parentId");
            if (spec.parentId() != null && !spec.parentId().isBlank()) {
                parent = points.find(spec.parentId()).orElse(null);
                v.require(parent != null, "parentId", "UNKNOWN_SERVICE_POINT", "上级服务点不存在", "no such parent point");
                v.require(parent == null || parent.open(), "parentId", "SERVICE_POINT_CLOSED", "上级服务点已撤销",
                        "the parent point is closed");
                v.require(parent == null || parent.level().child() == spec.level(), "level", "WRONG_LEVEL",
                        "层级不符：县级中心下设乡镇中心，乡镇中心下设村服务点",
                        "a county center has township centers, a township center has village points");
            }
        }
        if (spec.cityCode() != null) {
            v.require(spec.cityCode().matches("\\d{6}"), "cityCode", "INVALID_VALUE", "城市代码应为6位数字",
                    "cityCode has 6 digits");
            v.require(parent == null || spec.cityCode().equals(parent.cityCode()), "cityCode", "CITY_MISMATCH",
                    "须与上级服务点同城", "must be the parent's city");
        }
        v.throwIfInvalid();
        List<String> path = new ArrayList<>(parent == null ? List.of() : parent.path());
        path.add(spec.id());
        ServicePoint p = new ServicePoint(spec.id(), spec.name().trim(), spec.level(), spec.parentId(),
                parent == null ? spec.cityCode() : parent.cityCode(), path, ServicePoint.Status.OPEN,
                clock.instant(), null, null, 0);
        return points.save(p, 0);
    }

    public ServicePoint rename(Caller caller, String id, String name) {
        requireManager(caller);
        new Validator().notBlank(name, "name").maxLength(name, 100, "name").throwIfInvalid();
        ServicePoint p = get(caller, id);
        return points.save(p.renamed(name.trim()), p.version());
    }

    /** Closes a point: it takes no new cases or callers; its history and cases stay, visible to the levels above. */
    public ServicePoint close(Caller caller, String id, String reason) {
        requireManager(caller);
        new Validator().notBlank(reason, "reason").maxLength(reason, 500, "reason").throwIfInvalid();
        ServicePoint p = get(caller, id);
        if (!p.open()) {
            throw DomainException.illegalState("SERVICE_POINT_CLOSED", "服务点已撤销", "the point is already closed");
        }
        boolean openChildren = points.all().stream().anyMatch(c -> id.equals(c.parentId()) && c.open());
        if (openChildren) {
            throw DomainException.illegalState("OPEN_CHILD_POINTS", "请先撤销下级服务点",
                    "close the points below it first");
        }
        return points.save(p.closed(clock.instant(), reason.trim()), p.version());
    }

    public ServicePoint get(Caller caller, String id) {
        return points.find(id).orElseThrow(() -> DomainException.notFound("SERVICE_POINT_NOT_FOUND", "服务点不存在",
                "no service point " + id));
    }

    public List<ServicePoint> list(Caller caller, String parentId) {
        return points.all().stream().filter(p -> parentId == null || parentId.equals(p.parentId())).toList();
    }

    private static void requireManager(Caller caller) {
        AccessPolicy.requireServicePointManager(caller);
    }
}
