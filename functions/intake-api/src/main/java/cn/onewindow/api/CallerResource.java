package cn.onewindow.api;

import cn.onewindow.core.service.SessionService;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;
import cn.onewindow.core.ports.CallerDirectory;
import cn.onewindow.core.service.CallerService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Callers and credentials (administrators): create a caller (its token is shown once), move or rename it, rotate
 * its token (the old one stops working at once), deactivate it (its token stops working at once; the cases it
 * handled keep its id; a deactivated caller's token is not rotated: {@code 409 CALLER_DEACTIVATED}), and reactivate
 * it explicitly with a reason (a new token).
 */
@Path("/v1/callers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CallerResource {

    /** A caller as shown: never a token or its hash. */
    public record CallerView(String id, Role role, String name, String centerId, String cityCode,
                             String servicePointId, String departmentCode, boolean active, Instant tokenIssuedAt,
                             Instant deactivatedAt, List<CallerDirectory.LifecycleEvent> lifecycle) {
        static CallerView of(CallerDirectory.Account a) {
            Caller c = a.caller();
            return new CallerView(c.id(), c.role(), c.name(), c.centerId(), c.cityCode(), c.servicePointId(),
                    c.departmentCode(), a.active(), a.tokenIssuedAt(), a.deactivatedAt(), a.lifecycle());
        }
    }

    /** Why a deactivated caller is made active again (kept in its life cycle with who and when). */
    public record Reactivation(String reason) {
    }

    /** A caller with its new token: the only time the token is shown. */
    public record IssuedView(CallerView caller, String token) {
    }

    public record CallerBody(String id, Role role, String name, String centerId, String cityCode,
                             String servicePointId, String departmentCode) {
        CallerService.Spec spec() {
            return new CallerService.Spec(id, role, name, centerId, cityCode, servicePointId, departmentCode);
        }
    }

    /** A user name and password for signing in to the web apps. */
    public record Credentials(String username, String password) {
    }

    private final CallerService callerService;
    private final SessionService sessionService;
    private final CurrentCaller current;

    @Inject
    public CallerResource(CallerService callerService, SessionService sessionService, CurrentCaller current) {
        this.callerService = callerService;
        this.sessionService = sessionService;
        this.current = current;
    }

    @POST
    public Response create(CallerBody body) {
        CaseResource.requireBody(body);
        CallerService.Issued i = callerService.create(current.get(), body.spec());
        return Response.created(URI.create("/v1/callers/" + i.account().caller().id()))
                .entity(new IssuedView(CallerView.of(i.account()), i.token())).build();
    }

    @GET
    public List<CallerView> list() {
        return callerService.list(current.get()).stream().map(CallerView::of).toList();
    }

    @GET
    @Path("/{id}")
    public CallerView get(@PathParam("id") String id) {
        return CallerView.of(callerService.get(current.get(), id));
    }

    /** Moves (servicePointId, centerId) or renames a caller; role and id do not change. */
    @PATCH
    @Path("/{id}")
    public CallerView change(@PathParam("id") String id, CallerBody body) {
        CaseResource.requireBody(body);
        return CallerView.of(callerService.change(current.get(), id, body.spec()));
    }

    @POST
    @Path("/{id}/token-rotation")
    public IssuedView rotate(@PathParam("id") String id) {
        CallerService.Issued i = callerService.rotate(current.get(), id);
        return new IssuedView(CallerView.of(i.account()), i.token());
    }

    @POST
    @Path("/{id}/deactivation")
    public CallerView deactivate(@PathParam("id") String id) {
        return CallerView.of(callerService.deactivate(current.get(), id));
    }

    /**
     * Gives a caller a user name and password for the web apps (or replaces them; its sessions under the previous
     * ones end): administrators only; {@code 409 USERNAME_TAKEN} when another caller has the name; the password has
     * at least 10 characters of three kinds.
     */
    @PUT
    @Path("/{id}/credentials")
    public Response setCredentials(@PathParam("id") String id, Credentials body) {
        CaseResource.requireBody(body);
        sessionService.setCredentials(current.get(), id, body.username(), body.password());
        return Response.noContent().build();
    }

    /**
     * Makes a deactivated caller active again, administrators only, with a reason: answers the caller with a new
     * token (shown this once); {@code 409 CALLER_ACTIVE} when it is not deactivated.
     */
    @POST
    @Path("/{id}/reactivation")
    public IssuedView reactivate(@PathParam("id") String id, Reactivation body) {
        CaseResource.requireBody(body);
        CallerService.Issued i = callerService.reactivate(current.get(), id, body.reason());
        return new IssuedView(CallerView.of(i.account()), i.token());
    }
}
