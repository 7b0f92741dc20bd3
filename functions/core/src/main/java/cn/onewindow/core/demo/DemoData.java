package cn.onewindow.core.demo;

import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.identity.Role;
import cn.onewindow.core.calendar.OfficeHours;
import cn.onewindow.core.catalog.AcceptanceCondition;
import cn.onewindow.core.catalog.ChangeType;
import cn.onewindow.core.catalog.HandlingMode;
import cn.onewindow.core.catalog.ItemStatus;
import cn.onewindow.core.catalog.ItemType;
import cn.onewindow.core.catalog.MaterialForm;
import cn.onewindow.core.catalog.MaterialRequirement;
import cn.onewindow.core.catalog.ParticipatingDepartment;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.points.ServicePoint;
import cn.onewindow.core.points.ServiceCenter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo catalog of SPEC §4 (Hangzhou, region 330100), one county center with a township and a village point,
 * and demo callers with fixed tokens. Used by the local system and by tests; never by the cloud build.
 */
public final class DemoData {
    public static final String CITY = "330100";
    public static final String COUNTY_CENTER = "330110-ZX";
    /** The demo rating PAD (评价器, token {@code demo-terminal}) and the window it is bound to. */
    public static final String DEMO_PAD = "terminal-001";
    public static final String DEMO_PAD_WINDOW = COUNTY_CENTER + "-W01";
    public static final String TOWNSHIP_POINT = "330110-T01";
    public static final String VILLAGE_POINT = "330110-T01-V01";
    /** A second village point of the same township (another agent's scope). */
    public static final String VILLAGE_POINT_2 = "330110-T01-V02";

    public static final String ITEM_COMPANY_REGISTRATION = "330100-XK-0001";
    public static final String ITEM_EIA_REPORT = "330100-XK-0002-01";
    public static final String ITEM_EIA_FORM = "330100-XK-0002-02";
    public static final String ITEM_EIA_FILING = "330100-XK-0002-03";
    public static final String ITEM_CONSTRUCTION_LAND = "330100-XK-0003";
    public static final String ITEM_FIREWORKS_WHOLESALE = "330100-XK-0004";
    public static final String ITEM_HAZCHEM_SAFETY = "330100-XK-0005";
    public static final String ITEM_HAZCHEM_TRADE = "330100-XK-0006";
    public static final String ITEM_FIXED_ASSET_INVESTMENT = "330100-XK-0007";
    public static final String ITEM_GOLF_COURSE = "330100-XK-0099";
    public static final String ITEM_TREE_FELLING = "330100-XK-0101";
    public static final String ITEM_SUBSISTENCE_ALLOWANCE = "330100-GG-0102";
    public static final String ITEM_HOUSEHOLD_TRANSFER = "330100-GG-0103";

    /** Department code → Chinese name. */
    public static final Map<String, String> DEPARTMENTS = new LinkedHashMap<>();

    static {
        DEPARTMENTS.put("fgw", "区发展和改革局");
        DEPARTMENTS.put("zrzy", "区规划和自然资源局");
        DEPARTMENTS.put("zjj", "区住房和城乡建设局");
        DEPARTMENTS.put("sthj", "市生态环境局余杭分局");
        DEPARTMENTS.put("ly", "区林业水利局");
        DEPARTMENTS.put("scjg", "区市场监督管理局");
        DEPARTMENTS.put("yjgl", "区应急管理局");
        DEPARTMENTS.put("xf", "区消防救援大队");
        DEPARTMENTS.put("gaj", "区公安分局");
        DEPARTMENTS.put("mz-town", "街道民政办");
        DEPARTMENTS.put("mz", "区民政局");
    }

    private DemoData() {
    }

    public static List<ServiceCenter> centers() {
        return List.of(
                new ServiceCenter(COUNTY_CENTER, "余杭区政务服务中心", CITY, "CN", OfficeHours.standard()),
                new ServiceCenter(TOWNSHIP_POINT, "良渚街道便民服务中心", CITY, "CN", OfficeHours.standard()),
                new ServiceCenter(VILLAGE_POINT, "良渚街道港南村便民服务点", CITY, "CN", OfficeHours.standard()));
    }

