package cn.onewindow.sdk.model;

import java.util.List;
import java.util.Objects;

/**
 * A department's decision on a task; see {@link #approve()}, {@link #deny(String...)} and {@link #requestSupplement(java.util.List, String...)}.
 */
public final class TaskDecision {
    private final String decision;
    private final List<String> reasons;
    private final List<String> missing;

    private TaskDecision(Builder b) {
        this.decision = b.decision;
        this.reasons = Lists.copy(b.reasons);
        this.missing = Lists.copy(b.missing);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.decision = decision;
        b.reasons = reasons;
        b.missing = missing;
        return b;
    }

    /** @return {@code APPROVE}, {@code DENY} (reasons required) or {@code REQUEST_SUPPLEMENT} (missing material codes required); {@link TaskOutcome#UNKNOWN} for a value this SDK version does not know yet (see {@link #decisionValue()}) */
    public TaskOutcome decision() {
        return TaskOutcome.of(decision);
    }

    /** @return {@code APPROVE}, {@code DENY} (reasons required) or {@code REQUEST_SUPPLEMENT} (missing material codes required), exactly as the server sent it */
    public String decisionValue() {
        return decision;
    }

    /** @return reasons (never {@code null}; empty when absent) */
    public List<String> reasons() {
        return reasons;
    }

    /** @return material codes the applicant must supplement (never {@code null}; empty when absent) */
    public List<String> missing() {
        return missing;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof TaskDecision)) return false;
        TaskDecision that = (TaskDecision) o;
        return Objects.equals(decision, that.decision)
                && Objects.equals(reasons, that.reasons)
                && Objects.equals(missing, that.missing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(decision, reasons, missing);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("TaskDecision{");
        s.append("decision=").append(decision);
        s.append(", reasons=").append(reasons);
        s.append(", missing=").append(missing);
        return s.append('}').toString();
    }

    /** @return a decision to approve */
    public static TaskDecision approve() {
        return builder().decision(TaskOutcome.APPROVE).build();
    }

    /**
     * @param reasons why the department denies (at least one)
     * @return a decision to deny
     */
    public static TaskDecision deny(String... reasons) {
        return builder().decision(TaskOutcome.DENY).reasons(reasons).build();
    }

    /**
     * @param missing codes of the materials the applicant must supplement (at least one)
     * @param reasons why
     * @return a request for supplements; the case clock stops and the applicant gets one one-time notice
     */
    public static TaskDecision requestSupplement(List<String> missing, String... reasons) {
        return builder().decision(TaskOutcome.REQUEST_SUPPLEMENT).missing(missing).reasons(reasons).build();
    }

    /** Builds a {@link TaskDecision}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String decision;
        private List<String> reasons;
        private List<String> missing;

        private Builder() {
        }

        /** @param value {@code APPROVE}, {@code DENY} (reasons required) or {@code REQUEST_SUPPLEMENT} (missing material codes required) @return this builder */
        public Builder decision(TaskOutcome value) {
            this.decision = OpenEnums.send(value);
            return this;
        }

        /** @param value {@code APPROVE}, {@code DENY} (reasons required) or {@code REQUEST_SUPPLEMENT} (missing material codes required), as a raw value (also one this SDK version does not know) @return this builder */
        public Builder decisionValue(String value) {
            this.decision = value;
            return this;
        }

        /** @param values reasons @return this builder */
        public Builder reasons(List<String> values) {
            this.reasons = values;
            return this;
        }

        /** @param values reasons @return this builder */
        public Builder reasons(String... values) {
            this.reasons = Lists.of(values);
            return this;
        }

        /** @param values material codes the applicant must supplement @return this builder */
        public Builder missing(List<String> values) {
            this.missing = values;
            return this;
        }

        /** @param values material codes the applicant must supplement @return this builder */
        public Builder missing(String... values) {
            this.missing = Lists.of(values);
            return this;
        }

        /** @return the immutable object */
        public TaskDecision build() {
            return new TaskDecision(this);
        }
    }
}
