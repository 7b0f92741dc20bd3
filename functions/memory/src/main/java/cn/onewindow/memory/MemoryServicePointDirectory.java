package cn.onewindow.memory;

import cn.onewindow.core.common.ConcurrentUpdateException;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.points.ServicePoint;
import cn.onewindow.core.ports.ServicePointDirectory;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The service point tree, in memory, versioned like the DynamoDB directory. */
public final class MemoryServicePointDirectory implements ServicePointDirectory {
    private final TreeMap<String, ServicePoint> points = new TreeMap<>();

    @Override
    public synchronized Optional<ServicePoint> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 200) return Optional.empty();
        return Optional.ofNullable(points.get(id));
    }

    @Override
    public synchronized List<ServicePoint> all() {
        return List.copyOf(points.values());
    }

    @Override
    public synchronized ServicePoint save(ServicePoint point, long expectedVersion) {
        ServicePoint now = points.get(point.id());
        ServicePoint stored = point.withVersion(expectedVersion + 1);
        if (stored.equals(now)) return stored; // the same write again (a retry): it is stored already
        if (expectedVersion == 0 && now != null) {
            throw DomainException.conflict("SERVICE_POINT_EXISTS", "服务点编号已存在", "a point with this id exists");
        }
        if (expectedVersion > 0 && (now == null || now.version() != expectedVersion)) {
            throw new ConcurrentUpdateException("服务点已被他人修改，请重试", "the point was changed meanwhile; retry");
        }
        points.put(stored.id(), stored);
        return stored;
    }

    /** Demo seeding: writes the point as given unless it exists. */
    public synchronized void putIfAbsent(ServicePoint point) {
        if (!points.containsKey(point.id())) save(point, 0);
    }
}
