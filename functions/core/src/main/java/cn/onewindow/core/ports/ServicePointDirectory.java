package cn.onewindow.core.ports;

import cn.onewindow.core.points.ServicePoint;

import java.util.List;
import java.util.Optional;

/** The service point tree. */
public interface ServicePointDirectory {

    Optional<ServicePoint> find(String id);

    /** Every point (the tree of one deployment is small: hundreds of points), ordered by id. */
    List<ServicePoint> all();

    /**
     * Creates the point (version 1) or, when {@code expectedVersion > 0}, replaces it only if its stored version
     * is still that one. Returns it as stored.
     *
     * @throws cn.onewindow.core.common.DomainException CONFLICT {@code SERVICE_POINT_EXISTS} or
     *                                                  {@code CONCURRENT_UPDATE}
     */
    ServicePoint save(ServicePoint point, long expectedVersion);
}
