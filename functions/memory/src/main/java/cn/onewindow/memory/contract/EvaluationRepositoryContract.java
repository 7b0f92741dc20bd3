package cn.onewindow.memory.contract;

import cn.onewindow.core.cases.ApplicantType;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.evaluation.EvaluationChannel;
import cn.onewindow.core.evaluation.Level;
import cn.onewindow.core.evaluation.Rectification;
import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.CaseWrite;
import cn.onewindow.core.ports.DeadlineTimer;
import cn.onewindow.core.ports.EvaluationRepository;
import cn.onewindow.core.ports.IdempotencyClaim;
import cn.onewindow.core.ports.IdempotencyClaimTaken;
import cn.onewindow.core.ports.TimerIndex;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.onewindow.memory.contract.ContractFixtures.T0;
import static cn.onewindow.memory.contract.ContractFixtures.SUPERVISOR;
import static cn.onewindow.memory.contract.ContractFixtures.WINDOW;
import static cn.onewindow.memory.contract.ContractFixtures.create;
import static cn.onewindow.memory.contract.ContractFixtures.submitted;
import static cn.onewindow.memory.contract.ContractFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link EvaluationRepository} guarantees, beside the cases of its {@link CaseRepository}: one rating per
 * case and round (never overwritten, by a single rating or a batch), a re-rating only after a rectification, the
 * rating's idempotency record written with it, the invitation once per case and never after a rating, the
 * forwarding outbox, rectifications guarded by their version with their timers, and batch figures that repeat
 * exactly on a redelivered chunk.
 */
public abstract class EvaluationRepositoryContract {

    protected abstract EvaluationRepository evaluations();

    /** The case store the evaluations live beside (cases are rated only once stored). */
    protected abstract CaseRepository cases();

    protected abstract TimerIndex timers();

    private ServiceCase.Snapshot storedCase(String center) {
        return cases().save(create(submitted(unique("C"), center, unique("SP"), T0)));
    }

    private static Evaluation rating(ServiceCase.Snapshot c, int round, Level level, Instant at) {
        return new Evaluation(Evaluation.idFor(c.id(), round), c.id(), round, level, EvaluationChannel.PAD, null,
                c.itemCode(), c.itemVersion(), c.itemName(), c.departmentCode(), c.regionCode(), c.centerId(),
                c.servicePointId(), "window-001", "staff-001", c.status().name(), ApplicantType.PERSON,
                IdType.RESIDENT_ID, "applicant-key", at, at, "terminal-001", null, null);
    }

    private static void assertConcurrentUpdate(Runnable r) {
        DomainException e = assertThrows(DomainException.class, r::run);
        assertEquals("CONCURRENT_UPDATE", e.code());
    }

    @Test
    void aRatingIsStoredOncePerCaseAndRoundWithItsIdempotencyRecord() {
        ServiceCase.Snapshot c = storedCase(unique("CTR"));
        assertNull(evaluations().state(c.id()).first());
        assertEquals(null, evaluations().state(unique("C")), "a case that does not exist has no state");

        String key = unique("terminal#rate#key");
        Evaluation first = rating(c, 1, Level.SATISFIED, T0);
        evaluations().create(first, null, new IdempotencyClaim(key, "hash-1"));
        EvaluationRepository.RatingState s = evaluations().state(c.id());
        assertEquals(c, s.caseSnapshot());
        assertEquals(first, s.first());
        assertNull(s.second());
        assertArrayEquals(new String[]{first.id(), "hash-1"}, evaluations().idempotent(key).orElseThrow());
        assertEquals(Optional.empty(), evaluations().idempotent(unique("terminal#rate#key")));

        Evaluation again = rating(c, 1, Level.VERY_DISSATISFIED, T0.plusSeconds(5));
        assertConcurrentUpdate(() -> evaluations().create(again, null, null));
        assertThrows(IdempotencyClaimTaken.class, () -> evaluations().create(rating(storedCase(unique("CTR")), 1,
                Level.SATISFIED, T0), null, new IdempotencyClaim(key, "hash-1")));
        assertEquals(first, evaluations().state(c.id()).first(), "never overwritten");
    }

    @Test
    void aDissatisfiedRatingOpensItsRectificationAndOnlyThatAllowsARerating() {
        ServiceCase.Snapshot c = storedCase(unique("CTR"));
        ServiceCase.Snapshot other = storedCase(unique("CTR"));
        assertConcurrentUpdate(() -> evaluations().create(rating(other, 2, Level.SATISFIED, T0), null, null));

        Evaluation bad = rating(c, 1, Level.DISSATISFIED, T0);
        Rectification opened = Rectification.open(bad, T0);
        evaluations().create(bad, opened, null);
        Rectification stored = evaluations().rectification(c.id(), 1).orElseThrow();
        assertEquals(1, stored.version());
        assertEquals(Rectification.Status.AWAITING_JUDGEMENT, stored.status());
        assertEquals(Set.of(opened.id()), evaluations().existingRectifications(List.of(opened.id(),
                Rectification.idFor(other.id(), 1))));

        Evaluation better = rating(c, 2, Level.SATISFIED, T0.plus(Duration.ofDays(3)));
        evaluations().create(better, null, null);
        assertEquals(better, evaluations().state(c.id()).second());
        assertEquals(Set.of(c.id()), evaluations().reRated(List.of(c.id(), other.id())));
    }

