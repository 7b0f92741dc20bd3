package cn.onewindow.api;

import cn.onewindow.core.access.Authenticator;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.service.SessionService;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import cn.onewindow.api.problem.ProblemMappers;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every call to {@code /v1}: the bearer token, or else the session cookie ({@code ow_session}) of a
 * signed-in staff member, is resolved to a caller before any resource runs, and bodies above the size limit are
 * refused before they are read. A bearer token wins when both come. With the cookie, unsafe methods must carry
 * {@code X-CSRF-Token} (the session's CSRF token), else {@code 403 CSRF_TOKEN_INVALID}. Signing in
 * ({@code POST /v1/sessions}) needs no credential.
 */
public class CallerFilter {
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final java.util.Set<String> UNSAFE = java.util.Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Largest request body accepted (a batch of evaluations is the biggest legitimate one). */
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    /** The one route without a bearer token (also without the gateway's authorizer in template.yaml). */
    public static final String PUBLIC_PROGRESS = "/v1/progress/";

    /**
     * Citizens' appointment routes: without any credential they run with no caller (the booking code is the
     * credential, see AppointmentResource); with a bearer token or session the caller is authenticated as everywhere.
     */
    static final java.util.regex.Pattern PUBLIC_APPOINTMENTS = java.util.regex.Pattern.compile(
            "/v1/appointments(/[^/]{1,64}(/check-in)?)?|/v1/centers/[^/]{1,64}/appointment-slots");

    private final SessionService sessionService;
    private final Authenticator authenticator;
    private final CurrentCaller current;

    @Inject
    public CallerFilter(SessionService sessionService, Authenticator authenticator, CurrentCaller current) {
        this.sessionService = sessionService;
        this.authenticator = authenticator;
        this.current = current;
    }

    /**
     * Answers a refused request here (aborting with the problem response) rather than by throwing: an exception
     * out of a request filter intermittently hung the Lambda HTTP bridge until the function timed out.
     */
    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext ctx) {
        try {
            check(ctx);
            return Optional.empty();
        } catch (DomainException e) {
            return Optional.of(ProblemMappers.toResponse(e, ProblemMappers.requestId(ctx.getHeaders())));
        }
    }

    private void check(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        if (!path.startsWith("/v1")) return;
        String length = ctx.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > MAX_BODY_BYTES) {
                    throw new DomainException(DomainException.Kind.TOO_LARGE, "BODY_TOO_LARGE",
                            "请求体超过1MB上限", "the request body exceeds the 1 MB limit");
                }
            } catch (NumberFormatException ignored) {
                // the HTTP layer rejects a malformed Content-Length itself
            }
        }
        if (ctx.hasEntity()) ctx.setEntityStream(new BodyLimit.Counting(ctx.getEntityStream(), MAX_BODY_BYTES));
        // the citizen's progress query has no caller: the query password is its credential (ProgressResource)
        if ("GET".equals(ctx.getMethod()) && path.startsWith(PUBLIC_PROGRESS)) return;
        if (path.equals("/v1/sessions") && "POST".equals(ctx.getMethod())) return; // signing in: no caller yet
        String authorization = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        jakarta.ws.rs.core.Cookie cookie = ctx.getCookies().get(SessionService.COOKIE);
        if ((authorization == null || authorization.isBlank()) && cookie != null && cookie.getValue() != null
                && !cookie.getValue().isEmpty()) {
            String token = cookie.getValue();
            SessionService.Current session = sessionService.resolve(token, true).orElseThrow(() ->
                    new DomainException(DomainException.Kind.UNAUTHORIZED, "SESSION_INVALID", "登录已失效，请重新登录",
                            "the session has ended or is unknown; sign in again"));
            if (UNSAFE.contains(ctx.getMethod())
                    && !sessionService.csrfMatches(token, ctx.getHeaderString(CSRF_HEADER))) {
                throw DomainException.forbidden("CSRF_TOKEN_INVALID", "缺少或错误的CSRF令牌，请刷新页面",
                        "a write with the session cookie needs the session's X-CSRF-Token header");
            }
            current.set(session, token);
            return;
        }
        if ((authorization == null || authorization.isBlank()) && PUBLIC_APPOINTMENTS.matcher(path).matches()) return;
        Caller caller = authenticator.authenticate(authorization);
        current.set(caller);
    }
}
