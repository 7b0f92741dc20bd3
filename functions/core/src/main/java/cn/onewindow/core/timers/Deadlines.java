package cn.onewindow.core.timers;

import cn.onewindow.core.points.ServiceCenter;
import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.calendar.OfficeHours;
import cn.onewindow.core.calendar.WorkingCalendar;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.ports.CalendarRepository;
import cn.onewindow.core.ports.CenterDirectory;
import cn.onewindow.core.ports.DeadlineTimer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the deadline calculator of a center (its calendar region and office hours) and the timers a case needs.
 * Calendars and centers are cached briefly (one minute): a warm function does not reread them on every request, and
 * a list of twenty cases of one center reads its center once, not twenty times. Centers change only with the
 * reference data (seeding); an administrator's calendar load clears the cache of the function that handled it.
 */
public final class Deadlines {
    private static final Duration CACHE_FOR = Duration.ofSeconds(60);
    private static final String DEFAULT_REGION = "CN";
    /** A delivered case with no rating this long after delivery gets one invitation to rate (SPEC §2.5). */
    public static final Duration INVITE_AFTER = Duration.ofDays(3);

    private final CalendarRepository calendars;
    private final CenterDirectory centers;
    private final Clock clock;
    /** More distinct centers than a province has: past this the center cache starts over (never grows unbounded). */
    static final int MAX_CACHED_CENTERS = 1024;
    private final ConcurrentHashMap<String, Loaded<WorkingCalendar>> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Loaded<ServiceCenter>> centerCache = new ConcurrentHashMap<>();

    /** A cached value and when it was read. */
    private record Loaded<T>(T value, Instant loadedAt) {
        boolean freshAt(Instant now) {
            return !loadedAt.plus(CACHE_FOR).isBefore(now);
        }
    }

    public Deadlines(CalendarRepository calendars, CenterDirectory centers, Clock clock) {
        this.calendars = calendars;
        this.centers = centers;
        this.clock = clock;
    }

    public DeadlineCalculator calculatorFor(String centerId) {
        ServiceCenter center = centerId == null ? null : center(centerId);
        String region = center != null && center.calendarRegion() != null ? center.calendarRegion() : DEFAULT_REGION;
        OfficeHours hours = center != null && center.officeHours() != null ? center.officeHours()
                : OfficeHours.standard();
        return new DeadlineCalculator(calendar(region), hours);
    }

    public WorkingCalendar calendar(String region) {
        Instant now = clock.instant();
        Loaded<WorkingCalendar> c = cache.get(region);
        if (c == null || !c.freshAt(now)) {
            c = new Loaded<>(new WorkingCalendar(region, calendars.years(region)), now);
            cache.put(region, c);
        }
        return c.value();
    }

    /** The center, read at most once a minute; an unknown id is not remembered (so it cannot fill the cache). */
    private ServiceCenter center(String centerId) {
        Instant now = clock.instant();
        Loaded<ServiceCenter> c = centerCache.get(centerId);
        if (c != null && c.freshAt(now)) return c.value();
        ServiceCenter center = centers.center(centerId).orElse(null);
        if (center != null) {
            if (centerCache.size() >= MAX_CACHED_CENTERS) centerCache.clear();
            centerCache.put(centerId, new Loaded<>(center, now));
        }
        return center;
    }

    /** Forget cached calendars and centers (after an administrator loaded a year). */
    public void invalidate() {
        cache.clear();
        centerCache.clear();
    }

