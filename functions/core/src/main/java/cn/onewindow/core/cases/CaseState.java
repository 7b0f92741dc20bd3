package cn.onewindow.core.cases;

import cn.onewindow.core.identity.Actor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a change of a {@link ServiceCase} is applied and journaled: the case's current snapshot, the history lines
 * made since it was loaded (numbered on from the stored ones), and the state-machine check on every status change.
 * Which changes exist, and when each is legal, is {@link ServiceCase}.
 */
abstract class CaseState {
    ServiceCase.Snapshot s;
    private final List<HistoryEntry> pending = new ArrayList<>();

    CaseState(ServiceCase.Snapshot snapshot) {
        this.s = Objects.requireNonNull(snapshot);
    }

    public ServiceCase.Snapshot snapshot() { return s; }

    public String id() { return s.id(); }

    public CaseStatus status() { return s.status(); }

    public long version() { return s.version(); }

    /** History lines made since this object was restored or created, not yet stored. */
    public List<HistoryEntry> pendingHistory() { return List.copyOf(pending); }

    /** Whether the deadline clock is running now (accepted, not suspended, not decided). */
    public boolean clockRunning() {
        return CaseStatus.CLOCK_RUNNING.contains(s.status()) && s.dueAt() != null;
    }

    /** A status change: refused unless the state machine allows it; recorded in the history. */
    void move(CaseStatus to, String event, String reason, Instant now, Actor actor) {
        CaseStatus from = s.status();
        CaseStateMachine.check(from, to);
        record(event, from, to, now, actor, reason);
        update(b -> b.status(to));
    }

    /** One history line, numbered after the last one. */
    void record(String event, CaseStatus from, CaseStatus to, Instant now, Actor actor, String reason) {
        int seq = s.historySize() + 1;
        pending.add(new HistoryEntry(seq, event, from, to, now, actor, reason));
        update(b -> b.historySize(seq));
    }

    void update(Consumer<CaseSnapshotBuilder> change) {
        CaseSnapshotBuilder b = new CaseSnapshotBuilder(s);
        change.accept(b);
        s = b.build();
    }
}
