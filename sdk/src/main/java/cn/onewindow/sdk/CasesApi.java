package cn.onewindow.sdk;

import cn.onewindow.sdk.internal.HttpEngine;
import cn.onewindow.sdk.internal.ModelCodec;
import cn.onewindow.sdk.model.CaseStatus;
import cn.onewindow.sdk.model.DecisionOutcome;
import cn.onewindow.sdk.model.HistoryEntry;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.ServiceCase;
import cn.onewindow.sdk.model.SuspensionKind;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Cases (办件): intake, reading, and every later step of the life cycle. Get it from {@link OneWindowClient#cases()}.
 * Thread-safe.
 *
 * <p>Every write carries an {@code Idempotency-Key}: generated per call unless given in {@link RequestOptions}, and
 * the same on every retry of that call, so a write the server did but whose answer was lost is not done twice. The
 * answer to a repeated write is the first one, with {@link ServiceCase#replayed()} set.
 */
public final class CasesApi extends ApiPart {
    CasesApi(HttpEngine http) {
        super(http);
    }

    /**
     * Submits an application ({@code POST /v1/cases}). Window staff use channel {@code WINDOW}, agents
     * {@code VILLAGE_AGENT}.
     *
     * @param application the application
     * @return the case: {@code ACCEPTED} (or {@code ACCEPTED_WITH_DEFICIENCY}) with its notice and due time,
     *         {@code AWAITING_MATERIALS} with a one-time notice listing every missing material, or {@code NOT_ACCEPTED}
     */
    public ServiceCase submit(NewCase application) {
        return submit(application, RequestOptions.none());
    }

    /**
     * @param application the application
     * @param options the idempotency key to use
     * @return the case
     * @see #submit(NewCase)
     */
    public ServiceCase submit(NewCase application, RequestOptions options) {
        return send(WriteRequest.submit(application), options);
    }

    /**
     * @param caseId the case number
     * @return the case
     * @throws NotFoundException when there is no such case or the caller may not see it
     */
    public ServiceCase get(String caseId) {
        return ModelCodec.serviceCase(http.get("/v1/cases/" + HttpEngine.segment(caseId), null).object());
    }

    /**
     * @param caseId the case number
     * @return its audit trail, oldest first
     */
    public List<HistoryEntry> history(String caseId) {
        return getList("/v1/cases/" + HttpEngine.segment(caseId) + "/history", ModelCodec::historyEntry);
    }

    /**
     * @param query filters
     * @return the matching cases, newest first, fetched page by page as they are used
     */
    public Paged<ServiceCase> list(CaseQuery query) {
        return new Paged<>(cursor -> page(query, cursor));
    }

    /**
     * @param query filters
     * @param cursor {@code null} for the first page, else {@link Page#nextCursor()} of the previous one
     * @return one page
     */
    public Page<ServiceCase> page(CaseQuery query, String cursor) {
        return getPage("/v1/cases", (query == null ? CaseQuery.all() : query).params(cursor),
                ModelCodec::serviceCase);
    }

    /**
     * The caller's cases whose result is ready to be fetched (出件), for an agent: those of its service point.
     *
     * @return cases in status {@code RESULT_READY}
     */
    public Paged<ServiceCase> resultsReady() {
        return list(CaseQuery.builder().status(CaseStatus.RESULT_READY).build());
    }

    /**
     * Follows a case until it reaches one of the given statuses, reading it every {@code pollEvery}.
     *
     * @param caseId the case number
     * @param timeout how long to wait at most
     * @param pollEvery how often to read the case
     * @param statuses the statuses to wait for
     * @return the case once it is in one of them; empty when the timeout passed first
     */
    public Optional<ServiceCase> awaitStatus(String caseId, Duration timeout, Duration pollEvery,
                                             CaseStatus... statuses) {
        List<CaseStatus> wanted = Arrays.asList(statuses);
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            ServiceCase c = get(caseId);
            if (wanted.contains(c.status())) return Optional.of(c);
            long left = end - System.nanoTime();
            if (left <= 0) return Optional.empty();
            try {
                Thread.sleep(Math.max(1, Math.min(pollEvery.toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /**
     * Hands in materials, e.g. those a one-time notice asked for ({@code POST /v1/cases/{id}/materials}). When the
     * mandatory ones are complete the case is accepted and its clock starts.
     *
     * @param caseId the case number
     * @param materials the materials
     * @return the case after it
     */
    public ServiceCase supplement(String caseId, List<Material> materials) {
        return supplement(caseId, materials, RequestOptions.none());
    }

    /**
     * @param caseId the case number
     * @param materials the materials
     * @param options the idempotency key to use
     * @return the case after it
     */
    public ServiceCase supplement(String caseId, List<Material> materials, RequestOptions options) {
        return send(WriteRequest.supplement(caseId, materials), options);
    }

    /**
     * Decides a non-joint case (window staff). Joint and escalated cases are decided through department tasks.
     *
     * @param caseId the case number
     * @param outcome approve or deny
     * @param reasons reasons (at least one for a denial)
     * @return the case after it ({@code APPROVED} or {@code DENIED})
     */
    public ServiceCase decide(String caseId, DecisionOutcome outcome, List<String> reasons) {
        return decide(caseId, outcome, reasons, RequestOptions.none());
    }

    /**
     * @param caseId the case number
     * @param outcome approve or deny
     * @param reasons reasons (at least one for a denial)
     * @param options the idempotency key to use
     * @return the case after it
     */
    public ServiceCase decide(String caseId, DecisionOutcome outcome, List<String> reasons, RequestOptions options) {
        return send(WriteRequest.decide(caseId, outcome, reasons), options);
    }

    /**
     * Stops the case clock (hearing, site inspection, testing, …).
     *
     * @param caseId the case number
     * @param kind why
     * @param reason the reason shown to the applicant
     * @return the case after it ({@code SUSPENDED})
     */
    public ServiceCase suspend(String caseId, SuspensionKind kind, String reason) {
        return suspend(caseId, kind, reason, RequestOptions.none());
    }

    /**
     * @param caseId the case number
     * @param kind why
     * @param reason the reason
     * @param options the idempotency key to use
     * @return the case after it
     */
    public ServiceCase suspend(String caseId, SuspensionKind kind, String reason, RequestOptions options) {
        return send(WriteRequest.suspend(caseId, kind, reason), options);
    }

    /**
     * Restarts the case clock; the due time moves by the working time that passed.
     *
     * @param caseId the case number
     * @param note a note, or {@code null}
     * @return the case after it
     */
    public ServiceCase resume(String caseId, String note) {
        return resume(caseId, note, RequestOptions.none());
    }

    /**
     * @param caseId the case number
     * @param note a note, or {@code null}
     * @param options the idempotency key to use
     * @return the case after it
     */
    public ServiceCase resume(String caseId, String note, RequestOptions options) {
        return send(WriteRequest.resume(caseId, note), options);
    }

    /**
     * Extends the deadline once (at most 10 working days, never beyond the legal limit + 10; joint 45 + 15).
     *
     * @param caseId the case number
     * @param days working days
     * @param reason the reason
     * @return the case after it
     * @throws UnprocessableException when the law does not allow the extension
     */
    public ServiceCase extend(String caseId, int days, String reason) {
        return extend(caseId, days, reason, RequestOptions.none());
    }

    /**
     * @param caseId the case number
     * @param days working days
     * @param reason the reason
     * @param options the idempotency key to use
     * @return the case after it
     */
    public ServiceCase extend(String caseId, int days, String reason, RequestOptions options) {
        return send(WriteRequest.extend(caseId, days, reason), options);
    }

    /**
     * Issues the result of an approved case (出件).
     *
     * @param caseId the case number
     * @param resultNumber the result document's number, or {@code null} to have one made
     * @return the case after it ({@code RESULT_READY})
     */
    public ServiceCase issueResult(String caseId, String resultNumber) {
        return issueResult(caseId, resultNumber, RequestOptions.none());
    }

    /**
     * @param caseId the case number
     * @param resultNumber the result document's number, or {@code null}
     * @param options the idempotency key to use
     * @return the case after it
     */
    public ServiceCase issueResult(String caseId, String resultNumber, RequestOptions options) {
        return send(WriteRequest.issueResult(caseId, resultNumber), options);
    }

    /**
     * Records that the result (or the denial) was handed over.
     *
     * @param caseId the case number
     * @param deliveredTo to whom
     * @param confirmation how it was confirmed (signature, SMS code …), or {@code null}
     * @return the case after it ({@code DELIVERED})
     */
    public ServiceCase deliver(String caseId, String deliveredTo, String confirmation) {
        return deliver(caseId, deliveredTo, confirmation, RequestOptions.none());
    }

    /**
     * @param caseId the case number
     * @param deliveredTo to whom
     * @param confirmation how it was confirmed, or {@code null}
     * @param options the idempotency key to use
     * @return the case after it
     */
    public ServiceCase deliver(String caseId, String deliveredTo, String confirmation, RequestOptions options) {
        return send(WriteRequest.deliver(caseId, deliveredTo, confirmation), options);
    }

    /**
     * An agent's hand-over (代办送达) confirmed by the villager's pick-up code, the six digits the villager received by
     * SMS when the result was ready. A wrong code is refused ({@link UnprocessableException},
     * {@code CONFIRMATION_CODE_MISMATCH}) and the case stays {@code RESULT_READY}; after five wrong codes in a row the
     * code is locked ({@link ConflictException}, {@code PICKUP_CODE_LOCKED}, even for the right one) until a supervisor
     * issues a new one ({@link #reissuePickupCode}).
     *
     * @param caseId the case number
     * @param deliveredTo to whom
     * @param pickupCode the villager's six-digit pick-up code
     * @return the case after it ({@code DELIVERED})
     */
    public ServiceCase deliverWithPickupCode(String caseId, String deliveredTo, String pickupCode) {
        return deliverWithPickupCode(caseId, deliveredTo, pickupCode, RequestOptions.none());
    }

    /**
     * @param caseId the case number
     * @param deliveredTo to whom
     * @param pickupCode the villager's six-digit pick-up code
     * @param options the idempotency key to use
     * @return the case after it
     */
    public ServiceCase deliverWithPickupCode(String caseId, String deliveredTo, String pickupCode,
                                             RequestOptions options) {
        return send(WriteRequest.deliverWithPickupCode(caseId, deliveredTo, pickupCode), options);
    }

    /**
     * A supervisor issues a new pick-up code for a 代办 case whose result waits for hand-over (e.g. after five wrong
     * codes locked it: {@link ConflictException} {@code PICKUP_CODE_LOCKED} on delivery). The villager receives the
     * new code by SMS; the old one stops working. Nobody else is told the code, the caller neither.
     *
     * @param caseId the case number
     * @return the case after it (still {@code RESULT_READY})
     */
    public ServiceCase reissuePickupCode(String caseId) {
        return reissuePickupCode(caseId, RequestOptions.none());
    }

    /**
     * @param caseId the case number
     * @param options the idempotency key to use
     * @return the case after it
     */
    public ServiceCase reissuePickupCode(String caseId, RequestOptions options) {
        return send(WriteRequest.reissuePickupCode(caseId), options);
    }

    /**
     * A hand-over confirmed by the recipient's signature (e.g. a reference to the signed receipt or the signature
     * pad's record).
     *
     * @param caseId the case number
     * @param deliveredTo to whom
     * @param signature the signature record
     * @return the case after it ({@code DELIVERED})
     */
    public ServiceCase deliverWithSignature(String caseId, String deliveredTo, String signature) {
        return deliverWithSignature(caseId, deliveredTo, signature, RequestOptions.none());
    }

    /**
     * @param caseId the case number
     * @param deliveredTo to whom
     * @param signature the signature record
     * @param options the idempotency key to use
     * @return the case after it
     */
    public ServiceCase deliverWithSignature(String caseId, String deliveredTo, String signature,
                                            RequestOptions options) {
        return send(WriteRequest.deliverWithSignature(caseId, deliveredTo, signature), options);
    }

    /**
     * Withdraws an open case at the applicant's request.
     *
     * @param caseId the case number
     * @param reason the reason
     * @return the case after it ({@code WITHDRAWN})
     */
    public ServiceCase withdraw(String caseId, String reason) {
        return withdraw(caseId, reason, RequestOptions.none());
    }

    /**
     * @param caseId the case number
     * @param reason the reason
     * @param options the idempotency key to use
     * @return the case after it
     */
    public ServiceCase withdraw(String caseId, String reason, RequestOptions options) {
        return send(WriteRequest.withdraw(caseId, reason), options);
    }

    private ServiceCase send(WriteRequest w, RequestOptions options) {
        return WriteRequest.caseAnswer(write(w, options));
    }
}
