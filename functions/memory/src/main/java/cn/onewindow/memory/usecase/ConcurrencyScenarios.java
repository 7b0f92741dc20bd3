package cn.onewindow.memory.usecase;


import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.catalog.ChangeType;
import cn.onewindow.core.catalog.HandlingMode;
import cn.onewindow.core.catalog.ItemStatus;
import cn.onewindow.core.catalog.ItemType;
import cn.onewindow.core.catalog.MaterialForm;
import cn.onewindow.core.catalog.MaterialRequirement;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.ports.CaseQuery;
import cn.onewindow.core.cases.usecase.CaseCommands;
import cn.onewindow.core.service.Written;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static cn.onewindow.memory.usecase.Fixtures.ADMIN;
import static cn.onewindow.memory.usecase.Fixtures.FRIDAY_10_SHANGHAI;
import static cn.onewindow.memory.usecase.Fixtures.WINDOW;
import static cn.onewindow.memory.usecase.Fixtures.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retries after time-outs and simultaneous writers against dynoxide: nothing doubled, nothing lost. */
public abstract class ConcurrencyScenarios extends OnPlatform {
    /** A test item with nine mandatory materials, so that eight can be supplemented at once. */
    private static final String NINE_MATERIALS = "330100-XK-0201";

    private Services platform;

    @BeforeAll
    void setUp() {
        platform = seeded(Fixtures.fixed(FRIDAY_10_SHANGHAI));
        List<MaterialRequirement> materials = IntStream.rangeClosed(1, 9)
                .mapToObj(i -> new MaterialRequirement(String.format("M%02d", i), "材料" + i, MaterialForm.COPY, 1,
                        true, false)).toList();
        ServiceItem item = new ServiceItem(NINE_MATERIALS, 1, "多材料测试事项", "zrzy", "区规划和自然资源局",
                ItemType.ADMINISTRATIVE_LICENSE, HandlingMode.PROMISED, DemoData.CITY, 20, 10, BigDecimal.ZERO, "不收费",
                List.of(), materials, List.of(), null, false, null, false, 1, ItemStatus.ACTIVE, null, null);
        platform.catalogService.put(ADMIN, NINE_MATERIALS, item, null);
    }

