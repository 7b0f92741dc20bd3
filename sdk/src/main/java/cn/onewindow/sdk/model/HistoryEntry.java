package cn.onewindow.sdk.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a case's append-only audit trail.
 */
public final class HistoryEntry {
    private final int seq;
    private final String event;
    private final String from;
    private final String to;
    private final Instant at;
    private final String actorRole;
    private final String actorId;
    private final String servicePointId;
    private final String departmentCode;
    private final String reason;

    private HistoryEntry(Builder b) {
        this.seq = b.seq;
        this.event = b.event;
        this.from = b.from;
        this.to = b.to;
        this.at = b.at;
        this.actorRole = b.actorRole;
        this.actorId = b.actorId;
        this.servicePointId = b.servicePointId;
        this.departmentCode = b.departmentCode;
        this.reason = b.reason;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.seq = seq;
        b.event = event;
        b.from = from;
        b.to = to;
        b.at = at;
        b.actorRole = actorRole;
        b.actorId = actorId;
        b.servicePointId = servicePointId;
        b.departmentCode = departmentCode;
        b.reason = reason;
        return b;
    }

    /** @return position in the trail, from 1 */
    public int seq() {
        return seq;
    }

    /** @return what happened (e.g. {@code SUBMITTED}, {@code ACCEPTED}, {@code TASK_DELIVERED}) */
    public String event() {
        return event;
    }

    /** @return status before, if the event changed it; {@link CaseStatus#UNKNOWN} for a value this SDK version does not know yet (see {@link #fromValue()}) */
    public CaseStatus from() {
        return CaseStatus.of(from);
    }

    /** @return status before, if the event changed it, exactly as the server sent it */
    public String fromValue() {
        return from;
    }

    /** @return status after, if the event changed it; {@link CaseStatus#UNKNOWN} for a value this SDK version does not know yet (see {@link #toValue()}) */
    public CaseStatus to() {
        return CaseStatus.of(to);
    }

    /** @return status after, if the event changed it, exactly as the server sent it */
    public String toValue() {
        return to;
    }

    /** @return when */
    public Instant at() {
        return at;
    }

    /** @return role of who did it */
    public String actorRole() {
        return actorRole;
    }

    /** @return id of who did it */
    public String actorId() {
        return actorId;
    }

    /** @return service point of who did it */
    public String servicePointId() {
        return servicePointId;
    }

    /** @return department of who did it */
    public String departmentCode() {
        return departmentCode;
    }

    /** @return why, if given */
    public String reason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof HistoryEntry)) return false;
        HistoryEntry that = (HistoryEntry) o;
        return seq == that.seq
                && Objects.equals(event, that.event)
                && Objects.equals(from, that.from)
                && Objects.equals(to, that.to)
                && Objects.equals(at, that.at)
                && Objects.equals(actorRole, that.actorRole)
                && Objects.equals(actorId, that.actorId)
                && Objects.equals(servicePointId, that.servicePointId)
                && Objects.equals(departmentCode, that.departmentCode)
                && Objects.equals(reason, that.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seq, event, from, to, at, actorRole, actorId, servicePointId, departmentCode, reason);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("HistoryEntry{");
        s.append("seq=").append(seq);
        s.append(", event=").append(event);
        s.append(", from=").append(from);
        s.append(", to=").append(to);
        s.append(", at=").append(at);
        s.append(", actorRole=").append(actorRole);
        s.append(", actorId=").append(actorId);
        s.append(", servicePointId=").append(servicePointId);
        s.append(", departmentCode=").append(departmentCode);
        s.append(", reason=").append(reason);
        return s.append('}').toString();
    }

    /** Builds a {@link HistoryEntry}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private int seq;
        private String event;
        private String from;
        private String to;
        private Instant at;
        private String actorRole;
        private String actorId;
        private String servicePointId;
        private String departmentCode;
        private String reason;

        private Builder() {
        }

        /** @param value position in the trail, from 1 @return this builder */
        public Builder seq(int value) {
            this.seq = value;
            return this;
        }

        /** @param value what happened (e.g. {@code SUBMITTED}, {@code ACCEPTED}, {@code TASK_DELIVERED}) @return this builder */
        public Builder event(String value) {
            this.event = value;
            return this;
        }

        /** @param value status before, if the event changed it @return this builder */
        public Builder from(CaseStatus value) {
            this.from = OpenEnums.send(value);
            return this;
        }

        /** @param value status before, if the event changed it, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder fromValue(String value) {
            this.from = value;
            return this;
        }

        /** @param value status after, if the event changed it @return this builder */
        public Builder to(CaseStatus value) {
            this.to = OpenEnums.send(value);
            return this;
        }

        /** @param value status after, if the event changed it, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder toValue(String value) {
            this.to = value;
            return this;
        }

        /** @param value when @return this builder */
        public Builder at(Instant value) {
            this.at = value;
            return this;
        }

        /** @param value role of who did it @return this builder */
        public Builder actorRole(String value) {
            this.actorRole = value;
            return this;
        }

        /** @param value id of who did it @return this builder */
        public Builder actorId(String value) {
            this.actorId = value;
            return this;
        }

        /** @param value service point of who did it @return this builder */
        public Builder servicePointId(String value) {
            this.servicePointId = value;
            return this;
        }

        /** @param value department of who did it @return this builder */
        public Builder departmentCode(String value) {
            this.departmentCode = value;
            return this;
        }

        /** @param value why, if given @return this builder */
        public Builder reason(String value) {
            this.reason = value;
            return this;
        }

        /** @return the immutable object */
        public HistoryEntry build() {
            return new HistoryEntry(this);
        }
    }
}
