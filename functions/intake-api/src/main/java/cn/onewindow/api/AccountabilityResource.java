package cn.onewindow.api;

import cn.onewindow.core.service.StatsService;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.deadline.Accountability;
import cn.onewindow.core.ports.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Accountability records (问责记录) the deadline checker and the department inbox wrote when a case or a department
 * task went overdue: {@code GET /v1/accountability?centerId=330110-ZX&limit=20&cursor=…}, latest detected first.
 * Supervisors and administrators.
 */
@Path("/v1/accountability")
@Produces(MediaType.APPLICATION_JSON)
public class AccountabilityResource {

    /** A page of records; pass {@code nextCursor} as {@code cursor} for the next one (null on the last page). */
    public record AccountabilityPage(List<Accountability> items, String nextCursor) {
    }

    private final StatsService statsService;
    private final CurrentCaller current;

    @Inject
    public AccountabilityResource(StatsService statsService, CurrentCaller current) {
        this.statsService = statsService;
        this.current = current;
    }

    @GET
    public AccountabilityPage list(@QueryParam("centerId") String centerId, @QueryParam("limit") Integer limit,
                                   @QueryParam("cursor") String cursor) {
        if (centerId == null || centerId.isBlank()) {
            throw DomainException.validation(List.of(FieldError.of("centerId", "REQUIRED", "必填", "is required")));
        }
        Page<Accountability> page = statsService.accountability(current.get(), centerId,
                limit == null ? 20 : limit, cursor);
        return new AccountabilityPage(page.items(), page.nextCursor());
    }
}
