package cn.onewindow.memory.usecase;


import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.ports.CaseQuery;
import cn.onewindow.core.ports.Page;
import cn.onewindow.core.cases.usecase.CaseCommands;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static cn.onewindow.memory.usecase.Fixtures.FRIDAY_10_SHANGHAI;
import static cn.onewindow.memory.usecase.Fixtures.SUPERVISOR;
import static cn.onewindow.memory.usecase.Fixtures.WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cursor pagination over the center and service-point indexes of dynoxide. */
public abstract class CaseListingScenarios extends OnPlatform {
    /** An agent of the township center's village point: its cases belong to another center than the window's. */
    private static final Caller TOWNSHIP_AGENT = new Caller("agent-009", Role.AGENT, "港南村代办员",
            DemoData.TOWNSHIP_POINT, DemoData.CITY, DemoData.VILLAGE_POINT, null);

    private Services platform;
    private static final List<String> ALL = new ArrayList<>();
    private static final Set<String> AWAITING = new HashSet<>();
    private static final Set<String> REFUSED = new HashSet<>();
    private static final Set<String> ACCEPTED = new HashSet<>();
    private static final Set<String> AGENT_CASES = new HashSet<>();

    @BeforeAll
    void setUp() {
        platform = seeded(new Fixtures.SteppingClock(FRIDAY_10_SHANGHAI));
        String item = DemoData.ITEM_CONSTRUCTION_LAND;
        for (int i = 0; i < 25; i++) {
            CaseCommands.Intake complete = Fixtures.complete(item, "申请人" + i);
            CaseCommands.Intake cmd = switch (i % 5) {
                case 0 -> Fixtures.withMaterials(item, "申请人" + i, List.of());
                case 1 -> new CaseCommands.Intake(item, complete.applicant(), Channel.WINDOW, null, null,
                        complete.materials(), List.of("C01"));
                default -> complete;
            };
            ServiceCase.Snapshot s = platform.caseService.intake(WINDOW, cmd, null).snapshot();
            ALL.add(s.id());
            (switch (s.status()) {
                case AWAITING_MATERIALS -> AWAITING;
                case NOT_ACCEPTED -> REFUSED;
                case ACCEPTED -> ACCEPTED;
                default -> throw new AssertionError(s.status());
            }).add(s.id());
        }
        for (int i = 0; i < 3; i++) {
            CaseCommands.Intake c = Fixtures.complete(DemoData.ITEM_TREE_FELLING, "村民" + i);
            AGENT_CASES.add(platform.caseService.intake(TOWNSHIP_AGENT, new CaseCommands.Intake(c.itemCode(),
                    c.applicant(), Channel.VILLAGE_AGENT, null, null, c.materials(), List.of()), null).snapshot().id());
        }
        assertEquals(List.of(5, 5, 15), List.of(AWAITING.size(), REFUSED.size(), ACCEPTED.size()));
    }

    private static CaseQuery query(String center, String servicePoint, CaseStatus status, int limit, String cursor) {
        return new CaseQuery(center, servicePoint, status, null, null, null, limit, cursor);
    }

    /** Every page of a listing, in order. */
    private static List<Page<ServiceCase.Snapshot>> allPages(Function<String, Page<ServiceCase.Snapshot>> pageAt) {
        List<Page<ServiceCase.Snapshot>> pages = new ArrayList<>();
        String cursor = null;
        do {
            Page<ServiceCase.Snapshot> p = pageAt.apply(cursor);
            pages.add(p);
            cursor = p.nextCursor();
            assertTrue(pages.size() < 50, "listing does not end");
        } while (cursor != null);
        return pages;
    }

    private static List<String> ids(List<Page<ServiceCase.Snapshot>> pages) {
        return pages.stream().flatMap(p -> p.items().stream()).map(ServiceCase.Snapshot::id).toList();
    }

    private static void assertInvalidCursor(Runnable r) {
        DomainException e = assertThrows(DomainException.class, r::run);
        assertEquals(DomainException.Kind.VALIDATION, e.kind());
        assertEquals(List.of("cursor"), e.fieldErrors().stream().map(FieldError::field).toList());
    }