    @Test
    void aBatchKeepsTheRatingsWhoseRoundIsFreeAndReturnsTheOthersUntouched() {
        ServiceCase.Snapshot rated = storedCase(unique("CTR"));
        ServiceCase.Snapshot free = storedCase(unique("CTR"));
        Evaluation single = rating(rated, 1, Level.SATISFIED, T0);
        evaluations().create(single, null, null);

        Evaluation clash = rating(rated, 1, Level.VERY_DISSATISFIED, T0.plusSeconds(1));
        Evaluation fresh = rating(free, 1, Level.DISSATISFIED, T0.plusSeconds(1));
        Set<String> taken = evaluations().putAll(List.of(clash, fresh), List.of(Rectification.open(clash, T0),
                Rectification.open(fresh, T0)));
        assertEquals(Set.of(clash.id()), taken);
        Map<String, EvaluationRepository.RatingState> states = evaluations().states(List.of(rated.id(), free.id(),
                unique("C")));
        assertEquals(2, states.size());
        assertEquals(single, states.get(rated.id()).first());
        assertNull(states.get(rated.id()).firstRectification(), "the clashing rating opened nothing");
        assertEquals(fresh, states.get(free.id()).first());
        assertEquals(1, states.get(free.id()).firstRectification().version());
    }

    @Test
    void theInvitationIsWrittenOnceAndNeverAfterARating() {
        Instant at = T0.plus(Duration.ofDays(600)).plusNanos(Math.abs(unique("n").hashCode()));
        ServiceCase c = submitted(unique("C"), unique("CTR"), unique("SP"), T0);
        String id = c.snapshot().id();
        ServiceCase.Snapshot s = cases().save(new CaseWrite(c.snapshot(), true, 0, c.pendingHistory(),
                List.of(new DeadlineTimer(id, DeadlineTimer.Kind.INVITE, at)), null));
        Notification invitation = new Notification(unique("N"), id, Notification.Kind.EVALUATION_INVITATION,
                Notification.Recipient.APPLICANT, null, "13812345678", "请对本次服务进行评价", at);

        assertEquals(1, inviteTimers(id, at));
        assertTrue(evaluations().invite(id, invitation));
        assertEquals(0, inviteTimers(id, at), "the invitation timer is done");
        assertEquals(List.of(invitation.withPhone(null)), cases().unsentNotifications(at, at, 1000).stream()
                .filter(n -> n.caseId().equals(id)).toList(), "in the outbox, without the phone");
        assertFalse(evaluations().invite(id, new Notification(unique("N"), id,
                Notification.Kind.EVALUATION_INVITATION, Notification.Recipient.APPLICANT, null, null, "again", at)));

        ServiceCase.Snapshot rated = storedCase(unique("CTR"));
        evaluations().create(rating(rated, 1, Level.SATISFIED, T0), null, null);
        assertFalse(evaluations().invite(rated.id(), new Notification(unique("N"), rated.id(),
                Notification.Kind.EVALUATION_INVITATION, Notification.Recipient.APPLICANT, null, null, "x", at)));
        assertEquals(1, s.version());
    }

    private long inviteTimers(String caseId, Instant at) {
        return timers().dueBetween(at, at).stream().filter(t -> t.caseId().equals(caseId)
                && t.kind() == DeadlineTimer.Kind.INVITE).count();
    }

    @Test
    void aRatingWaitsInTheForwardingOutboxUntilForwarded() {
        Instant at = T0.plus(Duration.ofDays(700)).plusNanos(Math.abs(unique("n").hashCode()));
        ServiceCase.Snapshot c = storedCase(unique("CTR"));
        Evaluation e = rating(c, 1, Level.SATISFIED, at);
        evaluations().create(e, null, null);
        assertFalse(evaluations().forwarded(c.id(), 1));
        assertTrue(evaluations().forwarded(c.id(), 2), "a rating that does not exist has nothing to forward");
        assertTrue(unforwarded(e, at, at));
        assertTrue(!unforwarded(e, at, at.minusNanos(1)), "not due before it was received");

        Instant next = at.plus(Duration.ofMinutes(2));
        evaluations().retryForwardLater(e, 1, next);
        assertEquals(1, evaluations().forwardAttempts(e));
        assertTrue(!unforwarded(e, at, next.minusSeconds(1)), "waits until its next attempt");
        assertTrue(unforwarded(e, at, next));

        evaluations().markForwarded(e, next);
        assertTrue(evaluations().forwarded(c.id(), 1));
        assertTrue(!unforwarded(e, at, next.plus(Duration.ofHours(1))));
        assertThrows(RuntimeException.class, () -> evaluations().retryForwardLater(e, 2, next.plusSeconds(60)),
                "a forwarded rating never goes back into the outbox");
    }

