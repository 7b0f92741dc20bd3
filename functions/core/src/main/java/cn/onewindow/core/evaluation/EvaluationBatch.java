package cn.onewindow.core.evaluation;

import cn.onewindow.core.identity.Caller;

import java.time.Instant;
import java.util.List;

/**
 * A day's ratings uploaded by an evaluator device, accepted at once and ingested from the queue in chunks.
 *
 * @param chunks how many queue messages carry its records
 */
public record EvaluationBatch(String id, String submittedBy, String centerId, Instant acceptedAt, int records,
                              int chunks) {

    /**
     * One queue message: records [offset, offset + records.size()) of a batch.
     *
     * @param submitter the uploading device's whole scope at upload (role, center, city, service point; no name):
     *                  ingestion checks every record against it with the same rule as a single rating. A chunk
     *                  without it (queued before it was carried) is checked against the batch's center only.
     */
    public record Chunk(String batchId, int chunk, int offset, String submittedBy, Instant acceptedAt,
                        List<RatingRequest> records, Caller submitter) {
    }

    /** A record of a batch that was not kept, and why. */
    public record RecordError(int index, String caseId, String code, String messageZh, String messageEn) {
    }

    /** What one chunk's ingestion found; the same on every redelivery. */
    public record ChunkResult(int chunk, int stored, int duplicates, List<RecordError> errors) {
        public ChunkResult {
            errors = List.copyOf(errors);
        }
    }

    /** The batch as the uploader sees it: counts so far and a page of the per-record errors. */
    public record Status(EvaluationBatch batch, String state, int chunksDone, int accepted, int rejected,
                         List<RecordError> errors, String nextCursor) {
    }
}
