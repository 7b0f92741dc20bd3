package cn.onewindow.sdk.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A notice issued to the applicant (告知单、受理通知书、承诺件通知书、退办通知书 …).
 */
public final class Notice {
    private final String type;
    private final String title;
    private final List<String> missing;
    private final String text;
    private final Instant issuedAt;

    private Notice(Builder b) {
        this.type = b.type;
        this.title = b.title;
        this.missing = Lists.copy(b.missing);
        this.text = b.text;
        this.issuedAt = b.issuedAt;
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
        b.missing = missing;
        b.text = text;
        b.issuedAt = issuedAt;
        return b;
    }

    /** @return what kind of notice; {@link NoticeType#UNKNOWN} for a value this SDK version does not know yet (see {@link #typeValue()}) */
    public NoticeType type() {
        return NoticeType.of(type);
    }

    /** @return what kind of notice, exactly as the server sent it */
    public String typeValue() {
        return type;
    }

    /** @return Chinese title */
    public String title() {
        return title;
    }

    /** @return for a one-time notice: every missing material code (never {@code null}; empty when absent) */
    public List<String> missing() {
        return missing;
    }

    /** @return the full Chinese text */
    public String text() {
        return text;
    }

    /** @return when it was issued */
    public Instant issuedAt() {
        return issuedAt;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Notice)) return false;
        Notice that = (Notice) o;
        return Objects.equals(type, that.type)
                && Objects.equals(title, that.title)
                && Objects.equals(missing, that.missing)
                && Objects.equals(text, that.text)
                && Objects.equals(issuedAt, that.issuedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, title, missing, text, issuedAt);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Notice{");
        s.append("type=").append(type);
        s.append(", title=").append(title);
        s.append(", missing=").append(missing);
        s.append(", text=").append(text);
        s.append(", issuedAt=").append(issuedAt);
        return s.append('}').toString();
    }

    /** Builds a {@link Notice}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String type;
        private String title;
        private List<String> missing;
        private String text;
        private Instant issuedAt;

        private Builder() {
        }

        /** @param value what kind of notice @return this builder */
        public Builder type(NoticeType value) {
            this.type = OpenEnums.send(value);
            return this;
        }

        /** @param value what kind of notice, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder typeValue(String value) {
            this.type = value;
            return this;
        }

        /** @param value Chinese title @return this builder */
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /** @param values for a one-time notice: every missing material code @return this builder */
        public Builder missing(List<String> values) {
            this.missing = values;
            return this;
        }

        /** @param values for a one-time notice: every missing material code @return this builder */
        public Builder missing(String... values) {
            this.missing = Lists.of(values);
            return this;
        }

        /** @param value the full Chinese text @return this builder */
        public Builder text(String value) {
            this.text = value;
            return this;
        }

        /** @param value when it was issued @return this builder */
        public Builder issuedAt(Instant value) {
            this.issuedAt = value;
            return this;
        }

        /** @return the immutable object */
        public Notice build() {
            return new Notice(this);
        }
    }
}
