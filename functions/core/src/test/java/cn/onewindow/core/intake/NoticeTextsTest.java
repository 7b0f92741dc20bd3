package cn.onewindow.core.intake;

import cn.onewindow.core.cases.Applicant;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.Notice;
import cn.onewindow.core.cases.NoticeType;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.Suspension;
import cn.onewindow.core.catalog.HandlingMode;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.demo.DemoData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static cn.onewindow.core.testing.TestItems.WINDOW;
import static cn.onewindow.core.testing.TestItems.promised;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoticeTextsTest {
    /** Friday 2025-04-25 10:00 in Shanghai. */
    private static final Instant NOW = Instant.parse("2025-04-25T02:00:00Z");
    /** 2025-05-15 18:00 in Shanghai. */
    private static final Instant DUE = Instant.parse("2025-05-15T10:00:00Z");
    private static final String CASE_ID = "20250425-ABCDEFGHJK";

    private static ServiceItem demo(String code) {
        return DemoData.items(NOW).stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    private static ServiceCase.Snapshot caseOf(ServiceItem item) {
        return ServiceCase.submit(CASE_ID, item, new Applicant("杭州某某环保科技有限公司", null,
                IdType.UNIFIED_SOCIAL_CREDIT_CODE, "91330110MA27Y5FK3R", "057187654321"), Channel.WINDOW,
                "330110-ZX", "330110-ZX", null, List.of(), NOW, WINDOW).snapshot();
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), "expected «" + part + "» in:\n" + text);
    }

    @Test
    void oneTimeNoticeListsEveryMissingMaterialWithFormAndCopies() {
        ServiceItem eia = demo(DemoData.ITEM_EIA_REPORT);
        List<String> missing = List.of("M01", "M02", "M04");
        Notice n = NoticeTexts.oneTimeNotice(caseOf(eia), eia, missing, NOW);
        assertEquals(NoticeType.ONE_TIME_NOTICE, n.type());
        assertEquals(missing, n.missing());
        assertEquals(NOW, n.issuedAt());
        String t = n.text();
        assertContains(t, "一次性告知单");
        assertContains(t, CASE_ID);
        assertContains(t, "杭州某某环保科技有限公司");
        assertContains(t, "建设项目环境影响评价审批（报告书）");
        assertContains(t, "1. 建设项目环境影响评价文件审批申请表（原件1份）");
        assertContains(t, "2. 环境影响报告书（全本）（原件2份）");
        assertContains(t, "3. 项目立项（备案）文件（复印件1份）");
        assertFalse(t.contains("公众参与说明"), "a material that was handed in is not listed");
        assertContains(t, "材料补齐之日起开始计算办理时限");
    }

    @Test
    void oneTimeNoticeNamesTheFormOriginalAndCopy() {
        ServiceItem household = demo(DemoData.ITEM_HOUSEHOLD_TRANSFER);
        Notice n = NoticeTexts.oneTimeNotice(caseOf(household), household, List.of("M02"), NOW);
        assertContains(n.text(), "居民户口簿（原件及复印件1份）");
    }

    @Test
    void promiseNoticeCarriesTheDueDateInChinese() {
        ServiceItem land = demo(DemoData.ITEM_CONSTRUCTION_LAND);
        Notice n = NoticeTexts.acceptance(caseOf(land), land, DUE, false, List.of(), NOW);
        assertEquals(NoticeType.PROMISE, n.type());
        String t = n.text();
        assertContains(t, "承诺件通知书");
        assertContains(t, "承诺办结时间：2025年5月15日 18:00");
        assertContains(t, "法定办理时限60个工作日");
        assertContains(t, "承诺办理时限12个工作日");
        assertContains(t, "不收费");
        assertFalse(t.contains("暂定"), "a firm deadline is not called provisional");
    }

    @Test
    void provisionalDueDateIsSaidToBeProvisional() {
        ServiceItem land = demo(DemoData.ITEM_CONSTRUCTION_LAND);
        Notice n = NoticeTexts.acceptance(caseOf(land), land, Instant.parse("2027-01-19T10:00:00Z"), true,
                List.of(), NOW);
        assertContains(n.text(), "2027年1月19日 18:00");
        assertContains(n.text(), "（该年度工作日历尚未发布，按双休日暂定）");
    }

    @Test
    void deficientAcceptanceNamesTheTolerableMaterialsStillOwed() {
        ServiceItem land = demo(DemoData.ITEM_CONSTRUCTION_LAND);
        Notice n = NoticeTexts.acceptance(caseOf(land), land, DUE, false, List.of("M04"), NOW);
        assertEquals(NoticeType.DEFICIENCY_ACCEPTANCE, n.type());
        assertEquals(List.of("M04"), n.missing());
        assertContains(n.text(), "容缺受理");
        assertContains(n.text(), "项目批准、核准或备案文件");
        assertContains(n.text(), "补齐前不予出件");
    }

    @Test
    void immediateItemGetsAnAcceptanceNoticeDueTheSameDay() {
        ServiceItem company = demo(DemoData.ITEM_COMPANY_REGISTRATION);
        Notice n = NoticeTexts.acceptance(caseOf(company), company, Instant.parse("2025-04-25T10:00:00Z"), false,
                List.of(), NOW);
        assertEquals(NoticeType.ACCEPTANCE, n.type());
        assertContains(n.text(), "即办件");
        assertContains(n.text(), "2025年4月25日 18:00");
    }

    @Test
    void jointAndEscalatedItemsSayHowTheyAreHandled() {
        ServiceItem joint = demo(DemoData.ITEM_FIXED_ASSET_INVESTMENT);
        assertEquals(HandlingMode.JOINT, joint.mode());
        assertContains(NoticeTexts.acceptance(caseOf(joint), joint, DUE, false, List.of(), NOW).text(), "并联审批");
        ServiceItem escalated = demo(DemoData.ITEM_SUBSISTENCE_ALLOWANCE);
        assertContains(NoticeTexts.acceptance(caseOf(escalated), escalated, DUE, false, List.of(), NOW).text(),
                "报上级机关审批");
    }

    @Test
    void aFeeIsStatedInYuan() {
        ServiceItem paid = promised().fee(new BigDecimal("120.50")).build();
        assertContains(NoticeTexts.acceptance(caseOf(paid), paid, DUE, false, List.of(), NOW).text(), "收费：120.50元");
    }

    @Test
    void refusalQuotesReasonAndLegalBasis() {
        ServiceItem golf = demo(DemoData.ITEM_GOLF_COURSE);
        Notice n = NoticeTexts.notAccepted(caseOf(golf), golf.name(), "该事项为控制事项，依法不予受理",
                golf.controlBasis(), NOW);
        assertEquals(NoticeType.NOT_ACCEPTED, n.type());
        assertContains(n.text(), "不予受理通知书");
        assertContains(n.text(), "理由：该事项为控制事项，依法不予受理");
        assertContains(n.text(), "依据：" + golf.controlBasis());
        assertContains(n.text(), "行政复议");
    }

    @Test
    void denialListsEveryReason() {
        ServiceItem land = demo(DemoData.ITEM_CONSTRUCTION_LAND);
        Notice n = NoticeTexts.denial(caseOf(land), List.of("用地不符合规划", "界址有争议"), NOW);
        assertEquals(NoticeType.DENIAL, n.type());
        assertContains(n.text(), "1. 用地不符合规划");
        assertContains(n.text(), "2. 界址有争议");
    }

    @Test
    void suspensionAndExtensionNoticesGiveDatesInChinese() {
        ServiceItem land = demo(DemoData.ITEM_CONSTRUCTION_LAND);
        Notice s = NoticeTexts.suspension(caseOf(land), Suspension.Kind.SITE_INSPECTION, "核实界址", NOW);
        assertContains(s.text(), "现场勘查");
        assertContains(s.text(), "自2025年4月25日起暂停计算办理时限");
        assertContains(s.text(), "核实界址");
        Notice e = NoticeTexts.extension(caseOf(land), 10, "案情复杂", Instant.parse("2025-05-29T10:00:00Z"), NOW);
        assertContains(e.text(), "延长办理时限10个工作日");
        assertContains(e.text(), "2025年5月29日 18:00");
    }

    @Test
    void resultNoticeGivesTheResultNumber() {
        ServiceItem land = demo(DemoData.ITEM_CONSTRUCTION_LAND);
        Notice n = NoticeTexts.resultReady(caseOf(land), "杭规建〔2025〕0001号", NOW);
        assertEquals(NoticeType.RESULT_READY, n.type());
        assertContains(n.text(), "杭规建〔2025〕0001号");
        assertContains(n.text(), "建设用地审批");
    }
}
