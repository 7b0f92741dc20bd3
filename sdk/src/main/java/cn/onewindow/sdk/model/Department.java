package cn.onewindow.sdk.model;

import java.util.Objects;

/**
 * A department taking part in an item, with its own limit.
 */
public final class Department {
    private final String code;
    private final String name;
    private final Integer timeLimitDays;

    private Department(Builder b) {
        this.code = b.code;
        this.name = b.name;
        this.timeLimitDays = b.timeLimitDays;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.code = code;
        b.name = name;
        b.timeLimitDays = timeLimitDays;
        return b;
    }

    /** @return department code, e.g. {@code fgw} */
    public String code() {
        return code;
    }

    /** @return Chinese name */
    public String name() {
        return name;
    }

    /** @return the department's limit in working days */
    public Integer timeLimitDays() {
        return timeLimitDays;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Department)) return false;
        Department that = (Department) o;
        return Objects.equals(code, that.code)
                && Objects.equals(name, that.name)
                && Objects.equals(timeLimitDays, that.timeLimitDays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, name, timeLimitDays);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Department{");
        s.append("code=").append(code);
        s.append(", name=").append(name);
        s.append(", timeLimitDays=").append(timeLimitDays);
        return s.append('}').toString();
    }

    /** Builds a {@link Department}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String code;
        private String name;
        private Integer timeLimitDays;

        private Builder() {
        }

        /** @param value department code, e.g. {@code fgw} @return this builder */
        public Builder code(String value) {
            this.code = value;
            return this;
        }

        /** @param value Chinese name @return this builder */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** @param value the department's limit in working days @return this builder */
        public Builder timeLimitDays(Integer value) {
            this.timeLimitDays = value;
            return this;
        }

        /** @return the immutable object */
        public Department build() {
            return new Department(this);
        }
    }
}
