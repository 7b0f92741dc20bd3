package cn.onewindow.core.ports;

import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.deadline.Accountability;
import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.evaluation.Rectification;
import cn.onewindow.core.notify.Notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Storage of ratings, rectifications, evaluation batches, the invitation marker and the forwarding outbox. */
public interface EvaluationRepository {

    /** A case with its ratings (round 1, 2) and rectifications (round 1, 2); absent ones are null. */
    record RatingState(ServiceCase.Snapshot caseSnapshot, Evaluation first, Evaluation second,
                       Rectification firstRectification, Rectification secondRectification) {
        public Evaluation rating(int round) { return round == 1 ? first : second; }

        public Rectification rectification(int round) { return round == 1 ? firstRectification : secondRectification; }
    }

    RatingState state(String caseId);

    /** Many cases at once (batched reads); cases that do not exist are missing from the map. */
    Map<String, RatingState> states(Collection<String> caseIds);

    /**
     * Only the cases (their snapshots), without their ratings and rectifications: what a batch needs before its
     * conditional writes, which find a stored rating themselves. Cases that do not exist are missing from the map.
     * An adapter that reads the whole state as cheaply may keep this default.
     */
    default Map<String, ServiceCase.Snapshot> caseSnapshots(Collection<String> caseIds) {
        Map<String, ServiceCase.Snapshot> out = new java.util.HashMap<>();
        states(caseIds).forEach((id, st) -> out.put(id, st.caseSnapshot()));
        return out;
    }

    /** Of the given rectification ids, those already stored. */
    Set<String> existingRectifications(Collection<String> rectificationIds);

    /**
     * A single rating, atomically with the rectification it opens and the idempotency record.
     *
     * @throws cn.onewindow.core.common.DomainException CONFLICT {@code CONCURRENT_UPDATE} when the round was taken
     *                                                  meanwhile (the caller rereads)
     */
    void create(Evaluation e, Rectification opened, IdempotencyClaim claim);

    /** The evaluation id recorded for an idempotency key, with its request hash. */
    Optional<String[]> idempotent(String scopeKey);

    /**
     * Conditional batched writes: each rating together with the rectification it opens, only where the rating is
     * not stored yet (never overwritten). A rating whose write is refused leaves the others of its batch written.
     *
     * @return the ids of the ratings not written because the round was taken meanwhile
     */
    Set<String> putAll(List<Evaluation> ratings, List<Rectification> rectifications);

    void createBatch(EvaluationBatch batch);

    Optional<EvaluationBatch> batch(String id);

    /** Records what a chunk found (errors by record index, so a redelivery writes the same items). */
    void recordChunk(String batchId, EvaluationBatch.ChunkResult result);

    /** Chunks done, accepted and rejected counts, and a page of errors in record order. */
    EvaluationBatch.Status batchStatus(EvaluationBatch batch, int limit, String cursor);

    Optional<Rectification> rectification(String caseId, int round);

    /**
     * Saves a changed rectification if its stored version is still {@code r.version()}, with its deadline timers
     * (replacing the previous ones), accountability records (each at most once) and notifications (outbox).
     */
    Rectification saveRectification(Rectification r, List<DeadlineTimer> timers, List<Accountability> accountability,
                                     List<Notification> notifications);

    /** Open (or closed) rectifications of a department, service point or center, oldest first. */
    Page<Rectification> rectifications(String scope, String scopeId, boolean open, int limit, String cursor);

    /** Writes the invitation (once per case, ever) into the notification outbox; false if it was written before. */
    boolean invite(String caseId, Notification invitation);

    /** Ratings not yet forwarded whose next attempt is due by {@code now}, oldest first. */
    List<Evaluation> unforwarded(Instant since, Instant now, int limit);

    boolean forwarded(String caseId, int round);

    void markForwarded(Evaluation e, Instant at);

    /** Keeps it in the outbox for another attempt at {@code next}. */
    void retryForwardLater(Evaluation e, int attempts, Instant next);

    int forwardAttempts(Evaluation e);

    /** Ratings of a center given in [from, to). */
    List<Evaluation> ratedBetween(String centerId, Instant from, Instant to);

    /** The rectifications of a center open now (from the center's index partition of open ones). */
    List<Rectification> openRectificationsOf(String centerId);

    /** Of the given cases, those re-rated (a round-2 rating is stored), read by key. */
    Set<String> reRated(Collection<String> caseIds);
}
