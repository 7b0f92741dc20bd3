package cn.onewindow.api.dto;

import cn.onewindow.core.catalog.ChangeType;
import cn.onewindow.core.catalog.HandlingMode;
import cn.onewindow.core.catalog.ItemStatus;
import cn.onewindow.core.catalog.ItemType;
import cn.onewindow.core.catalog.MaterialForm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A catalog item version as the API shows and takes it ({@code version}, {@code changeType} are read-only). */
public record ItemDto(String code, Integer version, String name, String departmentCode, String departmentName,
                      ItemType type, HandlingMode mode, String regionCode, Integer legalDays, Integer promisedDays,
                      BigDecimal fee, String feeBasis, List<ConditionDto> conditions, List<MaterialDto> materials,
                      List<DepartmentDto> departments, DepartmentDto escalateTo, Boolean controlled,
                      String controlBasis, Boolean deemedApprovedOnTimeout, Integer warningDaysBefore,
                      ItemStatus status, ChangeType changeType, Instant versionedAt) {

    public record ConditionDto(String code, String description, String legalBasis) {
    }

    public record MaterialDto(String code, String name, MaterialForm form, Integer copies, Boolean mandatory,
                              Boolean tolerable) {
    }

    public record DepartmentDto(String code, String name, Integer timeLimitDays) {
    }
}
