package cn.onewindow.core.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One version of a service item (事项) of the catalog. Immutable; a change makes a new version and a case keeps
 * the version it was accepted under.
 *
 * @param code                    hierarchical code 主项/子项/孙项, e.g. {@code 330100-XK-0012-01}
 * @param regionCode              the administrative region (city) whose centers may accept it (同城通办)
 * @param legalDays               法定时限, working days
 * @param promisedDays            承诺时限, working days, ≤ legal; 0 = same day
 * @param departments             for JOINT items: every participating department with its own limit
 * @param escalateTo              for ESCALATED items: the higher authority that decides after local review
 * @param controlBasis            for CONTROLLED items (控制事项): the legal basis quoted in the refusal
 * @param warningDaysBefore       warning point, in working days before due
 * @param deemedApprovedOnTimeout 超时默认制: an overdue department task counts as approved
 */
public record ServiceItem(
        String code,
        int version,
        String name,
        String departmentCode,
        String departmentName,
        ItemType type,
        HandlingMode mode,
        String regionCode,
        int legalDays,
        int promisedDays,
        BigDecimal fee,
        String feeBasis,
        List<AcceptanceCondition> conditions,
        List<MaterialRequirement> materials,
        List<ParticipatingDepartment> departments,
        ParticipatingDepartment escalateTo,
        boolean controlled,
        String controlBasis,
        boolean deemedApprovedOnTimeout,
        int warningDaysBefore,
        ItemStatus status,
        ChangeType changeType,
        Instant versionedAt) {

    public ServiceItem {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        materials = materials == null ? List.of() : List.copyOf(materials);
        departments = departments == null ? List.of() : List.copyOf(departments);
        fee = fee == null ? BigDecimal.ZERO : fee;
        status = status == null ? ItemStatus.ACTIVE : status;
    }

    public Optional<MaterialRequirement> material(String materialCode) {
        return materials.stream().filter(m -> m.code().equals(materialCode)).findFirst();
    }

    /** The same item content under another version number, change type and time. */
    public ServiceItem asVersion(int newVersion, ChangeType why, Instant at) {
        return new ServiceItem(code, newVersion, name, departmentCode, departmentName, type, mode, regionCode,
                legalDays, promisedDays, fee, feeBasis, conditions, materials, departments, escalateTo, controlled,
                controlBasis, deemedApprovedOnTimeout, warningDaysBefore, status, why, at);
    }

    /** True when two versions say the same thing (ignoring version number, change type and time). */
    public boolean sameContentAs(ServiceItem other) {
        return other != null && asVersion(0, null, null).equals(other.asVersion(0, null, null));
    }

    /** Every department taking part in the decision, lead department first. */
    public List<String> involvedDepartments() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        all.add(departmentCode);
        departments.forEach(d -> all.add(d.code()));
        if (escalateTo != null) all.add(escalateTo.code());
        return List.copyOf(all);
    }
}
