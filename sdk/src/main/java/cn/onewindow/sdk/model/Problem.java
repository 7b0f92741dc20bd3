package cn.onewindow.sdk.model;

import java.util.List;
import java.util.Objects;

/**
 * An error answer of the server ({@code application/problem+json}, RFC 9457) with its stable code.
 */
public final class Problem {
    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private final String code;
    private final String messageZh;
    private final String messageEn;
    private final List<FieldError> errors;
    private final String requestId;

    private Problem(Builder b) {
        this.type = b.type;
        this.title = b.title;
        this.status = b.status;
        this.detail = b.detail;
        this.code = b.code;
        this.messageZh = b.messageZh;
        this.messageEn = b.messageEn;
        this.errors = Lists.copy(b.errors);
        this.requestId = b.requestId;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.title = title;
        b.status = status;
        b.detail = detail;
        b.code = code;
        b.messageZh = messageZh;
        b.messageEn = messageEn;
        b.errors = errors;
        b.requestId = requestId;
        return b;
    }

    /** @return URI naming the problem type */
    public String type() {
        return type;
    }

    /** @return short English summary */
    public String title() {
        return title;
    }

    /** @return HTTP status */
    public int status() {
        return status;
    }

    /** @return English detail */
    public String detail() {
        return detail;
    }

    /** @return stable code, e.g. {@code CASE_NOT_FOUND}, {@code ILLEGAL_TRANSITION} */
    public String code() {
        return code;
    }

    /** @return message in Chinese */
    public String messageZh() {
        return messageZh;
    }

    /** @return message in English */
    public String messageEn() {
        return messageEn;
    }

    /** @return invalid fields (validation errors) (never {@code null}; empty when absent) */
    public List<FieldError> errors() {
        return errors;
    }

    /** @return id of the request, for the platform's logs */
    public String requestId() {
        return requestId;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Problem)) return false;
        Problem that = (Problem) o;
        return Objects.equals(type, that.type)
                && Objects.equals(title, that.title)
                && status == that.status
                && Objects.equals(detail, that.detail)
                && Objects.equals(code, that.code)
                && Objects.equals(messageZh, that.messageZh)
                && Objects.equals(messageEn, that.messageEn)
                && Objects.equals(errors, that.errors)
                && Objects.equals(requestId, that.requestId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, title, status, detail, code, messageZh, messageEn, errors, requestId);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Problem{");
        s.append("type=").append(type);
        s.append(", title=").append(title);
        s.append(", status=").append(status);
        s.append(", detail=").append(detail);
        s.append(", code=").append(code);
        s.append(", messageZh=").append(messageZh);
        s.append(", messageEn=").append(messageEn);
        s.append(", errors=").append(errors.size()).append(" item(s)");
        s.append(", requestId=").append(requestId);
        return s.append('}').toString();
    }

    /** Builds a {@link Problem}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String type;
        private String title;
        private int status;
        private String detail;
        private String code;
        private String messageZh;
        private String messageEn;
        private List<FieldError> errors;
        private String requestId;

        private Builder() {
        }

        /** @param value URI naming the problem type @return this builder */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** @param value short English summary @return this builder */
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /** @param value HTTP status @return this builder */
        public Builder status(int value) {
            this.status = value;
            return this;
        }

        /** @param value English detail @return this builder */
        public Builder detail(String value) {
            this.detail = value;
            return this;
        }

        /** @param value stable code, e.g. {@code CASE_NOT_FOUND}, {@code ILLEGAL_TRANSITION} @return this builder */
        public Builder code(String value) {
            this.code = value;
            return this;
        }

        /** @param value message in Chinese @return this builder */
        public Builder messageZh(String value) {
            this.messageZh = value;
            return this;
        }

        /** @param value message in English @return this builder */
        public Builder messageEn(String value) {
            this.messageEn = value;
            return this;
        }

        /** @param values invalid fields (validation errors) @return this builder */
        public Builder errors(List<FieldError> values) {
            this.errors = values;
            return this;
        }

        /** @param values invalid fields (validation errors) @return this builder */
        public Builder errors(FieldError... values) {
            this.errors = Lists.of(values);
            return this;
        }

        /** @param value id of the request, for the platform's logs @return this builder */
        public Builder requestId(String value) {
            this.requestId = value;
            return this;
        }

        /** @return the immutable object */
        public Problem build() {
            return new Problem(this);
        }
    }
}