    /** The demo service point tree: the county center, one township center, two village points. */
    public static List<ServicePoint> servicePoints(Instant at) {
        List<String> county = List.of(COUNTY_CENTER);
        List<String> town = List.of(COUNTY_CENTER, TOWNSHIP_POINT);
        return List.of(
                new ServicePoint(COUNTY_CENTER, "余杭区政务服务中心", ServicePoint.Level.COUNTY, null, CITY, county,
                        ServicePoint.Status.OPEN, at, null, null, 0),
                new ServicePoint(TOWNSHIP_POINT, "良渚街道便民服务中心", ServicePoint.Level.TOWNSHIP, COUNTY_CENTER, CITY,
                        town, ServicePoint.Status.OPEN, at, null, null, 0),
                new ServicePoint(VILLAGE_POINT, "良渚街道港南村便民服务点", ServicePoint.Level.VILLAGE, TOWNSHIP_POINT,
                        CITY, List.of(COUNTY_CENTER, TOWNSHIP_POINT, VILLAGE_POINT), ServicePoint.Status.OPEN, at,
                        null, null, 0),
                new ServicePoint(VILLAGE_POINT_2, "良渚街道新港村便民服务点", ServicePoint.Level.VILLAGE, TOWNSHIP_POINT,
                        CITY, List.of(COUNTY_CENTER, TOWNSHIP_POINT, VILLAGE_POINT_2), ServicePoint.Status.OPEN, at,
                        null, null, 0));
    }

    /** The one password of every demo user (demo data only; the local system seeds it, never the cloud). */
    public static final String DEMO_PASSWORD = "Demo-2025-yc";

