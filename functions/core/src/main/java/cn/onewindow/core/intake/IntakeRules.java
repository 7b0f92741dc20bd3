package cn.onewindow.core.intake;

import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.catalog.AcceptanceCondition;
import cn.onewindow.core.catalog.ItemStatus;
import cn.onewindow.core.catalog.MaterialRequirement;
import cn.onewindow.core.catalog.ServiceItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The acceptance rules of SPEC §2.2: controlled or cancelled items and unmet conditions are refused with their basis;
 * missing mandatory materials are all listed once; only tolerable ones missing means 容缺受理; complete means accepted.
 */
public final class IntakeRules {

    private IntakeRules() {
    }

    /**
     * @param unmetConditions codes of acceptance conditions the window found not met
     */
    public static IntakeAssessment assess(ServiceItem item, List<SubmittedMaterial> submitted,
                                          List<String> unmetConditions) {
        if (item.controlled()) {
            return refusal("该事项为控制事项，依法不予受理", item.controlBasis());
        }
        if (item.status() == ItemStatus.CANCELLED) {
            return refusal("该事项已取消，不再受理", "事项目录第" + item.version() + "版（已取消）");
        }
        for (String code : unmetConditions) {
            AcceptanceCondition c = item.conditions().stream().filter(x -> x.code().equals(code)).findFirst()
                    .orElse(null);
            if (c != null) {
                return refusal("不符合受理条件：" + c.description(), c.legalBasis());
            }
        }
        return assessMaterials(item, submitted);
    }

    /** The material part of the rules alone, used again when materials are supplemented. */
    public static IntakeAssessment assessMaterials(ServiceItem item, List<SubmittedMaterial> submitted) {
        Map<String, Integer> copies = submitted.stream()
                .collect(Collectors.toMap(SubmittedMaterial::code, SubmittedMaterial::copies, Math::max));
        List<String> missing = new ArrayList<>();
        List<String> blocking = new ArrayList<>();
        List<String> tolerable = new ArrayList<>();
        for (MaterialRequirement m : item.materials()) {
            if (!m.mandatory()) continue;
            int have = copies.getOrDefault(m.code(), 0);
            if (have >= m.copies()) continue;
            missing.add(m.code());
            if (m.tolerable()) tolerable.add(m.code());
            else blocking.add(m.code());
        }
        IntakeAssessment.Outcome outcome = !blocking.isEmpty() ? IntakeAssessment.Outcome.AWAITING_MATERIALS
                : !tolerable.isEmpty() ? IntakeAssessment.Outcome.ACCEPTED_WITH_DEFICIENCY
                : IntakeAssessment.Outcome.ACCEPTED;
        return new IntakeAssessment(outcome, missing, blocking, tolerable, null, null);
    }

    /** Codes submitted that the item does not know: reported as field errors by the caller. */
    public static List<String> unknownMaterials(ServiceItem item, List<SubmittedMaterial> submitted) {
        Map<String, MaterialRequirement> byCode = item.materials().stream()
                .collect(Collectors.toMap(MaterialRequirement::code, Function.identity()));
        return submitted.stream().map(SubmittedMaterial::code).filter(c -> !byCode.containsKey(c)).toList();
    }

    private static IntakeAssessment refusal(String reason, String basis) {
        return new IntakeAssessment(IntakeAssessment.Outcome.NOT_ACCEPTED, List.of(), List.of(), List.of(), reason,
                basis);
    }
}
