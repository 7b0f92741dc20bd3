package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.access.AccessPolicy.CaseAction;
import cn.onewindow.core.access.PointTree;
import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.usecase.ApprovalOutbox;
import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.ConcurrentUpdateException;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.RetryPolicy;
import cn.onewindow.core.identity.Actor;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.CaseWrite;
import cn.onewindow.core.ports.CatalogRepository;
import cn.onewindow.core.ports.IdempotencyClaim;
import cn.onewindow.core.ports.IdempotencyClaimTaken;
import cn.onewindow.core.ports.IdempotencyStore;
import cn.onewindow.core.ports.TaskWrite;
import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.timers.Deadlines;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The one write path of the case actions: an Idempotency-Key's repeat is answered with the stored result; otherwise
 * load, the access decision, the transitions of the {@link ServiceCase}, and one write guarded by the case version
 * together with its history, timers, department tasks, outbox and idempotency record, retried by the
 * {@link RetryPolicy} on a concurrent update. New department tasks are sent to their queue after the write.
 */
public final class CaseWrites {
    final CaseRepository cases;
    final CatalogRepository catalog;
    final IdempotentRequests requests;
    final Deadlines deadlines;
    final Clock clock;
    final ApprovalOutbox outbox;
    final PointTree tree;
    final CaseSecrets secrets;

    /**
     * @param tree where service points sit (township and county staff read their subtree)
     * @param keys the pseudonym secret (request fingerprints, code hashes) and the outbox sealer
     */
    public CaseWrites(CaseRepository cases, CatalogRepository catalog, IdempotencyStore idempotency,
                      Deadlines deadlines, Clock clock, ApprovalOutbox outbox, PointTree tree, PrivacyKeys keys) {
        this.cases = cases;
        this.catalog = catalog;
        this.requests = new IdempotentRequests(idempotency, keys);
        this.deadlines = deadlines;
        this.clock = clock;
        this.outbox = outbox;
        this.tree = tree;
        this.secrets = new CaseSecrets(keys);
    }

    /**
     * What a change needs besides the case, and what it adds to the write.
     *
     * @param refusal set by a change that is refused but must still be recorded (a wrong pick-up code: its audit
     *                line and try count are saved, without the idempotency record, then the refusal is thrown)
     */
    record Change(Instant now, Actor actor, DeadlineCalculator calc, List<DepartmentTask> created,
                  List<TaskWrite> tasks, List<Notification> notifications, DomainException[] refusal) {
        void refuse(DomainException e) {
            refusal[0] = e;
        }
    }

    /** One action on an existing case: see the class comment. */
    CaseWritten change(Caller caller, String caseId, CaseAction action, String op, Object cmd, String key,
                       BiConsumer<ServiceCase, Change> change) {
        IdempotencyClaim claim = requests.claim(caller, op, caseId, cmd, key);
        Optional<CaseWritten> replay = requests.replay(claim);
        if (replay.isPresent()) return replay.get();
        return RetryPolicy.standard().onConflict(() -> {
            ServiceCase.Snapshot before = cases.find(caseId).orElseThrow(() -> AccessPolicy.caseNotFound(caseId));
            AccessPolicy.requireCase(caller, before, action, tree);
            ServiceCase c = ServiceCase.restore(before);
            Instant now = clock.instant();
            DeadlineCalculator calc = deadlines.calculatorFor(before.centerId());
            Change ctx = new Change(now, caller.asActor(), calc, new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), new DomainException[1]);
            change.accept(c, ctx);
            List<TaskWrite> tasks = new ArrayList<>(ctx.tasks());
            tasks.addAll(creating(ctx.created()));
            if (ctx.refusal()[0] != null) {
                save(c, false, before.version(), calc, null, tasks, ctx.notifications());
                throw ctx.refusal()[0];
            }
            CaseWritten w = save(c, false, before.version(), calc, claim, tasks, ctx.notifications());
            if (!w.replayed()) outbox.publish(ctx.created());
            return w;
        });
    }

    /**
     * Writes the case (new, or guarded by {@code expectedVersion}) with its pending history, timers, tasks and
     * outbox; a write that lost the race for its idempotency key answers with the winner's result.
     */
    CaseWritten save(ServiceCase c, boolean create, long expectedVersion, DeadlineCalculator calc,
                     IdempotencyClaim claim, List<TaskWrite> tasks, List<Notification> notifications) {
        try {
            ServiceCase.Snapshot stored = cases.save(new CaseWrite(c.snapshot(), create, expectedVersion,
                    c.pendingHistory(), deadlines.timersFor(c, calc, tasks), claim, tasks, List.of(), notifications));
            return new CaseWritten(stored, false);
        } catch (IdempotencyClaimTaken taken) {
            return requests.replay(claim).orElseThrow(() -> DomainException.conflict("IDEMPOTENCY_IN_PROGRESS",
                    "相同幂等键的请求正在处理，请稍后重试", "a request with this Idempotency-Key is in progress; retry"));
        } catch (DomainException e) {
            // on DynamoDB two transactions racing for one idempotency key can fail as a plain conflict
            if (ConcurrentUpdateException.is(e) && claim != null) {
                Optional<CaseWritten> first = requests.replay(claim);
                if (first.isPresent()) return first.get();
            }
            throw e;
        }
    }

    static List<TaskWrite> creating(List<DepartmentTask> tasks) {
        return tasks.stream().map(t -> new TaskWrite(t, true, 0)).toList();
    }

    /** The item version the case was submitted under. */
    ServiceItem itemOf(ServiceCase.Snapshot s) {
        return catalog.version(s.itemCode(), s.itemVersion()).orElseThrow(() -> new IllegalStateException(
                "case " + s.id() + " refers to missing item version " + s.itemCode() + " v" + s.itemVersion()));
    }
}
