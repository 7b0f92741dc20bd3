package cn.onewindow.sdk;

import cn.onewindow.sdk.model.Problem;

import java.time.Instant;

/** A write waiting in the {@link Outbox} (or set aside there after the server refused it). Immutable. */
public final class PendingWrite {
    private final long sequence;
    private final Instant queuedAt;
    private final String method;
    private final String path;
    private final String description;
    private final String idempotencyKey;
    private final Problem failure;

    PendingWrite(long sequence, Instant queuedAt, String method, String path, String description,
                 String idempotencyKey, Problem failure) {
        this.sequence = sequence;
        this.queuedAt = queuedAt;
        this.method = method;
        this.path = path;
        this.description = description;
        this.idempotencyKey = idempotencyKey;
        this.failure = failure;
    }

    /** @return position in the outbox: writes are sent in this order */
    public long sequence() {
        return sequence;
    }

    /** @return when it was queued */
    public Instant queuedAt() {
        return queuedAt;
    }

    /** @return HTTP method */
    public String method() {
        return method;
    }

    /** @return path of the call, e.g. {@code /v1/cases/YH20250425-0001/delivery} */
    public String path() {
        return path;
    }

    /** @return what the write does, e.g. {@code submit 330100-XK-0101} (no personal data) */
    public String description() {
        return description;
    }

    /** @return the idempotency key it is sent with, every time */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** @return why the server refused it (for a write in {@link Outbox#failed()}), else {@code null} */
    public Problem failure() {
        return failure;
    }

    @Override
    public String toString() {
        return "PendingWrite{#" + sequence + " " + description + ", queuedAt=" + queuedAt
                + (failure == null ? "" : ", failed " + failure.status() + " " + failure.code()) + '}';
    }
}
