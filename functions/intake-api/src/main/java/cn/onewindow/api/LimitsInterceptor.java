package cn.onewindow.api;

import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import cn.onewindow.api.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies {@link Limits} to every request: each JSON body once it is read (whatever route reads it), and every query
 * parameter and path segment before the route runs. A refusal is a 400 problem naming the field.
 */
@Provider
public class LimitsInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext ctx) throws IOException {
        Object body = ctx.proceed();
        Limits.check(body);
        return body;
    }

    /** Query parameters and path segments: bounded length, no control characters. */
    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.USER + 50)
    public Optional<Response> params(ContainerRequestContext ctx) {
        List<FieldError> errors = new ArrayList<>();
        MultivaluedMap<String, String> query = ctx.getUriInfo().getQueryParameters();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            for (String v : e.getValue()) {
                FieldError f = Limits.checkParam(e.getKey(), v);
                if (f != null) errors.add(f);
            }
        }
        for (var seg : ctx.getUriInfo().getPathSegments()) {
            if (Limits.checkParam("path", seg.getPath()) != null) {
                return Optional.of(ProblemMappers.toResponse(DomainException.notFound("NOT_FOUND",
                        "请求的资源不存在", "not found"), ProblemMappers.requestId(ctx.getHeaders())));
            }
        }
        if (errors.isEmpty()) return Optional.empty();
        return Optional.of(ProblemMappers.toResponse(DomainException.validation(errors),
                ProblemMappers.requestId(ctx.getHeaders())));
    }
}
