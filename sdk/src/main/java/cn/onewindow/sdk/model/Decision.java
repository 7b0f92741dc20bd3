package cn.onewindow.sdk.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The decision on a case.
 */
public final class Decision {
    private final String outcome;
    private final List<String> reasons;
    private final Instant decidedAt;
    private final String decidedBy;

    private Decision(Builder b) {
        this.outcome = b.outcome;
        this.reasons = Lists.copy(b.reasons);
        this.decidedAt = b.decidedAt;
        this.decidedBy = b.decidedBy;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.outcome = outcome;
        b.reasons = reasons;
        b.decidedAt = decidedAt;
        b.decidedBy = decidedBy;
        return b;
    }

    /** @return approve or deny; {@link DecisionOutcome#UNKNOWN} for a value this SDK version does not know yet (see {@link #outcomeValue()}) */
    public DecisionOutcome outcome() {
        return DecisionOutcome.of(outcome);
    }

    /** @return approve or deny, exactly as the server sent it */
    public String outcomeValue() {
        return outcome;
    }

    /** @return reasons (required for a denial) (never {@code null}; empty when absent) */
    public List<String> reasons() {
        return reasons;
    }

    /** @return when */
    public Instant decidedAt() {
        return decidedAt;
    }

    /** @return id of the deciding caller */
    public String decidedBy() {
        return decidedBy;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Decision)) return false;
        Decision that = (Decision) o;
        return Objects.equals(outcome, that.outcome)
                && Objects.equals(reasons, that.reasons)
                && Objects.equals(decidedAt, that.decidedAt)
                && Objects.equals(decidedBy, that.decidedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, reasons, decidedAt, decidedBy);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Decision{");
        s.append("outcome=").append(outcome);
        s.append(", reasons=").append(reasons);
        s.append(", decidedAt=").append(decidedAt);
        s.append(", decidedBy=").append(decidedBy);
        return s.append('}').toString();
    }

    /** Builds a {@link Decision}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String outcome;
        private List<String> reasons;
        private Instant decidedAt;
        private String decidedBy;

        private Builder() {
        }

        /** @param value approve or deny @return this builder */
        public Builder outcome(DecisionOutcome value) {
            this.outcome = OpenEnums.send(value);
            return this;
        }

        /** @param value approve or deny, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder outcomeValue(String value) {
            this.outcome = value;
            return this;
        }

        /** @param values reasons (required for a denial) @return this builder */
        public Builder reasons(List<String> values) {
            this.reasons = values;
            return this;
        }

        /** @param values reasons (required for a denial) @return this builder */
        public Builder reasons(String... values) {
            this.reasons = Lists.of(values);
            return this;
        }

        /** @param value when @return this builder */
        public Builder decidedAt(Instant value) {
            this.decidedAt = value;
            return this;
        }

        /** @param value id of the deciding caller @return this builder */
        public Builder decidedBy(String value) {
            this.decidedBy = value;
            return this;
        }

        /** @return the immutable object */
        public Decision build() {
            return new Decision(this);
        }
    }
}
