package cn.onewindow.core.service;

import cn.onewindow.core.timers.Deadlines;
import cn.onewindow.core.identity.Actor;
import cn.onewindow.core.calendar.Deadline;
import cn.onewindow.core.calendar.DeadlineCalculator;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.Suspension;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.RetryPolicy;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.CaseWrite;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When an administrator loads a year's calendar, the open cases whose deadline reached into that year (computed on
 * weekends alone, marked provisional) get their deadline computed again from the start: acceptance + promised working
 * days, then every finished suspension and the extension in the order they happened.
 */
public final class DeadlineRecompute {
    private static final Actor CALENDAR = Actor.system("calendar-load");
    private final CaseRepository cases;
    private final Deadlines deadlines;
    private final Clock clock;

    public DeadlineRecompute(CaseRepository cases, Deadlines deadlines, Clock clock) {
        this.cases = cases;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** @return how many cases got a new deadline */
    public int recompute(int year) {
        int changed = 0;
        for (String id : cases.provisionalCases(year)) {
            if (recomputeOne(id)) changed++;
            cases.clearProvisional(year, id);
        }
        return changed;
    }

    private boolean recomputeOne(String id) {
        return RetryPolicy.standard().onConflict(() -> {
            Optional<ServiceCase.Snapshot> found = cases.find(id);
            if (found.isEmpty()) return false;
            ServiceCase.Snapshot s = found.get();
            if (s.acceptedAt() == null || s.dueAt() == null || !s.dueProvisional() || !s.status().isOpen()) {
                return false;
            }
            DeadlineCalculator calc = deadlines.calculatorFor(s.centerId());
            Deadline due = due(s, calc);
            if (due.dueAt().equals(s.dueAt()) && due.provisional() == s.dueProvisional()) return false;
            ServiceCase c = ServiceCase.restore(s);
            Instant now = clock.instant();
            c.recomputeDue(due.dueAt(), due.provisional(), now, CALENDAR);
            Deadlines.rearmWarning(c, calc, now);
            cases.save(new CaseWrite(c.snapshot(), false, s.version(), c.pendingHistory(),
                    deadlines.timersFor(c, calc), null));
            return true;
        });
    }

    /** The deadline of a case computed from scratch with the calendars loaded now. */
    private Deadline due(ServiceCase.Snapshot s, DeadlineCalculator calc) {
        Deadline due = calc.dueAfterWorkingDays(s.acceptedAt(), s.promisedDays());
        record Step(Instant at, Suspension suspension, Integer extensionDays) {
        }
        List<Step> steps = new ArrayList<>();
        for (Suspension p : cases.suspensions(s.id())) { // all of them, not only the case record's recent ones
            if (p.resumedAt() != null) steps.add(new Step(p.resumedAt(), p, null));
        }
        if (s.extensionDays() != null) {
            Instant extendedAt = cases.history(s.id()).stream().filter(h -> h.event().equals("EXTENDED"))
                    .map(HistoryEntry::at).findFirst().orElse(s.acceptedAt());
            steps.add(new Step(extendedAt, null, s.extensionDays()));
        }
        steps.sort(Comparator.comparing(Step::at));
        for (Step step : steps) {
            due = step.suspension() != null
                    ? calc.resume(due, step.suspension().suspendedAt(), step.suspension().resumedAt())
                    : calc.extend(due, step.extensionDays());
        }
        return due;
    }
}
