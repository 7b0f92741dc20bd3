package cn.onewindow.sdk;

import cn.onewindow.sdk.model.GroupBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which supervision figures to read ({@code GET /v1/stats}): a center, a period of at most a year, a grouping. */
public final class StatsQuery {
    private final String centerId;
    private final LocalDate from;
    private final LocalDate to;
    private final GroupBy groupBy;

    private StatsQuery(Builder b) {
        if (b.centerId == null || b.from == null || b.to == null) {
            throw new IllegalArgumentException("centerId, from and to are required");
        }
        this.centerId = b.centerId;
        this.from = b.from;
        this.to = b.to;
        this.groupBy = b.groupBy;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param centerId the center
     * @param month the month
     * @param groupBy the grouping
     * @return the figures of one calendar month
     */
    public static StatsQuery month(String centerId, YearMonth month, GroupBy groupBy) {
        return builder().centerId(centerId).from(month.atDay(1)).to(month.atEndOfMonth()).groupBy(groupBy).build();
    }

    /** @return the center */
    public String centerId() {
        return centerId;
    }

    /** @return first day */
    public LocalDate from() {
        return from;
    }

    /** @return last day (inclusive) */
    public LocalDate to() {
        return to;
    }

    /** @return the grouping, {@code null} for the server's default (per item) */
    public GroupBy groupBy() {
        return groupBy;
    }

    Map<String, Object> params() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("centerId", centerId);
        m.put("from", from);
        m.put("to", to);
        m.put("groupBy", groupBy == null ? null : CaseQuery.send(groupBy));
        return m;
    }

    /** Builds a {@link StatsQuery}. */
    public static final class Builder {
        private String centerId;
        private LocalDate from;
        private LocalDate to;
        private GroupBy groupBy;

        private Builder() {
        }

        /** @param v the center, e.g. {@code 330110-ZX} @return this builder */
        public Builder centerId(String v) {
            this.centerId = v;
            return this;
        }

        /** @param v first day @return this builder */
        public Builder from(LocalDate v) {
            this.from = v;
            return this;
        }

        /** @param v last day (inclusive) @return this builder */
        public Builder to(LocalDate v) {
            this.to = v;
            return this;
        }

        /** @param v the grouping @return this builder */
        public Builder groupBy(GroupBy v) {
            this.groupBy = v;
            return this;
        }

        /** @return the query */
        public StatsQuery build() {
            return new StatsQuery(this);
        }
    }
}
