package cn.onewindow.core.intake;

import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.catalog.AcceptanceCondition;
import cn.onewindow.core.catalog.ItemStatus;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.intake.IntakeAssessment.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static cn.onewindow.core.testing.TestItems.material;
import static cn.onewindow.core.testing.TestItems.promised;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntakeRulesTest {

    /** M01 1 copy, M02 2 copies, M03 tolerable, M04 optional, M05 tolerable 2 copies; conditions C01, C02. */
    private static final ServiceItem ITEM = promised()
            .materials(material("M01", "申请表", 1, true, false),
                    material("M02", "勘测定界图", 2, true, false),
                    material("M03", "项目批准文件", 1, true, true),
                    material("M04", "其他说明材料", 1, false, false),
                    material("M05", "村委会意见", 2, true, true))
            .conditions(new AcceptanceCondition("C01", "项目用地符合国土空间规划", "《土地管理法》第五十二条"),
                    new AcceptanceCondition("C02", "申请人具有独立法人资格", "《行政许可法》第二十九条"))
            .build();

    private static List<SubmittedMaterial> m(Object... codeAndCopies) {
        java.util.ArrayList<SubmittedMaterial> out = new java.util.ArrayList<>();
        for (int i = 0; i < codeAndCopies.length; i += 2) {
            out.add(new SubmittedMaterial((String) codeAndCopies[i], (Integer) codeAndCopies[i + 1]));
        }
        return out;
    }

    private static final List<SubmittedMaterial> COMPLETE = m("M01", 1, "M02", 2, "M03", 1, "M05", 2);

    @Test
    void controlledItemIsRefusedWithItsBasisWhateverIsHandedIn() {
        ServiceItem golf = DemoData.items(Instant.EPOCH).stream()
                .filter(i -> i.code().equals(DemoData.ITEM_GOLF_COURSE)).findFirst().orElseThrow();
        IntakeAssessment a = IntakeRules.assess(golf, m("M01", 1, "M02", 1, "M03", 1), List.of());
        assertEquals(Outcome.NOT_ACCEPTED, a.outcome());
        assertEquals(golf.controlBasis(), a.refusalBasis());
        assertTrue(a.refusalReason().contains("控制事项"), a.refusalReason());
        assertEquals(List.of(), a.missing());
    }

    @Test
    void cancelledItemIsRefused() {
        ServiceItem cancelled = promised().materials(ITEM.materials().toArray(new cn.onewindow.core.catalog.MaterialRequirement[0]))
                .status(ItemStatus.CANCELLED).version(3).build();
        IntakeAssessment a = IntakeRules.assess(cancelled, COMPLETE, List.of());
        assertEquals(Outcome.NOT_ACCEPTED, a.outcome());
        assertTrue(a.refusalReason().contains("已取消"), a.refusalReason());
        assertTrue(a.refusalBasis().contains("第3版"), a.refusalBasis());
    }

    @Test
    void unmetConditionIsRefusedWithThatConditionsLegalBasis() {
        IntakeAssessment a = IntakeRules.assess(ITEM, COMPLETE, List.of("C02"));
        assertEquals(Outcome.NOT_ACCEPTED, a.outcome());
        assertTrue(a.refusalReason().contains("申请人具有独立法人资格"), a.refusalReason());
        assertEquals("《行政许可法》第二十九条", a.refusalBasis());
    }

    @Test
    void anUnmetConditionWinsOverMissingMaterials() {
        IntakeAssessment a = IntakeRules.assess(ITEM, List.of(), List.of("C01"));
        assertEquals(Outcome.NOT_ACCEPTED, a.outcome());
        assertEquals("《土地管理法》第五十二条", a.refusalBasis());
    }

    @Test
    void missingMandatoryMaterialsAreAllListedOnceInCatalogOrder() {
        // handed in out of order; M02 with too few copies; M05 with too few copies; M03 absent; M01 absent
        IntakeAssessment a = IntakeRules.assess(ITEM, m("M05", 1, "M04", 1, "M02", 1), List.of());
        assertEquals(Outcome.AWAITING_MATERIALS, a.outcome());
        assertEquals(List.of("M01", "M02", "M03", "M05"), a.missing(), "every missing one, tolerable ones too");
        assertEquals(List.of("M01", "M02"), a.missingBlocking());
        assertEquals(List.of("M03", "M05"), a.outstandingTolerable());
        assertNull(a.refusalReason());
    }

    @Test
    void tooFewCopiesOfOneMaterialIsEnoughToWait() {
        IntakeAssessment a = IntakeRules.assess(ITEM, m("M01", 1, "M02", 1, "M03", 1, "M05", 2), List.of());
        assertEquals(Outcome.AWAITING_MATERIALS, a.outcome());
        assertEquals(List.of("M02"), a.missing());
    }

    @Test
    void nothingHandedInListsEveryMandatoryMaterial() {
        IntakeAssessment a = IntakeRules.assess(ITEM, List.of(), List.of());
        assertEquals(Outcome.AWAITING_MATERIALS, a.outcome());
        assertEquals(List.of("M01", "M02", "M03", "M05"), a.missing());
    }

    @Test
    void onlyTolerableMaterialsMissingMeansDeficientAcceptance() {
        IntakeAssessment a = IntakeRules.assess(ITEM, m("M01", 1, "M02", 2, "M05", 1), List.of());
        assertEquals(Outcome.ACCEPTED_WITH_DEFICIENCY, a.outcome());
        assertEquals(List.of("M03", "M05"), a.outstandingTolerable());
        assertEquals(List.of("M03", "M05"), a.missing());
        assertEquals(List.of(), a.missingBlocking());
    }

    @Test
    void completeApplicationIsAcceptedWithoutTheOptionalMaterial() {
        IntakeAssessment a = IntakeRules.assess(ITEM, COMPLETE, List.of());
        assertEquals(Outcome.ACCEPTED, a.outcome());
        assertEquals(List.of(), a.missing());
        assertEquals(List.of(), a.outstandingTolerable());
    }

    @Test
    void moreCopiesThanNeededAndRepeatedLinesCount() {
        // M02 given twice: once with 1 copy and once with 2; the larger number counts
        IntakeAssessment a = IntakeRules.assess(ITEM,
                m("M01", 5, "M02", 1, "M02", 2, "M03", 1, "M05", 3, "M04", 1), List.of());
        assertEquals(Outcome.ACCEPTED, a.outcome());
    }

    @Test
    void assessMaterialsAloneIgnoresConditions() {
        assertEquals(Outcome.ACCEPTED, IntakeRules.assessMaterials(ITEM, COMPLETE).outcome());
    }

    @Test
    void unknownMaterialsAreReportedInTheOrderGiven() {
        assertEquals(List.of("X9", "M99"), IntakeRules.unknownMaterials(ITEM, m("M01", 1, "X9", 1, "M03", 1, "M99", 1)));
        assertEquals(List.of(), IntakeRules.unknownMaterials(ITEM, COMPLETE));
    }
}
