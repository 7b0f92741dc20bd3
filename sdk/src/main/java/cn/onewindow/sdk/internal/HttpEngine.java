package cn.onewindow.sdk.internal;

import cn.onewindow.sdk.ConflictException;
import cn.onewindow.sdk.ForbiddenException;
import cn.onewindow.sdk.NotFoundException;
import cn.onewindow.sdk.OneWindowException;
import cn.onewindow.sdk.RateLimitedException;
import cn.onewindow.sdk.RetryPolicy;
import cn.onewindow.sdk.ServerException;
import cn.onewindow.sdk.TransportException;
import cn.onewindow.sdk.UnauthorizedException;
import cn.onewindow.sdk.UnprocessableException;
import cn.onewindow.sdk.ValidationException;
import cn.onewindow.sdk.http.HttpRequest;
import cn.onewindow.sdk.http.HttpResponse;
import cn.onewindow.sdk.http.Transport;
import cn.onewindow.sdk.model.Problem;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends requests with the caller's credentials, retries by the policy, and turns error answers into the SDK's
 * exceptions. Thread-safe. Not API.
 */
public final class HttpEngine {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final String REQUEST_ID = "X-Request-Id";

    private static final Logger LOG = Logger.getLogger("cn.onewindow.sdk");

    private final String baseUrl;
    private final Supplier<String> token;
    private final String userAgent;
    private final Transport transport;
    private final RetryPolicy retry;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Sleeper sleeper;
    private final Random random;

    public HttpEngine(String baseUrl, Supplier<String> token, String userAgent, Transport transport, RetryPolicy retry,
                      Duration connectTimeout, Duration readTimeout, Sleeper sleeper, Random random) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.userAgent = userAgent;
        this.transport = transport;
        this.retry = retry;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.sleeper = sleeper;
        this.random = random;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** An answer with a 2xx status. */
    public static final class Response {
        private final HttpResponse raw;
        private final int attempts;

        Response(HttpResponse raw, int attempts) {
            this.raw = raw;
            this.attempts = attempts;
        }

        public HttpResponse raw() {
            return raw;
        }

        public int attempts() {
            return attempts;
        }

        public boolean replayed() {
            return "true".equalsIgnoreCase(raw.header(REPLAYED));
        }

        public JsonObject object() {
            return Json.parseObject(raw.bodyText());
        }

        public List<JsonObject> objects() {
            return Json.parseObjects(raw.bodyText());
        }
    }

    /** GET {@code path} with the query parameters that are not {@code null}. */
    public Response get(String path, Map<String, ?> query) {
        return send("GET", path + query(query), null, null, null);
    }

    /**
     * GET {@code path} with extra request headers ({@code If-None-Match}, {@code X-Query-Password}); a {@code 304 Not
     * Modified} is an answer here, not an error ({@link HttpResponse#status()} tells).
     */
    public Response get(String path, Map<String, ?> query, Map<String, String> headers) {
        return send("GET", path + query(query), null, null, headers);
    }

    /** A write: always with an idempotency key (generated when {@code key} is null), the same on every retry. */
    public Response write(String method, String path, String jsonBody, String key) {
        return send(method, path, jsonBody == null ? "{}" : jsonBody, key == null ? newKey() : key, null);
    }

    /** A write with extra request headers (the booking code of a citizen's appointment). */
    public Response write(String method, String path, String jsonBody, String key, Map<String, String> headers) {
        return send(method, path, jsonBody == null ? "{}" : jsonBody, key == null ? newKey() : key, headers);
    }

    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    private Response send(String method, String pathAndQuery, String body, String key, Map<String, String> extra) {
        URI uri = URI.create(baseUrl + pathAndQuery);
        String requestId = UUID.randomUUID().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json, application/problem+json");
        headers.put("User-Agent", userAgent);
        headers.put(REQUEST_ID, requestId);
        String t = token == null ? null : token.get();
        if (t != null) headers.put("Authorization", "Bearer " + t);
        if (key != null) headers.put(IDEMPOTENCY_KEY, key);
        if (extra != null) headers.putAll(extra);
        byte[] bytes = null;
        if (body != null) {
            headers.put("Content-Type", "application/json; charset=utf-8");
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        HttpRequest request = new HttpRequest(method, uri, headers, bytes, connectTimeout, readTimeout);
        for (int attempt = 1; ; attempt++) {
            HttpResponse r;
            try {
                r = transport.execute(request);
            } catch (IOException e) {
                boolean timeout = e instanceof SocketTimeoutException;
                if (attempt >= retry.maxAttempts()) {
                    throw new TransportException(localProblem(timeout ? "TIMEOUT" : "CONNECTION_FAILED",
                            timeout ? "请求超时，服务器可能已处理；可用同一幂等键重试" : "无法连接服务器",
                            (timeout ? "timed out: " : "connection failed: ") + e, requestId), key, attempt, e);
                }
                pause(request, attempt, null, key, e.toString());
                continue;
            }
            int status = r.status();
            if (status >= 200 && status < 300 || status == 304 && extra != null) return new Response(r, attempt);
            Problem problem = problem(r, requestId);
            Duration retryAfter = retryAfter(r.header("Retry-After"));
            if (retryable(status, problem.code()) && attempt < retry.maxAttempts() && retry.waitsFor(retryAfter)) {
                pause(request, attempt, retryAfter, key, status + " " + problem.code());
                continue;
            }
            throw exception(problem, key, attempt, retryAfter);
        }
    }

    private void pause(HttpRequest request, int attempt, Duration retryAfter, String key, String why) {
        Duration d = retry.delayBefore(attempt, retryAfter, random);
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(request + " attempt " + attempt + " failed (" + why + "); retrying in " + d.toMillis() + " ms");
        }
        try {
            sleeper.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(localProblem("INTERRUPTED", "等待重试时被中断", "interrupted while waiting to retry",
                    request.header(REQUEST_ID)), key, attempt, e);
        }
    }

