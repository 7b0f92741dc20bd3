package cn.onewindow.core.service;

import cn.onewindow.core.timers.Deadlines;
import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.calendar.CalendarYear;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.ports.CalendarRepository;

import java.util.List;

/** Working-day calendars as data: read by anyone authenticated, loaded per region and year by administrators. */
public final class CalendarService {
    private final CalendarRepository calendars;
    private final Deadlines deadlines;

    private final DeadlineRecompute recompute;

    public CalendarService(CalendarRepository calendars, Deadlines deadlines, DeadlineRecompute recompute) {
        this.recompute = recompute;
        this.calendars = calendars;
        this.deadlines = deadlines;
    }

    public List<CalendarYear> years(String region) {
        return calendars.years(region);
    }

    /** The calendar as stored, and how many open cases had their provisional deadline recomputed with it. */
    public record Loaded(CalendarYear calendar, int recomputedCases) {
    }

    public Loaded put(Caller caller, String region, int year, CalendarYear body) {
        AccessPolicy.requireCalendarAdministrator(caller);
        if (body == null || !region.equals(body.region()) || year != body.year()) {
            throw DomainException.validation(List.of(FieldError.of("region", "PATH_MISMATCH",
                    "请求体中的地区和年度须与路径一致", "region and year in the body must match the path")));
        }
        calendars.put(body);
        deadlines.invalidate();
        return new Loaded(body, recompute.recompute(year));
    }
}
