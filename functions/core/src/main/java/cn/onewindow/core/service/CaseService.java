package cn.onewindow.core.service;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.access.PointTree;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.usecase.AcceptApplication;
import cn.onewindow.core.cases.usecase.CaseCommands;
import cn.onewindow.core.cases.usecase.CaseWrites;
import cn.onewindow.core.cases.usecase.CaseWritten;
import cn.onewindow.core.cases.usecase.DecideCase;
import cn.onewindow.core.cases.usecase.DeliverResult;
import cn.onewindow.core.cases.usecase.ExtendDeadline;
import cn.onewindow.core.cases.usecase.IdentityReads;
import cn.onewindow.core.cases.usecase.IssueCaseResult;
import cn.onewindow.core.cases.usecase.ReissuePickupCode;
import cn.onewindow.core.cases.usecase.ResumeClock;
import cn.onewindow.core.cases.usecase.ShowCases;
import cn.onewindow.core.cases.usecase.SupplementMaterials;
import cn.onewindow.core.cases.usecase.SuspendClock;
import cn.onewindow.core.cases.usecase.WithdrawCase;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.AccessLog;
import cn.onewindow.core.ports.CaseQuery;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.CatalogRepository;
import cn.onewindow.core.ports.IdempotencyStore;
import cn.onewindow.core.ports.Page;
import cn.onewindow.core.ports.ServicePointDirectory;
import cn.onewindow.core.ports.TicketLinks;
import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.timers.Deadlines;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The case actions, one use case per action in {@code cn.onewindow.core.cases.usecase}: {@link AcceptApplication}
 * (intake), {@link SupplementMaterials}, {@link DecideCase}, {@link SuspendClock}, {@link ResumeClock},
 * {@link ExtendDeadline}, {@link IssueCaseResult}, {@link DeliverResult}, {@link ReissuePickupCode},
 * {@link WithdrawCase}, and the reads {@link ShowCases} and {@link IdentityReads}. Each write goes through the one
 * write path {@link CaseWrites}; the rules live in the model ({@code ServiceCase}, {@code CaseStateMachine}). This
 * class only wires the use cases for the platform and translates its commands.
 */
public final class CaseService {
    public final AcceptApplication acceptApplication;
    public final SupplementMaterials supplementMaterials;
    public final DecideCase decideCase;
    public final SuspendClock suspendClock;
    public final ResumeClock resumeClock;
    public final ExtendDeadline extendDeadline;
    public final IssueCaseResult issueCaseResult;
    public final DeliverResult deliverResult;
    public final ReissuePickupCode reissuePickupCode;
    public final WithdrawCase withdrawCase;
    public final ShowCases showCases;
    public final IdentityReads identityReads;

    public CaseService(CaseRepository cases, CatalogRepository catalog, IdempotencyStore idempotency,
                       Deadlines deadlines, Clock clock, Supplier<String> caseIds, ApprovalService approvals) {
        this(cases, catalog, idempotency, deadlines, clock, caseIds, approvals, PointTree.FLAT, null, null,
                PrivacyKeys.none());
    }

    /**
     * @param tree      where service points sit (township and county staff read their subtree)
     * @param points    the service points (an agent of a closed point submits nothing new); may be null
     * @param accessLog where reads of a clear identity are recorded; may be null
     * @param keys      the pseudonym secret (request fingerprints, pick-up code hashes) and the outbox sealer (the
     *                  SMS that carries a pick-up code is stored encrypted)
     */
    public CaseService(CaseRepository cases, CatalogRepository catalog, IdempotencyStore idempotency,
                       Deadlines deadlines, Clock clock, Supplier<String> caseIds, ApprovalService approvals,
                       PointTree tree, ServicePointDirectory points, AccessLog accessLog, PrivacyKeys keys) {
        this(cases, catalog, idempotency, deadlines, clock, caseIds, approvals, tree, points, accessLog, keys, null);
    }

