package cn.onewindow.core.access;

import cn.onewindow.core.identity.Role;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.access.AccessPolicy.CaseAction;
import cn.onewindow.core.cases.Applicant;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.testing.TestItems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessPolicyTest {
    private static final Map<String, Caller> CALLERS = DemoData.callers();
    private static final Caller WINDOW = CALLERS.get("demo-window");
    private static final Caller AGENT = CALLERS.get("demo-agent");
    private static final Caller SUPERVISOR = CALLERS.get("demo-supervisor");
    private static final Caller ADMIN = CALLERS.get("demo-admin");
    private static final Caller TERMINAL = CALLERS.get("demo-terminal");
    private static final Caller DEPT_ZRZY = CALLERS.get("demo-dept-zrzy");
    private static final Caller DEPT_FGW = CALLERS.get("demo-dept-fgw");
    private static final Caller OTHER_WINDOW = new Caller("window-101", Role.WINDOW, "西湖区窗口", "330106-ZX", "330100",
            "330106-ZX", null);
    private static final Caller OTHER_AGENT = new Caller("agent-002", Role.AGENT, "另一村代办员", "330110-ZX", "330100",
            "330110-T01-V02", null);
    private static final Caller NINGBO_WINDOW = new Caller("window-201", Role.WINDOW, "宁波窗口", "330203-ZX", "330200",
            "330203-ZX", null);

    private static final ServiceItem LAND = TestItems.promised().code("330100-XK-0003").build(); // department zrzy

    /** A land case accepted by the village agent at the county center's village point. */
    private static ServiceCase.Snapshot agentCase() {
        return ServiceCase.submit("C-1", LAND, new Applicant("李四", null, IdType.RESIDENT_ID, "11010519491231002X",
                        "13812345678"), Channel.VILLAGE_AGENT, DemoData.COUNTY_CENTER, DemoData.VILLAGE_POINT,
                "agent-001", List.of(), Instant.parse("2025-04-25T02:00:00Z"), AGENT.asActor()).snapshot();
    }

    private static ServiceCase.Snapshot windowCase(String center) {
        return ServiceCase.submit("C-2", LAND, new Applicant("李四", null, IdType.RESIDENT_ID, "11010519491231002X",
                        "13812345678"), Channel.WINDOW, center, center, null, List.of(),
                Instant.parse("2025-04-25T02:00:00Z"), WINDOW.asActor()).snapshot();
    }

    @Test
    void windowSeesItsOwnCenterOnly() {
        assertTrue(AccessPolicy.canRead(WINDOW, windowCase(DemoData.COUNTY_CENTER)));
        assertTrue(AccessPolicy.canRead(WINDOW, agentCase()), "a case of its center taken at a village point");
        assertFalse(AccessPolicy.canRead(OTHER_WINDOW, windowCase(DemoData.COUNTY_CENTER)));
        assertFalse(AccessPolicy.canRead(WINDOW, windowCase("330106-ZX")));
    }

    @Test
    void agentSeesItsServicePointOnly() {
        assertTrue(AccessPolicy.canRead(AGENT, agentCase()));
        assertFalse(AccessPolicy.canRead(OTHER_AGENT, agentCase()), "same center, other service point");
        assertFalse(AccessPolicy.canRead(AGENT, windowCase(DemoData.COUNTY_CENTER)),
                "a window case of the agent's own center");
    }

    @Test
    void departmentSeesItsDepartmentsCases() {
        assertTrue(AccessPolicy.canRead(DEPT_ZRZY, agentCase()));
        assertFalse(AccessPolicy.canRead(DEPT_FGW, agentCase()));
    }

    @Test
    void supervisorAndAdminSeeEverythingTerminalNothing() {
        for (ServiceCase.Snapshot c : List.of(agentCase(), windowCase("330106-ZX"), windowCase("330203-ZX"))) {
            assertTrue(AccessPolicy.canRead(SUPERVISOR, c));
            assertTrue(AccessPolicy.canRead(ADMIN, c));
            assertTrue(AccessPolicy.canRead(Caller.system("deadline-checker"), c));
        }
        assertFalse(AccessPolicy.canRead(TERMINAL, windowCase(DemoData.COUNTY_CENTER)),
                "an evaluation device at the center reads no case");
    }

    @ParameterizedTest
    @EnumSource(CaseAction.class)
    void whoMayDoWhat(CaseAction action) {
        ServiceCase.Snapshot c = agentCase();
        boolean reissue = action == CaseAction.REISSUE_PICKUP_CODE;
        assertEquals(!reissue, AccessPolicy.canDo(WINDOW, c, action), "window staff act on their center's cases but"
                + " never issue a pick-up code of their own choosing");
        assertEquals(EnumSet.of(CaseAction.SUPPLEMENT, CaseAction.DELIVER, CaseAction.WITHDRAW).contains(action),
                AccessPolicy.canDo(AGENT, c, action));
        assertEquals(action == CaseAction.DECIDE || action == CaseAction.CLOCK, AccessPolicy.canDo(DEPT_ZRZY, c, action),
                "the department of a case without tasks decides it and controls its clock, nothing else");
        assertFalse(AccessPolicy.canDo(DEPT_FGW, c, action));
        assertEquals(reissue, AccessPolicy.canDo(SUPERVISOR, c, action),
                "supervisors watch, they do not act; they only issue a new pick-up code");
        assertFalse(AccessPolicy.canDo(TERMINAL, c, action));
        assertFalse(AccessPolicy.canDo(OTHER_AGENT, c, action));
    }

    @Test
    void aCaseOutOfSightIsNotFoundAndOneInSightButNotToActOnIsForbidden() {
        ServiceCase.Snapshot c = agentCase();
        DomainException hidden = assertThrows(DomainException.class,
                () -> AccessPolicy.requireCase(OTHER_WINDOW, c, null));
        assertEquals(DomainException.Kind.NOT_FOUND, hidden.kind());
        assertEquals("CASE_NOT_FOUND", hidden.code());

        DomainException hiddenWrite = assertThrows(DomainException.class,
                () -> AccessPolicy.requireCase(OTHER_AGENT, c, CaseAction.SUPPLEMENT));
        assertEquals(DomainException.Kind.NOT_FOUND, hiddenWrite.kind(), "a write does not reveal the case either");

        DomainException forbidden = assertThrows(DomainException.class,
                () -> AccessPolicy.requireCase(SUPERVISOR, c, CaseAction.DECIDE));
        assertEquals(DomainException.Kind.FORBIDDEN, forbidden.kind());
        assertEquals("FORBIDDEN", forbidden.code());

        assertDoesNotThrow(() -> AccessPolicy.requireCase(SUPERVISOR, c, null));
        assertDoesNotThrow(() -> AccessPolicy.requireCase(AGENT, c, CaseAction.DELIVER));
    }

    // ---- intake ------------------------------------------------------------------------------------------------

    private static DomainException intakeRefused(Caller caller, ServiceItem item, Channel channel) {
        DomainException e = assertThrows(DomainException.class, () -> AccessPolicy.requireIntake(caller, item, channel));
        assertEquals(DomainException.Kind.FORBIDDEN, e.kind());
        return e;
    }

    @Test
    void windowAcceptsAnyItemOfItsCityThroughItsOwnChannels() {
        for (Channel ch : List.of(Channel.WINDOW, Channel.ONLINE, Channel.SELF_SERVICE)) {
            assertDoesNotThrow(() -> AccessPolicy.requireIntake(WINDOW, LAND, ch));
            assertDoesNotThrow(() -> AccessPolicy.requireIntake(OTHER_WINDOW, LAND, ch), "同城通办: another district");
        }
        assertEquals("CHANNEL_NOT_ALLOWED", intakeRefused(WINDOW, LAND, Channel.VILLAGE_AGENT).code());
    }

    @Test
    void anItemOfAnotherCityIsOutOfCity() {
        assertEquals("OUT_OF_CITY", intakeRefused(NINGBO_WINDOW, LAND, Channel.WINDOW).code());
        ServiceItem ningbo = TestItems.promised().code("330200-XK-0003").region("330200").build();
        assertEquals("OUT_OF_CITY", intakeRefused(WINDOW, ningbo, Channel.WINDOW).code());
        assertEquals("OUT_OF_CITY", intakeRefused(AGENT, ningbo, Channel.VILLAGE_AGENT).code());
        assertDoesNotThrow(() -> AccessPolicy.requireIntake(NINGBO_WINDOW, ningbo, Channel.WINDOW));
    }

    @Test
    void agentAppliesOnlyOnBehalfOfVillagers() {
        assertDoesNotThrow(() -> AccessPolicy.requireIntake(AGENT, LAND, Channel.VILLAGE_AGENT));
        for (Channel ch : List.of(Channel.WINDOW, Channel.ONLINE, Channel.SELF_SERVICE)) {
            assertEquals("CHANNEL_NOT_ALLOWED", intakeRefused(AGENT, LAND, ch).code());
        }
    }

    @Test
    void nobodyElseTakesApplications() {
        Set<Caller> others = Set.of(SUPERVISOR, ADMIN, TERMINAL, DEPT_ZRZY, Caller.system("worker"));
        for (Caller c : others) {
            for (Channel ch : Channel.values()) {
                assertEquals("FORBIDDEN", intakeRefused(c, LAND, ch).code(), c.role() + " via " + ch);
            }
        }
    }

    @Test
    void requireRoleLetsOnlyTheNamedRolesThrough() {
        assertDoesNotThrow(() -> AccessPolicy.requireRole(ADMIN, Role.ADMIN));
        assertDoesNotThrow(() -> AccessPolicy.requireRole(SUPERVISOR, Role.ADMIN, Role.SUPERVISOR));
        DomainException e = assertThrows(DomainException.class, () -> AccessPolicy.requireRole(WINDOW, Role.ADMIN));
        assertEquals(DomainException.Kind.FORBIDDEN, e.kind());
    }
}
