package cn.onewindow.sdk.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A department's task in a joint (并联) or escalated (上报) case.
 */
public final class Task {
    private final String taskId;
    private final String caseId;
    private final String itemCode;
    private final String itemName;
    private final String departmentCode;
    private final String departmentName;
    private final String level;
    private final String status;
    private final Instant createdAt;
    private final Instant deliveredAt;
    private final Instant dueAt;
    private final String outcome;
    private final List<String> reasons;
    private final List<String> missing;
    private final Instant decidedAt;
    private final long version;

    private Task(Builder b) {
        this.taskId = b.taskId;
        this.caseId = b.caseId;
        this.itemCode = b.itemCode;
        this.itemName = b.itemName;
        this.departmentCode = b.departmentCode;
        this.departmentName = b.departmentName;
        this.level = b.level;
        this.status = b.status;
        this.createdAt = b.createdAt;
        this.deliveredAt = b.deliveredAt;
        this.dueAt = b.dueAt;
        this.outcome = b.outcome;
        this.reasons = Lists.copy(b.reasons);
        this.missing = Lists.copy(b.missing);
        this.decidedAt = b.decidedAt;
        this.version = b.version;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.taskId = taskId;
        b.caseId = caseId;
        b.itemCode = itemCode;
        b.itemName = itemName;
        b.departmentCode = departmentCode;
        b.departmentName = departmentName;
        b.level = level;
        b.status = status;
        b.createdAt = createdAt;
        b.deliveredAt = deliveredAt;
        b.dueAt = dueAt;
        b.outcome = outcome;
        b.reasons = reasons;
        b.missing = missing;
        b.decidedAt = decidedAt;
        b.version = version;
        return b;
    }

    /** @return task id */
    public String taskId() {
        return taskId;
    }

    /** @return the case */
    public String caseId() {
        return caseId;
    }

    /** @return the case's item */
    public String itemCode() {
        return itemCode;
    }

    /** @return the item's Chinese name */
    public String itemName() {
        return itemName;
    }

    /** @return the department */
    public String departmentCode() {
        return departmentCode;
    }

    /** @return its Chinese name */
    public String departmentName() {
        return departmentName;
    }

    /** @return joint, local or higher level; {@link TaskLevel#UNKNOWN} for a value this SDK version does not know yet (see {@link #levelValue()}) */
    public TaskLevel level() {
        return TaskLevel.of(level);
    }

    /** @return joint, local or higher level, exactly as the server sent it */
    public String levelValue() {
        return level;
    }

    /** @return where the task is; {@link TaskStatus#UNKNOWN} for a value this SDK version does not know yet (see {@link #statusValue()}) */
    public TaskStatus status() {
        return TaskStatus.of(status);
    }

    /** @return where the task is, exactly as the server sent it */
    public String statusValue() {
        return status;
    }

    /** @return when created */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when it reached the department's inbox */
    public Instant deliveredAt() {
        return deliveredAt;
    }

    /** @return the department's own due time */
    public Instant dueAt() {
        return dueAt;
    }

    /** @return the decision, once made; {@link TaskOutcome#UNKNOWN} for a value this SDK version does not know yet (see {@link #outcomeValue()}) */
    public TaskOutcome outcome() {
        return TaskOutcome.of(outcome);
    }

    /** @return the decision, once made, exactly as the server sent it */
    public String outcomeValue() {
        return outcome;
    }

    /** @return reasons given with the decision (never {@code null}; empty when absent) */
    public List<String> reasons() {
        return reasons;
    }

    /** @return materials requested with {@code REQUEST_SUPPLEMENT} (never {@code null}; empty when absent) */
    public List<String> missing() {
        return missing;
    }

    /** @return when decided */
    public Instant decidedAt() {
        return decidedAt;
    }

