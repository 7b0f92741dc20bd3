package cn.onewindow.sdk.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An evaluation batch as its uploader sees it: counts so far and every per-record error.
 */
public final class EvaluationBatchStatus {
    private final String batchId;
    private final int records;
    private final int chunks;
    private final Instant acceptedAt;
    private final String state;
    private final int chunksDone;
    private final int accepted;
    private final int rejected;
    private final List<BatchRecordError> errors;

    private EvaluationBatchStatus(Builder b) {
        this.batchId = b.batchId;
        this.records = b.records;
        this.chunks = b.chunks;
        this.acceptedAt = b.acceptedAt;
        this.state = b.state;
        this.chunksDone = b.chunksDone;
        this.accepted = b.accepted;
        this.rejected = b.rejected;
        this.errors = Lists.copy(b.errors);
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.batchId = batchId;
        b.records = records;
        b.chunks = chunks;
        b.acceptedAt = acceptedAt;
        b.state = state;
        b.chunksDone = chunksDone;
        b.accepted = accepted;
        b.rejected = rejected;
        b.errors = errors;
        return b;
    }

    /** @return the batch id */
    public String batchId() {
        return batchId;
    }

    /** @return records uploaded */
    public int records() {
        return records;
    }

    /** @return queue messages carrying them */
    public int chunks() {
        return chunks;
    }

    /** @return when the server accepted the upload */
    public Instant acceptedAt() {
        return acceptedAt;
    }

    /** @return {@code PROCESSING} or {@code COMPLETED} (every chunk ingested) */
    public String state() {
        return state;
    }

    /** @return chunks ingested so far */
    public int chunksDone() {
        return chunksDone;
    }

    /** @return records kept so far (a retried record already stored counts as kept) */
    public int accepted() {
        return accepted;
    }

    /** @return records refused so far */
    public int rejected() {
        return rejected;
    }

    /** @return the refused records in record order (never {@code null}) */
    public List<BatchRecordError> errors() {
        return errors;
    }

    /** @return {@code true} once every chunk was ingested: the counts and errors are final */
    public boolean done() {
        return "COMPLETED".equals(state);
    }


    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof EvaluationBatchStatus)) return false;
        EvaluationBatchStatus that = (EvaluationBatchStatus) o;
        return Objects.equals(batchId, that.batchId)
                && records == that.records
                && chunks == that.chunks
                && Objects.equals(acceptedAt, that.acceptedAt)
                && Objects.equals(state, that.state)
                && chunksDone == that.chunksDone
                && accepted == that.accepted
                && rejected == that.rejected
                && Objects.equals(errors, that.errors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(batchId, records, chunks, acceptedAt, state, chunksDone, accepted, rejected, errors);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("EvaluationBatchStatus{");
        s.append("batchId=").append(batchId);
        s.append(", records=").append(records);
        s.append(", chunks=").append(chunks);
        s.append(", acceptedAt=").append(acceptedAt);
        s.append(", state=").append(state);
        s.append(", chunksDone=").append(chunksDone);
        s.append(", accepted=").append(accepted);
        s.append(", rejected=").append(rejected);
        s.append(", errors=").append(errors);
        return s.append('}').toString();
    }

    /** Builds a {@link EvaluationBatchStatus}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String batchId;
        private int records;
        private int chunks;
        private Instant acceptedAt;
        private String state;
        private int chunksDone;
        private int accepted;
        private int rejected;
        private List<BatchRecordError> errors;

        private Builder() {
        }

        /** @param value the batch id @return this builder */
        public Builder batchId(String value) {
            this.batchId = value;
            return this;
        }

        /** @param value records uploaded @return this builder */
        public Builder records(int value) {
            this.records = value;
            return this;
        }

        /** @param value queue messages carrying them @return this builder */
        public Builder chunks(int value) {
            this.chunks = value;
            return this;
        }

        /** @param value when the server accepted the upload @return this builder */
        public Builder acceptedAt(Instant value) {
            this.acceptedAt = value;
            return this;
        }

        /** @param value {@code PROCESSING} or {@code COMPLETED} (every chunk ingested) @return this builder */
        public Builder state(String value) {
            this.state = value;
            return this;
        }

        /** @param value chunks ingested so far @return this builder */
        public Builder chunksDone(int value) {
            this.chunksDone = value;
            return this;
        }

        /** @param value records kept so far (a retried record already stored counts as kept) @return this builder */
        public Builder accepted(int value) {
            this.accepted = value;
            return this;
        }

        /** @param value records refused so far @return this builder */
        public Builder rejected(int value) {
            this.rejected = value;
            return this;
        }

        /** @param value the refused records in record order (never {@code null}) @return this builder */
        public Builder errors(List<BatchRecordError> value) {
            this.errors = value;
            return this;
        }

        /** @return the immutable object */
        public EvaluationBatchStatus build() {
            return new EvaluationBatchStatus(this);
        }
    }
}