    private boolean unforwarded(Evaluation e, Instant since, Instant now) {
        return evaluations().unforwarded(since, now, 1000).stream().anyMatch(u -> u.id().equals(e.id()));
    }

    @Test
    void aRectificationIsSavedOnlyOverTheVersionReadWithItsTimers() {
        String center = unique("CTR");
        ServiceCase.Snapshot c = storedCase(center);
        Evaluation bad = rating(c, 1, Level.VERY_DISSATISFIED, T0);
        evaluations().create(bad, Rectification.open(bad, T0), null);
        Rectification v1 = evaluations().rectification(c.id(), 1).orElseThrow();
        assertEquals(List.of(v1), evaluations().openRectificationsOf(center));
        assertEquals(List.of(v1), evaluations().rectifications("center", center, true, 10, null).items());

        Instant callback = T0.plus(Duration.ofHours(2));
        Rectification judged = v1.acceptAsValid("有效", SUPERVISOR, T0.plusSeconds(60), callback,
                T0.plus(Duration.ofDays(21)));
        Rectification v2 = evaluations().saveRectification(judged, List.of(new DeadlineTimer(c.id(),
                DeadlineTimer.Kind.RECT_CALLBACK_DUE, callback)), List.of(), List.of());
        assertEquals(2, v2.version());
        assertEquals(Optional.of(v2), evaluations().rectification(c.id(), 1));
        assertEquals(1, timers().dueBetween(callback, callback).stream().filter(t -> t.caseId().equals(c.id()))
                .count());
        assertConcurrentUpdate(() -> evaluations().saveRectification(judged, List.of(), List.of(), List.of()));

        Rectification v3 = evaluations().saveRectification(v2.callBack("已回访", SUPERVISOR, T0.plusSeconds(90)),
                List.of(), List.of(), List.of());
        Rectification fixed = v3.fix("已整改", WINDOW, T0.plusSeconds(120));
        evaluations().saveRectification(fixed, List.of(), List.of(), List.of());
        assertEquals(0, timers().dueBetween(callback, callback).stream().filter(t -> t.caseId().equals(c.id()))
                .count(), "a fixed rectification has no timers");
        assertEquals(List.of(), evaluations().openRectificationsOf(center));
        assertEquals(1, evaluations().rectifications("center", center, false, 10, null).items().size());
    }

    @Test
    void aBatchCountsEachChunkOnceAndPagesItsErrorsInRecordOrder() {
        String id = unique("B");
        EvaluationBatch batch = new EvaluationBatch(id, "terminal-001", unique("CTR"), T0, 5, 2);
        evaluations().createBatch(batch);
        evaluations().createBatch(new EvaluationBatch(id, "someone-else", "other", T0.plusSeconds(1), 9, 9));
        assertEquals(Optional.of(batch), evaluations().batch(id), "the first header stays");
        assertEquals(Optional.empty(), evaluations().batch(unique("B")));

        List<EvaluationBatch.RecordError> errors = List.of(
                new EvaluationBatch.RecordError(1, "C-1", "CASE_NOT_FOUND", "办件不存在", "no such case"),
                new EvaluationBatch.RecordError(2, "C-2", "CASE_NOT_FOUND", "办件不存在", "no such case"));
        EvaluationBatch.ChunkResult chunk0 = new EvaluationBatch.ChunkResult(0, 1, 0, errors);
        evaluations().recordChunk(id, chunk0);
        EvaluationBatch.Status half = evaluations().batchStatus(batch, 10, null);
        assertEquals(List.of("PROCESSING", "1", "1", "2"), List.of(half.state(), "" + half.chunksDone(),
                "" + half.accepted(), "" + half.rejected()));
        evaluations().recordChunk(id, chunk0); // redelivered: the same figures
        evaluations().recordChunk(id, new EvaluationBatch.ChunkResult(1, 1, 1, List.of(
                new EvaluationBatch.RecordError(4, "C-4", "NOT_RATEABLE", "不可评价", "not rateable"))));

        EvaluationBatch.Status page1 = evaluations().batchStatus(batch, 2, null);
        assertEquals(List.of("COMPLETED", "2", "3", "3"), List.of(page1.state(), "" + page1.chunksDone(),
                "" + page1.accepted(), "" + page1.rejected()));
        assertEquals(List.of(1, 2), page1.errors().stream().map(EvaluationBatch.RecordError::index).toList());
        EvaluationBatch.Status page2 = evaluations().batchStatus(batch, 2, page1.nextCursor());
        assertEquals(List.of(4), page2.errors().stream().map(EvaluationBatch.RecordError::index).toList());
        assertNull(page2.nextCursor());
    }
}
