package cn.onewindow.sdk.model;

import java.util.Objects;

/**
 * A record of an evaluation batch that was not kept, and why.
 */
public final class BatchRecordError {
    private final int index;
    private final String caseId;
    private final String code;
    private final String messageZh;
    private final String messageEn;

    private BatchRecordError(Builder b) {
        this.index = b.index;
        this.caseId = b.caseId;
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
        b.index = index;
        b.caseId = caseId;
        b.code = code;
        b.messageZh = messageZh;
        b.messageEn = messageEn;
        return b;
    }

    /** @return the record's position in the uploaded list (from 0) */
    public int index() {
        return index;
    }

    /** @return the record's case id as sent */
    public String caseId() {
        return caseId;
    }

    /** @return the stable code, e.g. {@code ALREADY_RATED}, {@code CASE_NOT_FOUND}, {@code VALIDATION_FAILED} */
    public String code() {
        return code;
    }

    /** @return the reason in Chinese */
    public String messageZh() {
        return messageZh;
    }

    /** @return the reason in English */
    public String messageEn() {
        return messageEn;
    }


    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof BatchRecordError)) return false;
        BatchRecordError that = (BatchRecordError) o;
        return index == that.index
                && Objects.equals(caseId, that.caseId)
                && Objects.equals(code, that.code)
                && Objects.equals(messageZh, that.messageZh)
                && Objects.equals(messageEn, that.messageEn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, caseId, code, messageZh, messageEn);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("BatchRecordError{");
        s.append("index=").append(index);
        s.append(", caseId=").append(caseId);
        s.append(", code=").append(code);
        s.append(", messageZh=").append(messageZh);
        s.append(", messageEn=").append(messageEn);
        return s.append('}').toString();
    }

    /** Builds a {@link BatchRecordError}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private int index;
        private String caseId;
        private String code;
        private String messageZh;
        private String messageEn;

        private Builder() {
        }

        /** @param value the record's position in the uploaded list (from 0) @return this builder */
        public Builder index(int value) {
            this.index = value;
            return this;
        }

        /** @param value the record's case id as sent @return this builder */
        public Builder caseId(String value) {
            this.caseId = value;
            return this;
        }

        /** @param value the stable code, e.g. {@code ALREADY_RATED}, {@code CASE_NOT_FOUND}, {@code VALIDATION_FAILED} @return this builder */
        public Builder code(String value) {
            this.code = value;
            return this;
        }

        /** @param value the reason in Chinese @return this builder */
        public Builder messageZh(String value) {
            this.messageZh = value;
            return this;
        }

        /** @param value the reason in English @return this builder */
        public Builder messageEn(String value) {
            this.messageEn = value;
            return this;
        }

        /** @return the immutable object */
        public BatchRecordError build() {
            return new BatchRecordError(this);
        }
    }
}
