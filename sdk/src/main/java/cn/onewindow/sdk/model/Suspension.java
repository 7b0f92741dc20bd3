package cn.onewindow.sdk.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A suspension of the case clock (hearing, site inspection, expert review …).
 */
public final class Suspension {
    private final String kind;
    private final String reason;
    private final Instant suspendedAt;
    private final Instant resumedAt;

    private Suspension(Builder b) {
        this.kind = b.kind;
        this.reason = b.reason;
        this.suspendedAt = b.suspendedAt;
        this.resumedAt = b.resumedAt;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.kind = kind;
        b.reason = reason;
        b.suspendedAt = suspendedAt;
        b.resumedAt = resumedAt;
        return b;
    }

    /** @return why the clock stopped; {@link SuspensionKind#UNKNOWN} for a value this SDK version does not know yet (see {@link #kindValue()}) */
    public SuspensionKind kind() {
        return SuspensionKind.of(kind);
    }

    /** @return why the clock stopped, exactly as the server sent it */
    public String kindValue() {
        return kind;
    }

    /** @return the reason given */
    public String reason() {
        return reason;
    }

    /** @return when the clock stopped */
    public Instant suspendedAt() {
        return suspendedAt;
    }

    /** @return when it started again; {@code null} while suspended */
    public Instant resumedAt() {
        return resumedAt;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Suspension)) return false;
        Suspension that = (Suspension) o;
        return Objects.equals(kind, that.kind)
                && Objects.equals(reason, that.reason)
                && Objects.equals(suspendedAt, that.suspendedAt)
                && Objects.equals(resumedAt, that.resumedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, reason, suspendedAt, resumedAt);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Suspension{");
        s.append("kind=").append(kind);
        s.append(", reason=").append(reason);
        s.append(", suspendedAt=").append(suspendedAt);
        s.append(", resumedAt=").append(resumedAt);
        return s.append('}').toString();
    }

    /** Builds a {@link Suspension}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String kind;
        private String reason;
        private Instant suspendedAt;
        private Instant resumedAt;

        private Builder() {
        }

        /** @param value why the clock stopped @return this builder */
        public Builder kind(SuspensionKind value) {
            this.kind = OpenEnums.send(value);
            return this;
        }

        /** @param value why the clock stopped, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder kindValue(String value) {
            this.kind = value;
            return this;
        }

        /** @param value the reason given @return this builder */
        public Builder reason(String value) {
            this.reason = value;
            return this;
        }

        /** @param value when the clock stopped @return this builder */
        public Builder suspendedAt(Instant value) {
            this.suspendedAt = value;
            return this;
        }

        /** @param value when it started again; {@code null} while suspended @return this builder */
        public Builder resumedAt(Instant value) {
            this.resumedAt = value;
            return this;
        }

        /** @return the immutable object */
        public Suspension build() {
            return new Suspension(this);
        }
    }
}
