package cn.onewindow.core.catalog;

import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.common.Validator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a catalog item must satisfy before it is stored. */
public final class ItemValidator {

    /** 6-digit region, 2–4 letter category, 4-digit main item, then up to two 2-digit levels (子项, 孙项). */
    public static final Pattern CODE = Pattern.compile("^\\d{6}-[A-Z]{2,4}-\\d{4}(-\\d{2}){0,2}$");
    private static final Pattern REGION = Pattern.compile("^\\d{6}$");
    private static final Pattern MATERIAL_CODE = Pattern.compile("^[A-Za-z0-9_-]{1,32}$");
    private static final Pattern DEPARTMENT_CODE = Pattern.compile("^[a-z][a-z0-9-]{1,31}$");

    /**
     * Most participating departments of a JOINT item: its acceptance writes the case, per department a task and its
     * two timers, the history and the outbox in one DynamoDB transaction (at most 100 items), so an item that could
     * never be accepted is refused here, at catalog time ({@code TOO_MANY_DEPARTMENTS}).
     */
    public static final int MAX_DEPARTMENTS = 25;

    private ItemValidator() {
    }

    public static List<FieldError> validate(ServiceItem item) {
        Validator v = new Validator();
        v.require(item.code() != null && CODE.matcher(item.code()).matches(), "code", "INVALID_ITEM_CODE",
                "事项编码格式应为 区划-类别-主项[-子项[-孙项]]，如 330100-XK-0012-01",
                "code must look like 330100-XK-0012-01");
        v.notBlank(item.name(), "name").maxLength(item.name(), 200, "name");
        v.require(item.departmentCode() != null && DEPARTMENT_CODE.matcher(item.departmentCode()).matches(),
                "departmentCode", "INVALID_DEPARTMENT", "部门编码无效", "departmentCode must be lower-case letters, digits, '-'");
        v.notBlank(item.departmentName(), "departmentName");
        v.notNull(item.type(), "type");
        v.notNull(item.mode(), "mode");
        v.require(item.regionCode() != null && REGION.matcher(item.regionCode()).matches(), "regionCode",
                "INVALID_REGION", "行政区划代码应为6位数字", "regionCode must be 6 digits");
        v.range(item.legalDays(), 0, 365, "legalDays");
        v.range(item.promisedDays(), 0, 365, "promisedDays");
        v.require(item.promisedDays() <= item.legalDays(), "promisedDays", "PROMISE_EXCEEDS_LEGAL",
                "承诺时限不得超过法定时限", "promisedDays must not exceed legalDays");
        v.require(item.fee().signum() >= 0, "fee", "OUT_OF_RANGE", "收费不得为负", "fee must not be negative");
        v.range(item.warningDaysBefore(), 0, 30, "warningDaysBefore");
        if (item.controlled()) {
            v.notBlank(item.controlBasis(), "controlBasis");
        } else {
            v.require(!item.materials().isEmpty(), "materials", "REQUIRED", "至少需要一项申请材料",
                    "at least one material is required");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < item.materials().size(); i++) {
            MaterialRequirement m = item.materials().get(i);
            String f = "materials[" + i + "]";
            v.require(m.code() != null && MATERIAL_CODE.matcher(m.code()).matches(), f + ".code",
                    "INVALID_MATERIAL_CODE", "材料编码无效", "material code must be 1–32 letters, digits, '_' or '-'");
            v.require(m.code() == null || codes.add(m.code()), f + ".code", "DUPLICATE", "材料编码重复",
                    "material code is listed twice");
            v.notBlank(m.name(), f + ".name");
            v.notNull(m.form(), f + ".form");
            v.range(m.copies(), 1, 20, f + ".copies");
            v.require(!m.tolerable() || m.mandatory(), f + ".tolerable", "TOLERABLE_NOT_MANDATORY",
                    "容缺材料必须是必交材料", "a tolerable material must be mandatory");
        }
        for (int i = 0; i < item.conditions().size(); i++) {
            AcceptanceCondition c = item.conditions().get(i);
            v.notBlank(c.code(), "conditions[" + i + "].code");
            v.notBlank(c.description(), "conditions[" + i + "].description");
            v.notBlank(c.legalBasis(), "conditions[" + i + "].legalBasis");
        }
        if (item.mode() == HandlingMode.JOINT) {
            v.require(item.departments().size() >= 2, "departments", "JOINT_NEEDS_DEPARTMENTS",
                    "联办件至少需要两个参与部门", "a JOINT item names at least two participating departments");
            v.require(item.departments().size() <= MAX_DEPARTMENTS, "departments", "TOO_MANY_DEPARTMENTS",
                    "联办件参与部门不能超过" + MAX_DEPARTMENTS + "个",
                    "a JOINT item names at most " + MAX_DEPARTMENTS + " participating departments");
            Set<String> depts = new HashSet<>();
            for (int i = 0; i < item.departments().size(); i++) {
                ParticipatingDepartment d = item.departments().get(i);
                String f = "departments[" + i + "]";
                v.require(d.code() != null && DEPARTMENT_CODE.matcher(d.code()).matches(), f + ".code",
                        "INVALID_DEPARTMENT", "部门编码无效", "department code is invalid");
                v.require(d.code() == null || depts.add(d.code()), f + ".code", "DUPLICATE", "部门重复",
                        "department is listed twice");
                v.notBlank(d.name(), f + ".name");
                v.range(d.timeLimitDays(), 1, 365, f + ".timeLimitDays");
                v.require(d.timeLimitDays() <= Math.max(item.promisedDays(), 1), f + ".timeLimitDays",
                        "DEPARTMENT_LIMIT_EXCEEDS_PROMISE", "部门时限不得超过事项承诺时限",
                        "a department's limit must not exceed the item's promised limit");
            }
        } else {
            v.require(item.departments().isEmpty(), "departments", "ONLY_FOR_JOINT", "仅联办件可设置参与部门",
                    "only JOINT items name participating departments");
        }
        if (item.mode() == HandlingMode.ESCALATED) {
            v.require(item.escalateTo() != null, "escalateTo", "REQUIRED", "上报件须指明上级审批机关",
                    "an ESCALATED item names the higher authority");
            if (item.escalateTo() != null) {
                v.require(item.escalateTo().code() != null
                                && DEPARTMENT_CODE.matcher(item.escalateTo().code()).matches(),
                        "escalateTo.code", "INVALID_DEPARTMENT", "部门编码无效", "department code is invalid");
                v.notBlank(item.escalateTo().name(), "escalateTo.name");
                v.range(item.escalateTo().timeLimitDays(), 1, 365, "escalateTo.timeLimitDays");
            }
        } else {
            v.require(item.escalateTo() == null, "escalateTo", "ONLY_FOR_ESCALATED", "仅上报件可设置上级机关",
                    "only ESCALATED items name a higher authority");
        }
        if (item.mode() == HandlingMode.IMMEDIATE) {
            v.require(item.promisedDays() == 0, "promisedDays", "IMMEDIATE_IS_SAME_DAY", "即办件承诺时限应为0",
                    "an IMMEDIATE item is promised 0 days (same day)");
        }
        return v.errors();
    }
}
