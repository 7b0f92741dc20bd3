package cn.onewindow.sdk.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The villager's consent (委托) to a village agent's application: required context for {@code VILLAGE_AGENT}
 * cases, refused on other channels ({@code 400 CONSENT_NOT_APPLICABLE}).
 */
public final class Consent {
    private final String method;
    private final String reference;
    private final Instant givenAt;

    private Consent(Builder b) {
        this.method = b.method;
        this.reference = b.reference;
        this.givenAt = b.givenAt;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.method = method;
        b.reference = reference;
        b.givenAt = givenAt;
        return b;
    }

    /**
     * @param method how the consent was given
     * @param reference the reference of the authorisation, e.g. {@code WT-2025-0042}
     * @return a consent given now (the server records the time)
     */
    public static Consent of(ConsentMethod method, String reference) {
        return builder().method(method).reference(reference).build();
    }

    /** @return how the consent was given; {@link ConsentMethod#UNKNOWN} for a value this SDK does not know */
    public ConsentMethod method() {
        return ConsentMethod.of(method);
    }

    /** @return the method exactly as the server sent it */
    public String methodValue() {
        return method;
    }

    /** @return the reference of the authorisation */
    public String reference() {
        return reference;
    }

    /** @return when it was given; the server assumes now when absent (within the last year) */
    public Instant givenAt() {
        return givenAt;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Consent)) return false;
        Consent that = (Consent) o;
        return Objects.equals(method, that.method)
                && Objects.equals(reference, that.reference)
                && Objects.equals(givenAt, that.givenAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, reference, givenAt);
    }

    @Override
    public String toString() {
        return "Consent{method=" + method + ", reference=" + reference + ", givenAt=" + givenAt + '}';
    }

    /** Builds a {@link Consent}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String method;
        private String reference;
        private Instant givenAt;

        private Builder() {
        }

        /** @param value how the consent was given (not {@code UNKNOWN}) @return this builder */
        public Builder method(ConsentMethod value) {
            this.method = OpenEnums.send(value);
            return this;
        }

        /** @param value the method as the server spells it @return this builder */
        public Builder methodValue(String value) {
            this.method = value;
            return this;
        }

        /** @param value the reference of the authorisation @return this builder */
        public Builder reference(String value) {
            this.reference = value;
            return this;
        }

        /** @param value when it was given @return this builder */
        public Builder givenAt(Instant value) {
            this.givenAt = value;
            return this;
        }

        /** @return the immutable object */
        public Consent build() {
            return new Consent(this);
        }
    }
}
