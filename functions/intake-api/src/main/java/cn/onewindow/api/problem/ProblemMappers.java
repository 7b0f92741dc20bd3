package cn.onewindow.api.problem;

import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every error leaves as {@code application/problem+json}: domain refusals with their own code, malformed JSON and
 * wrong types as 400 with the field, unknown paths and methods with their HTTP status, and anything unexpected as a
 * 500 that says nothing about the internals.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(DomainException e, HttpHeaders headers, jakarta.ws.rs.core.Request request) {
        if (e.kind() == DomainException.Kind.FORBIDDEN && request != null
                && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            // a read outside the caller's reach is answered as if there were nothing there (no existence leak)
            e = DomainException.notFound("NOT_FOUND", "请求的资源不存在", "not found");
        }
        return toResponse(e, requestId(headers));
    }

    /** The problem response of a domain refusal. */
    public static Response toResponse(DomainException e, String requestId) {
        int status = switch (e.kind()) {
            case VALIDATION -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT, ILLEGAL_STATE -> 409;
            case UNPROCESSABLE -> 422;
            case TOO_LARGE -> 413;
            case LOCKED -> 423;
        };
        Response.ResponseBuilder r = response(Problem.of(status, e.code(), e.messageZh(), e.messageEn(),
                e.fieldErrors(), requestId));
        if (status == 401) r.header("WWW-Authenticate", "Bearer");
        return r.build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, HttpHeaders headers) {
        String field = e instanceof JsonMappingException m ? path(m) : null;
        String code;
        String zh;
        String en;
        if (e instanceof UnrecognizedPropertyException u) {
            code = "UNKNOWN_FIELD";
            zh = "请求中含有未定义的字段：" + u.getPropertyName();
            en = "unknown field " + u.getPropertyName();
        } else if (e instanceof InvalidFormatException f) {
            code = "INVALID_VALUE";
            zh = "字段取值无效";
            en = "invalid value for " + (field == null ? "a field" : field)
                    + (f.getTargetType() != null && f.getTargetType().isEnum()
                    ? "; allowed: " + List.of(f.getTargetType().getEnumConstants()).stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) : "");
        } else if (e instanceof JsonParseException) {
            code = "MALFORMED_JSON";
            zh = "请求体不是合法的JSON";
            en = "the request body is not valid JSON";
        } else {
            code = "INVALID_BODY";
            zh = "请求体结构或字段类型有误";
            en = "the request body has a wrong structure or field type";
        }
        List<FieldError> errors = field == null ? List.of() : List.of(FieldError.of(field, code, zh, en));
        return response(Problem.of(400, code, zh, en, errors, requestId(headers))).build();
    }

    /** Jackson's own mapper for mismatched input answers plain JSON; this one wins and answers a problem. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e, HttpHeaders headers) {
        return json(e, headers);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unrecognized(UnrecognizedPropertyException e, HttpHeaders headers) {
        return json(e, headers);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, HttpHeaders headers) {
        return json(e, headers);
    }

    @ServerExceptionMapper(priority = 1)
    public Response parse(JsonParseException e, HttpHeaders headers) {
        return json(e, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "BODY_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "HTTP_" + status;
        };
        if (status >= 500) LOG.error("request failed", e);
        String zh = switch (status) {
            case 404 -> "请求的资源不存在";
            case 405 -> "不支持该请求方法";
            case 413 -> "请求体过大";
            case 415 -> "请以 application/json 提交";
            default -> "请求无法处理";
        };
        String en = status == 415 ? "send the body as application/json" : e.getResponse().getStatusInfo().getReasonPhrase();
        if (e.getCause() instanceof JsonProcessingException j) return json(j, headers);
        return response(Problem.of(status, code, zh, en, List.of(), requestId(headers))).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpHeaders headers) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof cn.onewindow.api.BodyLimit.TooLarge) return cn.onewindow.api.BodyLimit.tooLarge(headers);
        }
        if (e.getCause() instanceof JsonProcessingException j) return json(j, headers);
        String id = requestId(headers);
        LOG.errorf(e, "unexpected error, request %s", id);
        return response(Problem.of(500, "INTERNAL_ERROR", "系统内部错误，请稍后重试",
                "internal error; try again later", List.of(), id)).build();
    }

    private static Response.ResponseBuilder response(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p);
    }

    private static String path(JsonMappingException m) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) b.append('.');
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? null : b.toString();
    }

    static String requestId(HttpHeaders headers) {
        return requestId(headers == null ? null : headers.getRequestHeaders());
    }

    /** The caller's X-Request-Id (or API Gateway's trace id), else a new one. */
    public static String requestId(jakarta.ws.rs.core.MultivaluedMap<String, String> headers) {
        String id = headers == null ? null : headers.getFirst("X-Request-Id");
        if (id == null || id.isBlank() || id.length() > 100) {
            id = headers == null ? null : headers.getFirst("X-Amzn-Trace-Id");
        }
        return id == null || id.length() > 100 ? UUID.randomUUID().toString() : id;
    }
}
