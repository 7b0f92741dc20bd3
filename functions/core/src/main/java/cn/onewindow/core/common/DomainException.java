package cn.onewindow.core.common;

import java.util.List;

/**
 * A refusal by the domain: carries a stable machine code, its kind (which the HTTP layer maps to a status),
 * and a Chinese and an English message. Never used for programming errors.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal this is; the API maps each kind to one HTTP status. */
    public enum Kind { VALIDATION, NOT_FOUND, CONFLICT, FORBIDDEN, UNAUTHORIZED, ILLEGAL_STATE, UNPROCESSABLE, TOO_LARGE,
        /** Temporarily refused whatever is sent (a sign-in locked after repeated wrong passwords): HTTP 423. */
        LOCKED,
        /** Too many tries in a period (429 with Retry-After: {@link RateLimited}). */
        RATE_LIMITED }

    private final Kind kind;
    private final String code;
    private final String messageZh;
    private final List<FieldError> fieldErrors;

    public DomainException(Kind kind, String code, String messageZh, String messageEn) {
        this(kind, code, messageZh, messageEn, List.of());
    }

    public DomainException(Kind kind, String code, String messageZh, String messageEn, List<FieldError> fieldErrors) {
        super(messageEn);
        this.kind = kind;
        this.code = code;
        this.messageZh = messageZh;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public Kind kind() { return kind; }
    public String code() { return code; }
    public String messageZh() { return messageZh; }
    public String messageEn() { return getMessage(); }
    public List<FieldError> fieldErrors() { return fieldErrors; }

    public static DomainException validation(List<FieldError> errors) {
        return new DomainException(Kind.VALIDATION, "VALIDATION_FAILED", "请求内容有误，请按字段提示修改",
                "The request has invalid fields", errors);
    }

    public static DomainException notFound(String code, String messageZh, String messageEn) {
        return new DomainException(Kind.NOT_FOUND, code, messageZh, messageEn);
    }

    public static DomainException conflict(String code, String messageZh, String messageEn) {
        return new DomainException(Kind.CONFLICT, code, messageZh, messageEn);
    }

    public static DomainException forbidden(String code, String messageZh, String messageEn) {
        return new DomainException(Kind.FORBIDDEN, code, messageZh, messageEn);
    }

    public static DomainException illegalState(String code, String messageZh, String messageEn) {
        return new DomainException(Kind.ILLEGAL_STATE, code, messageZh, messageEn);
    }

    public static DomainException unprocessable(String code, String messageZh, String messageEn) {
        return new DomainException(Kind.UNPROCESSABLE, code, messageZh, messageEn);
    }

    /** A refusal for too many tries; {@code retryAfterSeconds} until the period that refused it is over. */
    public static final class RateLimited extends DomainException {
        private final long retryAfterSeconds;

        public RateLimited(long retryAfterSeconds) {
            this("查询过于频繁，请稍后再试", retryAfterSeconds);
        }

        public RateLimited(String messageZh, long retryAfterSeconds) {
            super(Kind.RATE_LIMITED, "RATE_LIMITED", messageZh,
                    "too many tries; retry after " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() { return retryAfterSeconds; }
    }
}
