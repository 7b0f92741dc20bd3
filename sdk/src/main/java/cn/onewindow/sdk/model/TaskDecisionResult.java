package cn.onewindow.sdk.model;

import java.util.Objects;

/**
 * The answer to a task decision: the task and the case after it.
 */
public final class TaskDecisionResult {
    private final Task task;
    private final ServiceCase serviceCase;
    private final boolean replayed;

    private TaskDecisionResult(Builder b) {
        this.task = b.task;
        this.serviceCase = b.serviceCase;
        this.replayed = b.replayed;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.task = task;
        b.serviceCase = serviceCase;
        b.replayed = replayed;
        return b;
    }

    /** @return the task as stored */
    public Task task() {
        return task;
    }

    /** @return the case after the decision */
    public ServiceCase serviceCase() {
        return serviceCase;
    }

    /** @return {@code true} when the server answered with an earlier identical decision (header {@code Idempotent-Replayed}) */
    public boolean replayed() {
        return replayed;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof TaskDecisionResult)) return false;
        TaskDecisionResult that = (TaskDecisionResult) o;
        return Objects.equals(task, that.task)
                && Objects.equals(serviceCase, that.serviceCase)
                && replayed == that.replayed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(task, serviceCase, replayed);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("TaskDecisionResult{");
        s.append("task=").append(task);
        s.append(", serviceCase=").append(serviceCase);
        s.append(", replayed=").append(replayed);
        return s.append('}').toString();
    }

    /** Builds a {@link TaskDecisionResult}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private Task task;
        private ServiceCase serviceCase;
        private boolean replayed;

        private Builder() {
        }

        /** @param value the task as stored @return this builder */
        public Builder task(Task value) {
            this.task = value;
            return this;
        }

        /** @param value the case after the decision @return this builder */
        public Builder serviceCase(ServiceCase value) {
            this.serviceCase = value;
            return this;
        }

        /** @param value {@code true} when the server answered with an earlier identical decision (header {@code Idempotent-Replayed}) @return this builder */
        public Builder replayed(boolean value) {
            this.replayed = value;
            return this;
        }

        /** @return the immutable object */
        public TaskDecisionResult build() {
            return new TaskDecisionResult(this);
        }
    }
}
