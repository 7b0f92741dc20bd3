package cn.onewindow.sdk.model;

import java.util.Objects;

/**
 * A material an item requires.
 */
public final class MaterialRequirement {
    private final String code;
    private final String name;
    private final String form;
    private final Integer copies;
    private final Boolean mandatory;
    private final Boolean tolerable;

    private MaterialRequirement(Builder b) {
        this.code = b.code;
        this.name = b.name;
        this.form = b.form;
        this.copies = b.copies;
        this.mandatory = b.mandatory;
        this.tolerable = b.tolerable;
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
        b.form = form;
        b.copies = copies;
        b.mandatory = mandatory;
        b.tolerable = tolerable;
        return b;
    }

    /** @return material code */
    public String code() {
        return code;
    }

    /** @return Chinese name */
    public String name() {
        return name;
    }

    /** @return original, copy or both; {@link MaterialForm#UNKNOWN} for a value this SDK version does not know yet (see {@link #formValue()}) */
    public MaterialForm form() {
        return MaterialForm.of(form);
    }

    /** @return original, copy or both, exactly as the server sent it */
    public String formValue() {
        return form;
    }

    /** @return copies required */
    public Integer copies() {
        return copies;
    }

    /** @return required for acceptance */
    public Boolean mandatory() {
        return mandatory;
    }

    /** @return may be supplied after acceptance (容缺) */
    public Boolean tolerable() {
        return tolerable;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof MaterialRequirement)) return false;
        MaterialRequirement that = (MaterialRequirement) o;
        return Objects.equals(code, that.code)
                && Objects.equals(name, that.name)
                && Objects.equals(form, that.form)
                && Objects.equals(copies, that.copies)
                && Objects.equals(mandatory, that.mandatory)
                && Objects.equals(tolerable, that.tolerable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, name, form, copies, mandatory, tolerable);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("MaterialRequirement{");
        s.append("code=").append(code);
        s.append(", name=").append(name);
        s.append(", form=").append(form);
        s.append(", copies=").append(copies);
        s.append(", mandatory=").append(mandatory);
        s.append(", tolerable=").append(tolerable);
        return s.append('}').toString();
    }

    /** Builds a {@link MaterialRequirement}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String code;
        private String name;
        private String form;
        private Integer copies;
        private Boolean mandatory;
        private Boolean tolerable;

        private Builder() {
        }

        /** @param value material code @return this builder */
        public Builder code(String value) {
            this.code = value;
            return this;
        }

        /** @param value Chinese name @return this builder */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** @param value original, copy or both @return this builder */
        public Builder form(MaterialForm value) {
            this.form = OpenEnums.send(value);
            return this;
        }

        /** @param value original, copy or both, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder formValue(String value) {
            this.form = value;
            return this;
        }

        /** @param value copies required @return this builder */
        public Builder copies(Integer value) {
            this.copies = value;
            return this;
        }

        /** @param value required for acceptance @return this builder */
        public Builder mandatory(Boolean value) {
            this.mandatory = value;
            return this;
        }

        /** @param value may be supplied after acceptance (容缺) @return this builder */
        public Builder tolerable(Boolean value) {
            this.tolerable = value;
            return this;
        }

        /** @return the immutable object */
        public MaterialRequirement build() {
            return new MaterialRequirement(this);
        }
    }
}
