package cn.onewindow.memory.usecase;


import cn.onewindow.core.cases.Decision;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.deadline.Accountability;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.ports.CaseQuery;
import cn.onewindow.core.ports.Page;
import cn.onewindow.core.cases.usecase.CaseCommands;
import cn.onewindow.core.service.StatsService;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static cn.onewindow.memory.usecase.Fixtures.FRIDAY_10_SHANGHAI;
import static cn.onewindow.memory.usecase.Fixtures.SUPERVISOR;
import static cn.onewindow.memory.usecase.Fixtures.WINDOW;
import static cn.onewindow.memory.usecase.Fixtures.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What the supervision dashboard reads besides the figures: the 黄牌 / 红牌 case lists ({@code dueState}), the
 * accountability records of a center page by page, and the figures per month for the trend.
 */
public abstract class SupervisionScenarios extends OnPlatform {
    /** 建设用地审批 accepted Friday 2025-04-25: warned Wednesday 2025-05-14 18:00, due Thursday 2025-05-15 18:00. */
    static final Instant AFTER_WARNING = Instant.parse("2025-05-14T10:01:00Z");
    static final Instant FRIDAY_AFTER_DUE = Instant.parse("2025-05-16T02:00:00Z");

    private static Set<String> listed(Services p, CaseQuery.DueState state) {
        Page<ServiceCase.Snapshot> page = p.caseService.list(SUPERVISOR,
                new CaseQuery("330110-ZX", null, null, null, null, null, state, 100, null));
        return page.items().stream().map(ServiceCase.Snapshot::id).collect(Collectors.toSet());
    }

    @Test
    void warnedAndOverdueCasesAreListedByDueStateAndOverdueOnesLeaveAccountabilityRecords() {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        Services p = seeded(clock);
        List<String> land = new ArrayList<>();
        for (String name : List.of("甲", "乙", "丙")) {
            land.add(p.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, name), null).snapshot().id());
        }
        assertEquals(Set.of(), listed(p, CaseQuery.DueState.WARNING), "nothing warned on the day of acceptance");

        clock.advanceTo(AFTER_WARNING);
        assertEquals(3, p.deadlineChecker.run().warnings());
        assertEquals(Set.copyOf(land), listed(p, CaseQuery.DueState.WARNING));
        assertEquals(Set.of(), listed(p, CaseQuery.DueState.OVERDUE));
        // one of them is decided before its due time: it leaves the yellow list
        p.caseService.decide(WINDOW, land.get(2), new CaseCommands.Decide(Decision.Outcome.APPROVE, List.of()), null);
        assertEquals(Set.of(land.get(0), land.get(1)), listed(p, CaseQuery.DueState.WARNING));

        clock.advanceTo(FRIDAY_AFTER_DUE);
        assertEquals(2, p.deadlineChecker.run().overdue());
        String fresh = p.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, "丁"), null)
                .snapshot().id();
        assertEquals(Set.of(), listed(p, CaseQuery.DueState.WARNING));
        assertEquals(Set.of(land.get(0), land.get(1)), listed(p, CaseQuery.DueState.OVERDUE));
        assertEquals(4, listed(p, null).size(), "without dueState every case is listed: " + fresh);

        Page<Accountability> first = p.statsService.accountability(SUPERVISOR, "330110-ZX", 1, null);
        assertEquals(1, first.items().size());
        assertNotNull(first.nextCursor());
        Page<Accountability> second = p.statsService.accountability(SUPERVISOR, "330110-ZX", 1, first.nextCursor());
        assertEquals(1, second.items().size());
        Page<Accountability> rest = second.nextCursor() == null ? new Page<>(List.of(), null)
                : p.statsService.accountability(SUPERVISOR, "330110-ZX", 1, second.nextCursor());
        assertEquals(0, rest.items().size());
        assertNull(rest.nextCursor());
        Accountability a = first.items().get(0);
        assertEquals("CASE", a.subject());
        assertEquals(Instant.parse("2025-05-15T10:00:00Z"), a.dueAt());
        assertEquals(60L, a.workingMinutesLate(), "09:00–10:00 Friday");
        assertEquals(Set.of(land.get(0), land.get(1)),
                Set.of(first.items().get(0).caseId(), second.items().get(0).caseId()));
        assertEquals(0, p.statsService.accountability(SUPERVISOR, "330120-ZX", 20, null).items().size(),
                "another center has none");

        DomainException window = assertThrows(DomainException.class,
                () -> p.statsService.accountability(WINDOW, "330110-ZX", 20, null));
        assertEquals("FORBIDDEN", window.code());
        DomainException badCursor = assertThrows(DomainException.class,
                () -> p.statsService.accountability(SUPERVISOR, "330120-ZX", 20, first.nextCursor()));
        assertEquals("VALIDATION_FAILED", badCursor.code());
    }

    @Test
    void monthGroupsSplitThePeriodByTheMonthOfSubmission() {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        Services p = seeded(clock);
        p.caseService.intake(WINDOW, complete(DemoData.ITEM_EIA_FILING, "甲"), null);
        p.caseService.intake(WINDOW, complete(DemoData.ITEM_EIA_FILING, "乙"), null);
        // 2025-05-01 00:30 Shanghai is still 2025-04-30 in UTC: it counts in May
        clock.advanceTo(Instant.parse("2025-04-30T16:30:00Z"));
        p.caseService.intake(WINDOW, complete(DemoData.ITEM_EIA_FILING, "丙"), null);

        StatsService.Report r = p.statsService.figures(SUPERVISOR, "330110-ZX", LocalDate.of(2025, 4, 1),
                LocalDate.of(2025, 5, 31), StatsService.GroupBy.MONTH);
        assertEquals(3, r.total().received());
        assertEquals(List.of("2025-04", "2025-05"), r.groups().stream().map(StatsService.Figures::group).toList());
        assertEquals(2, r.groups().get(0).received());
        assertEquals(1, r.groups().get(1).received());
        assertNull(r.groups().get(0).openRectifications(), "open rectifications are no monthly figure");
        assertEquals(0L, r.total().openRectifications());
    }
}
