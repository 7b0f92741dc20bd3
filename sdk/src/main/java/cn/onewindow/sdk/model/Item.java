package cn.onewindow.sdk.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A catalog item version (事项).
 */
public final class Item {
    private final String code;
    private final Integer version;
    private final String name;
    private final String departmentCode;
    private final String departmentName;
    private final String type;
    private final String mode;
    private final String regionCode;
    private final Integer legalDays;
    private final Integer promisedDays;
    private final BigDecimal fee;
    private final String feeBasis;
    private final List<AcceptanceCondition> conditions;
    private final List<MaterialRequirement> materials;
    private final List<Department> departments;
    private final Department escalateTo;
    private final Boolean controlled;
    private final String controlBasis;
    private final Boolean deemedApprovedOnTimeout;
    private final Integer warningDaysBefore;
    private final String status;
    private final String changeType;
    private final Instant versionedAt;

    private Item(Builder b) {
        this.code = b.code;
        this.version = b.version;
        this.name = b.name;
        this.departmentCode = b.departmentCode;
        this.departmentName = b.departmentName;
        this.type = b.type;
        this.mode = b.mode;
        this.regionCode = b.regionCode;
        this.legalDays = b.legalDays;
        this.promisedDays = b.promisedDays;
        this.fee = b.fee;
        this.feeBasis = b.feeBasis;
        this.conditions = Lists.copy(b.conditions);
        this.materials = Lists.copy(b.materials);
        this.departments = Lists.copy(b.departments);
        this.escalateTo = b.escalateTo;
        this.controlled = b.controlled;
        this.controlBasis = b.controlBasis;
        this.deemedApprovedOnTimeout = b.deemedApprovedOnTimeout;
        this.warningDaysBefore = b.warningDaysBefore;
        this.status = b.status;
        this.changeType = b.changeType;
        this.versionedAt = b.versionedAt;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.code = code;
        b.version = version;
        b.name = name;
        b.departmentCode = departmentCode;
        b.departmentName = departmentName;
        b.type = type;
        b.mode = mode;
        b.regionCode = regionCode;
        b.legalDays = legalDays;
        b.promisedDays = promisedDays;
        b.fee = fee;
        b.feeBasis = feeBasis;
        b.conditions = conditions;
        b.materials = materials;
        b.departments = departments;
        b.escalateTo = escalateTo;
        b.controlled = controlled;
        b.controlBasis = controlBasis;
        b.deemedApprovedOnTimeout = deemedApprovedOnTimeout;
        b.warningDaysBefore = warningDaysBefore;
        b.status = status;
        b.changeType = changeType;
        b.versionedAt = versionedAt;
        return b;
    }

    /** @return hierarchical code, e.g. {@code 330100-XK-0007} */
    public String code() {
        return code;
    }

    /** @return catalog version */
    public Integer version() {
        return version;
    }

    /** @return Chinese name */
    public String name() {
        return name;
    }

    /** @return owning department */
    public String departmentCode() {
        return departmentCode;
    }

    /** @return its Chinese name */
    public String departmentName() {
        return departmentName;
    }

    /** @return item type; {@link ItemType#UNKNOWN} for a value this SDK version does not know yet (see {@link #typeValue()}) */
    public ItemType type() {
        return ItemType.of(type);
    }

    /** @return item type, exactly as the server sent it */
    public String typeValue() {
        return type;
    }

    /** @return handling mode; {@link HandlingMode#UNKNOWN} for a value this SDK version does not know yet (see {@link #modeValue()}) */
    public HandlingMode mode() {
        return HandlingMode.of(mode);
    }

    /** @return handling mode, exactly as the server sent it */
    public String modeValue() {
        return mode;
    }

    /** @return region (city) the item belongs to */
    public String regionCode() {
        return regionCode;
    }

    /** @return legal limit in working days */
    public Integer legalDays() {
        return legalDays;
    }

    /** @return promised limit in working days (0 = same day) */
    public Integer promisedDays() {
        return promisedDays;
    }

    /** @return fee */
    public BigDecimal fee() {
        return fee;
    }

    /** @return basis of the fee */
    public String feeBasis() {
        return feeBasis;
    }

    /** @return acceptance conditions (never {@code null}; empty when absent) */
    public List<AcceptanceCondition> conditions() {
        return conditions;
    }

    /** @return required materials (never {@code null}; empty when absent) */
    public List<MaterialRequirement> materials() {
        return materials;
    }

    /** @return participating departments (joint items) (never {@code null}; empty when absent) */
    public List<Department> departments() {
        return departments;
    }

