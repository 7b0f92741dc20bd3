package cn.onewindow.sdk.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Supervision figures (电子监察) of a center and period.
 */
public final class StatsReport {
    private final String centerId;
    private final LocalDate from;
    private final LocalDate to;
    private final String groupBy;
    private final Figures total;
    private final List<Figures> groups;
    private final QueueFigures queue;

    private StatsReport(Builder b) {
        this.centerId = b.centerId;
        this.from = b.from;
        this.to = b.to;
        this.groupBy = b.groupBy;
        this.total = b.total;
        this.groups = Lists.copy(b.groups);
        this.queue = b.queue;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.centerId = centerId;
        b.from = from;
        b.to = to;
        b.groupBy = groupBy;
        b.total = total;
        b.groups = groups;
        b.queue = queue;
        return b;
    }

    /** @return the center */
    public String centerId() {
        return centerId;
    }

    /** @return first day */
    public LocalDate from() {
        return from;
    }

    /** @return last day */
    public LocalDate to() {
        return to;
    }

    /** @return how the groups are formed; {@link GroupBy#UNKNOWN} for a value this SDK version does not know yet (see {@link #groupByValue()}) */
    public GroupBy groupBy() {
        return GroupBy.of(groupBy);
    }

    /** @return how the groups are formed, exactly as the server sent it */
    public String groupByValue() {
        return groupBy;
    }

    /** @return all cases together */
    public Figures total() {
        return total;
    }

    /** @return one entry per group (never {@code null}; empty when absent) */
    public List<Figures> groups() {
        return groups;
    }

    /** @return the queue figures of the center's tickets in the period (whatever the grouping); null from a server without them */
    public QueueFigures queue() {
        return queue;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof StatsReport)) return false;
        StatsReport that = (StatsReport) o;
        return Objects.equals(centerId, that.centerId)
                && Objects.equals(from, that.from)
                && Objects.equals(to, that.to)
                && Objects.equals(groupBy, that.groupBy)
                && Objects.equals(total, that.total)
                && Objects.equals(groups, that.groups)
                && Objects.equals(queue, that.queue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(centerId, from, to, groupBy, total, groups, queue);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("StatsReport{");
        s.append("centerId=").append(centerId);
        s.append(", from=").append(from);
        s.append(", to=").append(to);
        s.append(", groupBy=").append(groupBy);
        s.append(", total=").append(total);
        s.append(", groups=").append(groups.size()).append(" item(s)");
        return s.append('}').toString();
    }

    /** Builds a {@link StatsReport}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String centerId;
        private LocalDate from;
        private LocalDate to;
        private String groupBy;
        private Figures total;
        private List<Figures> groups;
        private QueueFigures queue;

        private Builder() {
        }

        /** @param value the center @return this builder */
        public Builder centerId(String value) {
            this.centerId = value;
            return this;
        }

        /** @param value first day @return this builder */
        public Builder from(LocalDate value) {
            this.from = value;
            return this;
        }

        /** @param value last day @return this builder */
        public Builder to(LocalDate value) {
            this.to = value;
            return this;
        }

        /** @param value how the groups are formed @return this builder */
        public Builder groupBy(GroupBy value) {
            this.groupBy = OpenEnums.send(value);
            return this;
        }

        /** @param value how the groups are formed, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder groupByValue(String value) {
            this.groupBy = value;
            return this;
        }

        /** @param value all cases together @return this builder */
        public Builder total(Figures value) {
            this.total = value;
            return this;
        }

        /** @param values one entry per group @return this builder */
        public Builder groups(List<Figures> values) {
            this.groups = values;
            return this;
        }

        /** @param values one entry per group @return this builder */
        public Builder groups(Figures... values) {
            this.groups = Lists.of(values);
            return this;
        }

        /** @param value the queue figures @return this builder */
        public Builder queue(QueueFigures value) {
            this.queue = value;
            return this;
        }

        /** @return the immutable object */
        public StatsReport build() {
            return new StatsReport(this);
        }
    }
}