    /** Whether an error answer may be sent again: 429, 5xx and the passing conflicts; never any other 4xx. */
    public static boolean retryable(int status, String code) {
        if (status == 429 || status >= 500) return true;
        return status == 409 && ("IDEMPOTENCY_IN_PROGRESS".equals(code) || "CONCURRENT_UPDATE".equals(code));
    }

    public static OneWindowException exception(Problem p, String key, int attempts, Duration retryAfter) {
        int s = p.status();
        if (s == 400) return new ValidationException(p, key, attempts, null);
        if (s == 422) return new UnprocessableException(p, key, attempts, null);
        if (s == 401) return new UnauthorizedException(p, key, attempts, null);
        if (s == 403) return new ForbiddenException(p, key, attempts, null);
        if (s == 404) return new NotFoundException(p, key, attempts, null);
        if (s == 409) return new ConflictException(p, key, attempts, null);
        if (s == 429) return new RateLimitedException(p, key, attempts, retryAfter);
        if (s >= 500) return new ServerException(p, key, attempts, null);
        return new OneWindowException(p, key, attempts, null);
    }

    /** The server's problem, or one made from the status when the body is not a problem. */
    public static Problem problem(HttpResponse r, String requestId) {
        Problem p = null;
        try {
            String text = r.bodyText();
            if (!text.trim().isEmpty()) {
                JsonObject o = Json.parseObject(text);
                if (o.has("code")) p = ModelCodec.problem(o);
            }
        } catch (RuntimeException notJson) {
            // a gateway or proxy answered with HTML or text
        }
        if (p == null) {
            String snippet = r.bodyText();
            if (snippet.length() > 200) snippet = snippet.substring(0, 200) + "…";
            if (r.status() == 401) {
                // HttpURLConnection drops the body of a 401 to a request sent in streaming mode
                p = Problem.builder().code("UNAUTHORIZED").title("Unauthorized")
                        .messageEn("the token is missing, unknown or expired")
                        .messageZh("令牌缺失、无效或已过期").build();
            } else {
                p = Problem.builder().code(r.status() >= 500 ? "INTERNAL_ERROR" : "HTTP_" + r.status())
                        .title("HTTP " + r.status()).detail(snippet.isEmpty() ? null : snippet)
                        .messageEn("HTTP " + r.status()).messageZh("请求失败（HTTP " + r.status() + "）").build();
            }
        }
        Problem.Builder b = p.toBuilder().status(r.status());
        if (p.requestId() == null) b.requestId(requestId);
        return b.build();
    }

    private static Problem localProblem(String code, String zh, String en, String requestId) {
        return Problem.builder().status(0).code(code).title(en).detail(en).messageZh(zh).messageEn(en)
                .requestId(requestId).build();
    }

    /** {@code Retry-After}: delta-seconds or an HTTP date; {@code null} when absent or unreadable. */
    public static Duration retryAfter(String value) {
        if (value == null || value.trim().isEmpty()) return null;
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return Duration.ofSeconds(Math.max(0, seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    /** Encodes one path segment. */
    public static String segment(String s) {
        if (s == null || s.isEmpty()) throw new IllegalArgumentException("an id is required");
        return encode(s).replace("+", "%20");
    }

    private static String query(Map<String, ?> params) {
        if (params == null) return "";
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, ?> e : params.entrySet()) {
            if (e.getValue() == null) continue;
            b.append(b.length() == 0 ? '?' : '&').append(encode(e.getKey())).append('=')
                    .append(encode(String.valueOf(e.getValue())));
        }
        return b.toString();
    }

    private static String encode(String s) {
        try {
            return URLEncoder.encode(s, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