    @Test
    void twentyFiveCasesComeInPagesOfTenTenAndFive() {
        List<Page<ServiceCase.Snapshot>> pages = allPages(cursor ->
                platform.caseService.list(WINDOW, query(null, null, null, 10, cursor)));
        assertEquals(List.of(10, 10, 5), pages.stream().map(p -> p.items().size()).toList());
        assertNotNull(pages.get(0).nextCursor());
        assertNotNull(pages.get(1).nextCursor());
        assertNull(pages.get(2).nextCursor());
        List<String> ids = ids(pages);
        assertEquals(25, new LinkedHashSet<>(ids).size(), "no case twice");
        assertEquals(new HashSet<>(ALL), new HashSet<>(ids), "every case of the center, none of the agent's");
        List<ServiceCase.Snapshot> all = pages.stream().flatMap(p -> p.items().stream()).toList();
        assertEquals(all.stream().sorted(Comparator.comparing(ServiceCase.Snapshot::submittedAt).reversed()).toList(),
                all, "newest first across pages");
    }

    @Test
    void aFilteredListingStillFindsEveryMatchAcrossPages() {
        for (int limit : new int[] {1, 2, 3, 10}) {
            int l = limit;
            List<Page<ServiceCase.Snapshot>> pages = allPages(cursor ->
                    platform.caseService.list(WINDOW, query(null, null, CaseStatus.AWAITING_MATERIALS, l, cursor)));
            List<String> ids = ids(pages);
            assertEquals(ids.size(), new HashSet<>(ids).size(), "no duplicates with limit " + limit);
            assertEquals(AWAITING, new HashSet<>(ids), "limit " + limit);
            pages.forEach(p -> assertTrue(p.items().size() <= l));
            pages.forEach(p -> p.items().forEach(c -> assertEquals(CaseStatus.AWAITING_MATERIALS, c.status())));
        }
        List<String> accepted = ids(allPages(cursor ->
                platform.caseService.list(WINDOW, query(null, null, CaseStatus.ACCEPTED, 4, cursor))));
        assertEquals(ACCEPTED, new HashSet<>(accepted));
        assertEquals(15, accepted.size());
    }

    @Test
    void aSupervisorPagesThroughACenterAndAServicePoint() {
        assertEquals(new HashSet<>(ALL), new HashSet<>(ids(allPages(cursor -> platform.caseService.list(SUPERVISOR,
                query(DemoData.COUNTY_CENTER, null, null, 7, cursor))))));
        assertEquals(AGENT_CASES, new HashSet<>(ids(allPages(cursor -> platform.caseService.list(SUPERVISOR,
                query(null, DemoData.VILLAGE_POINT, null, 2, cursor))))));
        DomainException noScope = assertThrows(DomainException.class,
                () -> platform.caseService.list(SUPERVISOR, query(null, null, null, 10, null)));
        assertEquals(DomainException.Kind.VALIDATION, noScope.kind());
    }

    @Test
    void anAgentListsItsServicePointOnly() {
        List<ServiceCase.Snapshot> seen = platform.caseService.list(TOWNSHIP_AGENT,
                query(DemoData.COUNTY_CENTER, null, null, 100, null)).items();
        assertEquals(AGENT_CASES, new HashSet<>(seen.stream().map(ServiceCase.Snapshot::id).toList()),
                "asking for another center does not widen the agent's view");
        seen.forEach(c -> assertEquals(DemoData.VILLAGE_POINT, c.servicePointId()));
    }

    @Test
    void aCursorOfOneListingIsRefusedByAnother() {
        String countyCursor = platform.caseService.list(SUPERVISOR, query(DemoData.COUNTY_CENTER, null, null, 10, null))
                .nextCursor();
        assertNotNull(countyCursor);
        assertInvalidCursor(() -> platform.caseService.list(SUPERVISOR,
                query(DemoData.TOWNSHIP_POINT, null, null, 10, countyCursor)));
        assertInvalidCursor(() -> platform.caseService.list(SUPERVISOR,
                query(null, DemoData.VILLAGE_POINT, null, 10, countyCursor)));
        assertInvalidCursor(() -> platform.caseService.list(TOWNSHIP_AGENT, query(null, null, null, 10, countyCursor)));
        // the same cursor is fine where it came from
        assertEquals(10, platform.caseService.list(WINDOW, query(null, null, null, 10, countyCursor)).items().size());
    }

    @Test
    void aGarbageCursorIsAValidationError() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        for (String garbage : List.of("garbage", "!!!!", "e30", b64.encodeToString("[1,2]".getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString("{\"gsi1pk\":{\"S\":\"x\"}}".getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString("not json".getBytes(StandardCharsets.UTF_8)))) {
            assertInvalidCursor(() -> platform.caseService.list(WINDOW, query(null, null, null, 10, garbage)));
        }
    }
}
