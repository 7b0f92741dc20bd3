package cn.onewindow.aws;

import cn.onewindow.core.access.Tokens;
import cn.onewindow.core.calendar.CalendarCodec;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.demo.DemoData;

import java.time.Instant;

/**
 * Loads the demo catalog, the 2025 and 2026 national calendars, the demo centers, the demo callers and the
 * demo center's queue configuration. Safe to run
 * again on a kept data directory: items already present are left as they are.
 */
public final class DemoSeeder {
    private DemoSeeder() {
    }

    public static void seed(Platform p, Instant at) {
        CalendarCodec.nationalDemoCalendars().forEach(p.reference::put);
        DemoData.centers().forEach(p.reference::put);
        DemoData.servicePoints(at).forEach(p.servicePoints::putIfAbsent);
        for (ServiceItem item : DemoData.items(at)) {
            if (p.reference.current(item.code()).isEmpty()) {
                p.reference.saveVersion(item, 0);
            }
        }
        DemoData.callers().forEach((token, caller) -> p.callers.put(Tokens.hash(token), caller));
        if (p.queueStore.config(DemoData.COUNTY_CENTER).isEmpty()) {
            p.queueStore.saveConfig(DemoData.queueConfig(), 0); // kept as an administrator changed it
        }
        p.deadlines.invalidate();
    }
}
