package cn.onewindow.api;

import cn.onewindow.api.problem.BodyTooLarge;
import cn.onewindow.api.problem.ProblemMappers;
import cn.onewindow.core.ports.IdempotencyStore;
import cn.onewindow.core.privacy.PrivacyKeys;
import java.time.Clock;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.privacy.Pseudonyms;
import cn.onewindow.core.ports.RequestClaim;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code Idempotency-Key} on every write ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} under
 * {@code /v1}), with one meaning everywhere:
 * <ul>
 *   <li>the key is the caller's: it is claimed with a conditional put before the route runs, together with the
 *   keyed HMAC of the whole canonical request (method, path, caller, the body with its object keys sorted);</li>
 *   <li>a replay (same key, same request) is answered with the first result (status, body, {@code Location}) and
 *   header {@code Idempotent-Replayed: true}, and runs nothing;</li>
 *   <li>the same key with a different request is {@code 422 IDEMPOTENCY_KEY_REUSED};</li>
 *   <li>a request arriving while the first with its key still runs waits for it (up to {@link #WAIT}) and gets its
 *   result, else {@code 409 IDEMPOTENCY_KEY_IN_PROGRESS} with {@code Retry-After};</li>
 *   <li>a first request that fails (4xx, 5xx) gives the key up: a retry runs again. A claim whose request died is
 *   taken over after {@link #LEASE}.</li>
 *   <li>except under {@code /v1/sessions} (sign-in, sign-out, password change), where the key is ignored.</li>
 * </ul>
 */
public class IdempotencyFilter {
    public static final String HEADER = "Idempotency-Key";
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration WAIT = Duration.ofSeconds(3);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /**
     * Sign-in, sign-out and password change are never replayed: the key is ignored there, so a replay can never hand
     * out a session (or its CSRF token) without the password being checked; each of them is safe to repeat anyway.
     */
    static final String SESSIONS = "/v1/sessions";
    private static final String KEY = IdempotencyFilter.class.getName() + ".key";
    private static final String DIGEST = IdempotencyFilter.class.getName() + ".digest";
    private static final ObjectMapper CANONICAL = new ObjectMapper();

    private final PrivacyKeys privacyKeys;
    private final IdempotencyStore requests;
    private final Clock clock;
    private final CurrentCaller current;
    private final ObjectMapper mapper;

    @Inject
    public IdempotencyFilter(PrivacyKeys privacyKeys, IdempotencyStore requests, Clock clock, CurrentCaller current,
            ObjectMapper mapper) {
        this.privacyKeys = privacyKeys;
        this.requests = requests;
        this.clock = clock;
        this.current = current;
        this.mapper = mapper;
    }

    /** After authentication (CallerFilter) and the parameter limits. */
    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Optional<Response> claim(ContainerRequestContext ctx) {
        String key = ctx.getHeaderString(HEADER);
        if (key == null || !WRITES.contains(ctx.getMethod()) || !ctx.getUriInfo().getPath().startsWith("/v1")
                || ctx.getUriInfo().getPath().startsWith(SESSIONS)) {
            return Optional.empty();
        }
        String requestId = ProblemMappers.requestId(ctx.getHeaders());
        if (key.isBlank() || key.length() > 128 || !key.chars().allMatch(ch -> ch > 32 && ch < 127)) {
            return Optional.of(ProblemMappers.toResponse(DomainException.validation(List.of(FieldError.of(HEADER,
                    "INVALID_IDEMPOTENCY_KEY", "幂等键应为1至128个可见ASCII字符",
                    "Idempotency-Key must be 1–128 visible ASCII characters"))), requestId));
        }
        Caller caller = current.orNull();
        // a citizen's booking has no caller: its keys share the scope "citizen" (the fingerprint binds the body)
        String callerId = caller != null ? caller.id()
                : CallerFilter.PUBLIC_APPOINTMENTS.matcher(ctx.getUriInfo().getPath()).matches() ? "citizen" : null;
        if (callerId == null) return Optional.empty();
        String bookingCode = ctx.getHeaderString(AppointmentResource.CODE);
        if (caller == null && bookingCode != null) {
            // a citizen acting with a booking code: the key is bound to that code too (a replay needs it)
            callerId = "citizen#" + privacyKeys.pseudonyms().key(Pseudonyms.REQUEST, "code:" + bookingCode);
        }
        byte[] body;
        try {
            body = ctx.hasEntity() ? ctx.getEntityStream().readAllBytes() : new byte[0];
        } catch (BodyTooLarge e) {
            return Optional.of(ProblemMappers.bodyTooLarge(null));
        } catch (IOException e) {
            return Optional.of(ProblemMappers.toResponse(DomainException.validation(List.of(FieldError.of("body",
                    "UNREADABLE_BODY", "请求体无法读取", "the request body could not be read"))), requestId));
        }
        ctx.setEntityStream(new ByteArrayInputStream(body));
        String scope = callerId + "#" + key;
        String digest = privacyKeys.pseudonyms().key(Pseudonyms.REQUEST,
                canonicalRequest(ctx.getMethod(), ctx.getUriInfo().getPath(), callerId, body));
        Instant deadline = Instant.now().plus(WAIT);
        for (int round = 0; ; round++) {
            RequestClaim c = requests.claimRequest(scope, digest, clock.instant(), LEASE);
            switch (c.state()) {
                case CLAIMED -> {
                    ctx.setProperty(KEY, scope);
                    ctx.setProperty(DIGEST, digest);
                    return Optional.empty();
                }
                case COMPLETED -> {
                    RequestClaim.StoredResponse r = c.response();
                    Response.ResponseBuilder b = Response.status(r.status()).header("Idempotent-Replayed", "true");
                    if (r.contentType() != null) b.type(r.contentType());
                    if (r.location() != null) b.header(HttpHeaders.LOCATION, r.location());
                    if (r.body() != null) b.entity(r.body());
                    return Optional.of(b.build());
                }
                case MISMATCH -> {
                    return Optional.of(ProblemMappers.toResponse(DomainException.unprocessable(
                            "IDEMPOTENCY_KEY_REUSED", "该幂等键已用于另一个不同的请求",
                            "this Idempotency-Key was already used for a different request"), requestId));
                }
                case IN_PROGRESS -> {
                    if (Instant.now().isAfter(deadline)) {
                        Response r = ProblemMappers.toResponse(DomainException.conflict("IDEMPOTENCY_KEY_IN_PROGRESS",
                                "相同幂等键的请求正在处理，请稍后重试",
                                "a request with this Idempotency-Key is still running; retry later"), requestId);
                        return Optional.of(Response.fromResponse(r).header("Retry-After", "1").build());
                    }
                    pause(round);
                }
            }
        }
    }

    /** Keeps a successful result for the replays; gives the key up after a failure. */
    @ServerResponseFilter
    public void complete(ContainerRequestContext req, ContainerResponseContext res) {
        String scope = (String) req.getProperty(KEY);
        if (scope == null) return;
        String digest = (String) req.getProperty(DIGEST);
        req.removeProperty(KEY);
        try {
            if (res.getStatus() >= 300) {
                requests.releaseRequest(scope, digest);
                return;
            }
            Object entity = res.getEntity();
            String body = entity == null ? null : entity instanceof String s ? s : mapper.writeValueAsString(entity);
            body = withoutOneTimeSecrets(body);
            Object location = res.getHeaders().getFirst(HttpHeaders.LOCATION);
            requests.completeRequest(scope, digest, new RequestClaim.StoredResponse(res.getStatus(),
                    res.getMediaType() == null ? null : res.getMediaType().toString(),
                    location == null ? null : location.toString(), body), clock.instant());
        } catch (IOException | RuntimeException e) {
            // the write itself succeeded; without a stored result the claim lapses after its lease
            org.jboss.logging.Logger.getLogger(IdempotencyFilter.class).warn("idempotent result not stored");
        }
    }

    /** One-time secrets shown once (the query password of an intake) are never kept for a replay. */
    static final String ONE_TIME_FIELD = "queryPassword";
    /** Likewise the booking code (预约码) of a booking. */
    static final String BOOKING_CODE_FIELD = "bookingCode";

    String withoutOneTimeSecrets(String body) throws IOException {
        if (body == null || !body.contains("\"" + ONE_TIME_FIELD + "\"")
                && !body.contains("\"" + BOOKING_CODE_FIELD + "\"")) {
            return body;
        }
        JsonNode tree = mapper.readTree(body);
        // only a body that holds one is rewritten (others replay byte for byte); the field stays, null
        return strip(tree) ? mapper.writeValueAsString(tree) : body;
    }

    private static boolean strip(JsonNode n) {
        boolean any = false;
        if (n instanceof ObjectNode o) {
            for (String field : new String[]{ONE_TIME_FIELD, BOOKING_CODE_FIELD}) {
                JsonNode v = o.get(field);
                if (v != null && !v.isNull()) {
                    o.putNull(field);
                    any = true;
                }
            }
            for (JsonNode child : o) any |= strip(child);
        } else if (n instanceof ArrayNode a) {
            for (JsonNode child : a) any |= strip(child);
        }
        return any;
    }

    private static void pause(int round) {
        try {
            Thread.sleep(Math.min(200, 20L << Math.min(round, 4))
                    + java.util.concurrent.ThreadLocalRandom.current().nextLong(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Method, path, caller and the canonical body (JSON with sorted keys; other bytes as they are). The stored
     * fingerprint is its keyed HMAC ({@link Pseudonyms#REQUEST}): bodies hold ID numbers and names, and a bare hash
     * of a request whose other fields are known could be reversed by trying every ID number.
     */
    static String canonicalRequest(String method, String path, String caller, byte[] body) {
        byte[] canonical;
        try {
            JsonNode tree = body.length == 0 ? null : CANONICAL.readTree(body);
            canonical = tree == null ? body : CANONICAL.writeValueAsBytes(sorted(tree));
        } catch (IOException e) {
            canonical = body;
        }
        return method + "\n" + path + "\n" + caller + "\n" + new String(canonical, StandardCharsets.UTF_8);
    }

    private static JsonNode sorted(JsonNode n) {
        if (n.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                fields.put(e.getKey(), sorted(e.getValue()));
            }
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            fields.forEach(o::set);
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            n.forEach(x -> a.add(sorted(x)));
            return a;
        }
        return n;
    }
}
