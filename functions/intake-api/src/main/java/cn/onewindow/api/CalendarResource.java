package cn.onewindow.api;

import cn.onewindow.core.calendar.CalendarYear;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.service.CalendarService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

/** Working-day calendars per region and year (holidays and make-up working days), loaded by administrators. */
@Path("/v1/calendars")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarResource {

    /** A calendar year as sent and shown. */
    public record CalendarDto(String region, Integer year, List<LocalDate> holidays, List<LocalDate> makeupWorkdays,
                              Integer recomputedCases) {
    }

    private final CalendarService calendarService;
    private final CurrentCaller current;

    @Inject
    public CalendarResource(CalendarService calendarService, CurrentCaller current) {
        this.calendarService = calendarService;
        this.current = current;
    }

    @GET
    @Path("/{region}")
    public List<CalendarDto> years(@PathParam("region") String region) {
        current.get();
        return calendarService.years(region).stream().map(CalendarResource::dto).toList();
    }

    @PUT
    @Path("/{region}/{year}")
    public CalendarDto put(@PathParam("region") String region, @PathParam("year") int year, CalendarDto body) {
        CaseResource.requireBody(body);
        CalendarYear y;
        try {
            y = new CalendarYear(body.region() == null ? region : body.region(), body.year() == null ? year : body.year(),
                    new LinkedHashSet<>(body.holidays() == null ? List.of() : body.holidays()),
                    new LinkedHashSet<>(body.makeupWorkdays() == null ? List.of() : body.makeupWorkdays()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw DomainException.validation(List.of(FieldError.of("body", "INVALID_CALENDAR", "日历数据无效：" + e.getMessage(),
                    "invalid calendar: " + e.getMessage())));
        }
        CalendarService.Loaded loaded = calendarService.put(current.get(), region, year, y);
        CalendarDto d = dto(loaded.calendar());
        return new CalendarDto(d.region(), d.year(), d.holidays(), d.makeupWorkdays(), loaded.recomputedCases());
    }

    private static CalendarDto dto(CalendarYear y) {
        return new CalendarDto(y.region(), y.year(), y.holidays().stream().sorted().toList(),
                y.makeupWorkdays().stream().sorted().toList(), null);
    }
}
