package cn.onewindow.core.catalog;

import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.testing.TestItems;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static cn.onewindow.core.testing.TestItems.fieldsAndCodes;
import static cn.onewindow.core.testing.TestItems.material;
import static cn.onewindow.core.testing.TestItems.promised;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemValidatorTest {

    private static List<String> errors(ServiceItem item) {
        return fieldsAndCodes(ItemValidator.validate(item));
    }

    private static ParticipatingDepartment dept(String code, int days) {
        return new ParticipatingDepartment(code, "部门" + code, days);
    }

    @Test
    void theBaseTestItemIsValid() {
        assertEquals(List.of(), errors(promised().build()));
    }

    // ---- code -------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"330100-XK-0012", "330100-XK-0012-01", "330100-XK-0012-01-02", "330100-GG-0102",
            "330100-QTXK-9999-99-99"})
    void acceptsMainSubAndGrandchildItemCodes(String code) {
        assertEquals(List.of(), errors(promised().code(code).build()), code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"330100-XK-0012-01-02-03", "33010-XK-0012", "3301000-XK-0012", "330100-xk-0012",
            "330100-X-0012", "330100-XKXKX-0012", "330100-XK-012", "330100-XK-00120", "330100-XK-0012-1",
            "330100-XK-0012-001", "330100XK0012", " 330100-XK-0012", "330100-XK-0012-", "330100-XK-0012\n"})
    void rejectsMalformedItemCodes(String code) {
        assertEquals(List.of("code:INVALID_ITEM_CODE"), errors(promised().code(code).build()), code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsMissingItemCode(String code) {
        assertEquals(List.of("code:INVALID_ITEM_CODE"), errors(promised().code(code).build()));
    }

    // ---- time limits ------------------------------------------------------------------------------------------

    @Test
    void promisedMayEqualButNotExceedLegal() {
        assertEquals(List.of(), errors(promised().legal(20).promised(20).build()));
        assertEquals(List.of("promisedDays:PROMISE_EXCEEDS_LEGAL"), errors(promised().legal(20).promised(21).build()));
    }

    @Test
    void timeLimitsAndFeeMustBeInRange() {
        assertEquals(List.of("legalDays:OUT_OF_RANGE", "promisedDays:OUT_OF_RANGE"),
                errors(promised().legal(-1).promised(-1).build()));
        assertEquals(List.of("fee:OUT_OF_RANGE"), errors(promised().fee(new BigDecimal("-0.01")).build()));
    }

    @Test
    void immediateItemsArePromisedTheSameDay() {
        assertEquals(List.of(), errors(promised().mode(HandlingMode.IMMEDIATE).legal(15).promised(0).build()));
        assertEquals(List.of("promisedDays:IMMEDIATE_IS_SAME_DAY"),
                errors(promised().mode(HandlingMode.IMMEDIATE).legal(15).promised(1).build()));
    }

    // ---- joint items ------------------------------------------------------------------------------------------

    @Test
    void jointItemNeedsAtLeastTwoDepartments() {
        assertEquals(List.of("departments:JOINT_NEEDS_DEPARTMENTS"),
                errors(promised().mode(HandlingMode.JOINT).departments().build()));
        assertEquals(List.of("departments:JOINT_NEEDS_DEPARTMENTS"),
                errors(promised().mode(HandlingMode.JOINT).departments(dept("fgw", 5)).build()));
        assertEquals(List.of(),
                errors(promised().mode(HandlingMode.JOINT).departments(dept("fgw", 5), dept("zjj", 5)).build()));
    }

    @Test
    void eachDepartmentLimitMustFitInThePromise() {
        ServiceItem ok = promised().mode(HandlingMode.JOINT).promised(12)
                .departments(dept("fgw", 12), dept("zjj", 1)).build();
        assertEquals(List.of(), errors(ok));

        ServiceItem tooLong = promised().mode(HandlingMode.JOINT).promised(12)
                .departments(dept("fgw", 12), dept("zjj", 13)).build();
        assertEquals(List.of("departments[1].timeLimitDays:DEPARTMENT_LIMIT_EXCEEDS_PROMISE"), errors(tooLong));
    }

    @Test
    void jointDepartmentsAreNotListedTwiceAndHaveValidCodes() {
        assertEquals(List.of("departments[1].code:DUPLICATE"),
                errors(promised().mode(HandlingMode.JOINT).departments(dept("fgw", 5), dept("fgw", 5)).build()));
        assertEquals(List.of("departments[0].code:INVALID_DEPARTMENT"),
                errors(promised().mode(HandlingMode.JOINT).departments(dept("FGW", 5), dept("zjj", 5)).build()));
    }

    @Test
    void onlyJointItemsNameParticipatingDepartments() {
        assertEquals(List.of("departments:ONLY_FOR_JOINT"),
                errors(promised().departments(dept("fgw", 5), dept("zjj", 5)).build()));
    }

    // ---- controlled, escalated ----------------------------------------------------------------------------------

    @Test
    void controlledItemNeedsItsLegalBasis() {
        assertEquals(List.of("controlBasis:REQUIRED"), errors(promised().controlled(null).build()));
        assertEquals(List.of("controlBasis:REQUIRED"), errors(promised().controlled("  ").build()));
        assertEquals(List.of(), errors(promised().controlled("发改社会〔2014〕1565号：严禁新建高尔夫球场").build()));
    }

    @Test
    void controlledItemNeedsNoMaterialsButAnOrdinaryItemDoes() {
        assertEquals(List.of(), errors(promised().controlled("严禁新建").materials().build()));
        assertEquals(List.of("materials:REQUIRED"), errors(promised().materials().build()));
    }

    @Test
    void escalatedItemNamesTheHigherAuthority() {
        assertEquals(List.of("escalateTo:REQUIRED"), errors(promised().mode(HandlingMode.ESCALATED).build()));
        assertEquals(List.of(), errors(promised().mode(HandlingMode.ESCALATED).escalateTo(dept("mz", 10)).build()));
        assertEquals(List.of("escalateTo.timeLimitDays:OUT_OF_RANGE"),
                errors(promised().mode(HandlingMode.ESCALATED).escalateTo(dept("mz", 0)).build()));
        assertEquals(List.of("escalateTo:ONLY_FOR_ESCALATED"), errors(promised().escalateTo(dept("mz", 10)).build()));
    }

    // ---- materials --------------------------------------------------------------------------------------------

    @Test
    void tolerableMaterialMustBeMandatory() {
        ServiceItem item = promised().materials(material("M01", "申请表", 1, true, false),
                material("M02", "村委会意见", 1, false, true)).build();
        assertEquals(List.of("materials[1].tolerable:TOLERABLE_NOT_MANDATORY"), errors(item));
    }

    @Test
    void materialCodesAreUnique() {
        ServiceItem item = promised().materials(material("M01", "申请表", 1, true, false),
                material("M02", "身份证明", 1, true, false), material("M01", "申请表（副本）", 1, true, false)).build();
        assertEquals(List.of("materials[2].code:DUPLICATE"), errors(item));
    }

    @Test
    void materialFieldsAreChecked() {
        ServiceItem item = promised().materials(
                new MaterialRequirement("M 01", "", null, 0, true, false)).build();
        assertEquals(List.of("materials[0].code:INVALID_MATERIAL_CODE", "materials[0].name:REQUIRED",
                "materials[0].form:REQUIRED", "materials[0].copies:OUT_OF_RANGE"), errors(item));
    }

    @Test
    void conditionsNeedTheirLegalBasis() {
        ServiceItem item = promised().conditions(new AcceptanceCondition("C01", "符合规划", null)).build();
        assertEquals(List.of("conditions[0].legalBasis:REQUIRED"), errors(item));
    }

    @Test
    void reportsEveryErrorAtOnce() {
        ServiceItem item = promised().code("bad").legal(5).promised(6).mode(HandlingMode.JOINT).region("3301")
                .materials(material("M01", "申请表", 1, false, true), material("M01", "申请表", 1, true, false))
                .build();
        List<FieldError> all = ItemValidator.validate(item);
        assertEquals(List.of("code:INVALID_ITEM_CODE", "regionCode:INVALID_REGION",
                "promisedDays:PROMISE_EXCEEDS_LEGAL", "materials[0].tolerable:TOLERABLE_NOT_MANDATORY",
                "materials[1].code:DUPLICATE", "departments:JOINT_NEEDS_DEPARTMENTS"), fieldsAndCodes(all));
        all.forEach(e -> assertTrue(!e.messageZh().isBlank() && !e.messageEn().isBlank(), e.toString()));
    }

    // ---- the demo catalog -------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyDemoItemIsValidWithAtLeastThreeMandatoryMaterials() {
        return DemoData.items(Instant.parse("2025-01-01T00:00:00Z")).stream().map(item ->
                DynamicTest.dynamicTest(item.code() + " " + item.name(), () -> {
                    assertEquals(List.of(), errors(item));
                    long mandatory = item.materials().stream().filter(MaterialRequirement::mandatory).count();
                    assertTrue(mandatory >= 3, item.code() + " has only " + mandatory + " mandatory materials");
                    assertEquals(1, item.version());
                    assertEquals(ChangeType.ADDED, item.changeType());
                }));
    }

    @Test
    void demoCatalogFollowsTheSourceDocuments() {
        Map<String, ServiceItem> byCode = new java.util.HashMap<>();
        DemoData.items(Instant.EPOCH).forEach(i -> byCode.put(i.code(), i));
        assertEquals(13, byCode.size(), "13 distinct item codes");
        record Expect(String code, HandlingMode mode, int legal, int promised) {
        }
        for (Expect e : List.of(
                new Expect(DemoData.ITEM_COMPANY_REGISTRATION, HandlingMode.IMMEDIATE, 15, 0),
                new Expect(DemoData.ITEM_EIA_REPORT, HandlingMode.PROMISED, 60, 15),
                new Expect(DemoData.ITEM_EIA_FORM, HandlingMode.PROMISED, 30, 7),
                new Expect(DemoData.ITEM_EIA_FILING, HandlingMode.IMMEDIATE, 7, 0),
                new Expect(DemoData.ITEM_CONSTRUCTION_LAND, HandlingMode.PROMISED, 60, 12),
                new Expect(DemoData.ITEM_FIREWORKS_WHOLESALE, HandlingMode.PROMISED, 20, 5),
                new Expect(DemoData.ITEM_HAZCHEM_SAFETY, HandlingMode.PROMISED, 60, 50))) {
            ServiceItem i = byCode.get(e.code());
            assertEquals(e.mode(), i.mode(), e.code());
            assertEquals(e.legal(), i.legalDays(), e.code());
            assertEquals(e.promised(), i.promisedDays(), e.code());
        }
        assertEquals(HandlingMode.JOINT, byCode.get(DemoData.ITEM_HAZCHEM_TRADE).mode());
        ServiceItem fixedAsset = byCode.get(DemoData.ITEM_FIXED_ASSET_INVESTMENT);
        assertEquals(HandlingMode.JOINT, fixedAsset.mode());
        assertEquals(List.of("fgw", "zrzy", "zjj", "sthj", "ly"),
                fixedAsset.departments().stream().map(ParticipatingDepartment::code).toList());
        assertEquals(HandlingMode.ESCALATED, byCode.get(DemoData.ITEM_SUBSISTENCE_ALLOWANCE).mode());
        ServiceItem golf = byCode.get(DemoData.ITEM_GOLF_COURSE);
        assertTrue(golf.controlled() && golf.controlBasis().contains("严禁新建高尔夫球场"));
    }
}
