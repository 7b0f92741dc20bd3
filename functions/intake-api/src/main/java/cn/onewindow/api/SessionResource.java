package cn.onewindow.api;

import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.service.SessionService;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;

/**
 * Staff sign-in for the web apps: {@code POST /v1/sessions} with user name and password sets the session cookie
 * {@code ow_session} (HttpOnly, Secure, SameSite=Strict) and answers the caller and the CSRF token that unsafe
 * requests with the cookie carry in {@code X-CSRF-Token}; {@code GET /v1/sessions/current} answers them again (after
 * a page reload); {@code DELETE /v1/sessions/current} signs out; {@code POST /v1/sessions/current/password} changes
 * the signed-in user's password and ends their other sessions. {@code Idempotency-Key} is ignored here.
 */
@Path("/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    public record SignIn(String username, String password) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    /** The signed-in caller (its own display name included); null fields are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CallerInfo(String id, Role role, String name, String centerId, String cityCode,
                             String servicePointId, String departmentCode) {
        static CallerInfo of(Caller c) {
            return new CallerInfo(c.id(), c.role(), c.name(), c.centerId(), c.cityCode(), c.servicePointId(),
                    c.departmentCode());
        }
    }

    public record SessionView(CallerInfo caller, String csrfToken, Instant expiresAt) {
        static SessionView of(SessionService.Current s) {
            return new SessionView(CallerInfo.of(s.caller()), s.csrfToken(), s.expiresAt());
        }
    }

    private final SessionService sessionService;
    private final CurrentCaller current;

    @Inject
    public SessionResource(SessionService sessionService, CurrentCaller current) {
        this.sessionService = sessionService;
        this.current = current;
    }

    /**
     * Signs in: 201 with the session and its cookie; 401 INVALID_CREDENTIALS, 423 ACCOUNT_LOCKED, 403
     * CALLER_DEACTIVATED, 429 RATE_LIMITED past the tries per client address.
     */
    @POST
    public Response signIn(SignIn body, @Context APIGatewayV2HTTPEvent event) {
        CaseResource.requireBody(body);
        SessionService.SignedIn s = sessionService.signIn(body.username(), body.password(),
                ProgressResource.sourceIp(event));
        long maxAge = SessionService.LIFETIME.getSeconds(); // the session ends LIFETIME after sign-in
        return Response.created(URI.create("/v1/sessions/current"))
                .header(HttpHeaders.SET_COOKIE, cookie(s.token(), maxAge))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(SessionView.of(s.current())).build();
    }

    @GET
    @Path("/current")
    public Response current() {
        return Response.ok(SessionView.of(session())).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** Signs out: the session is revoked in the store and the cookie cleared. */
    @DELETE
    @Path("/current")
    public Response signOut() {
        sessionService.signOut(session());
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", 0)).build();
    }

    @POST
    @Path("/current/password")
    public Response changePassword(PasswordChange body) {
        CaseResource.requireBody(body);
        sessionService.changePassword(session(), body.currentPassword(), body.newPassword());
        return Response.noContent().build();
    }

    private SessionService.Current session() {
        SessionService.Current s = current.session();
        if (s == null) {
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, "NOT_SIGNED_IN", "未登录",
                    "no session: sign in with POST /v1/sessions (a bearer token has no session)");
        }
        return s;
    }

    static String cookie(String value, long maxAgeSeconds) {
        return SessionService.COOKIE + "=" + value + "; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age="
                + maxAgeSeconds;
    }
}
