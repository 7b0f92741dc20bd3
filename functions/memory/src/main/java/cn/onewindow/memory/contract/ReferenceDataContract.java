package cn.onewindow.memory.contract;

import cn.onewindow.core.calendar.CalendarYear;
import cn.onewindow.core.calendar.OfficeHours;
import cn.onewindow.core.catalog.ChangeType;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.points.ServiceCenter;
import cn.onewindow.core.points.ServicePoint;
import cn.onewindow.core.ports.CalendarRepository;
import cn.onewindow.core.ports.CatalogRepository;
import cn.onewindow.core.ports.CenterDirectory;
import cn.onewindow.core.ports.ServicePointDirectory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static cn.onewindow.memory.contract.ContractFixtures.T0;
import static cn.onewindow.memory.contract.ContractFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link CatalogRepository} and {@link ServicePointDirectory} guarantees: a new version becomes current
 * only over the current version read, and every earlier version stays readable; a point is created once and
 * replaced only over the version read. Writing exactly the stored document again succeeds without a change: it is
 * how a retry whose first answer was lost finds its own write. {@link CalendarRepository} and {@link CenterDirectory}
 * (data an administrator loads, last write wins) give back exactly what was put, a region's years oldest first.
 */
public abstract class ReferenceDataContract {

    protected abstract CatalogRepository catalog();

    protected abstract ServicePointDirectory points();

    protected abstract CalendarRepository calendars();

    protected abstract CenterDirectory centers();

    @Test
    void aRegionsCalendarYearsComeBackAsPutOldestFirstAndAYearPutAgainReplacesIt() {
        String region = unique("REGION");
        CalendarYear y2027 = new CalendarYear(region, 2027, Set.of(LocalDate.of(2027, 1, 1)), Set.of());
        CalendarYear y2026 = new CalendarYear(region, 2026, Set.of(LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 2)), Set.of(LocalDate.of(2026, 9, 27)));
        calendars().put(y2027);
        calendars().put(y2026);
        assertEquals(List.of(y2026, y2027), calendars().years(region));
        CalendarYear corrected = new CalendarYear(region, 2027, Set.of(LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 2, 5)), Set.of(LocalDate.of(2027, 2, 14)));
        calendars().put(corrected);
        assertEquals(List.of(y2026, corrected), calendars().years(region));
        assertEquals(List.of(), calendars().years(unique("REGION")), "another region has none");
    }

    @Test
    void aCenterComesBackAsPutAndAPutAgainReplacesIt() {
        String id = unique("CENTER");
        ServiceCenter center = new ServiceCenter(id, "测试中心", DemoData.CITY, "CN", OfficeHours.standard());
        assertEquals(Optional.empty(), centers().center(id));
        centers().put(center);
        assertEquals(Optional.of(center), centers().center(id));
        ServiceCenter renamed = new ServiceCenter(id, "测试中心（新址）", DemoData.CITY, "CN", OfficeHours.standard());
        centers().put(renamed);
        assertEquals(Optional.of(renamed), centers().center(id));
    }

    private static ServiceItem item(String code, int version) {
        ServiceItem demo = DemoData.items(T0).get(0);
        return new ServiceItem(code, version, demo.name(), demo.departmentCode(), demo.departmentName(), demo.type(),
                demo.mode(), demo.regionCode(), demo.legalDays(), demo.promisedDays() + version, demo.fee(),
                demo.feeBasis(), demo.conditions(), demo.materials(), demo.departments(), demo.escalateTo(),
                demo.controlled(), demo.controlBasis(), demo.deemedApprovedOnTimeout(), demo.warningDaysBefore(),
                demo.status(), version == 1 ? ChangeType.ADDED : ChangeType.CHANGED, T0.plusSeconds(version));
    }

    private static void assertConflict(String code, Runnable r) {
        DomainException e = assertThrows(DomainException.class, r::run);
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals(code, e.code());
    }

    @Test
    void aNewVersionBecomesCurrentOnlyOverTheVersionReadAndEarlierOnesStayReadable() {
        String code = unique("ITEM");
        catalog().saveVersion(item(code, 1), 0);
        // the same write again (a retry whose first answer was lost) finds its own document: success, no change
        catalog().saveVersion(item(code, 1), 0);
        ServiceItem other = item(code, 1).asVersion(1, ChangeType.DELEGATED, T0);
        assertConflict("CONCURRENT_UPDATE", () -> catalog().saveVersion(other, 0));
        catalog().saveVersion(item(code, 2), 1);
        assertConflict("CONCURRENT_UPDATE", () -> catalog().saveVersion(item(code, 3), 1));

        assertEquals(Optional.of(item(code, 2)), catalog().current(code));
        assertEquals(Optional.of(item(code, 1)), catalog().version(code, 1));
        assertEquals(Optional.empty(), catalog().version(code, 3), "the refused version left nothing");
        assertEquals(Optional.empty(), catalog().current(unique("ITEM")));
        List<ServiceItem> listed = catalog().listCurrent();
        assertTrue(listed.contains(item(code, 2)) && !listed.contains(item(code, 1)));
        List<String> codes = listed.stream().map(ServiceItem::code).toList();
        assertEquals(codes.stream().sorted().toList(), codes, "by code");
    }

    private static ServicePoint point(String id) {
        return new ServicePoint(id, "测试点 " + id, ServicePoint.Level.VILLAGE, DemoData.TOWNSHIP_POINT,
                DemoData.CITY, List.of(DemoData.COUNTY_CENTER, DemoData.TOWNSHIP_POINT, id), ServicePoint.Status.OPEN,
                T0, null, null, 0);
    }

    @Test
    void aPointIsCreatedOnceAndReplacedOnlyOverTheVersionRead() {
        String id = unique("SP");
        ServicePoint v1 = points().save(point(id), 0);
        assertEquals(1, v1.version());
        assertEquals(Optional.of(v1), points().find(id));
        assertEquals(v1, points().save(point(id), 0), "the same write again (its answer lost) is its own write");
        ServicePoint other = new ServicePoint(id, "另一个", v1.level(), v1.parentId(), v1.cityCode(), v1.path(),
                v1.status(), v1.createdAt(), null, null, 0);
        assertConflict("SERVICE_POINT_EXISTS", () -> points().save(other, 0));

        ServicePoint renamed = new ServicePoint(id, "改名", v1.level(), v1.parentId(), v1.cityCode(), v1.path(),
                v1.status(), v1.createdAt(), null, null, 1);
        assertEquals(2, points().save(renamed, 1).version());
        assertConflict("CONCURRENT_UPDATE", () -> points().save(other, 1));
        assertEquals("改名", points().find(id).orElseThrow().name());
        assertEquals(Optional.empty(), points().find(unique("SP")));
        assertEquals(Optional.empty(), points().find(""));
        List<String> ids = points().all().stream().map(ServicePoint::id).toList();
        assertTrue(ids.contains(id));
        assertEquals(ids.stream().sorted().toList(), ids, "by id");
    }
}
