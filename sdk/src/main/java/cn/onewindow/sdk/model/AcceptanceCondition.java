package cn.onewindow.sdk.model;

import java.util.Objects;

/**
 * An acceptance condition of an item.
 */
public final class AcceptanceCondition {
    private final String code;
    private final String description;
    private final String legalBasis;

    private AcceptanceCondition(Builder b) {
        this.code = b.code;
        this.description = b.description;
        this.legalBasis = b.legalBasis;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.code = code;
        b.description = description;
        b.legalBasis = legalBasis;
        return b;
    }

    /** @return condition code, e.g. {@code C01} */
    public String code() {
        return code;
    }

    /** @return what must hold */
    public String description() {
        return description;
    }

    /** @return the legal basis */
    public String legalBasis() {
        return legalBasis;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof AcceptanceCondition)) return false;
        AcceptanceCondition that = (AcceptanceCondition) o;
        return Objects.equals(code, that.code)
                && Objects.equals(description, that.description)
                && Objects.equals(legalBasis, that.legalBasis);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, description, legalBasis);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("AcceptanceCondition{");
        s.append("code=").append(code);
        s.append(", description=").append(description);
        s.append(", legalBasis=").append(legalBasis);
        return s.append('}').toString();
    }

    /** Builds a {@link AcceptanceCondition}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String code;
        private String description;
        private String legalBasis;

        private Builder() {
        }

        /** @param value condition code, e.g. {@code C01} @return this builder */
        public Builder code(String value) {
            this.code = value;
            return this;
        }

        /** @param value what must hold @return this builder */
        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /** @param value the legal basis @return this builder */
        public Builder legalBasis(String value) {
            this.legalBasis = value;
            return this;
        }

        /** @return the immutable object */
        public AcceptanceCondition build() {
            return new AcceptanceCondition(this);
        }
    }
}
