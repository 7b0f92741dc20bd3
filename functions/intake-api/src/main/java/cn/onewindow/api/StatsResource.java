package cn.onewindow.api;

import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.service.StatsService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Supervision figures (电子监察): {@code GET /v1/stats?centerId=330110-ZX&from=2025-04-01&to=2025-06-30&groupBy=ITEM}
 * (groupBy ITEM, DEPARTMENT, SERVICE_POINT, CHANNEL, CENTER, WINDOW or STAFF), with the 好差评 figures (rated,
 * satisfied, dissatisfied, satisfactionRate, badRate), open rectifications and the queue figures ({@code queue}: the
 * center's tickets of the period: average wait and service minutes, abandonment rate, served per window).
 * Supervisors and administrators; window staff for their own center.
 */
@Path("/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final StatsService statsService;
    private final CurrentCaller current;

    @Inject
    public StatsResource(StatsService statsService, CurrentCaller current) {
        this.statsService = statsService;
        this.current = current;
    }

    @GET
    public StatsService.Report stats(@QueryParam("centerId") String centerId, @QueryParam("from") String from,
                                     @QueryParam("to") String to, @QueryParam("groupBy") String groupBy) {
        if (centerId == null || centerId.isBlank()) {
            throw DomainException.validation(List.of(FieldError.of("centerId", "REQUIRED", "必填", "is required")));
        }
        StatsService.GroupBy g = CaseResource.parse(StatsService.GroupBy.class, groupBy, "groupBy");
        return statsService.figures(current.get(), centerId, date(from, "from"), date(to, "to"),
                g == null ? StatsService.GroupBy.ITEM : g);
    }

    private static LocalDate date(String value, String field) {
        try {
            if (value == null) throw new DateTimeParseException("missing", "", 0);
            LocalDate d = LocalDate.parse(value);
            if (d.getYear() < 2000 || d.getYear() > 2099) {
                throw DomainException.validation(List.of(FieldError.of(field, "OUT_OF_RANGE",
                        "日期应在2000年至2099年之间", "dates lie in the years 2000–2099")));
            }
            return d;
        } catch (DateTimeParseException e) {
            throw DomainException.validation(List.of(FieldError.of(field, "INVALID_DATE", "日期格式应为 YYYY-MM-DD",
                    "use a date like 2025-04-01")));
        }
    }
}
