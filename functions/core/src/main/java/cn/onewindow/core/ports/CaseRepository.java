package cn.onewindow.core.ports;

import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.ServiceCase;

import java.time.Instant;
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

    /**
     * Every suspension of the case, oldest first. The case itself keeps only its most recent ones
     * ({@link ServiceCase.Snapshot#RECENT_FACTS}); a store that moves older ones into their own records reads them
     * back here.
     */
    default List<cn.onewindow.core.cases.Suspension> suspensions(String caseId) {
        return find(caseId).map(ServiceCase.Snapshot::suspensions).orElse(List.of());
    }

    /** Every notice issued on the case, oldest first (as {@link #suspensions}). */
    default List<cn.onewindow.core.cases.Notice> notices(String caseId) {
        return find(caseId).map(ServiceCase.Snapshot::notices).orElse(List.of());
    }

    Page<ServiceCase.Snapshot> list(CaseQuery query);

    /** Cases whose deadline was computed without the calendar of {@code year} (provisional), by case id. */
    List<String> provisionalCases(int year);

    /** Forgets that a case waited for the calendar of {@code year}. */
    void clearProvisional(int year, String caseId);

    /** Every case of a center submitted in [from, to), for supervision figures. */
    List<ServiceCase.Snapshot> submittedBetween(String centerId, Instant from, Instant to);

    /**
     * The accountability records (问责记录) of a center's cases and tasks, latest detected first, one page of at most
     * {@code limit}; {@code cursor} is the previous page's.
     */
    Page<cn.onewindow.core.deadline.Accountability> accountability(String centerId, int limit, String cursor);

    Optional<DepartmentTask> findTask(String taskId);

    /** Every task of a case, read consistently. */
    List<DepartmentTask> tasksOf(String caseId);

    /** A department's inbox. */
    Page<DepartmentTask> tasks(TaskQuery query);

    /** Tasks still CREATED (their message may have been lost) created before {@code before}, oldest first. */
    List<DepartmentTask> undispatched(Instant since, Instant before, int limit);

    /** Notifications of the outbox not sent yet, created in [since, before], oldest first. */
    List<cn.onewindow.core.notify.Notification> unsentNotifications(Instant since, Instant before, int limit);

    /** Marks a notification sent: it leaves the outbox. */
    void markSent(cn.onewindow.core.notify.Notification n, Instant at);

    /**
     * Counts one refused attempt to send a notification; at {@code maxAttempts} it is dead-lettered: it leaves the
     * outbox the relay reads (kept, with its attempts, in the {@code NOTIFY#DEAD} bucket of the due-time index for an
     * operator). Returns the attempts counted so far.
     */
    int notificationRefused(cn.onewindow.core.notify.Notification n, int maxAttempts, Instant at);

    /**
     * Counts one resend of a task's queue message by the outbox relay (the task is still undelivered); at
     * {@code maxAttempts} the task is dead-lettered: it leaves the outbox the relay reads (kept, with its count, in
     * the {@code DISPATCH#DEAD} bucket of the due-time index for an operator). Returns the resends counted so far.
     */
    int dispatchResent(DepartmentTask task, int maxAttempts, Instant at);
}
