package cn.onewindow.memory;

import cn.onewindow.core.calendar.CalendarYear;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.ConcurrentUpdateException;
import cn.onewindow.core.ports.CalendarRepository;
import cn.onewindow.core.ports.CatalogRepository;
import cn.onewindow.core.ports.CenterDirectory;
import cn.onewindow.core.points.ServiceCenter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Catalog items with every version, working-day calendars and service centers, in memory. */
public final class MemoryReferenceRepository implements CatalogRepository, CalendarRepository, CenterDirectory {
    private final Map<String, TreeMap<Integer, ServiceItem>> versions = new HashMap<>();
    private final TreeMap<String, ServiceItem> current = new TreeMap<>();
    private final Map<String, TreeMap<Integer, CalendarYear>> calendars = new HashMap<>();
    private final Map<String, ServiceCenter> centers = new HashMap<>();

    @Override
    public synchronized Optional<ServiceItem> current(String code) {
        return Optional.ofNullable(current.get(code));
    }

    @Override
    public synchronized Optional<ServiceItem> version(String code, int version) {
        return Optional.ofNullable(versions.getOrDefault(code, new TreeMap<>()).get(version));
    }

    @Override
    public synchronized List<ServiceItem> listCurrent() {
        return List.copyOf(current.values());
    }

    @Override
    public synchronized void saveVersion(ServiceItem item, int expectedCurrent) {
        ServiceItem now = current.get(item.code());
        int stored = now == null ? 0 : now.version();
        TreeMap<Integer, ServiceItem> all = versions.computeIfAbsent(item.code(), c -> new TreeMap<>());
        if (item.equals(now)) return; // the same write again (a retry): it is the current version already
        if (stored != expectedCurrent || all.containsKey(item.version())) {
            throw new ConcurrentUpdateException("事项已被他人同时修改，请刷新后重试",
                    "the item was changed by someone else at the same time; reload and retry");
        }
        all.put(item.version(), item);
        current.put(item.code(), item);
    }

    @Override
    public synchronized List<CalendarYear> years(String region) {
        return List.copyOf(calendars.getOrDefault(region, new TreeMap<>()).values());
    }

    @Override
    public synchronized void put(CalendarYear year) {
        calendars.computeIfAbsent(year.region(), r -> new TreeMap<>()).put(year.year(), year);
    }

    @Override
    public synchronized Optional<ServiceCenter> center(String centerId) {
        return Optional.ofNullable(centers.get(centerId));
    }

    @Override
    public synchronized void put(ServiceCenter center) {
        centers.put(center.id(), center);
    }
}
