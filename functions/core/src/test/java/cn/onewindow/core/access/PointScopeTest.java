package cn.onewindow.core.access;

import cn.onewindow.core.identity.Role;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.access.AccessPolicy.CaseAction;
import cn.onewindow.core.cases.Applicant;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.testing.TestItems;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Township and county staff read the subtree of their point; agents their own point; nobody else the ledger. */
class PointScopeTest {
    private static final Map<String, List<String>> PATHS = Map.of(
            DemoData.COUNTY_CENTER, List.of(DemoData.COUNTY_CENTER),
            DemoData.TOWNSHIP_POINT, List.of(DemoData.COUNTY_CENTER, DemoData.TOWNSHIP_POINT),
            DemoData.VILLAGE_POINT, List.of(DemoData.COUNTY_CENTER, DemoData.TOWNSHIP_POINT, DemoData.VILLAGE_POINT),
            "330110-T02", List.of(DemoData.COUNTY_CENTER, "330110-T02"));
    private static final PointTree TREE = id -> PATHS.getOrDefault(id, List.of(id));
    private static final Caller TOWNSHIP = DemoData.callers().get("demo-township");
    private static final Caller COUNTY = new Caller("staff-county", Role.STAFF, "区中心", DemoData.COUNTY_CENTER,
            DemoData.CITY, DemoData.COUNTY_CENTER, null);
    private static final Caller OTHER_TOWNSHIP = new Caller("staff-t02", Role.STAFF, "另一街道", DemoData.COUNTY_CENTER,
            DemoData.CITY, "330110-T02", null);

    private static ServiceCase.Snapshot caseAt(String point) {
        return ServiceCase.submit("C-" + point, TestItems.promised().code("330100-XK-0003").build(),
                new Applicant("李四", null, IdType.RESIDENT_ID, "11010519491231002X", "13812345678"),
                Channel.VILLAGE_AGENT, DemoData.COUNTY_CENTER, point, "agent-001", List.of(),
                Instant.parse("2025-04-25T02:00:00Z"), DemoData.callers().get("demo-agent").asActor()).snapshot();
    }

    @Test
    void staffReadTheirSubtreeOnlyAndDoNothing() {
        ServiceCase.Snapshot village = caseAt(DemoData.VILLAGE_POINT);
        assertTrue(AccessPolicy.canRead(TOWNSHIP, village, TREE));
        assertTrue(AccessPolicy.canRead(COUNTY, village, TREE));
        assertTrue(AccessPolicy.canRead(COUNTY, caseAt(DemoData.COUNTY_CENTER), TREE));
        assertFalse(AccessPolicy.canRead(TOWNSHIP, caseAt(DemoData.COUNTY_CENTER), TREE), "not upwards");
        assertFalse(AccessPolicy.canRead(OTHER_TOWNSHIP, village, TREE), "not sideways");
        assertFalse(AccessPolicy.canRead(TOWNSHIP, village), "without the tree a staff caller sees nothing");
        for (CaseAction a : CaseAction.values()) assertFalse(AccessPolicy.canDo(TOWNSHIP, village, a, TREE), a.name());
        assertFalse(AccessPolicy.seesClearIdentity(TOWNSHIP));
    }

    @Test
    void ledgersAreReadByThePointsAgentsTheStaffAboveAndSupervisors() {
        Map<String, Caller> c = DemoData.callers();
        assertTrue(AccessPolicy.canReadLedger(c.get("demo-agent"), DemoData.VILLAGE_POINT, TREE));
        assertFalse(AccessPolicy.canReadLedger(c.get("demo-agent-2"), DemoData.VILLAGE_POINT, TREE));
        assertTrue(AccessPolicy.canReadLedger(TOWNSHIP, DemoData.VILLAGE_POINT, TREE));
        assertFalse(AccessPolicy.canReadLedger(OTHER_TOWNSHIP, DemoData.VILLAGE_POINT, TREE));
        assertTrue(AccessPolicy.canReadLedger(c.get("demo-supervisor"), DemoData.VILLAGE_POINT, TREE));
        for (String other : List.of("demo-window", "demo-admin", "demo-terminal", "demo-dept-ly")) {
            assertFalse(AccessPolicy.canReadLedger(c.get(other), DemoData.VILLAGE_POINT, TREE), other);
        }
    }
}
