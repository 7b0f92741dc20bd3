package cn.onewindow.core.ports;

import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.ServiceCase;

import java.util.List;
import java.util.Optional;

/** Storage of cases, their history and deadline timers. */
public interface CaseRepository {

    Optional<ServiceCase.Snapshot> find(String caseId);

    /**
     * Writes everything of one change atomically: the case (created, or updated only if its stored version is
     * still {@code write.expectedVersion()}), its new history lines, its deadline timers, and the idempotency
     * record when a claim is given. Returns the snapshot as stored (with its new version).
     *
     * @throws cn.onewindow.core.common.DomainException CONFLICT {@code CONCURRENT_UPDATE} when another writer got
     *                                                  there first, or {@link IdempotencyClaimTaken} when the
     *                                                  idempotency key was used by a concurrent request
     */
    ServiceCase.Snapshot save(CaseWrite write);

    List<HistoryEntry> history(String caseId);

    Page<ServiceCase.Snapshot> list(CaseQuery query);
}
