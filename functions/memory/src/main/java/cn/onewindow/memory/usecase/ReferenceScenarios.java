package cn.onewindow.memory.usecase;


import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.access.Tokens;
import cn.onewindow.core.calendar.CalendarCodec;
import cn.onewindow.core.calendar.CalendarYear;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.catalog.ChangeType;
import cn.onewindow.core.catalog.MaterialForm;
import cn.onewindow.core.catalog.MaterialRequirement;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.service.CatalogService;
import cn.onewindow.core.cases.usecase.CaseCommands;
import cn.onewindow.core.points.ServiceCenter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.onewindow.memory.usecase.Fixtures.ADMIN;
import static cn.onewindow.memory.usecase.Fixtures.FRIDAY_10_SHANGHAI;
import static cn.onewindow.memory.usecase.Fixtures.WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Catalog versions, calendars, centers and the caller directory stored in dynoxide. */
public abstract class ReferenceScenarios extends OnPlatform {
    private static final Instant SEEDED = Instant.parse("2025-01-02T01:00:00Z");

    private Services platform;

    @BeforeAll
    void setUp() {
        platform = unseeded(Fixtures.fixed(FRIDAY_10_SHANGHAI));
        platform.seed(SEEDED);
    }

    private static ServiceItem withPromise(ServiceItem item, int promisedDays, List<MaterialRequirement> materials) {
        return new ServiceItem(item.code(), item.version(), item.name(), item.departmentCode(), item.departmentName(),
                item.type(), item.mode(), item.regionCode(), item.legalDays(), promisedDays, item.fee(),
                item.feeBasis(), item.conditions(), materials, item.departments(), item.escalateTo(),
                item.controlled(), item.controlBasis(), item.deemedApprovedOnTimeout(), item.warningDaysBefore(),
                item.status(), item.changeType(), item.versionedAt());
    }

    // ---- catalog ------------------------------------------------------------------------------------------------

    @Test
    void aChangedItemGetsVersionTwoAndCasesKeepTheVersionTheyWereAcceptedUnder() {
        String code = DemoData.ITEM_EIA_FORM;
        ServiceItem v1 = platform.catalogService.get(code, null);
        assertEquals(1, v1.version());
        assertEquals(SEEDED, v1.versionedAt());
        ServiceCase.Snapshot underV1 = platform.caseService.intake(WINDOW,
                Fixtures.complete(code, "按第一版受理"), null).snapshot();
        assertEquals(1, underV1.itemVersion());
        assertEquals(7, underV1.promisedDays());

        List<MaterialRequirement> moreMaterials = new ArrayList<>(v1.materials());
        moreMaterials.add(new MaterialRequirement("M05", "排污许可证", MaterialForm.COPY, 1, true, false));
        ServiceItem changed = withPromise(v1, 5, moreMaterials);
        CatalogService.Result r = platform.catalogService.put(ADMIN, code, changed, null);
        assertTrue(r.created());
        ServiceItem v2 = r.item();
        assertEquals(2, v2.version());
        assertEquals(ChangeType.CHANGED, v2.changeType());
        assertEquals(FRIDAY_10_SHANGHAI, v2.versionedAt());

        assertEquals(v2, platform.catalogService.get(code, null), "v2 is current");
        assertEquals(v1, platform.catalogService.get(code, 1), "v1 stays readable as it was");
        assertEquals(v2, platform.catalogService.list().stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(), "the listing shows the current version");

        // the same PUT again makes no third version
        CatalogService.Result same = platform.catalogService.put(ADMIN, code, changed, null);
        assertFalse(same.created());
        assertEquals(v2, same.item());
        assertEquals(Optional.empty(), platform.reference.version(code, 3));
        assertEquals(2, platform.catalogService.get(code, null).version());

        // the old case still follows v1: M05 is not one of its materials, its promise is still 7 days
        ServiceCase.Snapshot old = platform.caseService.get(WINDOW, underV1.id());
        assertEquals(1, old.itemVersion());
        assertEquals(7, old.promisedDays());
        DomainException unknown = assertThrows(DomainException.class, () -> platform.caseService.supplement(WINDOW,
                underV1.id(), new CaseCommands.Supplement(List.of(new SubmittedMaterial("M05", 1))), null));
        assertEquals(DomainException.Kind.VALIDATION, unknown.kind());

        // a new case is accepted under v2 and needs M05
        ServiceCase.Snapshot underV2 = platform.caseService.intake(WINDOW, Fixtures.withMaterials(code, "按第二版受理",
                Fixtures.allMaterials(v2)), null).snapshot();
        assertEquals(2, underV2.itemVersion());
        assertEquals(5, underV2.promisedDays());
        assertEquals(CaseStatus.ACCEPTED, underV2.status());
        ServiceCase.Snapshot withoutM05 = platform.caseService.intake(WINDOW, Fixtures.withMaterials(code, "缺排污许可证",
                Fixtures.allMaterials(v1)), null).snapshot();
        assertEquals(CaseStatus.AWAITING_MATERIALS, withoutM05.status());
        assertEquals(List.of("M05"), withoutM05.missing());
    }