    /**
     * Demo staff who sign in with a user name and {@link #DEMO_PASSWORD}: each is the caller of the matching demo
     * token (same id, role and scope). User name → caller id.
     */
    public static Map<String, String> users() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("window", "window-001");
        // the joint-approval departments of 固定资产投资项目审批 (ITEM_FIXED_ASSET_INVESTMENT)
        for (String code : List.of("fgw", "zrzy", "zjj", "sthj", "ly")) m.put("dept-" + code, "dept-" + code);
        m.put("agent", "agent-001");
        m.put("staff", "staff-t01");
        m.put("supervisor", "supervisor-001");
        m.put("admin", "admin-001");
        return m;
    }

    /** Demo tokens (plain here; stored only as hashes) and the callers they stand for. */
    public static Map<String, Caller> callers() {
        Map<String, Caller> m = new LinkedHashMap<>();
        m.put("demo-window", new Caller("window-001", Role.WINDOW, "综合受理窗口 1号", COUNTY_CENTER, CITY,
                COUNTY_CENTER, null));
        m.put("demo-agent", new Caller("agent-001", Role.AGENT, "港南村代办员", COUNTY_CENTER, CITY, VILLAGE_POINT,
                null));
        m.put("demo-agent-2", new Caller("agent-002", Role.AGENT, "新港村代办员", COUNTY_CENTER, CITY, VILLAGE_POINT_2,
                null));
        m.put("demo-township", new Caller("staff-t01", Role.STAFF, "良渚街道便民服务中心", COUNTY_CENTER, CITY,
                TOWNSHIP_POINT, null));
        m.put("demo-supervisor", new Caller("supervisor-001", Role.SUPERVISOR, "电子监察室", null, CITY, null, null));
        m.put("demo-admin", new Caller("admin-001", Role.ADMIN, "系统管理员", null, CITY, null, null));
        m.put("demo-terminal", new Caller("terminal-001", Role.TERMINAL, "评价器 1号", COUNTY_CENTER, CITY,
                COUNTY_CENTER, null));
        m.put("demo-kiosk", new Caller("kiosk-001", Role.KIOSK, "大厅取号机 1号", COUNTY_CENTER, CITY, null, null));
        m.put("demo-board", new Caller("board-001", Role.BOARD, "大厅叫号屏", COUNTY_CENTER, CITY, null, null));
        DEPARTMENTS.forEach((code, name) -> m.put("demo-dept-" + code,
                new Caller("dept-" + code, Role.DEPARTMENT, name, null, CITY, null, code)));
        return m;
    }

    /**
     * The demo center's queue (排队叫号): A 综合业务, B 企业开办, C 不动产登记; windows 1 and 2 comprehensive (every
     * category), 3 enterprises, 4 real estate, 5 general; green lane for the elderly, the disabled and military
     * personnel; usual service 10, 15 and 20 minutes (the estimated wait's basis before a category's first finished
     * ticket of the day); a ticket is dropped after 3 calls; tickets 08:30–17:30; appointment slots per category.
     */
    public static cn.onewindow.core.queue.QueueConfig queueConfig() {
        List<String> all = List.of("A", "B", "C");
        return new cn.onewindow.core.queue.QueueConfig(COUNTY_CENTER, List.of(
                new cn.onewindow.core.queue.QueueConfig.Category("A", "综合业务", 10),
                new cn.onewindow.core.queue.QueueConfig.Category("B", "企业开办", 15),
                new cn.onewindow.core.queue.QueueConfig.Category("C", "不动产登记", 20)), List.of(
                new cn.onewindow.core.queue.QueueConfig.Window(1, "综合受理窗口", all),
                new cn.onewindow.core.queue.QueueConfig.Window(2, "综合受理窗口", all),
                new cn.onewindow.core.queue.QueueConfig.Window(3, "企业开办窗口", List.of("B")),
                new cn.onewindow.core.queue.QueueConfig.Window(4, "不动产登记窗口", List.of("C")),
                new cn.onewindow.core.queue.QueueConfig.Window(5, "综合业务窗口", List.of("A"))),
                List.of("ELDERLY", "DISABLED", "MILITARY"), 3, java.time.LocalTime.of(8, 30),
                java.time.LocalTime.of(17, 30), List.of(
                new cn.onewindow.core.queue.QueueConfig.SlotRule("A", 30, 4),
                new cn.onewindow.core.queue.QueueConfig.SlotRule("B", 30, 3),
                new cn.onewindow.core.queue.QueueConfig.SlotRule("C", 60, 2)), 0);
    }

    public static List<ServiceItem> items(Instant at) {
        return List.of(
                item(ITEM_COMPANY_REGISTRATION, "企业设立登记（三证合一）", "scjg", ItemType.ADMINISTRATIVE_LICENSE,
                        HandlingMode.IMMEDIATE, 15, 0, List.of(
                                m("M01", "公司登记（备案）申请书", MaterialForm.ORIGINAL, 1, false),
                                m("M02", "公司章程", MaterialForm.ORIGINAL, 1, false),
                                m("M03", "股东主体资格证明或自然人身份证件", MaterialForm.COPY, 1, false),
                                m("M04", "法定代表人、董事、监事和经理的任职文件", MaterialForm.ORIGINAL, 1, false),
                                m("M05", "住所使用证明", MaterialForm.COPY, 1, true),
                                m("M06", "指定代表或者共同委托代理人授权委托书", MaterialForm.ORIGINAL, 1, false)),
                        List.of(), null, false, null),
                item(ITEM_EIA_REPORT, "建设项目环境影响评价审批（报告书）", "sthj", ItemType.ADMINISTRATIVE_LICENSE,
                        HandlingMode.PROMISED, 60, 15, List.of(
                                m("M01", "建设项目环境影响评价文件审批申请表", MaterialForm.ORIGINAL, 1, false),
                                m("M02", "环境影响报告书（全本）", MaterialForm.ORIGINAL, 2, false),
                                m("M03", "公众参与说明", MaterialForm.ORIGINAL, 1, false),
                                m("M04", "项目立项（备案）文件", MaterialForm.COPY, 1, true)),
                        List.of(), null, false, null),
                item(ITEM_EIA_FORM, "建设项目环境影响评价审批（报告表）", "sthj", ItemType.ADMINISTRATIVE_LICENSE,
                        HandlingMode.PROMISED, 30, 7, List.of(
                                m("M01", "建设项目环境影响评价文件审批申请表", MaterialForm.ORIGINAL, 1, false),
                                m("M02", "环境影响报告表", MaterialForm.ORIGINAL, 2, false),
                                m("M03", "建设单位营业执照", MaterialForm.COPY, 1, false),
                                m("M04", "项目立项（备案）文件", MaterialForm.COPY, 1, true)),
                        List.of(), null, false, null),
                item(ITEM_EIA_FILING, "建设项目环境影响登记表备案", "sthj", ItemType.OTHER, HandlingMode.IMMEDIATE, 7, 0,
                        List.of(m("M01", "建设项目环境影响登记表", MaterialForm.ORIGINAL, 1, false),
                                m("M02", "建设单位营业执照或法人证书", MaterialForm.COPY, 1, false),
                                m("M03", "项目位置及平面布置图", MaterialForm.COPY, 1, false)),
                        List.of(), null, false, null),
                item(ITEM_CONSTRUCTION_LAND, "建设用地审批", "zrzy", ItemType.ADMINISTRATIVE_LICENSE,
                        HandlingMode.PROMISED, 60, 12, List.of(
                                m("M01", "建设用地申请表", MaterialForm.ORIGINAL, 1, false),
                                m("M02", "建设项目用地预审与选址意见书", MaterialForm.COPY, 1, false),
                                m("M03", "勘测定界图及技术报告", MaterialForm.ORIGINAL, 1, false),
                                m("M04", "项目批准、核准或备案文件", MaterialForm.COPY, 1, true)),
                        List.of(new AcceptanceCondition("C01", "项目用地符合国土空间规划",
                                "《中华人民共和国土地管理法》第五十二条")), List.of(), null, false, null),
                item(ITEM_FIREWORKS_WHOLESALE, "烟花爆竹经营（批发）许可证初审", "yjgl", ItemType.ADMINISTRATIVE_LICENSE,
                        HandlingMode.PROMISED, 20, 5, List.of(
                                m("M01", "烟花爆竹经营（批发）许可证申请书", MaterialForm.ORIGINAL, 1, false),
                                m("M02", "仓储设施的安全评价报告", MaterialForm.ORIGINAL, 1, false),
                                m("M03", "主要负责人和安全管理人员安全培训合格证明", MaterialForm.COPY, 1, false),
                                m("M04", "安全生产管理制度和岗位操作规程", MaterialForm.COPY, 1, true)),
                        List.of(new AcceptanceCondition("C01", "具有符合国家标准的经营场所和仓储设施",
                                "《烟花爆竹安全管理条例》第十七条")), List.of(), null, false, null),
                item(ITEM_HAZCHEM_SAFETY, "危险化学品建设项目安全许可", "yjgl", ItemType.ADMINISTRATIVE_LICENSE,
                        HandlingMode.PROMISED, 60, 50, List.of(
                                m("M01", "建设项目安全条件审查申请书", MaterialForm.ORIGINAL, 1, false),
                                m("M02", "建设项目安全评价报告", MaterialForm.ORIGINAL, 1, false),
                                m("M03", "建设项目批准、核准或者备案文件", MaterialForm.COPY, 1, false),
                                m("M04", "工商营业执照", MaterialForm.COPY, 1, false)),
                        List.of(), null, false, null),
                item(ITEM_HAZCHEM_TRADE, "危险化学品经营许可证（乙证）", "yjgl", ItemType.ADMINISTRATIVE_LICENSE,
                        HandlingMode.JOINT, 30, 15, List.of(
                                m("M01", "危险化学品经营许可证申请表", MaterialForm.ORIGINAL, 1, false),
                                m("M02", "经营和储存场所产权证明或租赁合同", MaterialForm.COPY, 1, false),
                                m("M03", "安全生产规章制度和岗位操作规程目录", MaterialForm.COPY, 1, false),
                                m("M04", "主要负责人、安全管理人员安全资格证书", MaterialForm.COPY, 1, true)),
                        List.of(dept("yjgl", 10), dept("xf", 10), dept("scjg", 7)), null, false, null),
                item(ITEM_FIXED_ASSET_INVESTMENT, "固定资产投资项目审批", "fgw", ItemType.ADMINISTRATIVE_LICENSE,
                        HandlingMode.JOINT, 45, 20, List.of(
                                m("M01", "项目申请报告", MaterialForm.ORIGINAL, 2, false),
                                m("M02", "项目建议书批复或备案通知书", MaterialForm.COPY, 1, false),
                                m("M03", "建设项目用地预审与选址意见书", MaterialForm.COPY, 1, false),
                                m("M04", "环境影响评价文件", MaterialForm.ORIGINAL, 1, false),
                                m("M05", "使用林地审核同意书", MaterialForm.COPY, 1, true)),
                        List.of(dept("fgw", 15), dept("zrzy", 12), dept("zjj", 12), dept("sthj", 15), dept("ly", 10)),
                        null, false, null),
                item(ITEM_GOLF_COURSE, "高尔夫球场建设项目审批", "fgw", ItemType.ADMINISTRATIVE_LICENSE,
                        HandlingMode.PROMISED, 20, 10, List.of(
                                m("M01", "项目申请报告", MaterialForm.ORIGINAL, 1, false),
                                m("M02", "用地预审意见", MaterialForm.COPY, 1, false),
                                m("M03", "环境影响评价文件", MaterialForm.ORIGINAL, 1, false)),
                        List.of(), null, true,
                        "国家发展改革委等11部门《关于开展高尔夫球场综合清理整治工作的通知》（发改社会〔2014〕1565号）：严禁新建高尔夫球场"),
                item(ITEM_TREE_FELLING, "林木零星采伐许可", "ly", ItemType.ADMINISTRATIVE_LICENSE, HandlingMode.PROMISED,
                        20, 5, List.of(
                                m("M01", "林木采伐申请表", MaterialForm.ORIGINAL, 1, false),
                                m("M02", "申请人身份证明", MaterialForm.COPY, 1, false),
                                m("M03", "林木权属证明", MaterialForm.COPY, 1, false),
                                m("M04", "村委会意见", MaterialForm.ORIGINAL, 1, true)),
                        List.of(), null, false, null),
                item(ITEM_SUBSISTENCE_ALLOWANCE, "最低生活保障申请", "mz-town", ItemType.PUBLIC_SERVICE,
                        HandlingMode.ESCALATED, 30, 10, List.of(
                                m("M01", "最低生活保障申请书", MaterialForm.ORIGINAL, 1, false),
                                m("M02", "家庭成员身份证及户口簿", MaterialForm.COPY, 1, false),
                                m("M03", "家庭经济状况核对授权书", MaterialForm.ORIGINAL, 1, false),
                                m("M04", "家庭收入及财产申报表", MaterialForm.ORIGINAL, 1, true)),
                        List.of(), dept("mz", 10), false, null),
                item(ITEM_HOUSEHOLD_TRANSFER, "户口迁移", "gaj", ItemType.PUBLIC_SERVICE, HandlingMode.PROMISED, 20, 5,
                        List.of(m("M01", "户口迁移申请表", MaterialForm.ORIGINAL, 1, false),
                                m("M02", "居民户口簿", MaterialForm.ORIGINAL_AND_COPY, 1, false),
                                m("M03", "居民身份证", MaterialForm.ORIGINAL_AND_COPY, 1, false),
                                m("M04", "迁入地住房证明", MaterialForm.COPY, 1, true)),
                        List.of(), null, false, null))
                .stream().map(i -> i.code().equals(ITEM_HAZCHEM_TRADE) ? deemedApproved(i) : i)
                .map(i -> i.asVersion(1, ChangeType.ADDED, at)).toList();
    }

    /** 超时默认制: on this item a department that lets its task go overdue counts as approving. */
    private static ServiceItem deemedApproved(ServiceItem i) {
        return new ServiceItem(i.code(), i.version(), i.name(), i.departmentCode(), i.departmentName(), i.type(),
                i.mode(), i.regionCode(), i.legalDays(), i.promisedDays(), i.fee(), i.feeBasis(), i.conditions(),
                i.materials(), i.departments(), i.escalateTo(), i.controlled(), i.controlBasis(), true,
                i.warningDaysBefore(), i.status(), i.changeType(), i.versionedAt());
    }

    private static ServiceItem item(String code, String name, String dept, ItemType type, HandlingMode mode,
                                    int legal, int promised, List<MaterialRequirement> materials,
                                    List<ParticipatingDepartment> departments, ParticipatingDepartment escalateTo,
                                    boolean controlled, String controlBasis) {
        return item(code, name, dept, type, mode, legal, promised, materials, List.of(), departments, escalateTo,
                controlled, controlBasis);
    }

    private static ServiceItem item(String code, String name, String dept, ItemType type, HandlingMode mode,
                                    int legal, int promised, List<MaterialRequirement> materials,
                                    List<AcceptanceCondition> conditions, List<ParticipatingDepartment> departments,
                                    ParticipatingDepartment escalateTo, boolean controlled, String controlBasis) {
        return new ServiceItem(code, 1, name, dept, DEPARTMENTS.get(dept), type, mode, CITY, legal, promised,
                BigDecimal.ZERO, "不收费", conditions, materials, departments, escalateTo, controlled, controlBasis,
                false, 1, ItemStatus.ACTIVE, ChangeType.ADDED, null);
    }

    private static MaterialRequirement m(String code, String name, MaterialForm form, int copies, boolean tolerable) {
        return new MaterialRequirement(code, name, form, copies, true, tolerable);
    }

    private static ParticipatingDepartment dept(String code, int days) {
        return new ParticipatingDepartment(code, DEPARTMENTS.get(code), days);
    }
}
