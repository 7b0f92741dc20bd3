package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.access.AccessPolicy.CaseAction;
import cn.onewindow.core.cases.CaseStateMachine;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.PickupCode;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.identity.Caller;

import java.util.List;

/**
 * 送达: the hand-over of the result, which closes the case. An agent confirms it with the pick-up code the applicant
 * received ({@code confirmationCode}) or the recipient's signature ({@code signature}); window staff hand over in
 * person. Every try of a code is audited (never the code); five wrong codes in a row lock it.
 */
public final class DeliverResult {
    private final CaseWrites writes;

    public DeliverResult(CaseWrites writes) {
        this.writes = writes;
    }

    public CaseWritten deliver(Caller caller, String caseId, CaseCommands.Deliver cmd, String key) {
        Validator v = new Validator().notBlank(cmd.deliveredTo(), "deliveredTo")
                .maxLength(cmd.deliveredTo(), 100, "deliveredTo").maxLength(cmd.confirmation(), 100, "confirmation")
                .maxLength(cmd.signature(), 200, "signature");
        if (cmd.confirmationCode() != null) {
            v.require(cmd.confirmationCode().matches("\\d{6}"), "confirmationCode", "INVALID_CODE",
                    "取件码应为6位数字", "the pick-up code has 6 digits");
        }
        v.throwIfInvalid();
        boolean confirmed = cmd.confirmationCode() != null || (cmd.signature() != null && !cmd.signature().isBlank())
                || (cmd.confirmation() != null && !cmd.confirmation().isBlank());
        return writes.change(caller, caseId, CaseAction.DELIVER, "deliver", cmd, key, (c, ctx) -> {
            // a case not ready for hand-over says so first; then an agent must show the villager confirmed it
            CaseStateMachine.check(c.status(), CaseStatus.DELIVERED);
            if (AccessPolicy.handOverNeedsApplicantConfirmation(caller) && !confirmed) {
                throw DomainException.validation(List.of(FieldError.of("confirmationCode",
                        "CONFIRMATION_REQUIRED", "代办送达须核验取件码或由申请人签名",
                        "an agent's hand-over needs the applicant's pick-up code or signature")));
            }
            String method = null;
            String confirmation = cmd.confirmation();
            if (cmd.confirmationCode() != null) {
                // every try is audited in the history (who, when, outcome; never the code) and kept even when the
                // try is refused; five wrong codes in a row lock the code until a supervisor reissues one
                ServiceCase.Snapshot s = c.snapshot();
                if (s.pickupCodeLocked()) {
                    c.pickupCodeTried(PickupCode.Try.LOCKED, ctx.now(), ctx.actor());
                    ctx.refuse(PickupCode.lockedRefusal());
                    return;
                }
                if (!writes.secrets.pickupMatches(s.pickupCodeHash(), c.id(), cmd.confirmationCode())) {
                    c.pickupCodeTried(PickupCode.Try.MISMATCHED, ctx.now(), ctx.actor());
                    ctx.refuse(PickupCode.mismatchRefusal(c.snapshot().pickupCodeFailures()));
                    return;
                }
                c.pickupCodeTried(PickupCode.Try.MATCHED, ctx.now(), ctx.actor());
                method = "CONFIRMATION_CODE";
                if (confirmation == null) confirmation = "取件码核验通过";
            } else if (cmd.signature() != null && !cmd.signature().isBlank()) {
                method = "SIGNATURE";
                if (confirmation == null) confirmation = cmd.signature();
            } else if (AccessPolicy.handOverNeedsApplicantConfirmation(caller)) {
                method = "SIGNATURE"; // the recipient's signed confirmation, referenced in `confirmation`
            }
            c.deliver(cmd.deliveredTo(), confirmation, method, ctx.now(), ctx.actor());
        });
    }
}
