package cn.onewindow.sdk.model;

import java.util.Objects;

/**
 * A task with its case (materials and deadlines; the applicant's identity masked).
 */
public final class TaskDetail {
    private final Task task;
    private final ServiceCase serviceCase;

    private TaskDetail(Builder b) {
        this.task = b.task;
        this.serviceCase = b.serviceCase;
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
        return b;
    }

    /** @return the task */
    public Task task() {
        return task;
    }

    /** @return the case */
    public ServiceCase serviceCase() {
        return serviceCase;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof TaskDetail)) return false;
        TaskDetail that = (TaskDetail) o;
        return Objects.equals(task, that.task)
                && Objects.equals(serviceCase, that.serviceCase);
    }

    @Override
    public int hashCode() {
        return Objects.hash(task, serviceCase);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("TaskDetail{");
        s.append("task=").append(task);
        s.append(", serviceCase=").append(serviceCase);
        return s.append('}').toString();
    }

    /** Builds a {@link TaskDetail}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private Task task;
        private ServiceCase serviceCase;

        private Builder() {
        }

        /** @param value the task @return this builder */
        public Builder task(Task value) {
            this.task = value;
            return this;
        }

        /** @param value the case @return this builder */
        public Builder serviceCase(ServiceCase value) {
            this.serviceCase = value;
            return this;
        }

        /** @return the immutable object */
        public TaskDetail build() {
            return new TaskDetail(this);
        }
    }
}