    /**
     * The timers a case needs for the deadline checker: the warning point (until the warning was given) and the due
     * time (until it was found overdue), while its clock runs; none otherwise. A timer is never put at an instant
     * before now (a warning point or due already past fires at the next check): the checker's checkpoint only
     * passes instants it has read, so a timer put behind it would never be read.
     */
    public List<DeadlineTimer> timersFor(ServiceCase c, DeadlineCalculator calc) {
        ServiceCase.Snapshot s = c.snapshot();
        Instant now = clock.instant();
        if (s.status() == cn.onewindow.core.cases.CaseStatus.DELIVERED && s.deliveredAt() != null) {
            // 好差评: a case still unrated this long after delivery gets one invitation (fired by the deadline checker)
            return List.of(new DeadlineTimer(s.id(), DeadlineTimer.Kind.INVITE,
                    notBefore(s.deliveredAt().plus(INVITE_AFTER), now)));
        }
        if (!c.clockRunning()) return List.of();
        List<DeadlineTimer> timers = new java.util.ArrayList<>(2);
        if (s.warnedAt() == null) {
            timers.add(new DeadlineTimer(s.id(), DeadlineTimer.Kind.WARNING, notBefore(warningPoint(s, calc), now)));
        }
        if (s.overdueAt() == null) {
            timers.add(new DeadlineTimer(s.id(), DeadlineTimer.Kind.DUE, notBefore(s.dueAt(), now)));
        }
        return timers;
    }

    /** The case's timers and those of the department tasks written with it (each task's own due time). */
    public List<DeadlineTimer> timersFor(ServiceCase c, DeadlineCalculator calc,
                                         List<cn.onewindow.core.ports.TaskWrite> tasks) {
        List<DeadlineTimer> timers = new java.util.ArrayList<>(timersFor(c, calc));
        Instant now = clock.instant();
        for (cn.onewindow.core.ports.TaskWrite tw : tasks) {
            cn.onewindow.core.approval.DepartmentTask t = tw.task();
            if (!t.clockRunning()) continue;
            if (t.warnedAt() == null) {
                timers.add(new DeadlineTimer(t.caseId(), DeadlineTimer.Kind.WARNING,
                        notBefore(warningPoint(t, c.snapshot().warningDaysBefore(), calc), now), t.departmentCode()));
            }
            if (t.overdueAt() == null) {
                timers.add(new DeadlineTimer(t.caseId(), DeadlineTimer.Kind.DUE, notBefore(t.dueAt(), now),
                        t.departmentCode()));
            }
        }
        return timers;
    }

    /** The instant a timer is put at: {@code at}, or now when that is past. */
    public static Instant notBefore(Instant at, Instant now) {
        return at.isBefore(now) ? now : at;
    }

    /** The warning point of a case: from its acceptance to its due (see {@link DeadlineCalculator#warningPoint}). */
    public static Instant warningPoint(ServiceCase.Snapshot s, DeadlineCalculator calc) {
        Instant start = s.acceptedAt() != null ? s.acceptedAt() : s.dueAt();
        return calc.warningPoint(start, s.dueAt(), s.warningDaysBefore());
    }

    /** The warning point of a department task: from its creation (its clock's start) to its own due. */
    public static Instant warningPoint(cn.onewindow.core.approval.DepartmentTask t, int warningDaysBefore,
                                       DeadlineCalculator calc) {
        Instant start = t.createdAt() != null ? t.createdAt() : t.dueAt();
        return calc.warningPoint(start, t.dueAt(), warningDaysBefore);
    }

    /**
     * After the due of a case moved (extension, resumption, calendar reload): a warning already given is re-armed
     * when the new warning point lies ahead, so it fires again before the new due. Call before taking the timers.
     */
    public static void rearmWarning(ServiceCase c, DeadlineCalculator calc, Instant now) {
        ServiceCase.Snapshot s = c.snapshot();
        if (s.warnedAt() != null && s.overdueAt() == null && s.dueAt() != null
                && warningPoint(s, calc).isAfter(now)) {
            c.rearmWarning();
        }
    }

    /** As {@link #rearmWarning(ServiceCase, DeadlineCalculator, Instant)} for a task whose due moved. */
    public static cn.onewindow.core.approval.DepartmentTask rearmWarning(cn.onewindow.core.approval.DepartmentTask t,
                                                                        int warningDaysBefore,
                                                                        DeadlineCalculator calc, Instant now) {
        if (t.warnedAt() != null && t.overdueAt() == null && t.dueAt() != null
                && warningPoint(t, warningDaysBefore, calc).isAfter(now)) {
            return t.rearmWarning();
        }
        return t;
    }
}
