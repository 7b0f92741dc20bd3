package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.IdentityNumbers;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.intake.IntakeRules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The checks of an intake request that answer 400 with field errors: the form itself (before anything is read),
 * the consent of a 代办 case, and the material and condition codes against the item.
 */
final class IntakeValidation {
    static final int MAX_MATERIALS = 100;

    private IntakeValidation() {
    }

    /** The form: item, applicant (valid identity number and phone), materials, conditions, ticket. */
    static void validate(CaseCommands.Intake cmd) {
        Validator v = new Validator();
        v.notBlank(cmd.itemCode(), "itemCode").maxLength(cmd.itemCode(), 40, "itemCode");
        v.maxLength(cmd.ticketId(), 64, "ticketId");
        v.notNull(cmd.channel(), "channel");
        v.notNull(cmd.applicant(), "applicant");
        if (cmd.applicant() != null) {
            var a = cmd.applicant();
            v.notBlank(a.name(), "applicant.name").maxLength(a.name(), 100, "applicant.name");
            v.notNull(a.idType(), "applicant.idType");
            v.notBlank(a.idNumber(), "applicant.idNumber");
            if (a.idType() != null && a.idNumber() != null && !a.idNumber().isBlank()) {
                v.require(IdentityNumbers.valid(a.idType(), a.idNumber()), "applicant.idNumber", "INVALID_ID_NUMBER",
                        "证件号码无效（长度、出生日期或校验位不符）", "the identity number is invalid (length, date or check digit)");
            }
            v.notBlank(a.phone(), "applicant.phone");
            if (a.phone() != null && !a.phone().isBlank()) {
                v.require(IdentityNumbers.validPhone(a.phone()), "applicant.phone", "INVALID_PHONE",
                        "联系电话应为11位手机号或带区号的固定电话", "phone must be an 11-digit mobile or a landline with area code");
            }
        }
        v.require(cmd.materials().size() <= MAX_MATERIALS, "materials", "TOO_MANY", "材料过多",
                "at most " + MAX_MATERIALS + " materials");
        validateMaterials(v, cmd.materials());
        v.require(cmd.unmetConditions().size() <= 50, "unmetConditions", "TOO_MANY", "过多", "too many");
        v.throwIfInvalid();
    }

    /** Each material has a code and 1 to 100 copies (at intake and in a supplement). */
    static void validateMaterials(Validator v, List<SubmittedMaterial> materials) {
        for (int i = 0; i < materials.size(); i++) {
            SubmittedMaterial m = materials.get(i);
            if (m == null) {
                v.require(false, "materials[" + i + "]", "REQUIRED", "必填", "is required");
                continue;
            }
            v.notBlank(m.code(), "materials[" + i + "].code").maxLength(m.code(), 32, "materials[" + i + "].code");
            v.range(m.copies(), 1, 100, "materials[" + i + "].copies");
        }
    }

    /** A consent is recorded for 代办 cases only, given within the last year and not in the future. */
    static void validateConsent(CaseCommands.Intake cmd, Clock clock) {
        if (cmd.consent() == null) return;
        Instant given = cmd.consent().givenAt();
        new Validator().require(cmd.channel() == Channel.VILLAGE_AGENT, "consent", "CONSENT_NOT_APPLICABLE",
                        "只有代办件记录委托", "consent is recorded for VILLAGE_AGENT cases only")
                .notNull(cmd.consent().method(), "consent.method")
                .maxLength(cmd.consent().reference(), 100, "consent.reference")
                .require(given == null || (!given.isAfter(clock.instant().plusSeconds(300))
                                && given.isAfter(clock.instant().minus(Duration.ofDays(366)))),
                        "consent.givenAt", "OUT_OF_RANGE", "委托时间应在一年内且不晚于当前时间",
                        "consent is given within the last year and not in the future")
                .throwIfInvalid();
    }

    /** Every material and unmet condition named is one of the item's. */
    static void requireKnownCodes(ServiceItem item, CaseCommands.Intake cmd) {
        List<String> unknown = IntakeRules.unknownMaterials(item, cmd.materials());
        if (!unknown.isEmpty()) {
            Validator v = new Validator();
            for (int i = 0; i < cmd.materials().size(); i++) {
                SubmittedMaterial m = cmd.materials().get(i);
                v.require(!unknown.contains(m.code()), "materials[" + i + "].code", "UNKNOWN_MATERIAL",
                        "该事项没有此材料：" + m.code(), "the item has no material " + m.code());
            }
            v.throwIfInvalid();
        }
        for (String cond : cmd.unmetConditions()) {
            if (item.conditions().stream().noneMatch(c -> c.code().equals(cond))) {
                throw DomainException.validation(List.of(FieldError.of("unmetConditions",
                        "UNKNOWN_CONDITION", "该事项没有此受理条件：" + cond, "the item has no condition " + cond)));
            }
        }
    }
}