    /** Runs the task on n threads released at the same moment; returns each thread's result or exception. */
    private static <T> List<Object> atOnce(int n, java.util.function.IntFunction<T> task) throws Exception {
        return Simultaneously.run(n, task, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    private List<ServiceCase.Snapshot> centerCasesOf(String applicantName) {
        return platform.caseService.list(WINDOW, new CaseQuery(null, null, null, null, null, null, 100, null)).items()
                .stream().filter(c -> c.applicant().name().equals(applicantName)).toList();
    }

    private static void assertGapFree(List<HistoryEntry> history) {
        for (int i = 0; i < history.size(); i++) assertEquals(i + 1, history.get(i).seq(), "seq at " + i);
    }

    // ---- idempotency --------------------------------------------------------------------------------------------

    @Test
    void tenSimultaneousRetriesWithOneIdempotencyKeyMakeOneCase() throws Exception {
        CaseCommands.Intake cmd = complete(DemoData.ITEM_CONSTRUCTION_LAND, "周同时");
        List<Object> results = atOnce(10, i -> platform.caseService.intake(WINDOW, cmd, "terminal-retry-0001"));

        for (Object r : results) {
            assertTrue(r instanceof Written, "every retry gets the case, not an error: " + r);
        }
        Set<String> ids = new HashSet<>();
        results.forEach(r -> ids.add(((Written) r).snapshot().id()));
        assertEquals(1, ids.size(), "all ten answers name the same case: " + ids);
        assertEquals(1, results.stream().filter(r -> !((Written) r).replayed()).count(),
                "exactly one request did the work, the others were replays");

        List<ServiceCase.Snapshot> stored = centerCasesOf("周同时");
        assertEquals(1, stored.size(), "exactly one case exists");
        String id = ids.iterator().next();
        assertEquals(id, stored.get(0).id());
        assertEquals(2, platform.caseService.history(WINDOW, id).size());

        // a later retry still gets the same answer
        Written late = platform.caseService.intake(WINDOW, cmd, "terminal-retry-0001");
        assertTrue(late.replayed());
        assertEquals(id, late.snapshot().id());
    }

    @Test
    void reusingAKeyForADifferentRequestIsRefused() {
        CaseCommands.Intake first = complete(DemoData.ITEM_CONSTRUCTION_LAND, "吴第一");
        String id = platform.caseService.intake(WINDOW, first, "reused-key").snapshot().id();
        CaseCommands.Intake other = complete(DemoData.ITEM_CONSTRUCTION_LAND, "吴第二");
        DomainException e = assertThrows(DomainException.class,
                () -> platform.caseService.intake(WINDOW, other, "reused-key"));
        assertEquals("IDEMPOTENCY_KEY_REUSED", e.code());
        assertEquals(DomainException.Kind.UNPROCESSABLE, e.kind());
        assertEquals(List.of(), centerCasesOf("吴第二"), "the different request made no case");
        assertEquals(1, centerCasesOf("吴第一").size());
        assertEquals(id, centerCasesOf("吴第一").get(0).id());
    }

    @Test
    void aRetriedSupplementIsRecordedOnce() {
        String id = platform.caseService.intake(WINDOW, Fixtures.withMaterials(NINE_MATERIALS, "郑补正",
                List.of(new SubmittedMaterial("M01", 1))), null).snapshot().id();
        CaseCommands.Supplement cmd = new CaseCommands.Supplement(List.of(new SubmittedMaterial("M02", 1)));
        Written first = platform.caseService.supplement(WINDOW, id, cmd, "supp-1");
        Written retry = platform.caseService.supplement(WINDOW, id, cmd, "supp-1");
        assertFalse(first.replayed());
        assertTrue(retry.replayed());
        assertEquals(first.snapshot(), retry.snapshot());
        assertEquals(1, platform.caseService.history(WINDOW, id).stream()
                .filter(h -> h.event().equals("MATERIALS_SUPPLEMENTED")).count());
    }

    // ---- no lost update -----------------------------------------------------------------------------------------

    @Test
    void eightSimultaneousSupplementsAreAllKept() throws Exception {
        ServiceCase.Snapshot c = platform.caseService.intake(WINDOW, Fixtures.withMaterials(NINE_MATERIALS, "冯八方",
                List.of(new SubmittedMaterial("M01", 1))), null).snapshot();
        assertEquals(CaseStatus.AWAITING_MATERIALS, c.status());
        assertEquals(8, c.missing().size());

        List<Object> results = atOnce(8, i -> platform.caseService.supplement(WINDOW, c.id(),
                new CaseCommands.Supplement(List.of(new SubmittedMaterial(String.format("M%02d", i + 2), 1))), null));
        for (Object r : results) {
            assertTrue(r instanceof Written, "every supplement succeeds: " + r);
        }

        ServiceCase.Snapshot after = platform.caseService.get(WINDOW, c.id());
        assertEquals(IntStream.rangeClosed(1, 9).mapToObj(i -> String.format("M%02d", i)).sorted().toList(),
                after.materials().stream().map(SubmittedMaterial::code).sorted().toList(), "no material lost");
        assertEquals(CaseStatus.ACCEPTED, after.status(), "complete after the last one");

        List<HistoryEntry> history = platform.caseService.history(WINDOW, c.id());
        assertGapFree(history);
        assertEquals(8, history.stream().filter(h -> h.event().equals("MATERIALS_SUPPLEMENTED")).count());
        assertEquals(IntStream.rangeClosed(2, 9).mapToObj(i -> String.format("M%02d", i)).toList(),
                history.stream().filter(h -> h.event().equals("MATERIALS_SUPPLEMENTED")).map(HistoryEntry::reason)
                        .sorted().toList());
        assertEquals(1, history.stream().filter(h -> h.event().equals("ACCEPTED")).count());
        assertEquals("ACCEPTED", history.get(history.size() - 1).event());
        assertEquals(after.historySize(), history.size());
        assertEquals(1 + 8, after.version(), "created once, changed eight times");
    }
}
