package cn.onewindow.sdk.it;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.StatsQuery;
import cn.onewindow.sdk.model.CalendarYear;
import cn.onewindow.sdk.model.CaseStatus;
import cn.onewindow.sdk.model.Channel;
import cn.onewindow.sdk.model.DecisionOutcome;
import cn.onewindow.sdk.model.Figures;
import cn.onewindow.sdk.model.GroupBy;
import cn.onewindow.sdk.model.HandlingMode;
import cn.onewindow.sdk.model.Item;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.NoticeType;
import cn.onewindow.sdk.model.ServiceCase;
import cn.onewindow.sdk.model.StatsReport;
import cn.onewindow.sdk.model.SuspensionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rest of the case life cycle at the window, the catalog and calendars, and a supervisor reading figures. */
@ExtendWith(LocalPlatform.class)
class WindowAndSupervisorTest {

    static NewCase eiaForm() {
        return NewCase.builder().itemCode(DemoData.ITEM_EIA_FORM).channel(Channel.WINDOW)
                .applicant(LocalPlatform.company())
                .materials(Material.of("M01"), Material.of("M02", 2), Material.of("M03"), Material.of("M04")).build();
    }

    @Test
    void theClockIsSuspendedResumedAndExtendedAndTheCaseDenied() {
        OneWindowClient window = LocalPlatform.client("demo-window");
        ServiceCase c = window.cases().submit(eiaForm());
        assertEquals(CaseStatus.ACCEPTED, c.status());
        assertEquals(NoticeType.PROMISE, c.notice().type());
        assertEquals(7, c.promisedDays());

        ServiceCase suspended = window.cases().suspend(c.id(), SuspensionKind.SITE_INSPECTION, "现场核查排污口");
        assertEquals(CaseStatus.SUSPENDED, suspended.status());
        assertEquals(SuspensionKind.SITE_INSPECTION, suspended.suspensions().get(0).kind());
        assertNull(suspended.suspensions().get(0).resumedAt());

        LocalPlatform.system().advanceClock(java.time.Duration.ofHours(2));
        ServiceCase resumed = window.cases().resume(c.id(), "核查完毕");
        assertEquals(CaseStatus.IN_REVIEW, resumed.status());
        assertNotNull(resumed.suspensions().get(0).resumedAt());
        assertTrue(resumed.dueAt().isAfter(c.dueAt()), "the due time moves by the suspended working time");

        ServiceCase extended = window.cases().extend(c.id(), 5, "需补充专家论证");
        assertEquals(Integer.valueOf(5), extended.extensionDays());
        assertTrue(extended.dueAt().isAfter(resumed.dueAt()));

        ServiceCase denied = window.cases().decide(c.id(), DecisionOutcome.DENY, List.of("排放不符合总量控制要求"));
        assertEquals(CaseStatus.DENIED, denied.status());
        assertEquals(DecisionOutcome.DENY, denied.decision().outcome());
        assertEquals(NoticeType.DENIAL, denied.notice().type());
        assertEquals(CaseStatus.DELIVERED, window.cases().deliver(c.id(), "申请单位经办人", null).status());

        assertTrue(window.cases().history(c.id()).size() >= 6);
    }

    @Test
    void anOpenCaseCanBeWithdrawn() {
        OneWindowClient window = LocalPlatform.client("demo-window");
        ServiceCase c = window.cases().submit(eiaForm());
        ServiceCase w = window.cases().withdraw(c.id(), "申请人撤回");
        assertEquals(CaseStatus.WITHDRAWN, w.status());
        assertFalse(w.isOpen());
    }

    @Test
    void theCatalogAndCalendarsAreReadable() {
        OneWindowClient agent = LocalPlatform.client("demo-agent");
        List<Item> items = agent.catalog().items();
        assertTrue(items.size() >= 13);
        Item felling = agent.catalog().item(DemoData.ITEM_TREE_FELLING);
        assertEquals("林木零星采伐许可", felling.name());
        assertEquals(HandlingMode.PROMISED, felling.mode());
        assertEquals(4, felling.materials().size());
        assertTrue(felling.materials().get(3).tolerable());
        Item joint = agent.catalog().item(DemoData.ITEM_FIXED_ASSET_INVESTMENT, 1);
        assertEquals(5, joint.departments().size());
        assertEquals(Integer.valueOf(1), joint.version());

        List<CalendarYear> cn = agent.catalog().calendars("CN");
        CalendarYear y2025 = cn.stream().filter(y -> y.year() == 2025).findFirst().orElseThrow();
        assertTrue(y2025.holidays().contains(LocalDate.of(2025, 10, 1)));
        assertTrue(y2025.makeupWorkdays().contains(LocalDate.of(2025, 4, 27)));
    }

    @Test
    void aSupervisorReadsTheMonthsFigures() {
        OneWindowClient window = LocalPlatform.client("demo-window");
        window.cases().submit(eiaForm());
        OneWindowClient supervisor = LocalPlatform.client("demo-supervisor");
        StatsReport report = supervisor.stats().figures(
                StatsQuery.month(DemoData.COUNTY_CENTER, YearMonth.of(2025, 4), GroupBy.ITEM));
        assertEquals(DemoData.COUNTY_CENTER, report.centerId());
        assertEquals(LocalDate.of(2025, 4, 1), report.from());
        assertEquals(GroupBy.ITEM, report.groupBy());
        Figures total = report.total();
        assertTrue(total.received() >= 1, total.toString());
        assertTrue(report.groups().stream().anyMatch(g -> DemoData.ITEM_EIA_FORM.equals(g.group())));

        StatsReport byChannel = supervisor.stats().figures(StatsQuery.builder().centerId(DemoData.COUNTY_CENTER)
                .from(LocalDate.of(2025, 4, 1)).to(LocalDate.of(2025, 4, 30)).groupBy(GroupBy.CHANNEL).build());
        assertEquals(GroupBy.CHANNEL, byChannel.groupBy());

        // a supervisor lists a center's cases with the applicant's identity masked
        ServiceCase any = supervisor.cases().list(cn.onewindow.sdk.CaseQuery.builder()
                .centerId(DemoData.COUNTY_CENTER).pageSize(5).build()).stream().findFirst().orElseThrow();
        assertFalse(any.applicant().idNumber().matches("\\d{17}[\\dX]|91330110MA2B3C4D5E"), any.applicant().idNumber());
    }
}