    /** @return optimistic-locking version of the task */
    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Task)) return false;
        Task that = (Task) o;
        return Objects.equals(taskId, that.taskId)
                && Objects.equals(caseId, that.caseId)
                && Objects.equals(itemCode, that.itemCode)
                && Objects.equals(itemName, that.itemName)
                && Objects.equals(departmentCode, that.departmentCode)
                && Objects.equals(departmentName, that.departmentName)
                && Objects.equals(level, that.level)
                && Objects.equals(status, that.status)
                && Objects.equals(createdAt, that.createdAt)
                && Objects.equals(deliveredAt, that.deliveredAt)
                && Objects.equals(dueAt, that.dueAt)
                && Objects.equals(outcome, that.outcome)
                && Objects.equals(reasons, that.reasons)
                && Objects.equals(missing, that.missing)
                && Objects.equals(decidedAt, that.decidedAt)
                && version == that.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(taskId, caseId, itemCode, itemName, departmentCode, departmentName, level, status, createdAt, deliveredAt, dueAt, outcome, reasons, missing, decidedAt, version);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Task{");
        s.append("taskId=").append(taskId);
        s.append(", caseId=").append(caseId);
        s.append(", itemCode=").append(itemCode);
        s.append(", itemName=").append(itemName);
        s.append(", departmentCode=").append(departmentCode);
        s.append(", departmentName=").append(departmentName);
        s.append(", level=").append(level);
        s.append(", status=").append(status);
        s.append(", createdAt=").append(createdAt);
        s.append(", deliveredAt=").append(deliveredAt);
        s.append(", dueAt=").append(dueAt);
        s.append(", outcome=").append(outcome);
        s.append(", reasons=").append(reasons);
        s.append(", missing=").append(missing);
        s.append(", decidedAt=").append(decidedAt);
        s.append(", version=").append(version);
        return s.append('}').toString();
    }

    /** Builds a {@link Task}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String taskId;
        private String caseId;
        private String itemCode;
        private String itemName;
        private String departmentCode;
        private String departmentName;
        private String level;
        private String status;
        private Instant createdAt;
        private Instant deliveredAt;
        private Instant dueAt;
        private String outcome;
        private List<String> reasons;
        private List<String> missing;
        private Instant decidedAt;
        private long version;

        private Builder() {
        }

        /** @param value task id @return this builder */
        public Builder taskId(String value) {
            this.taskId = value;
            return this;
        }

        /** @param value the case @return this builder */
        public Builder caseId(String value) {
            this.caseId = value;
            return this;
        }

        /** @param value the case's item @return this builder */
        public Builder itemCode(String value) {
            this.itemCode = value;
            return this;
        }

        /** @param value the item's Chinese name @return this builder */
        public Builder itemName(String value) {
            this.itemName = value;
            return this;
        }

        /** @param value the department @return this builder */
        public Builder departmentCode(String value) {
            this.departmentCode = value;
            return this;
        }

        /** @param value its Chinese name @return this builder */
        public Builder departmentName(String value) {
            this.departmentName = value;
            return this;
        }

        /** @param value joint, local or higher level @return this builder */
        public Builder level(TaskLevel value) {
            this.level = OpenEnums.send(value);
            return this;
        }

        /** @param value joint, local or higher level, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder levelValue(String value) {
            this.level = value;
            return this;
        }

        /** @param value where the task is @return this builder */
        public Builder status(TaskStatus value) {
            this.status = OpenEnums.send(value);
            return this;
        }

        /** @param value where the task is, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder statusValue(String value) {
            this.status = value;
            return this;
        }

        /** @param value when created @return this builder */
        public Builder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        /** @param value when it reached the department's inbox @return this builder */
        public Builder deliveredAt(Instant value) {
            this.deliveredAt = value;
            return this;
        }

        /** @param value the department's own due time @return this builder */
        public Builder dueAt(Instant value) {
            this.dueAt = value;
            return this;
        }

        /** @param value the decision, once made @return this builder */
        public Builder outcome(TaskOutcome value) {
            this.outcome = OpenEnums.send(value);
            return this;
        }

        /** @param value the decision, once made, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder outcomeValue(String value) {
            this.outcome = value;
            return this;
        }

        /** @param values reasons given with the decision @return this builder */
        public Builder reasons(List<String> values) {
            this.reasons = values;
            return this;
        }

        /** @param values reasons given with the decision @return this builder */
        public Builder reasons(String... values) {
            this.reasons = Lists.of(values);
            return this;
        }

        /** @param values materials requested with {@code REQUEST_SUPPLEMENT} @return this builder */
        public Builder missing(List<String> values) {
            this.missing = values;
            return this;
        }

        /** @param values materials requested with {@code REQUEST_SUPPLEMENT} @return this builder */
        public Builder missing(String... values) {
            this.missing = Lists.of(values);
            return this;
        }

        /** @param value when decided @return this builder */
        public Builder decidedAt(Instant value) {
            this.decidedAt = value;
            return this;
        }

        /** @param value optimistic-locking version of the task @return this builder */
        public Builder version(long value) {
            this.version = value;
            return this;
        }

        /** @return the immutable object */
        public Task build() {
            return new Task(this);
        }
    }
}
