package cn.onewindow.core.calendar;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.onewindow.core.calendar.ExtensionRefusedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ExtensionPolicyTest {

    private final ExtensionPolicy policy = ExtensionPolicy.standard();

    private static ExtensionRefusedException refused(String expectedCode, Executable call) {
        ExtensionRefusedException e = assertThrows(ExtensionRefusedException.class, call);
        assertEquals(expectedCode, e.code());
        assertFalse(e.messageEn().isBlank());
        assertTrue(e.messageZh().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                "Chinese message: " + e.messageZh());
        assertEquals(e.messageEn(), e.getMessage());
        return e;
    }

    @Test
    void standardFigures() {
        assertEquals(10, policy.maxExtensionDays());
        assertEquals(45, policy.jointLegalDays());
        assertEquals(15, policy.jointMaxExtensionDays());
    }

    @Test
    void tenDaysWithAReasonIsAllowed() {
        // 建设用地审批: legal 60, promised 12
        assertDoesNotThrow(() -> policy.check(false, false, 12, 60, 10, "需要现场踏勘"));
        assertDoesNotThrow(() -> policy.check(false, false, 12, 60, 1, "需要现场踏勘"));
    }

    @Test
    void onlyOnce() {
        ExtensionRefusedException e = refused("EXTENSION_ALREADY_USED", () -> policy.check(true, false, 12, 60, 1, "再次延期"));
        assertEquals(Reason.EXTENSION_ALREADY_USED, e.reason());
    }

    @Test
    void reasonRequired() {
        refused("EXTENSION_REASON_REQUIRED", () -> policy.check(false, false, 12, 60, 5, null));
        refused("EXTENSION_REASON_REQUIRED", () -> policy.check(false, false, 12, 60, 5, ""));
        refused("EXTENSION_REASON_REQUIRED", () -> policy.check(false, false, 12, 60, 5, " \t　"));
    }

    @Test
    void atMostTenDays() {
        refused("EXTENSION_TOO_LONG", () -> policy.check(false, false, 12, 60, 11, "复杂"));
        refused("EXTENSION_DAYS_INVALID", () -> policy.check(false, false, 12, 60, 0, "复杂"));
        refused("EXTENSION_DAYS_INVALID", () -> policy.check(false, false, 12, 60, -3, "复杂"));
    }

    @Test
    void neverBeyondLegalPlusTen() {
        // 危险化学品建设项目安全许可: legal 60, promised 50 → 50 + 10 = 60 ≤ 70
        assertDoesNotThrow(() -> policy.check(false, false, 50, 60, 10, "专家评审"));
        // a promise already above the legal limit: 65 + 5 = 70 ok, 65 + 6 = 71 > 70
        assertDoesNotThrow(() -> policy.check(false, false, 65, 60, 5, "专家评审"));
        ExtensionRefusedException e = refused("EXTENSION_BEYOND_LEGAL_LIMIT",
                () -> policy.check(false, false, 65, 60, 6, "专家评审"));
        assertTrue(e.messageEn().contains("70"), e.messageEn());
        // legal 7, promised 0 (登记表备案): 10 is fine (0 + 10 ≤ 17)
        assertDoesNotThrow(() -> policy.check(false, false, 0, 7, 10, "补充材料核实"));
    }

    @Test
    void jointApprovalFortyFivePlusFifteen() {
        assertDoesNotThrow(() -> policy.check(false, true, 45, 0, 15, "部门会审"));
        assertDoesNotThrow(() -> policy.check(false, true, 20, 0, 12, "部门会审")); // 12 > 10 is fine when joint
        refused("EXTENSION_TOO_LONG", () -> policy.check(false, true, 20, 0, 16, "部门会审"));
        refused("EXTENSION_BEYOND_LEGAL_LIMIT", () -> policy.check(false, true, 46, 0, 15, "部门会审"));
        // the item's own legal limit does not matter for a joint case
        refused("EXTENSION_BEYOND_LEGAL_LIMIT", () -> policy.check(false, true, 46, 90, 15, "部门会审"));
        // but a non-joint case is still limited to 10
        refused("EXTENSION_TOO_LONG", () -> policy.check(false, false, 20, 45, 12, "部门会审"));
    }

    @Test
    void alreadyUsedIsReportedFirst() {
        refused("EXTENSION_ALREADY_USED", () -> policy.check(true, false, 65, 60, 99, null));
    }

    @Test
    void impossibleFiguresAreProgrammingErrors() {
        assertThrows(IllegalArgumentException.class, () -> policy.check(false, false, -1, 60, 5, "x"));
        assertThrows(IllegalArgumentException.class, () -> policy.check(false, false, 5, -1, 5, "x"));
        assertThrows(IllegalArgumentException.class, () -> new ExtensionPolicy(0, 45, 15));
    }
}
