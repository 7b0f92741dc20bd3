package cn.onewindow.sdk;

import cn.onewindow.sdk.internal.HttpEngine;
import cn.onewindow.sdk.internal.Json;
import cn.onewindow.sdk.internal.JsonObject;
import cn.onewindow.sdk.internal.ModelCodec;
import cn.onewindow.sdk.model.BatchRecordError;
import cn.onewindow.sdk.model.Evaluation;
import cn.onewindow.sdk.model.PadRequest;
import cn.onewindow.sdk.model.PadRequests;
import cn.onewindow.sdk.model.EvaluationBatchStatus;
import cn.onewindow.sdk.model.Rating;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ratings (好差评) for evaluation devices (PAD, evaluator, terminal): one at a time, or a day's ratings as a batch the
 * server ingests from a queue. Get it from {@link OneWindowClient#evaluations()}. Thread-safe.
 *
 * <p>A rating is kept once per case and applicant: sending the same rating again (a retry) answers the stored one
 * ({@link Evaluation#replayed()}); a different second rating is refused with {@link ConflictException}
 * {@code ALREADY_RATED}, except once after the rectification its bad rating opened was fixed (round 2).
 */
public final class EvaluationsApi extends ApiPart {
    EvaluationsApi(HttpEngine http) {
        super(http);
    }

    /**
     * @param rating the rating
     * @return the stored rating (round 1, or 2 for a re-rating after a fixed rectification)
     */
    public Evaluation rate(Rating rating) {
        return rate(rating, RequestOptions.none());
    }

    /**
     * @param rating the rating
     * @param options the idempotency key to send (generated when absent; the same on every retry of this call)
     * @return the stored rating
     */
    public Evaluation rate(Rating rating, RequestOptions options) {
        HttpEngine.Response r = write("POST", "/v1/evaluations", Json.write(ModelCodec.toJson(rating)), options);
        return ModelCodec.evaluation(r.object()).toBuilder().replayed(r.replayed()).build();
    }

    /**
     * @param evaluationId an evaluation id ({@code <caseId>-E1} or {@code -E2})
     * @return the stored rating
     */
    public Evaluation get(String evaluationId) {
        return ModelCodec.evaluation(http.get("/v1/evaluations/" + HttpEngine.segment(evaluationId), null).object());
    }

    /**
     * Uploads a batch (e.g. an evaluator's day). The server accepts it at once and ingests it from a queue; follow
     * it with {@link #batch(String)}. Bad records are reported one by one there; the good ones are kept.
     *
     * @param ratings the records
     * @return the batch id
     */
    public String submitBatch(List<Rating> ratings) {
        return submitBatch(ratings, RequestOptions.none());
    }

    /**
     * @param ratings the records
     * @param options the idempotency key to send: a retried upload with the same key is the same batch
     * @return the batch id
     */
    public String submitBatch(List<Rating> ratings, RequestOptions options) {
        List<Object> records = new ArrayList<>();
        for (Rating r : ratings) records.add(ModelCodec.toJson(r));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("records", records);
        HttpEngine.Response r = write("POST", "/v1/evaluation-batches", Json.write(body), options);
        return r.object().string("id");
    }

    /**
     * @param batchId the batch
     * @return its counts and every per-record error so far (all pages read);
     *         {@link EvaluationBatchStatus#done()} once ingestion finished
     */
    public EvaluationBatchStatus batch(String batchId) {
        String path = "/v1/evaluation-batches/" + HttpEngine.segment(batchId);
        List<BatchRecordError> errors = new ArrayList<>();
        EvaluationBatchStatus first = null;
        String cursor = null;
        do {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("limit", 1000);
            q.put("cursor", cursor);
            JsonObject o = http.get(path, q).object();
            EvaluationBatchStatus page = ModelCodec.evaluationBatchStatus(o);
            if (first == null) first = page;
            errors.addAll(page.errors());
            cursor = o.string("nextCursor");
        } while (cursor != null);
        return first.toBuilder().errors(Collections.unmodifiableList(errors)).build();
    }

    /**
     * For a rating PAD (评价器, a TERMINAL caller bound to a window by an administrator): the window's open rating
     * requests, oldest first. Rate one with {@link #rate(Rating)} or {@link #submitBatch(List)}, sending its
     * {@link PadRequest#ratingToken()} as {@code applicantConfirmation}.
     *
     * @return the PAD's window and its open requests
     * @throws NotFoundException {@code TERMINAL_NOT_BOUND} when the PAD is bound to no window
     */
    public PadRequests ratingRequests() {
        return ModelCodec.padRequests(http.get("/v1/terminals/current/rating-requests", null).object());
    }
}