    /** @param tickets the queue tickets an intake may name (排队号 being served); null: none */
    public CaseService(CaseRepository cases, CatalogRepository catalog, IdempotencyStore idempotency,
                       Deadlines deadlines, Clock clock, Supplier<String> caseIds, ApprovalService approvals,
                       PointTree tree, ServicePointDirectory points, AccessLog accessLog, PrivacyKeys keys,
                       TicketLinks tickets) {
        CaseWrites writes = new CaseWrites(cases, catalog, idempotency, deadlines, clock, approvals.outbox, tree, keys);
        this.acceptApplication = new AcceptApplication(writes, caseIds, points, tickets);
        this.supplementMaterials = new SupplementMaterials(writes);
        this.decideCase = new DecideCase(writes);
        this.suspendClock = new SuspendClock(writes);
        this.resumeClock = new ResumeClock(writes);
        this.extendDeadline = new ExtendDeadline(writes);
        this.issueCaseResult = new IssueCaseResult(writes);
        this.deliverResult = new DeliverResult(writes);
        this.reissuePickupCode = new ReissuePickupCode(writes);
        this.withdrawCase = new WithdrawCase(writes);
        this.showCases = new ShowCases(cases, tree);
        this.identityReads = new IdentityReads(cases, tree, accessLog, clock);
    }

    public Written intake(Caller caller, CaseCommands.Intake cmd, String idempotencyKey) {
        return written(acceptApplication.accept(caller, cmd, idempotencyKey));
    }

    public ServiceCase.Snapshot get(Caller caller, String caseId) {
        return showCases.get(caller, caseId);
    }

    /** Records that the caller was shown the applicant's identity in clear (when its role sees it so). */
    public void recordIdentityRead(Caller caller, ServiceCase.Snapshot s, String what) {
        identityReads.record(caller, s, what);
    }

    /** Who read the applicant's identity in clear: supervisors only. */
    public List<AccessLog.Entry> identityReads(Caller caller, String caseId) {
        return identityReads.of(caller, caseId);
    }

    public List<HistoryEntry> history(Caller caller, String caseId) {
        return showCases.history(caller, caseId);
    }

    public Page<ServiceCase.Snapshot> list(Caller caller, CaseQuery q) {
        return showCases.list(caller, q);
    }

    public Written supplement(Caller caller, String caseId, CaseCommands.Supplement cmd, String key) {
        return written(supplementMaterials.supplement(caller, caseId, cmd, key));
    }

    public Written decide(Caller caller, String caseId, CaseCommands.Decide cmd, String key) {
        return written(decideCase.decide(caller, caseId, cmd, key));
    }

    public Written suspend(Caller caller, String caseId, CaseCommands.Suspend cmd, String key) {
        return written(suspendClock.suspend(caller, caseId, cmd, key));
    }

    public Written resume(Caller caller, String caseId, CaseCommands.Resume cmd, String key) {
        return written(resumeClock.resume(caller, caseId, cmd, key));
    }

    public Written extend(Caller caller, String caseId, CaseCommands.Extend cmd, String key) {
        return written(extendDeadline.extend(caller, caseId, cmd, key));
    }

    public Written issueResult(Caller caller, String caseId, CaseCommands.IssueResult cmd, String key) {
        return written(issueCaseResult.issue(caller, caseId, cmd, key));
    }

    /** The hand-over of the result: see {@link DeliverResult}. */
    public Written deliver(Caller caller, String caseId, CaseCommands.Deliver cmd, String key) {
        return written(deliverResult.deliver(caller, caseId, cmd, key));
    }

    /** A supervisor issues a new pick-up code: see {@link ReissuePickupCode}. */
    public Written reissuePickupCode(Caller caller, String caseId, String key) {
        return written(reissuePickupCode.reissue(caller, caseId, key));
    }

    public Written withdraw(Caller caller, String caseId, CaseCommands.Withdraw cmd, String key) {
        return written(withdrawCase.withdraw(caller, caseId, cmd, key));
    }

    /** Only supervisors and admins see all centers; used by the API to reject impossible filters early. */
    public static boolean seesAllCenters(Caller caller) {
        return AccessPolicy.seesAllCenters(caller);
    }

    private static Written written(CaseWritten w) {
        return new Written(w.snapshot(), w.replayed(), w.queryPassword());
    }
}
