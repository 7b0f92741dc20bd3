package cn.onewindow.core.service;

import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.evaluation.RatingRequest;
import cn.onewindow.core.evaluation.Rectification;
import cn.onewindow.core.evaluation.usecase.AcceptBatch;
import cn.onewindow.core.evaluation.usecase.CallBackApplicant;
import cn.onewindow.core.evaluation.usecase.CheckRectificationDeadlines;
import cn.onewindow.core.evaluation.usecase.ExtendRectification;
import cn.onewindow.core.evaluation.usecase.FixRectification;
import cn.onewindow.core.evaluation.usecase.IngestBatch;
import cn.onewindow.core.evaluation.usecase.JudgeRectification;
import cn.onewindow.core.evaluation.usecase.RateCase;
import cn.onewindow.core.evaluation.usecase.RectificationWrites;
import cn.onewindow.core.evaluation.usecase.ShowEvaluations;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.DeadlineTimer;
import cn.onewindow.core.ports.EvaluationBatchQueue;
import cn.onewindow.core.ports.EvaluationRepository;
import cn.onewindow.core.ports.Page;
import cn.onewindow.core.ports.RatingRequestStore;
import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.timers.Deadlines;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * 好差评, one use case per action in {@code cn.onewindow.core.evaluation.usecase}: {@link RateCase},
 * {@link AcceptBatch} and {@link IngestBatch}, {@link JudgeRectification}, {@link CallBackApplicant},
 * {@link ExtendRectification}, {@link FixRectification}, {@link CheckRectificationDeadlines} and the reads in
 * {@link ShowEvaluations}. The rules live in the model ({@code CaseRatings}, {@code Rectification}); this class only
 * wires the use cases for the platform.
 */
public final class EvaluationService {
    /** Records of one batch upload. */
    public static final int MAX_BATCH_RECORDS = AcceptBatch.MAX_BATCH_RECORDS;

    public final RateCase rateCase;
    public final AcceptBatch acceptBatch;
    public final IngestBatch ingestBatch;
    public final ShowEvaluations show;
    public final JudgeRectification judgeRectification;
    public final CallBackApplicant callBackApplicant;
    public final ExtendRectification extendRectification;
    public final FixRectification fixRectification;
    public final CheckRectificationDeadlines checkDeadlines;

    /** @param keys the pseudonym secret: applicant keys and request fingerprints are keyed HMACs */
    public EvaluationService(EvaluationRepository repo, EvaluationBatchQueue queue, Deadlines deadlines, Clock clock,
                             PrivacyKeys keys) {
        this(repo, queue, deadlines, clock, keys, null);
    }

    /**
     * @param ratingRequests the windows' rating requests: a rating sent with a request's token (from the PAD bound
     *                       to the window) confirms the applicant; null: only the last four characters do
     */
    public EvaluationService(EvaluationRepository repo, EvaluationBatchQueue queue, Deadlines deadlines, Clock clock,
                             PrivacyKeys keys, RatingRequestStore ratingRequests) {
        RectificationWrites writes = new RectificationWrites(repo, deadlines, clock);
        this.rateCase = new RateCase(repo, clock, keys, ratingRequests);
        this.acceptBatch = new AcceptBatch(repo, queue, clock);
        this.ingestBatch = new IngestBatch(repo, keys, ratingRequests);
        this.show = new ShowEvaluations(repo);
        this.judgeRectification = new JudgeRectification(writes);
        this.callBackApplicant = new CallBackApplicant(writes);
        this.extendRectification = new ExtendRectification(writes);
        this.fixRectification = new FixRectification(writes);
        this.checkDeadlines = new CheckRectificationDeadlines(writes);
    }

    public RateCase.Rated rate(Caller caller, RatingRequest req, String idempotencyKey) {
        return rateCase.rate(caller, req, idempotencyKey);
    }

    public Evaluation get(Caller caller, String caseId, int round) {
        return show.rating(caller, caseId, round);
    }

    public EvaluationBatch acceptBatch(Caller caller, List<RatingRequest> records, String idempotencyKey) {
        return acceptBatch.accept(caller, records, idempotencyKey);
    }

    public EvaluationBatch.ChunkResult ingest(EvaluationBatch.Chunk chunk) {
        return ingestBatch.ingest(chunk);
    }

    public EvaluationBatch.Status batchStatus(Caller caller, String batchId, int limit, String cursor) {
        return show.batch(caller, batchId, limit, cursor);
    }

    public Rectification rectification(Caller caller, String id) {
        return show.rectification(caller, id);
    }

    public Page<Rectification> rectifications(Caller caller, String scope, String scopeId, boolean open, int limit,
                                              String cursor) {
        return show.rectifications(caller, scope, scopeId, open, limit, cursor);
    }

    public Rectification judge(Caller caller, String id, Boolean valid, String reason) {
        return judgeRectification.judge(caller, id, valid, reason);
    }

    public Rectification callback(Caller caller, String id, String note) {
        return callBackApplicant.callBack(caller, id, note);
    }

    public Rectification extend(Caller caller, String id, int days, String reason) {
        return extendRectification.extend(caller, id, days, reason);
    }

    public Rectification fix(Caller caller, String id, String note) {
        return fixRectification.fix(caller, id, note);
    }

    public CheckRectificationDeadlines.TimerOutcome handleTimer(DeadlineTimer timer, Instant now) {
        return checkDeadlines.handle(timer, now);
    }
}
