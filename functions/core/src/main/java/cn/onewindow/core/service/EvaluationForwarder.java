package cn.onewindow.core.service;

import cn.onewindow.core.timers.OutboxCheckpoint;
import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.ports.EvaluationRepository;
import cn.onewindow.core.ports.ProvincialEvaluationSink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forwards every rating to the provincial 好差评 system from the outbox (the rating item itself carries the outbox
 * entry until it was accepted). Oldest first and in order per case: a re-rating waits until the first rating of its
 * case went through, and a failure holds back the later ratings of that case. A failure keeps the rating in the
 * outbox with exponential backoff (1, 2, 4 … minutes, at most an hour); ingestion never waits for it.
 */
public final class EvaluationForwarder {
    private static final Logger LOG = Logger.getLogger(EvaluationForwarder.class.getName());
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final EvaluationRepository repo;
    private final ProvincialEvaluationSink sink;
    private final Clock clock;

    public EvaluationForwarder(EvaluationRepository repo, ProvincialEvaluationSink sink, Clock clock) {
        this.repo = repo;
        this.sink = sink;
        this.clock = clock;
    }

    public record Result(int forwarded, int failed, int heldBack) {
    }

    public Result run(Duration lookBack) {
        Instant now = clock.instant();
        return forward(repo.unforwarded(now.minus(lookBack), now, 1000), null);
    }

    /**
     * The scheduled relay: like {@link #run(Duration)}, but reads the index from a checkpoint (see
     * {@link OutboxCheckpoint}), so an idle run costs a checkpoint read and one or two bucket queries. A rating held
     * back stays pending and holds the checkpoint; a failed one is moved to a bucket after its backoff, which is ahead
     * of the checkpoint.
     */
    public Result run(Duration lookBack, cn.onewindow.core.ports.TimerIndex checkpoints) {
        Instant now = clock.instant();
        OutboxCheckpoint checkpoint = new OutboxCheckpoint(checkpoints, "outbox-ratings", now, lookBack);
        List<Evaluation> due = repo.unforwarded(checkpoint.from(), now, 1000);
        // a full page: what lies beyond its last item was not read
        if (due.size() >= 1000) checkpoint.pending(due.get(due.size() - 1).receivedAt());
        Result r = forward(due, checkpoint);
        checkpoint.advance();
        return r;
    }

    private Result forward(List<Evaluation> due, OutboxCheckpoint checkpoint) {
        Set<String> blocked = new HashSet<>();
        int ok = 0;
        int failed = 0;
        int held = 0;
        for (Evaluation e : due) {
            if (blocked.contains(e.caseId()) || (e.round() > 1 && !repo.forwarded(e.caseId(), e.round() - 1))) {
                // the earlier rating of the case may come later in this run (re-queued after a failure): it is not
                // blocked by this one, which goes in a later run once the earlier one went through
                held++;
                // its bucket is at or after the instant it was received: the checkpoint stays before that
                if (checkpoint != null) checkpoint.pending(e.receivedAt());
                continue;
            }
            try {
                sink.forward(e);
                repo.markForwarded(e, clock.instant());
                ok++;
            } catch (RuntimeException ex) {
                failed++;
                blocked.add(e.caseId());
                int attempts = repo.forwardAttempts(e) + 1;
                Duration wait = Duration.ofMinutes(1L << Math.min(attempts - 1, 6));
                if (wait.compareTo(MAX_BACKOFF) > 0) wait = MAX_BACKOFF;
                repo.retryForwardLater(e, attempts, clock.instant().plus(wait));
                LOG.log(Level.WARNING, "evaluation " + e.id() + " not forwarded (attempt " + attempts
                        + "), retry in " + wait + ": " + ex);
            }
        }
        return new Result(ok, failed, held);
    }
}
