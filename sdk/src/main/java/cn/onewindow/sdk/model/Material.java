package cn.onewindow.sdk.model;

import java.util.Objects;

/**
 * A submitted material: its code in the item's material list and the number of copies.
 */
public final class Material {
    private final String code;
    private final Integer copies;

    private Material(Builder b) {
        this.code = b.code;
        this.copies = b.copies;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.code = code;
        b.copies = copies;
        return b;
    }

    /** @return material code, e.g. {@code M01} */
    public String code() {
        return code;
    }

    /** @return number of copies handed in (the server assumes 1 when absent) */
    public Integer copies() {
        return copies;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Material)) return false;
        Material that = (Material) o;
        return Objects.equals(code, that.code)
                && Objects.equals(copies, that.copies);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, copies);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Material{");
        s.append("code=").append(code);
        s.append(", copies=").append(copies);
        return s.append('}').toString();
    }

    /**
     * @param code material code, e.g. {@code M01}
     * @param copies number of copies
     * @return a material
     */
    public static Material of(String code, int copies) {
        return builder().code(code).copies(copies).build();
    }

    /**
     * @param code material code
     * @return one copy of a material
     */
    public static Material of(String code) {
        return of(code, 1);
    }

    /** Builds a {@link Material}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String code;
        private Integer copies;

        private Builder() {
        }

        /** @param value material code, e.g. {@code M01} @return this builder */
        public Builder code(String value) {
            this.code = value;
            return this;
        }

        /** @param value number of copies handed in (the server assumes 1 when absent) @return this builder */
        public Builder copies(Integer value) {
            this.copies = value;
            return this;
        }

        /** @return the immutable object */
        public Material build() {
            return new Material(this);
        }
    }
}
