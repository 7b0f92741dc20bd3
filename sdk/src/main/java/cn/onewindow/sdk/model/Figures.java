package cn.onewindow.sdk.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Supervision figures of one group (or the total).
 */
public final class Figures {
    private final String group;
    private final long received;
    private final long accepted;
    private final long immediate;
    private final BigDecimal immediateShare;
    private final long finished;
    private final long onTime;
    private final BigDecimal onTimeRate;
    private final long early;
    private final BigDecimal earlyRate;
    private final long overdue;
    private final BigDecimal averageActualDays;
    private final BigDecimal averagePromisedDays;
    private final BigDecimal averageLegalDays;
    private final BigDecimal satisfactionRate;
    private final long rated;
    private final long satisfied;
    private final long dissatisfied;
    private final BigDecimal badRate;
    private final Long openRectifications;

    private Figures(Builder b) {
        this.group = b.group;
        this.received = b.received;
        this.accepted = b.accepted;
        this.immediate = b.immediate;
        this.immediateShare = b.immediateShare;
        this.finished = b.finished;
        this.onTime = b.onTime;
        this.onTimeRate = b.onTimeRate;
        this.early = b.early;
        this.earlyRate = b.earlyRate;
        this.overdue = b.overdue;
        this.averageActualDays = b.averageActualDays;
        this.averagePromisedDays = b.averagePromisedDays;
        this.averageLegalDays = b.averageLegalDays;
        this.satisfactionRate = b.satisfactionRate;
        this.rated = b.rated;
        this.satisfied = b.satisfied;
        this.dissatisfied = b.dissatisfied;
        this.badRate = b.badRate;
        this.openRectifications = b.openRectifications;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.group = group;
        b.received = received;
        b.accepted = accepted;
        b.immediate = immediate;
        b.immediateShare = immediateShare;
        b.finished = finished;
        b.onTime = onTime;
        b.onTimeRate = onTimeRate;
        b.early = early;
        b.earlyRate = earlyRate;
        b.overdue = overdue;
        b.averageActualDays = averageActualDays;
        b.averagePromisedDays = averagePromisedDays;
        b.averageLegalDays = averageLegalDays;
        b.satisfactionRate = satisfactionRate;
        b.rated = rated;
        b.satisfied = satisfied;
        b.dissatisfied = dissatisfied;
        b.badRate = badRate;
        b.openRectifications = openRectifications;
        return b;
    }

    /** @return the group (item code, department, service point, channel, center, window or staff); {@code null} for the total */
    public String group() {
        return group;
    }

    /** @return cases submitted in the period */
    public long received() {
        return received;
    }

    /** @return of those, accepted */
    public long accepted() {
        return accepted;
    }

    /** @return accepted immediate (即办) cases */
    public long immediate() {
        return immediate;
    }

    /** @return 即办件率, 0..1 with four decimals; {@code null} without accepted cases */
    public BigDecimal immediateShare() {
        return immediateShare;
    }

    /** @return accepted cases decided */
    public long finished() {
        return finished;
    }

    /** @return finished no later than due */
    public long onTime() {
        return onTime;
    }

    /** @return 按时办结率 */
    public BigDecimal onTimeRate() {
        return onTimeRate;
    }

    /** @return finished in fewer working days than promised */
    public long early() {
        return early;
    }

    /** @return 提前办结率 */
    public BigDecimal earlyRate() {
        return earlyRate;
    }

    /** @return overdue cases */
    public long overdue() {
        return overdue;
    }

    /** @return average actual working days */
    public BigDecimal averageActualDays() {
        return averageActualDays;
    }

    /** @return average promised working days */
    public BigDecimal averagePromisedDays() {
        return averagePromisedDays;
    }

    /** @return average legal working days */
    public BigDecimal averageLegalDays() {
        return averageLegalDays;
    }

    /** @return 满意率: satisfied ÷ rated, 0..1 with four decimals; {@code null} without ratings */
    public BigDecimal satisfactionRate() {
        return satisfactionRate;
    }

    /** @return ratings given in the period, one per case (a re-rating replaces the original) */
    public long rated() {
        return rated;
    }

    /** @return of those, VERY_SATISFIED, SATISFIED or BASIC */
    public long satisfied() {
        return satisfied;
    }

    /** @return of those, DISSATISFIED or VERY_DISSATISFIED (差评) */
    public long dissatisfied() {
        return dissatisfied;
    }

    /** @return 差评率: dissatisfied ÷ rated; {@code null} without ratings */
    public BigDecimal badRate() {
        return badRate;
    }

