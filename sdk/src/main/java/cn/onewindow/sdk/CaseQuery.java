package cn.onewindow.sdk;

import cn.onewindow.sdk.model.CaseStatus;
import cn.onewindow.sdk.model.Channel;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Filters of a case listing ({@code GET /v1/cases}), newest first. Window staff see their center's cases, agents
 * their service point's; supervisors give exactly one of {@code centerId} or {@code servicePointId}. Immutable.
 */
public final class CaseQuery {
    private final CaseStatus status;
    private final String itemCode;
    private final Channel channel;
    private final Instant dueBefore;
    private final String centerId;
    private final String servicePointId;
    private final Integer pageSize;
    private final String dueState;

    private CaseQuery(Builder b) {
        this.status = b.status;
        this.itemCode = b.itemCode;
        this.channel = b.channel;
        this.dueBefore = b.dueBefore;
        this.centerId = b.centerId;
        this.servicePointId = b.servicePointId;
        this.pageSize = b.pageSize;
        this.dueState = b.dueState;
    }

    /** @return a query without filters */
    public static CaseQuery all() {
        return builder().build();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return only cases in this status, or {@code null} */
    public CaseStatus status() {
        return status;
    }

    /** @return only cases of this item, or {@code null} */
    public String itemCode() {
        return itemCode;
    }

    /** @return only cases from this channel, or {@code null} */
    public Channel channel() {
        return channel;
    }

    /** @return only cases due before this instant, or {@code null} */
    public Instant dueBefore() {
        return dueBefore;
    }

    /** @return the center (supervisors), or {@code null} */
    public String centerId() {
        return centerId;
    }

    /** @return the service point (supervisors), or {@code null} */
    public String servicePointId() {
        return servicePointId;
    }

    /** @return cases per page (1..100), or {@code null} for the server's default (20) */
    public Integer pageSize() {
        return pageSize;
    }

    /** @return {@code WARNING} (黄牌) or {@code OVERDUE} (红牌) among undecided cases, or {@code null} */
    public String dueState() {
        return dueState;
    }

    Map<String, Object> params(String cursor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status == null ? null : send(status));
        m.put("itemCode", itemCode);
        m.put("channel", channel == null ? null : send(channel));
        m.put("dueBefore", dueBefore);
        m.put("centerId", centerId);
        m.put("servicePointId", servicePointId);
        m.put("dueState", dueState);
        m.put("limit", pageSize);
        m.put("cursor", cursor);
        return m;
    }

    static String send(Enum<?> e) {
        if ("UNKNOWN".equals(e.name())) throw new IllegalArgumentException("UNKNOWN cannot be used as a filter");
        return e.name();
    }

    /** Builds a {@link CaseQuery}. */
    public static final class Builder {
        private CaseStatus status;
        private String itemCode;
        private Channel channel;
        private Instant dueBefore;
        private String centerId;
        private String servicePointId;
        private Integer pageSize;
        private String dueState;

        private Builder() {
        }

        /**
         * @param v {@code WARNING} (warned, 黄牌预警) or {@code OVERDUE} (红牌超期): only undecided cases in that state
         * @return this builder
         */
        public Builder dueState(String v) {
            if (v != null && !"WARNING".equals(v) && !"OVERDUE".equals(v)) {
                throw new IllegalArgumentException("dueState is WARNING or OVERDUE");
            }
            this.dueState = v;
            return this;
        }

        /** @param v only cases in this status @return this builder */
        public Builder status(CaseStatus v) {
            this.status = v;
            return this;
        }

        /** @param v only cases of this item @return this builder */
        public Builder itemCode(String v) {
            this.itemCode = v;
            return this;
        }

        /** @param v only cases from this channel @return this builder */
        public Builder channel(Channel v) {
            this.channel = v;
            return this;
        }

        /** @param v only cases due before this instant @return this builder */
        public Builder dueBefore(Instant v) {
            this.dueBefore = v;
            return this;
        }

        /** @param v the center (supervisors) @return this builder */
        public Builder centerId(String v) {
            this.centerId = v;
            return this;
        }

        /** @param v the service point (supervisors) @return this builder */
        public Builder servicePointId(String v) {
            this.servicePointId = v;
            return this;
        }

        /** @param v cases per page, 1..100 @return this builder */
        public Builder pageSize(int v) {
            if (v < 1 || v > 100) throw new IllegalArgumentException("pageSize must be within 1..100");
            this.pageSize = v;
            return this;
        }

        /** @return the query */
        public CaseQuery build() {
            return new CaseQuery(this);
        }
    }
}
