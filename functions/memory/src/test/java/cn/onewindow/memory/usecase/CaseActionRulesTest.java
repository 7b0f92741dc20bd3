package cn.onewindow.memory.usecase;

import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.Consent;
import cn.onewindow.core.cases.Decision;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.cases.usecase.CaseCommands;
import cn.onewindow.memory.MemoryPlatform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static cn.onewindow.memory.usecase.Fixtures.FRIDAY_10_SHANGHAI;
import static cn.onewindow.memory.usecase.Fixtures.WINDOW;
import static cn.onewindow.memory.usecase.Fixtures.allMaterials;
import static cn.onewindow.memory.usecase.Fixtures.complete;
import static cn.onewindow.memory.usecase.Fixtures.demoItem;
import static cn.onewindow.memory.usecase.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refusals of the case actions that no other test pins: each answers with its stable code and leaves nothing
 * written (no case, or the case unchanged).
 */
class CaseActionRulesTest {
    private MemoryPlatform p;

    @BeforeEach
    void setUp() {
        p = MemoryPlatform.seeded(Fixtures.fixed(FRIDAY_10_SHANGHAI));
    }

    private static DomainException refused(String code, Executable action) {
        DomainException e = assertThrows(DomainException.class, action);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    private static String fieldCode(DomainException e, String field) {
        return e.fieldErrors().stream().filter(f -> f.field().equals(field)).map(FieldError::code).findFirst()
                .orElse("no error on " + field + ": " + e.fieldErrors());
    }

    private int cases() {
        return p.cases.allCases().size();
    }

    @Test
    void anIdempotencyKeyOutsideVisibleAsciiIsRefusedBeforeAnythingIsWritten() {
        DomainException e = refused("VALIDATION_FAILED", () -> p.caseService.intake(WINDOW,
                complete(DemoData.ITEM_CONSTRUCTION_LAND, "钱幂等"), "key with spaces"));
        assertEquals("INVALID_IDEMPOTENCY_KEY", fieldCode(e, "Idempotency-Key"));
        refused("VALIDATION_FAILED", () -> p.caseService.intake(WINDOW,
                complete(DemoData.ITEM_CONSTRUCTION_LAND, "钱幂等"), "k".repeat(129)));
        assertEquals(0, cases());
    }

    @Test
    void aConsentIsRecordedForVillageAgentCasesOnly() {
        CaseCommands.Intake cmd = new CaseCommands.Intake(DemoData.ITEM_CONSTRUCTION_LAND, person("孙委托"), Channel.WINDOW, null,
                null, allMaterials(demoItem(DemoData.ITEM_CONSTRUCTION_LAND)), List.of(),
                new Consent(Consent.Method.WRITTEN_AUTHORIZATION, "WT-1", null));
        DomainException e = refused("VALIDATION_FAILED", () -> p.caseService.intake(WINDOW, cmd, null));
        assertEquals("CONSENT_NOT_APPLICABLE", fieldCode(e, "consent"));
        assertEquals(0, cases());
    }

    @Test
    void anUnmetConditionTheItemDoesNotHaveIsRefused() {
        CaseCommands.Intake cmd = new CaseCommands.Intake(DemoData.ITEM_CONSTRUCTION_LAND, person("周条件"), Channel.WINDOW,
                null, null, allMaterials(demoItem(DemoData.ITEM_CONSTRUCTION_LAND)), List.of("NO-SUCH-CONDITION"));
        DomainException e = refused("VALIDATION_FAILED", () -> p.caseService.intake(WINDOW, cmd, null));
        assertEquals("UNKNOWN_CONDITION", fieldCode(e, "unmetConditions"));
        assertEquals(0, cases());
    }

    @Test
    void aJointCaseIsDecidedThroughItsDepartmentTasksOnly() {
        String id = p.caseService.intake(WINDOW, complete(DemoData.ITEM_HAZCHEM_TRADE, "某化工贸易有限公司"), null)
                .snapshot().id();
        CaseStatus before = p.caseService.get(WINDOW, id).status();
        refused("DECIDED_BY_DEPARTMENT_TASKS", () -> p.caseService.decide(WINDOW, id,
                new CaseCommands.Decide(Decision.Outcome.APPROVE, List.of()), null));
        assertEquals(before, p.caseService.get(WINDOW, id).status());
        assertTrue(p.caseService.get(WINDOW, id).decision() == null);
    }

    @Test
    void aCaseNotAcceptedHasNoDeadlineToExtend() {
        String id = p.caseService.intake(WINDOW, Fixtures.withMaterials(DemoData.ITEM_CONSTRUCTION_LAND, "吴缺件",
                List.of()), null).snapshot().id();
        assertEquals(CaseStatus.AWAITING_MATERIALS, p.caseService.get(WINDOW, id).status());
        long version = p.caseService.get(WINDOW, id).version();
        refused("EXTENSION_NOT_POSSIBLE", () -> p.caseService.extend(WINDOW, id, new CaseCommands.Extend(5, "复杂"), null));
        assertEquals(version, p.caseService.get(WINDOW, id).version());
    }

    @Test
    void aPickUpCodeHasSixDigits() {
        String id = p.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, "郑取件"), null)
                .snapshot().id();
        DomainException e = refused("VALIDATION_FAILED", () -> p.caseService.deliver(WINDOW, id,
                new CaseCommands.Deliver("郑取件", null, "12345", null), null));
        assertEquals("INVALID_CODE", fieldCode(e, "confirmationCode"));
    }
}