    /** @return rectifications (整改) open now; {@code null} in WINDOW, STAFF and CHANNEL groups */
    public Long openRectifications() {
        return openRectifications;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Figures)) return false;
        Figures that = (Figures) o;
        return Objects.equals(group, that.group)
                && received == that.received
                && accepted == that.accepted
                && immediate == that.immediate
                && Objects.equals(immediateShare, that.immediateShare)
                && finished == that.finished
                && onTime == that.onTime
                && Objects.equals(onTimeRate, that.onTimeRate)
                && early == that.early
                && Objects.equals(earlyRate, that.earlyRate)
                && overdue == that.overdue
                && Objects.equals(averageActualDays, that.averageActualDays)
                && Objects.equals(averagePromisedDays, that.averagePromisedDays)
                && Objects.equals(averageLegalDays, that.averageLegalDays)
                && Objects.equals(satisfactionRate, that.satisfactionRate)
                && rated == that.rated
                && satisfied == that.satisfied
                && dissatisfied == that.dissatisfied
                && Objects.equals(badRate, that.badRate)
                && Objects.equals(openRectifications, that.openRectifications);
    }

    @Override
    public int hashCode() {
        return Objects.hash(group, received, accepted, immediate, immediateShare, finished, onTime, onTimeRate, early, earlyRate, overdue, averageActualDays, averagePromisedDays, averageLegalDays, satisfactionRate, rated, satisfied, dissatisfied, badRate, openRectifications);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Figures{");
        s.append("group=").append(group);
        s.append(", received=").append(received);
        s.append(", accepted=").append(accepted);
        s.append(", immediate=").append(immediate);
        s.append(", immediateShare=").append(immediateShare);
        s.append(", finished=").append(finished);
        s.append(", onTime=").append(onTime);
        s.append(", onTimeRate=").append(onTimeRate);
        s.append(", early=").append(early);
        s.append(", earlyRate=").append(earlyRate);
        s.append(", overdue=").append(overdue);
        s.append(", averageActualDays=").append(averageActualDays);
        s.append(", averagePromisedDays=").append(averagePromisedDays);
        s.append(", averageLegalDays=").append(averageLegalDays);
        s.append(", satisfactionRate=").append(satisfactionRate);
        s.append(", rated=").append(rated);
        s.append(", satisfied=").append(satisfied);
        s.append(", dissatisfied=").append(dissatisfied);
        s.append(", badRate=").append(badRate);
        s.append(", openRectifications=").append(openRectifications);
        return s.append('}').toString();
    }

    /** Builds a {@link Figures}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String group;
        private long received;
        private long accepted;
        private long immediate;
        private BigDecimal immediateShare;
        private long finished;
        private long onTime;
        private BigDecimal onTimeRate;
        private long early;
        private BigDecimal earlyRate;
        private long overdue;
        private BigDecimal averageActualDays;
        private BigDecimal averagePromisedDays;
        private BigDecimal averageLegalDays;
        private BigDecimal satisfactionRate;
        private long rated;
        private long satisfied;
        private long dissatisfied;
        private BigDecimal badRate;
        private Long openRectifications;

        private Builder() {
        }

        /** @param value the group (item code, department, service point, channel, center, window or staff); {@code null} for the total @return this builder */
        public Builder group(String value) {
            this.group = value;
            return this;
        }

        /** @param value cases submitted in the period @return this builder */
        public Builder received(long value) {
            this.received = value;
            return this;
        }

        /** @param value of those, accepted @return this builder */
        public Builder accepted(long value) {
            this.accepted = value;
            return this;
        }

        /** @param value accepted immediate (即办) cases @return this builder */
        public Builder immediate(long value) {
            this.immediate = value;
            return this;
        }

        /** @param value 即办件率, 0..1 with four decimals; {@code null} without accepted cases @return this builder */
        public Builder immediateShare(BigDecimal value) {
            this.immediateShare = value;
            return this;
        }

        /** @param value accepted cases decided @return this builder */
        public Builder finished(long value) {
            this.finished = value;
            return this;
        }

        /** @param value finished no later than due @return this builder */
        public Builder onTime(long value) {
            this.onTime = value;
            return this;
        }

        /** @param value 按时办结率 @return this builder */
        public Builder onTimeRate(BigDecimal value) {
            this.onTimeRate = value;
            return this;
        }

        /** @param value finished in fewer working days than promised @return this builder */
        public Builder early(long value) {
            this.early = value;
            return this;
        }

        /** @param value 提前办结率 @return this builder */
        public Builder earlyRate(BigDecimal value) {
            this.earlyRate = value;
            return this;
        }

        /** @param value overdue cases @return this builder */
        public Builder overdue(long value) {
            this.overdue = value;
            return this;
        }

        /** @param value average actual working days @return this builder */
        public Builder averageActualDays(BigDecimal value) {
            this.averageActualDays = value;
            return this;
        }

        /** @param value average promised working days @return this builder */
        public Builder averagePromisedDays(BigDecimal value) {
            this.averagePromisedDays = value;
            return this;
        }

        /** @param value average legal working days @return this builder */
        public Builder averageLegalDays(BigDecimal value) {
            this.averageLegalDays = value;
            return this;
        }

        /** @param value 满意率 ({@code null} without ratings) @return this builder */
        public Builder satisfactionRate(BigDecimal value) {
            this.satisfactionRate = value;
            return this;
        }

        /** @param value ratings counted @return this builder */
        public Builder rated(long value) {
            this.rated = value;
            return this;
        }

        /** @param value satisfied ratings @return this builder */
        public Builder satisfied(long value) {
            this.satisfied = value;
            return this;
        }

        /** @param value bad ratings (差评) @return this builder */
        public Builder dissatisfied(long value) {
            this.dissatisfied = value;
            return this;
        }

        /** @param value 差评率 ({@code null} without ratings) @return this builder */
        public Builder badRate(BigDecimal value) {
            this.badRate = value;
            return this;
        }

        /** @param value rectifications open now @return this builder */
        public Builder openRectifications(Long value) {
            this.openRectifications = value;
            return this;
        }

        /** @return the immutable object */
        public Figures build() {
            return new Figures(this);
        }
    }
}
