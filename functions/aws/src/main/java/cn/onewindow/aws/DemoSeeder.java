package cn.onewindow.aws;

import cn.onewindow.core.access.Tokens;
import cn.onewindow.core.calendar.CalendarCodec;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.demo.DemoData;

import cn.onewindow.core.access.Passwords;

import java.time.Instant;
import java.util.Map;

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
        seedUsers(p, at);
        if (p.queueStore.config(DemoData.COUNTY_CENTER).isEmpty()) {
            p.queueStore.saveConfig(DemoData.queueConfig(), 0); // kept as an administrator changed it
        }
        if (p.ratingRequests.boundWindow(DemoData.DEMO_PAD).isEmpty()) { // the demo PAD sits at window 1
            p.ratingRequests.bind(DemoData.DEMO_PAD, DemoData.DEMO_PAD_WINDOW);
        }
        p.deadlines.invalidate();
    }

    /**
     * The demo users ({@link DemoData#users()}, password {@link DemoData#DEMO_PASSWORD}), only on local endpoints
     * (the local system and tests): on real AWS endpoints none is seeded. A user name that exists is left as
     * it is (a changed password stays changed on a kept data directory).
     */
    static void seedUsers(Platform p, Instant at) {
        if (p.settings.dynamoDbEndpoint() == null) {
            System.getLogger(DemoSeeder.class.getName()).log(System.Logger.Level.WARNING,
                    "demo users not seeded: they exist on local endpoints only, never on a cloud account");
            return;
        }
        Map<String, String> hashes = demoHashes();
        DemoData.users().forEach((username, callerId) -> {
            if (p.sessions.credential(username).isEmpty()) {
                p.sessions.setCredential(callerId, username, hashes.get(username), "seeded-" + username, at);
            }
        });
    }

    private static Map<String, String> hashes;

    /**
     * One hash per demo user (each with its own salt), made once per JVM: a test run seeds many stores, and each
     * hash costs the full PBKDF2 work.
     */
    private static synchronized Map<String, String> demoHashes() {
        if (hashes == null) {
            Passwords passwords = new Passwords();
            hashes = DemoData.users().keySet().parallelStream().collect(java.util.stream.Collectors.toConcurrentMap(
                    u -> u, u -> passwords.hash(DemoData.DEMO_PASSWORD)));
        }
        return hashes;
    }
}