    /** @return the higher authority (escalated items) */
    public Department escalateTo() {
        return escalateTo;
    }

    /** @return forbidden by policy (控制事项) */
    public Boolean controlled() {
        return controlled;
    }

    /** @return legal basis of the control */
    public String controlBasis() {
        return controlBasis;
    }

    /** @return an overdue department task counts as approved (超时默认制) */
    public Boolean deemedApprovedOnTimeout() {
        return deemedApprovedOnTimeout;
    }

    /** @return warning point in working days before due */
    public Integer warningDaysBefore() {
        return warningDaysBefore;
    }

    /** @return active or cancelled; {@link ItemStatus#UNKNOWN} for a value this SDK version does not know yet (see {@link #statusValue()}) */
    public ItemStatus status() {
        return ItemStatus.of(status);
    }

    /** @return active or cancelled, exactly as the server sent it */
    public String statusValue() {
        return status;
    }

    /** @return how this version came about; {@link ChangeType#UNKNOWN} for a value this SDK version does not know yet (see {@link #changeTypeValue()}) */
    public ChangeType changeType() {
        return ChangeType.of(changeType);
    }

    /** @return how this version came about, exactly as the server sent it */
    public String changeTypeValue() {
        return changeType;
    }

    /** @return when this version was made */
    public Instant versionedAt() {
        return versionedAt;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Item)) return false;
        Item that = (Item) o;
        return Objects.equals(code, that.code)
                && Objects.equals(version, that.version)
                && Objects.equals(name, that.name)
                && Objects.equals(departmentCode, that.departmentCode)
                && Objects.equals(departmentName, that.departmentName)
                && Objects.equals(type, that.type)
                && Objects.equals(mode, that.mode)
                && Objects.equals(regionCode, that.regionCode)
                && Objects.equals(legalDays, that.legalDays)
                && Objects.equals(promisedDays, that.promisedDays)
                && Objects.equals(fee, that.fee)
                && Objects.equals(feeBasis, that.feeBasis)
                && Objects.equals(conditions, that.conditions)
                && Objects.equals(materials, that.materials)
                && Objects.equals(departments, that.departments)
                && Objects.equals(escalateTo, that.escalateTo)
                && Objects.equals(controlled, that.controlled)
                && Objects.equals(controlBasis, that.controlBasis)
                && Objects.equals(deemedApprovedOnTimeout, that.deemedApprovedOnTimeout)
                && Objects.equals(warningDaysBefore, that.warningDaysBefore)
                && Objects.equals(status, that.status)
                && Objects.equals(changeType, that.changeType)
                && Objects.equals(versionedAt, that.versionedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, version, name, departmentCode, departmentName, type, mode, regionCode, legalDays, promisedDays, fee, feeBasis, conditions, materials, departments, escalateTo, controlled, controlBasis, deemedApprovedOnTimeout, warningDaysBefore, status, changeType, versionedAt);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Item{");
        s.append("code=").append(code);
        s.append(", version=").append(version);
        s.append(", name=").append(name);
        s.append(", departmentCode=").append(departmentCode);
        s.append(", departmentName=").append(departmentName);
        s.append(", type=").append(type);
        s.append(", mode=").append(mode);
        s.append(", regionCode=").append(regionCode);
        s.append(", legalDays=").append(legalDays);
        s.append(", promisedDays=").append(promisedDays);
        s.append(", fee=").append(fee);
        s.append(", feeBasis=").append(feeBasis);
        s.append(", conditions=").append(conditions.size()).append(" item(s)");
        s.append(", materials=").append(materials.size()).append(" item(s)");
        s.append(", departments=").append(departments.size()).append(" item(s)");
        s.append(", escalateTo=").append(escalateTo);
        s.append(", controlled=").append(controlled);
        s.append(", controlBasis=").append(controlBasis);
        s.append(", deemedApprovedOnTimeout=").append(deemedApprovedOnTimeout);
        s.append(", warningDaysBefore=").append(warningDaysBefore);
        s.append(", status=").append(status);
        s.append(", changeType=").append(changeType);
        s.append(", versionedAt=").append(versionedAt);
        return s.append('}').toString();
    }

    /** Builds a {@link Item}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String code;
        private Integer version;
        private String name;
        private String departmentCode;
        private String departmentName;
        private String type;
        private String mode;
        private String regionCode;
        private Integer legalDays;
        private Integer promisedDays;
        private BigDecimal fee;
        private String feeBasis;
        private List<AcceptanceCondition> conditions;
        private List<MaterialRequirement> materials;
        private List<Department> departments;
        private Department escalateTo;
        private Boolean controlled;
        private String controlBasis;
        private Boolean deemedApprovedOnTimeout;
        private Integer warningDaysBefore;
        private String status;
        private String changeType;
        private Instant versionedAt;

        private Builder() {
        }

        /** @param value hierarchical code, e.g. {@code 330100-XK-0007} @return this builder */
        public Builder code(String value) {
            this.code = value;
            return this;
        }

        /** @param value catalog version @return this builder */
        public Builder version(Integer value) {
            this.version = value;
            return this;
        }

        /** @param value Chinese name @return this builder */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** @param value owning department @return this builder */
        public Builder departmentCode(String value) {
            this.departmentCode = value;
            return this;
        }

        /** @param value its Chinese name @return this builder */
        public Builder departmentName(String value) {
            this.departmentName = value;
            return this;
        }

        /** @param value item type @return this builder */
        public Builder type(ItemType value) {
            this.type = OpenEnums.send(value);
            return this;
        }

        /** @param value item type, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder typeValue(String value) {
            this.type = value;
            return this;
        }

        /** @param value handling mode @return this builder */
        public Builder mode(HandlingMode value) {
            this.mode = OpenEnums.send(value);
            return this;
        }

        /** @param value handling mode, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder modeValue(String value) {
            this.mode = value;
            return this;
        }

        /** @param value region (city) the item belongs to @return this builder */
        public Builder regionCode(String value) {
            this.regionCode = value;
            return this;
        }

        /** @param value legal limit in working days @return this builder */
        public Builder legalDays(Integer value) {
            this.legalDays = value;
            return this;
        }

        /** @param value promised limit in working days (0 = same day) @return this builder */
        public Builder promisedDays(Integer value) {
            this.promisedDays = value;
            return this;
        }

        /** @param value fee @return this builder */
        public Builder fee(BigDecimal value) {
            this.fee = value;
            return this;
        }

        /** @param value basis of the fee @return this builder */
        public Builder feeBasis(String value) {
            this.feeBasis = value;
            return this;
        }

        /** @param values acceptance conditions @return this builder */
        public Builder conditions(List<AcceptanceCondition> values) {
            this.conditions = values;
            return this;
        }

        /** @param values acceptance conditions @return this builder */
        public Builder conditions(AcceptanceCondition... values) {
            this.conditions = Lists.of(values);
            return this;
        }

        /** @param values required materials @return this builder */
        public Builder materials(List<MaterialRequirement> values) {
            this.materials = values;
            return this;
        }

        /** @param values required materials @return this builder */
        public Builder materials(MaterialRequirement... values) {
            this.materials = Lists.of(values);
            return this;
        }

        /** @param values participating departments (joint items) @return this builder */
        public Builder departments(List<Department> values) {
            this.departments = values;
            return this;
        }

        /** @param values participating departments (joint items) @return this builder */
        public Builder departments(Department... values) {
            this.departments = Lists.of(values);
            return this;
        }

        /** @param value the higher authority (escalated items) @return this builder */
        public Builder escalateTo(Department value) {
            this.escalateTo = value;
            return this;
        }

        /** @param value forbidden by policy (控制事项) @return this builder */
        public Builder controlled(Boolean value) {
            this.controlled = value;
            return this;
        }

        /** @param value legal basis of the control @return this builder */
        public Builder controlBasis(String value) {
            this.controlBasis = value;
            return this;
        }

        /** @param value an overdue department task counts as approved (超时默认制) @return this builder */
        public Builder deemedApprovedOnTimeout(Boolean value) {
            this.deemedApprovedOnTimeout = value;
            return this;
        }

        /** @param value warning point in working days before due @return this builder */
        public Builder warningDaysBefore(Integer value) {
            this.warningDaysBefore = value;
            return this;
        }

        /** @param value active or cancelled @return this builder */
        public Builder status(ItemStatus value) {
            this.status = OpenEnums.send(value);
            return this;
        }

        /** @param value active or cancelled, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder statusValue(String value) {
            this.status = value;
            return this;
        }

        /** @param value how this version came about @return this builder */
        public Builder changeType(ChangeType value) {
            this.changeType = OpenEnums.send(value);
            return this;
        }

        /** @param value how this version came about, as a raw value (also one this SDK version does not know) @return this builder */
        public Builder changeTypeValue(String value) {
            this.changeType = value;
            return this;
        }

        /** @param value when this version was made @return this builder */
        public Builder versionedAt(Instant value) {
            this.versionedAt = value;
            return this;
        }

        /** @return the immutable object */
        public Item build() {
            return new Item(this);
        }
    }
}
