package cn.onewindow.memory.usecase;


import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.service.DeadlineChecker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static cn.onewindow.memory.usecase.Fixtures.FRIDAY_10_SHANGHAI;
import static cn.onewindow.memory.usecase.Fixtures.WINDOW;
import static cn.onewindow.memory.usecase.Fixtures.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deadline checker's very first run (no checkpoint: a new deployment, a restored table) covers every open case
 * of the timer index, not only the last three days: a case due three weeks before goes overdue in that run.
 */
public abstract class FirstCheckerRunScenarios extends OnPlatform {

    @Test
    void theFirstRunEverFindsACaseThatFellDueWeeksBefore() {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        Services p = seeded(clock);
        String id = p.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, "褚首跑"), null)
                .snapshot().id();
        assertEquals(DeadlineCheckerScenarios.DUE, p.caseService.get(WINDOW, id).dueAt());
        assertTrue(p.timers.checkpoint(DeadlineChecker.NAME).isEmpty(), "the checker never ran on these tables");

        clock.advanceTo(DeadlineCheckerScenarios.DUE.plus(Duration.ofDays(21)));
        DeadlineChecker.Result r = p.deadlineChecker.run();
        assertTrue(!r.from().isAfter(DeadlineCheckerScenarios.WARNING), "started at the earliest timer: " + r.from());
        assertEquals(1, r.overdue());
        assertEquals(0, r.failures());
        assertNotNull(p.caseService.get(WINDOW, id).overdueAt());
        assertEquals(0, p.deadlineChecker.run().overdue(), "once");
    }
}
