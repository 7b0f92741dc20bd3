package cn.onewindow.memory.usecase;


import cn.onewindow.core.cases.Decision;
import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.evaluation.RatingRequest;
import cn.onewindow.core.evaluation.Rectification;
import cn.onewindow.core.cases.usecase.CaseCommands;
import cn.onewindow.core.service.StatsService;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static cn.onewindow.memory.usecase.Fixtures.FRIDAY_10_SHANGHAI;
import static cn.onewindow.memory.usecase.Fixtures.SUPERVISOR;
import static cn.onewindow.memory.usecase.Fixtures.WINDOW;
import static cn.onewindow.memory.usecase.Fixtures.complete;
import static cn.onewindow.memory.usecase.Fixtures.withMaterials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Supervision figures computed from a known set of cases on the 2025 calendar, checked figure by figure. */
public abstract class StatsScenarios extends OnPlatform {

    private static String decideApprove(Services p, String id) {
        return p.caseService.decide(WINDOW, id, new CaseCommands.Decide(Decision.Outcome.APPROVE, List.of()), null)
                .snapshot().id();
    }

    @Test
    void figuresAgreeWithTheCasesTheyCount() {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        Services p = seeded(clock);
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

    private static String delivered(Services p, String itemCode, String applicant) {
        String id = p.caseService.intake(WINDOW, complete(itemCode, applicant), null).snapshot().id();
        decideApprove(p, id);
        p.caseService.issueResult(WINDOW, id, new CaseCommands.IssueResult("R-" + id), null);
        p.caseService.deliver(WINDOW, id, new CaseCommands.Deliver(applicant, "本人签收"), null);
        return id;
    }

    private static void rate(Services p, String caseId, String level, String channel, String window, String staff) {
        p.evaluationService.rate(TERMINAL, new RatingRequest(caseId, level, channel, "5678", window, staff, null,
                null), null);
    }

    private static void fixAndReRate(Services p, String caseId, String level) {
        String rid = Rectification.idFor(caseId, 1);
        p.evaluationService.judge(SUPERVISOR, rid, true, "属实");
        p.evaluationService.callback(SUPERVISOR, rid, "已回访");
        p.evaluationService.fix(SUPERVISOR, rid, "已整改");
        rate(p, caseId, level, "PAD", "W01", "S01");
    }

    private static StatsService.Figures group(StatsService.Report r, String name) {
        return r.groups().stream().filter(g -> g.group().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no group " + name + " in " + r.groups()));
    }

    private static void ratings(StatsService.Figures f, long rated, long satisfied, long dissatisfied,
                                String satisfactionRate, String badRate) {
        assertEquals(rated, f.rated(), f.group() + " rated");
        assertEquals(satisfied, f.satisfied(), f.group() + " satisfied");
        assertEquals(dissatisfied, f.dissatisfied(), f.group() + " dissatisfied");
        assertEquals(satisfactionRate == null ? null : new BigDecimal(satisfactionRate), f.satisfactionRate(),
                f.group() + " satisfactionRate");
        assertEquals(badRate == null ? null : new BigDecimal(badRate), f.badRate(), f.group() + " badRate");
    }

    private static final cn.onewindow.core.identity.Caller TERMINAL = DemoData.callers().get("demo-terminal");
    private static final String REG = DemoData.ITEM_COMPANY_REGISTRATION;   // 市场监管 scjg, immediate
    private static final String EIA = DemoData.ITEM_EIA_FILING;             // 生态环境 sthj, immediate

    /**
     * Satisfaction (满意率) and bad-rating share (差评率) per item, department, window, staff, channel and period, and
     * open rectifications: June 2025 (ratings of 6 June) and July (a re-rating of a June case, and a July rating).
     */
    @Test
    void satisfactionCountsTheLatestRatingOncePerCase() {
        AdjustableClock clock = AdjustableClock.anchored(Instant.parse("2025-06-06T02:00:00Z"), Instant.now());
        Services p = seeded(clock);
        String c1 = delivered(p, REG, "满一"), c2 = delivered(p, REG, "满二"), c3 = delivered(p, REG, "满三");
        String c4 = delivered(p, REG, "差四"), c5 = delivered(p, REG, "差五"), c6 = delivered(p, EIA, "差六");
        String c7 = delivered(p, EIA, "七月"), c8 = delivered(p, REG, "跨月");
        rate(p, c1, "VERY_SATISFIED", "PAD", "W01", "S01");
        rate(p, c1, "VERY_SATISFIED", "PAD", "W01", "S01");                 // a retry: not a second vote
        rate(p, c2, "SATISFIED", "EVALUATOR", "W01", "S02");
        rate(p, c3, "BASIC", "PAD", "W02", null);
        rate(p, c4, "DISSATISFIED", "PAD", "W02", "S01");
        fixAndReRate(p, c4, "VERY_SATISFIED");                               // same month: only the re-rating counts
        rate(p, c5, "VERY_DISSATISFIED", "TERMINAL", "W01", "S01");          // its rectification stays open
        rate(p, c6, "DISSATISFIED", "PAD", "W02", "S02");                    // open
        rate(p, c8, "DISSATISFIED", "PAD", "W01", "S01");                    // re-rated in July

        clock.advanceTo(Instant.parse("2025-07-01T02:00:00Z"));
        fixAndReRate(p, c8, "SATISFIED");
        rate(p, c7, "BASIC", "WEB", null, null);

        LocalDate juneFrom = LocalDate.parse("2025-06-01"), juneTo = LocalDate.parse("2025-06-30");
        StatsService.Report june = p.statsService.figures(SUPERVISOR, DemoData.COUNTY_CENTER, juneFrom, juneTo,
                StatsService.GroupBy.ITEM);
        // c1, c2, c3, c4 (re-rated VERY_SATISFIED) satisfied; c5, c6 dissatisfied; c8 replaced by its July re-rating
        ratings(june.total(), 6, 4, 2, "0.6667", "0.3333");
        assertEquals(8, june.total().received());
        assertEquals(2L, june.total().openRectifications(), "c5 and c6; c4 and c8 were fixed");
        ratings(group(june, REG), 5, 4, 1, "0.8000", "0.2000");          // c1-c5
        assertEquals(1L, group(june, REG).openRectifications());
        ratings(group(june, EIA), 1, 0, 1, "0.0000", "1.0000");
        assertEquals(1L, group(june, EIA).openRectifications());

        StatsService.Report dept = p.statsService.figures(SUPERVISOR, DemoData.COUNTY_CENTER, juneFrom, juneTo,
                StatsService.GroupBy.DEPARTMENT);
        ratings(group(dept, "scjg"), 5, 4, 1, "0.8000", "0.2000");
        ratings(group(dept, "sthj"), 1, 0, 1, "0.0000", "1.0000");
        assertEquals(List.of("scjg", "sthj"), dept.groups().stream().map(StatsService.Figures::group).toList());

        // W01: c1, c2, c5 (c4's re-rating was given at W01 too); W02: c3, c6
        StatsService.Report window = p.statsService.figures(SUPERVISOR, DemoData.COUNTY_CENTER, juneFrom, juneTo,
                StatsService.GroupBy.WINDOW);
        assertEquals(List.of("W01", "W02"), window.groups().stream().map(StatsService.Figures::group).toList());
        ratings(group(window, "W01"), 4, 3, 1, "0.7500", "0.2500");
        ratings(group(window, "W02"), 2, 1, 1, "0.5000", "0.5000");
        assertEquals(0, group(window, "W01").received(), "cases carry no window");
        assertNull(group(window, "W01").openRectifications());
        assertEquals(2L, window.total().openRectifications());

        StatsService.Report staff = p.statsService.figures(SUPERVISOR, DemoData.COUNTY_CENTER, juneFrom, juneTo,
                StatsService.GroupBy.STAFF);
        ratings(group(staff, "S01"), 3, 2, 1, "0.6667", "0.3333");         // c1, c4 (re-rated), c5
        ratings(group(staff, "S02"), 2, 1, 1, "0.5000", "0.5000");         // c2, c6
        ratings(group(staff, "null"), 1, 1, 0, "1.0000", "0.0000");        // c3

        StatsService.Report channel = p.statsService.figures(SUPERVISOR, DemoData.COUNTY_CENTER, juneFrom, juneTo,
                StatsService.GroupBy.CHANNEL);
        ratings(group(channel, "PAD"), 4, 3, 1, "0.7500", "0.2500");       // c1, c3, c4 (re-rated on a PAD), c6
        ratings(group(channel, "EVALUATOR"), 1, 1, 0, "1.0000", "0.0000");
        ratings(group(channel, "TERMINAL"), 1, 0, 1, "0.0000", "1.0000");
        ratings(group(channel, "WINDOW"), 0, 0, 0, null, null);            // the cases' own channel: no ratings

        StatsService.Report point = p.statsService.figures(SUPERVISOR, DemoData.COUNTY_CENTER, juneFrom, juneTo,
                StatsService.GroupBy.SERVICE_POINT);
        ratings(group(point, DemoData.COUNTY_CENTER), 6, 4, 2, "0.6667", "0.3333");   // window cases: the center
        assertEquals(2L, group(point, DemoData.COUNTY_CENTER).openRectifications());

        // July: c8's re-rating (its June rating no longer counts anywhere) and c7
        StatsService.Report july = p.statsService.figures(SUPERVISOR, DemoData.COUNTY_CENTER,
                LocalDate.parse("2025-07-01"), LocalDate.parse("2025-07-31"), StatsService.GroupBy.ITEM);
        ratings(july.total(), 2, 2, 0, "1.0000", "0.0000");
        assertEquals(0, july.total().received());
        ratings(group(july, REG), 1, 1, 0, "1.0000", "0.0000");
        ratings(group(july, EIA), 1, 1, 0, "1.0000", "0.0000");
        // both months at once: 8 cases rated, each once with its latest level
        StatsService.Report both = p.statsService.figures(SUPERVISOR, DemoData.COUNTY_CENTER, juneFrom,
                LocalDate.parse("2025-07-31"), StatsService.GroupBy.ITEM);
        ratings(both.total(), 8, 6, 2, "0.7500", "0.2500");
        // a period without ratings
        StatsService.Report may = p.statsService.figures(SUPERVISOR, DemoData.COUNTY_CENTER,
                LocalDate.parse("2025-05-01"), LocalDate.parse("2025-05-31"), StatsService.GroupBy.ITEM);
        ratings(may.total(), 0, 0, 0, null, null);
        assertTrue(may.groups().stream().allMatch(g -> g.rated() == 0));
    }
}
