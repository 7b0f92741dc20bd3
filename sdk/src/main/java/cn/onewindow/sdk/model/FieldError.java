package cn.onewindow.sdk.model;

import java.util.Objects;

/**
 * One invalid field of a request, as the server reported it.
 */
public final class FieldError {
    private final String field;
    private final String code;
    private final String messageZh;
    private final String messageEn;

    private FieldError(Builder b) {
        this.field = b.field;
        this.code = b.code;
        this.messageZh = b.messageZh;
        this.messageEn = b.messageEn;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.field = field;
        b.code = code;
        b.messageZh = messageZh;
        b.messageEn = messageEn;
        return b;
    }

    /** @return JSON path of the field, e.g. {@code materials[0].code} */
    public String field() {
        return field;
    }

    /** @return stable code, e.g. {@code REQUIRED} */
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

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof FieldError)) return false;
        FieldError that = (FieldError) o;
        return Objects.equals(field, that.field)
                && Objects.equals(code, that.code)
                && Objects.equals(messageZh, that.messageZh)
                && Objects.equals(messageEn, that.messageEn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, code, messageZh, messageEn);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("FieldError{");
        s.append("field=").append(field);
        s.append(", code=").append(code);
        s.append(", messageZh=").append(messageZh);
        s.append(", messageEn=").append(messageEn);
        return s.append('}').toString();
    }

    /** Builds a {@link FieldError}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String field;
        private String code;
        private String messageZh;
        private String messageEn;

        private Builder() {
        }

        /** @param value JSON path of the field, e.g. {@code materials[0].code} @return this builder */
        public Builder field(String value) {
            this.field = value;
            return this;
        }

        /** @param value stable code, e.g. {@code REQUIRED} @return this builder */
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

        /** @return the immutable object */
        public FieldError build() {
            return new FieldError(this);
        }
    }
}
