package cn.onewindow.core.timers;

import cn.onewindow.core.calendar.CalendarYear;
import cn.onewindow.core.calendar.OfficeHours;
import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.points.ServiceCenter;
import cn.onewindow.core.ports.CalendarRepository;
import cn.onewindow.core.ports.CenterDirectory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A warm function reads a center at most once a minute, however many cases of it a request shows. */
class DeadlinesCacheTest {
    private final AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-12-07T02:00:00Z"));
    private final CountingCenters centers = new CountingCenters();
    private final CountingCalendars calendars = new CountingCalendars();
    private final Deadlines deadlines = new Deadlines(calendars, centers, clock);

    @Test
    void aListOfTwentyCasesOfOneCenterReadsItsCenterAndCalendarOnce() {
        centers.put(new ServiceCenter("330110-ZX", "余杭区市民之家", "330100", "CN", OfficeHours.standard()));
        for (int i = 0; i < 20; i++) deadlines.calculatorFor("330110-ZX");
        assertEquals(1, centers.reads.get());
        assertEquals(1, calendars.reads.get());

        clock.advance(Duration.ofSeconds(59));
        deadlines.calculatorFor("330110-ZX");
        assertEquals(1, centers.reads.get(), "still within the minute");

        clock.advance(Duration.ofSeconds(2));
        deadlines.calculatorFor("330110-ZX");
        assertEquals(2, centers.reads.get(), "read again after a minute");
    }

    @Test
    void anUnknownCenterIsReadEachTimeAndNeverRemembered() {
        for (int i = 0; i < 5; i++) deadlines.calculatorFor("NO-SUCH-" + i);
        deadlines.calculatorFor("NO-SUCH-0");
        assertEquals(6, centers.reads.get());
    }

    @Test
    void anAdministratorsCalendarLoadForgetsCentersAndCalendars() {
        centers.put(new ServiceCenter("330110-ZX", "余杭区市民之家", "330100", "CN", OfficeHours.standard()));
        deadlines.calculatorFor("330110-ZX");
        deadlines.invalidate();
        deadlines.calculatorFor("330110-ZX");
        assertEquals(2, centers.reads.get());
        assertEquals(2, calendars.reads.get());
    }

    @Test
    void theCenterCacheStaysBoundedUnderManyCenters() {
        int n = Deadlines.MAX_CACHED_CENTERS + 10;
        for (int i = 0; i < n; i++) {
            centers.put(new ServiceCenter("C" + i, "中心" + i, "330100", "CN", OfficeHours.standard()));
            deadlines.calculatorFor("C" + i);
        }
        assertEquals(n, centers.reads.get());
        // the cache started over when full: the first centers are read again, the newest are still cached
        deadlines.calculatorFor("C" + (n - 1));
        assertEquals(n, centers.reads.get());
        deadlines.calculatorFor("C0");
        assertEquals(n + 1, centers.reads.get());
    }

    private static final class CountingCenters implements CenterDirectory {
        final Map<String, ServiceCenter> byId = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public Optional<ServiceCenter> center(String centerId) {
            reads.incrementAndGet();
            return Optional.ofNullable(byId.get(centerId));
        }

        @Override
        public void put(ServiceCenter center) {
            byId.put(center.id(), center);
        }
    }

    private static final class CountingCalendars implements CalendarRepository {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public List<CalendarYear> years(String region) {
            reads.incrementAndGet();
            return List.of();
        }

        @Override
        public void put(CalendarYear year) {
        }
    }
}
