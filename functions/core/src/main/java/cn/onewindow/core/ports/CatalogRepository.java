package cn.onewindow.core.ports;

import cn.onewindow.core.catalog.ServiceItem;

import java.util.List;
import java.util.Optional;

/** Storage of catalog items and their versions. */
public interface CatalogRepository {

    Optional<ServiceItem> current(String code);

    Optional<ServiceItem> version(String code, int version);

    /** Current versions of all items, ordered by code. */
    List<ServiceItem> listCurrent();

    /**
     * Stores a new version and makes it current, only if the current version is still {@code expectedCurrent}
     * (0 = the item must not exist yet). Throws a CONFLICT {@code CONCURRENT_UPDATE} otherwise.
     */
    void saveVersion(ServiceItem item, int expectedCurrent);
}
