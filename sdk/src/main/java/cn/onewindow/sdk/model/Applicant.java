package cn.onewindow.sdk.model;

import java.util.Objects;

/**
 * The applicant (服务对象): a person or a company. Identity number and phone are masked by the server for callers that are not window staff or agents, and by {@link #toString()} always.
 */
public final class Applicant {
    private final String name;
    private final String type;
    private final String idType;
    private final String idNumber;
    private final String phone;

    private Applicant(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.idType = b.idType;
        this.idNumber = b.idNumber;
        this.phone = b.phone;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.type = type;
        b.idType = idType;
        b.idNumber = idNumber;
        b.phone = phone;
        return b;
    }

    /** @return name (masked in {@code toString}) */
    public String name() {
        return name;
    }

    /** @return person or company; {@link ApplicantType#UNKNOWN} for a value this SDK version does not know yet (see {@link #typeValue()}) */
    public ApplicantType type() {
        return ApplicantType.of(type);
    }

    /** @return person or company, exactly as the server sent it */
    public String typeValue() {
        return type;
    }

    /** @return kind of identity document; {@link IdType#UNKNOWN} for a value this SDK version does not know yet (see {@link #idTypeValue()}) */
    public IdType idType() {
        return IdType.of(idType);
    }

    /** @return kind of identity document, exactly as the server sent it */
    public String idTypeValue() {
        return idType;
    }

    /** @return identity document number (resident ID, unified social credit code, …) */
    public String idNumber() {
        return idNumber;
    }

    /** @return phone number for SMS notices */
    public String phone() {
        return phone;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Applicant)) return false;
        Applicant that = (Applicant) o;
        return Objects.equals(name, that.name)
                && Objects.equals(type, that.type)
                && Objects.equals(idType, that.idType)
                && Objects.equals(idNumber, that.idNumber)
                && Objects.equals(phone, that.phone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, idType, idNumber, phone);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Applicant{");
        s.append("name=").append(name == null ? "null" : "***");
        s.append(", type=").append(type);
        s.append(", idType=").append(idType);
        s.append(", idNumber=").append(idNumber == null ? "null" : "***");
        s.append(", phone=").append(phone == null ? "null" : "***");
        return s.append('}').toString();
    }

    /**
     * @param name the person's name
     * @param idNumber resident ID number
     * @param phone phone number for SMS notices
     * @return a person identified by a resident ID
     */
    public static Applicant person(String name, String idNumber, String phone) {
        return builder().name(name).type(ApplicantType.PERSON).idType(IdType.RESIDENT_ID).idNumber(idNumber)
                .phone(phone).build();
    }

    /**
     * @param name the company's name
     * @param creditCode unified social credit code
     * @param phone contact phone
     * @return a company identified by its unified social credit code
     */
    public static Applicant company(String name, String creditCode, String phone) {
        return builder().name(name).type(ApplicantType.COMPANY).idType(IdType.UNIFIED_SOCIAL_CREDIT_CODE)
                .idNumber(creditCode).phone(phone).build();
    }

    /** Builds a {@link Applicant}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String name;
        private String type;
        private String idType;
        private String idNumber;
        private String phone;

        private Builder() {
        }

        /** @param value name (masked in {@code toString}) @return this builder */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** @param value person or company @return this builder */
        public Builder type(ApplicantType value) {
            this.type = OpenEnums.send(value);
            return this;
        }

        /** @param value person or company, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder typeValue(String value) {
            this.type = value;
            return this;
        }

        /** @param value kind of identity document @return this builder */
        public Builder idType(IdType value) {
            this.idType = OpenEnums.send(value);
            return this;
        }

        /** @param value kind of identity document, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder idTypeValue(String value) {
            this.idType = value;
            return this;
        }

        /** @param value identity document number (resident ID, unified social credit code, …) @return this builder */
        public Builder idNumber(String value) {
            this.idNumber = value;
            return this;
        }

        /** @param value phone number for SMS notices @return this builder */
        public Builder phone(String value) {
            this.phone = value;
            return this;
        }

        /** @return the immutable object */
        public Applicant build() {
            return new Applicant(this);
        }
    }
}
