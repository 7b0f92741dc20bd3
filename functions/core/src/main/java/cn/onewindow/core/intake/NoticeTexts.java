package cn.onewindow.core.intake;

import cn.onewindow.core.cases.Notice;
import cn.onewindow.core.cases.NoticeType;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.cases.Suspension;
import cn.onewindow.core.catalog.HandlingMode;
import cn.onewindow.core.catalog.MaterialRequirement;
import cn.onewindow.core.catalog.ServiceItem;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The Chinese texts of the notices handed to applicants. */
public final class NoticeTexts {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private NoticeTexts() {
    }

    public static Notice oneTimeNotice(ServiceCase.Snapshot c, ServiceItem item, List<String> missing, Instant now) {
        StringBuilder t = header(NoticeType.ONE_TIME_NOTICE, c);
        t.append("您申请的“").append(item.name()).append("”尚缺以下材料，现一次性告知，请补齐后再行受理：\n");
        int i = 1;
        for (String code : missing) {
            MaterialRequirement m = item.material(code).orElse(null);
            t.append(i++).append(". ").append(m != null ? describe(m) : code).append('\n');
        }
        t.append("材料补齐之日起开始计算办理时限。");
        return new Notice(NoticeType.ONE_TIME_NOTICE, missing, t.toString(), now);
    }

    public static Notice notAccepted(ServiceCase.Snapshot c, String itemName, String reason, String basis,
                                     Instant now) {
        StringBuilder t = header(NoticeType.NOT_ACCEPTED, c);
        t.append("您申请的“").append(itemName).append("”，经审查不予受理。\n理由：").append(reason).append('\n');
        if (basis != null) t.append("依据：").append(basis).append('\n');
        t.append("如不服本决定，可依法申请行政复议或者提起行政诉讼。");
        return new Notice(NoticeType.NOT_ACCEPTED, List.of(), t.toString(), now);
    }

    public static Notice acceptance(ServiceCase.Snapshot c, ServiceItem item, Instant dueAt, boolean provisional,
                                    List<String> outstandingTolerable, Instant now) {
        NoticeType type = !outstandingTolerable.isEmpty() ? NoticeType.DEFICIENCY_ACCEPTANCE
                : item.mode() == HandlingMode.PROMISED ? NoticeType.PROMISE : NoticeType.ACCEPTANCE;
        StringBuilder t = header(type, c);
        t.append("您申请的“").append(item.name()).append("”（").append(item.mode().chinese()).append("）材料");
        t.append(outstandingTolerable.isEmpty() ? "齐全，符合法定形式，予以受理。\n" : "主要材料齐全，予以容缺受理。\n");
        switch (item.mode()) {
            case IMMEDIATE -> t.append("本事项为即办件，当场办结。\n");
            case PROMISED -> t.append("法定办理时限").append(item.legalDays()).append("个工作日，承诺办理时限")
                    .append(item.promisedDays()).append("个工作日。\n");
            case JOINT -> t.append("本事项实行并联审批，由窗口统一分送各部门同步审查，统一出件。\n");
            case ESCALATED -> t.append("本事项经本级审查后报上级机关审批，结果由窗口统一告知。\n");
        }
        if (dueAt != null) {
            t.append("承诺办结时间：").append(DAY_TIME.format(dueAt.atZone(ZONE)));
            if (provisional) t.append("（该年度工作日历尚未发布，按双休日暂定）");
            t.append('\n');
        }
        if (!outstandingTolerable.isEmpty()) {
            t.append("请于出件前补齐以下容缺材料：").append(String.join("、", names(item, outstandingTolerable)))
                    .append("；补齐前不予出件。\n");
        }
        t.append("收费：").append(item.fee().signum() == 0 ? "不收费" : item.fee().toPlainString() + "元").append('。');
        return new Notice(type, outstandingTolerable, t.toString(), now);
    }

    public static Notice denial(ServiceCase.Snapshot c, List<String> reasons, Instant now) {
        StringBuilder t = header(NoticeType.DENIAL, c);
        t.append("您申请的“").append(c.itemName()).append("”经审查不予许可，现予退办。理由如下：\n");
        int i = 1;
        for (String r : reasons) t.append(i++).append(". ").append(r).append('\n');
        t.append("如不服本决定，可依法申请行政复议或者提起行政诉讼。");
        return new Notice(NoticeType.DENIAL, List.of(), t.toString(), now);
    }

    public static Notice resultReady(ServiceCase.Snapshot c, String resultNumber, Instant now) {
        StringBuilder t = header(NoticeType.RESULT_READY, c);
        t.append("您申请的“").append(c.itemName()).append("”已办结，结果文书编号").append(resultNumber)
                .append("，请凭受理回执到窗口领取，或由代办员代为送达。");
        return new Notice(NoticeType.RESULT_READY, List.of(), t.toString(), now);
    }

    public static Notice suspension(ServiceCase.Snapshot c, Suspension.Kind kind, String reason, Instant now) {
        StringBuilder t = header(NoticeType.SUSPENSION, c);
        t.append("您申请的“").append(c.itemName()).append("”需进行").append(kind.chinese())
                .append("，自").append(DAY.format(now.atZone(ZONE))).append("起暂停计算办理时限。\n原因：")
                .append(reason).append("\n所需时间不计入办理时限（《中华人民共和国行政许可法》第四十五条）。");
        return new Notice(NoticeType.SUSPENSION, List.of(), t.toString(), now);
    }

    public static Notice extension(ServiceCase.Snapshot c, int days, String reason, Instant newDue, Instant now) {
        StringBuilder t = header(NoticeType.EXTENSION, c);
        t.append("您申请的“").append(c.itemName()).append("”因").append(reason).append("，经批准延长办理时限")
                .append(days).append("个工作日，办结时间调整为").append(DAY_TIME.format(newDue.atZone(ZONE)))
                .append("（《中华人民共和国行政许可法》第四十二条）。");
        return new Notice(NoticeType.EXTENSION, List.of(), t.toString(), now);
    }

    /** An instant as Shanghai wall time, e.g. 2025年5月15日 18:00. */
    public static String localTime(Instant t) {
        return DAY_TIME.format(t.atZone(ZONE));
    }

    private static StringBuilder header(NoticeType type, ServiceCase.Snapshot c) {
        StringBuilder t = new StringBuilder();
        t.append(type.chinese()).append('\n').append("办件编号：").append(c.id()).append('\n');
        if (c.applicant() != null && c.applicant().name() != null) {
            t.append(c.applicant().name()).append("：\n");
        }
        return t;
    }

    private static String describe(MaterialRequirement m) {
        return m.name() + "（" + m.form().chinese() + m.copies() + "份）";
    }

    private static List<String> names(ServiceItem item, List<String> codes) {
        return codes.stream().map(code -> item.material(code).map(MaterialRequirement::name).orElse(code)).toList();
    }
}
