package cn.onewindow.sdk;

import cn.onewindow.sdk.model.FieldError;
import cn.onewindow.sdk.model.Problem;

import java.util.List;

/**
 * Base of every error the SDK throws (unchecked). When the server answered, it carries the server's problem
 * ({@code application/problem+json}): the stable {@link #code()}, the HTTP {@link #status()}, the messages in
 * Chinese and English, the invalid fields, and the request id to quote to the platform's operators.
 *
 * <p>Catch a subclass for the cases you handle: {@link ValidationException} (400, and {@link
 * UnprocessableException} 422), {@link UnauthorizedException} (401), {@link ForbiddenException} (403), {@link
 * NotFoundException} (404), {@link ConflictException} (409), {@link RateLimitedException} (429), {@link
 * ServerException} (5xx), and {@link TransportException} when no answer arrived at all.
 */
public class OneWindowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final String idempotencyKey;
    private final int attempts;

    /**
     * @param problem the server's problem (or one made up by the SDK when no answer arrived)
     * @param idempotencyKey the idempotency key the write was sent with, or {@code null} for reads
     * @param attempts how many times the request was sent
     * @param cause the underlying exception, or {@code null}
     */
    public OneWindowException(Problem problem, String idempotencyKey, int attempts, Throwable cause) {
        super(describe(problem), cause);
        this.problem = problem;
        this.idempotencyKey = idempotencyKey;
        this.attempts = attempts;
    }

    /** @return the problem as the server sent it */
    public Problem problem() {
        return problem;
    }

    /** @return the HTTP status, or 0 when no answer arrived */
    public int status() {
        return problem.status();
    }

    /** @return the stable error code, e.g. {@code CASE_NOT_FOUND}, {@code ILLEGAL_TRANSITION} */
    public String code() {
        return problem.code();
    }

    /** @return the message in Chinese */
    public String messageZh() {
        return problem.messageZh();
    }

    /** @return the message in English */
    public String messageEn() {
        return problem.messageEn();
    }

    /** @return the invalid fields (empty unless a validation error) */
    public List<FieldError> fieldErrors() {
        return problem.errors();
    }

    /** @return the id of the request (sent as {@code X-Request-Id}), to quote to the platform's operators */
    public String requestId() {
        return problem.requestId();
    }

    /**
     * @return the idempotency key the write was sent with (send it again, or queue the write in the outbox with it,
     *         and the server will not do the write twice); {@code null} for reads
     */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** @return how many times the request was sent before giving up */
    public int attempts() {
        return attempts;
    }

    private static String describe(Problem p) {
        StringBuilder b = new StringBuilder();
        if (p.status() > 0) b.append(p.status()).append(' ');
        b.append(p.code());
        String en = p.messageEn() != null ? p.messageEn() : p.detail();
        if (en != null) b.append(": ").append(en);
        if (p.messageZh() != null) b.append(" (").append(p.messageZh()).append(')');
        for (FieldError f : p.errors()) {
            b.append("; ").append(f.field()).append(' ').append(f.code());
            if (f.messageEn() != null) b.append(' ').append(f.messageEn());
        }
        if (p.requestId() != null) b.append(" [request ").append(p.requestId()).append(']');
        return b.toString();
    }
}
