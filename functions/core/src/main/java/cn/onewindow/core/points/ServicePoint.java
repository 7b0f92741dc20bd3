package cn.onewindow.core.points;

import java.time.Instant;
import java.util.List;

/**
 * A service center or service point (便民服务点) in the tree county center → township center → village point.
 *
 * @param path     the ancestors and the point itself, root first (fixed when the point is created)
 * @param cityCode 6-digit city region code (同城通办 scope of its staff and agents)
 */
public record ServicePoint(String id, String name, Level level, String parentId, String cityCode, List<String> path,
                           Status status, Instant createdAt, Instant closedAt, String closedReason, long version) {

    public ServicePoint {
        path = path == null ? List.of(id) : List.copyOf(path);
    }

    /** Level in the tree; a child is always exactly one level below its parent. */
    public enum Level {
        COUNTY, TOWNSHIP, VILLAGE;

        public Level child() {
            return switch (this) {
                case COUNTY -> TOWNSHIP;
                case TOWNSHIP -> VILLAGE;
                case VILLAGE -> null;
            };
        }
    }

    /** A closed point takes no new cases; its history and its cases remain (visible to the levels above). */
    public enum Status { OPEN, CLOSED }

    public boolean open() {
        return status == Status.OPEN;
    }

    public ServicePoint renamed(String newName) {
        return new ServicePoint(id, newName, level, parentId, cityCode, path, status, createdAt, closedAt,
                closedReason, version);
    }

    public ServicePoint closed(Instant at, String reason) {
        return new ServicePoint(id, name, level, parentId, cityCode, path, Status.CLOSED, createdAt, at, reason,
                version);
    }

    public ServicePoint withVersion(long v) {
        return new ServicePoint(id, name, level, parentId, cityCode, path, status, createdAt, closedAt, closedReason,
                v);
    }
}
