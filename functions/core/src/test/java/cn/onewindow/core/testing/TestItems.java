package cn.onewindow.core.testing;

import cn.onewindow.core.identity.Actor;
import cn.onewindow.core.identity.Role;
import cn.onewindow.core.catalog.AcceptanceCondition;
import cn.onewindow.core.catalog.ChangeType;
import cn.onewindow.core.catalog.HandlingMode;
import cn.onewindow.core.catalog.ItemStatus;
import cn.onewindow.core.catalog.ItemType;
import cn.onewindow.core.catalog.MaterialForm;
import cn.onewindow.core.catalog.MaterialRequirement;
import cn.onewindow.core.catalog.ParticipatingDepartment;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.FieldError;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds catalog items for tests: a valid PROMISED item by default, changed one field at a time. */
public final class TestItems {
    public static final Actor WINDOW = new Actor(Role.WINDOW, "window-001", "330110-ZX", "330110-ZX", null);
    public static final Actor DEPARTMENT = new Actor(Role.DEPARTMENT, "dept-zrzy", null, null, "zrzy");

    private TestItems() {
    }

    public static MaterialRequirement material(String code, String name, int copies, boolean mandatory,
                                               boolean tolerable) {
        return new MaterialRequirement(code, name, MaterialForm.ORIGINAL, copies, mandatory, tolerable);
    }

    public static Builder promised() {
        return new Builder();
    }

    /** "field:CODE" of every error, to compare in one assertion. */
    public static List<String> fieldsAndCodes(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.code()).collect(Collectors.toList());
    }

    public static final class Builder {
        public String code = "330100-XK-0012-01";
        public int version = 1;
        public String name = "建设用地审批";
        public String departmentCode = "zrzy";
        public String departmentName = "区规划和自然资源局";
        public ItemType type = ItemType.ADMINISTRATIVE_LICENSE;
        public HandlingMode mode = HandlingMode.PROMISED;
        public String regionCode = "330100";
        public int legalDays = 60;
        public int promisedDays = 12;
        public BigDecimal fee = BigDecimal.ZERO;
        public String feeBasis = "不收费";
        public List<AcceptanceCondition> conditions = new ArrayList<>(List.of(
                new AcceptanceCondition("C01", "项目用地符合国土空间规划", "《中华人民共和国土地管理法》第五十二条")));
        public List<MaterialRequirement> materials = new ArrayList<>(List.of(
                material("M01", "建设用地申请表", 1, true, false),
                material("M02", "勘测定界图及技术报告", 2, true, false),
                material("M03", "项目批准文件", 1, true, true)));
        public List<ParticipatingDepartment> departments = new ArrayList<>();
        public ParticipatingDepartment escalateTo;
        public boolean controlled;
        public String controlBasis;
        public boolean deemedApproved;
        public int warningDaysBefore = 1;
        public ItemStatus status = ItemStatus.ACTIVE;
        public ChangeType changeType = ChangeType.ADDED;
        public Instant versionedAt = Instant.parse("2025-01-02T00:00:00Z");

        public Builder code(String v) { code = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder mode(HandlingMode v) { mode = v; return this; }
        public Builder region(String v) { regionCode = v; return this; }
        public Builder legal(int v) { legalDays = v; return this; }
        public Builder promised(int v) { promisedDays = v; return this; }
        public Builder fee(BigDecimal v) { fee = v; return this; }
        public Builder conditions(AcceptanceCondition... v) { conditions = new ArrayList<>(List.of(v)); return this; }
        public Builder materials(MaterialRequirement... v) { materials = new ArrayList<>(List.of(v)); return this; }
        public Builder departments(ParticipatingDepartment... v) { departments = new ArrayList<>(List.of(v)); return this; }
        public Builder escalateTo(ParticipatingDepartment v) { escalateTo = v; return this; }
        public Builder controlled(String basis) { controlled = true; controlBasis = basis; return this; }
        public Builder status(ItemStatus v) { status = v; return this; }
        public Builder version(int v) { version = v; return this; }
        public Builder versionedAt(Instant v) { versionedAt = v; return this; }
        public Builder changeType(ChangeType v) { changeType = v; return this; }

        public ServiceItem build() {
            return new ServiceItem(code, version, name, departmentCode, departmentName, type, mode, regionCode,
                    legalDays, promisedDays, fee, feeBasis, conditions, materials, departments, escalateTo,
                    controlled, controlBasis, deemedApproved, warningDaysBefore, status, changeType, versionedAt);
        }
    }
}