    @Test
    void onlyAnAdministratorChangesTheCatalogAndOnlyWithAValidItem() {
        ServiceItem current = platform.catalogService.get(DemoData.ITEM_TREE_FELLING, null);
        DomainException forbidden = assertThrows(DomainException.class, () -> platform.catalogService.put(WINDOW,
                current.code(), withPromise(current, 3, current.materials()), null));
        assertEquals(DomainException.Kind.FORBIDDEN, forbidden.kind());

        DomainException invalid = assertThrows(DomainException.class, () -> platform.catalogService.put(ADMIN,
                current.code(), withPromise(current, current.legalDays() + 1, current.materials()), null));
        assertEquals(DomainException.Kind.VALIDATION, invalid.kind());
        assertEquals("promisedDays", invalid.fieldErrors().get(0).field());

        DomainException mismatch = assertThrows(DomainException.class, () -> platform.catalogService.put(ADMIN,
                DemoData.ITEM_HOUSEHOLD_TRANSFER, current, null));
        assertEquals("CODE_MISMATCH", mismatch.fieldErrors().get(0).code());

        assertEquals(current, platform.catalogService.get(DemoData.ITEM_TREE_FELLING, null), "nothing stored");
    }

    @Test
    void aStaleVersionOfTheCatalogIsNotOverwritten() {
        ServiceItem v1 = platform.reference.current(DemoData.ITEM_FIREWORKS_WHOLESALE).orElseThrow();
        ServiceItem v2 = withPromise(v1, 4, v1.materials()).asVersion(2, ChangeType.CHANGED, FRIDAY_10_SHANGHAI);
        platform.reference.saveVersion(v2, 1);
        ServiceItem rival = withPromise(v1, 3, v1.materials()).asVersion(2, ChangeType.CHANGED, FRIDAY_10_SHANGHAI);
        DomainException e = assertThrows(DomainException.class, () -> platform.reference.saveVersion(rival, 1));
        assertEquals("CONCURRENT_UPDATE", e.code());
        assertEquals(4, platform.reference.current(v1.code()).orElseThrow().promisedDays());
        assertEquals(4, platform.reference.version(v1.code(), 2).orElseThrow().promisedDays());
        DomainException exists = assertThrows(DomainException.class, () -> platform.reference.saveVersion(
                v1.asVersion(1, ChangeType.ADDED, FRIDAY_10_SHANGHAI), 0));
        assertEquals("CONCURRENT_UPDATE", exists.code(), "an item cannot be added twice");
    }

    @Test
    void seedingAgainChangesNoItem() {
        ServiceItem before = platform.catalogService.get(DemoData.ITEM_HAZCHEM_SAFETY, null);
        platform.seed(FRIDAY_10_SHANGHAI);
        assertEquals(before, platform.catalogService.get(DemoData.ITEM_HAZCHEM_SAFETY, null));
        assertEquals(Optional.empty(), platform.reference.version(DemoData.ITEM_HAZCHEM_SAFETY, 2));
        assertEquals(13, platform.catalogService.list().size());
    }

    // ---- calendars and centers ----------------------------------------------------------------------------------

    @Test
    void theSeededNationalCalendarsReadBackUnchanged() {
        List<CalendarYear> years = platform.calendarService.years("CN");
        assertEquals(List.of(2025, 2026), years.stream().map(CalendarYear::year).sorted().toList());
        assertEquals(Set.copyOf(CalendarCodec.nationalDemoCalendars()), Set.copyOf(years));
        CalendarYear y2025 = years.stream().filter(y -> y.year() == 2025).findFirst().orElseThrow();
        assertTrue(y2025.holidays().contains(LocalDate.of(2025, 10, 8)));
        assertTrue(y2025.makeupWorkdays().contains(LocalDate.of(2025, 4, 27)));
        assertEquals(List.of(), platform.calendarService.years("HK"));
    }

    @Test
    void anAdministratorLoadsAnotherYear() {
        CalendarYear y2027 = new CalendarYear("TEST", 2027, Set.of(LocalDate.of(2027, 1, 1)), Set.of());
        DomainException forbidden = assertThrows(DomainException.class,
                () -> platform.calendarService.put(WINDOW, "TEST", 2027, y2027));
        assertEquals(DomainException.Kind.FORBIDDEN, forbidden.kind());
        DomainException mismatch = assertThrows(DomainException.class,
                () -> platform.calendarService.put(ADMIN, "TEST", 2028, y2027));
        assertEquals(DomainException.Kind.VALIDATION, mismatch.kind());
        assertEquals(List.of(), platform.calendarService.years("TEST"));

        platform.calendarService.put(ADMIN, "TEST", 2027, y2027);
        assertEquals(List.of(y2027), platform.calendarService.years("TEST"));
    }

    @Test
    void centersReadBackWithTheirOfficeHours() {
        for (ServiceCenter c : DemoData.centers()) {
            assertEquals(Optional.of(c), platform.centers.center(c.id()));
        }
        assertEquals(Optional.empty(), platform.centers.center("999999-ZX"));
    }

    // ---- callers ------------------------------------------------------------------------------------------------

    @Test
    void callersAreFoundByTokenHashOnly() {
        for (Map.Entry<String, Caller> e : DemoData.callers().entrySet()) {
            assertEquals(Optional.of(e.getValue()), platform.callers.byTokenHash(Tokens.hash(e.getKey())), e.getKey());
        }
        assertEquals(Optional.empty(), platform.callers.byTokenHash(Tokens.hash("no-such-token")));
        assertEquals(Optional.empty(), platform.callers.byTokenHash("demo-window"), "the plain token is no key");

    }

    @Test
    void theAuthenticatorResolvesBearerTokens() {
        assertEquals(WINDOW, platform.authenticator.authenticate("Bearer demo-window"));
        assertEquals(Fixtures.AGENT, platform.authenticator.authenticate("bearer   demo-agent"));
        for (String bad : new String[] {null, "", "Bearer unknown", "Basic ZGVtbw==", "demo-window"}) {
            DomainException e = assertThrows(DomainException.class, () -> platform.authenticator.authenticate(bad));
            assertEquals(DomainException.Kind.UNAUTHORIZED, e.kind(), String.valueOf(bad));
        }
    }
}
