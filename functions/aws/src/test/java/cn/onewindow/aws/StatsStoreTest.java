package cn.onewindow.aws;

import cn.onewindow.core.cases.Decision;
import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.service.Commands;
import cn.onewindow.core.service.StatsService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static cn.onewindow.aws.Fixtures.FRIDAY_10_SHANGHAI;
import static cn.onewindow.aws.Fixtures.SUPERVISOR;
import static cn.onewindow.aws.Fixtures.WINDOW;
import static cn.onewindow.aws.Fixtures.complete;
import static cn.onewindow.aws.Fixtures.withMaterials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Supervision figures computed from a known set of cases on the 2025 calendar, checked figure by figure. */
@ExtendWith(LocalDynamo.class)
class StatsStoreTest {

    private static String decideApprove(Platform p, String id) {
        return p.caseService.decide(WINDOW, id, new Commands.Decide(Decision.Outcome.APPROVE, List.of()), null)
                .snapshot().id();
    }

    @Test
    void figuresAgreeWithTheCasesTheyCount(LocalDynamo.Tables tables) {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        Platform p = tables.seededPlatform(clock);
        // 1. immediate item, decided the same day
        String immediate = p.caseService.intake(WINDOW, complete(DemoData.ITEM_EIA_FILING, "甲"), null).snapshot().id();
        // 2. and 3. 建设用地审批 (promised 12, legal 60), due Thursday 2025-05-15 18:00
        String early = p.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, "乙"), null)
                .snapshot().id();
        String late = p.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, "丙"), null)
                .snapshot().id();
        // 4. not accepted yet (materials missing), 5. refused (controlled item)
        p.caseService.intake(WINDOW, withMaterials(DemoData.ITEM_CONSTRUCTION_LAND, "丁", List.of()), null);
        p.caseService.intake(WINDOW, complete(DemoData.ITEM_GOLF_COURSE, "戊"), null);
        // 6. 烟花爆竹 (promised 5, legal 20), still open
        p.caseService.intake(WINDOW, complete(DemoData.ITEM_FIREWORKS_WHOLESALE, "己"), null);

        clock.advance(java.time.Duration.ofHours(1));
        decideApprove(p, immediate);                                   // 0 working days, on time
        clock.advanceTo(Instant.parse("2025-04-30T03:00:00Z"));
        decideApprove(p, early);                                       // 4 working days (4-27, 28, 29, 30)
        clock.advanceTo(Instant.parse("2025-05-16T02:00:00Z"));
        decideApprove(p, late);                                        // 13 working days, after its due time

        StatsService.Report r = p.statsService.figures(SUPERVISOR, DemoData.COUNTY_CENTER,
                LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-30"), StatsService.GroupBy.ITEM);
        StatsService.Figures t = r.total();
        assertEquals(6, t.received());
        assertEquals(4, t.accepted());
        assertEquals(1, t.immediate());
        assertEquals(new BigDecimal("0.2500"), t.immediateShare());
        assertEquals(3, t.finished());
        assertEquals(2, t.onTime());
        assertEquals(new BigDecimal("0.6667"), t.onTimeRate());
        assertEquals(1, t.early());
        assertEquals(new BigDecimal("0.3333"), t.earlyRate());
        assertEquals(1, t.overdue());
        assertEquals(new BigDecimal("5.67"), t.averageActualDays());      // (0 + 4 + 13) / 3
        assertEquals(new BigDecimal("7.25"), t.averagePromisedDays());    // (0 + 12 + 12 + 5) / 4
        assertEquals(new BigDecimal("36.75"), t.averageLegalDays());      // (7 + 60 + 60 + 20) / 4
        assertNull(t.satisfactionRate(), "no evaluations yet");

        StatsService.Figures land = r.groups().stream().filter(g -> g.group().equals(DemoData.ITEM_CONSTRUCTION_LAND))
                .findFirst().orElseThrow();
        assertEquals(3, land.received());
        assertEquals(2, land.accepted());
        assertEquals(2, land.finished());
        assertEquals(new BigDecimal("0.5000"), land.onTimeRate());
        assertEquals(new BigDecimal("8.50"), land.averageActualDays());
        assertEquals(4, r.groups().size(), "one group per item received");

        StatsService.Report byDept = p.statsService.figures(SUPERVISOR, DemoData.COUNTY_CENTER,
                LocalDate.parse("2025-04-25"), LocalDate.parse("2025-04-25"), StatsService.GroupBy.DEPARTMENT);
        assertEquals(List.of("fgw", "sthj", "yjgl", "zrzy"), byDept.groups().stream().map(StatsService.Figures::group)
                .toList());
        assertEquals(0, p.statsService.figures(SUPERVISOR, DemoData.COUNTY_CENTER, LocalDate.parse("2025-04-26"),
                LocalDate.parse("2025-05-31"), StatsService.GroupBy.ITEM).total().received(), "nothing after 4-25");
        assertThrows(DomainException.class, () -> p.statsService.figures(Fixtures.AGENT, DemoData.COUNTY_CENTER,
                LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-30"), StatsService.GroupBy.ITEM));
    }
}
