package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.cases.Applicant;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.Consent;
import cn.onewindow.core.cases.Decision;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.cases.Suspension;

import java.util.List;

/**
 * The inputs of the case use cases, parsed but not yet validated. Each record's text (its {@code toString}) is the
 * request fingerprint an Idempotency-Key is bound to, so names and components stay exactly as they are: a retry
 * after a release must still match the stored fingerprint.
 */
public final class CaseCommands {
    private CaseCommands() {
    }

    /** @param unmetConditions codes of acceptance conditions the window found not met */
    public record Intake(String itemCode, Applicant applicant, Channel channel, String servicePointId,
                         String agentId, List<SubmittedMaterial> materials, List<String> unmetConditions,
                         Consent consent, String ticketId) {
        public Intake {
            materials = materials == null ? List.of() : List.copyOf(materials);
            unmetConditions = unmetConditions == null ? List.of() : List.copyOf(unmetConditions);
        }

        public Intake(String itemCode, Applicant applicant, Channel channel, String servicePointId, String agentId,
                      List<SubmittedMaterial> materials, List<String> unmetConditions) {
            this(itemCode, applicant, channel, servicePointId, agentId, materials, unmetConditions, null, null);
        }

        public Intake(String itemCode, Applicant applicant, Channel channel, String servicePointId, String agentId,
                      List<SubmittedMaterial> materials, List<String> unmetConditions, Consent consent) {
            this(itemCode, applicant, channel, servicePointId, agentId, materials, unmetConditions, consent, null);
        }
    }

    public record Supplement(List<SubmittedMaterial> materials) {
        public Supplement {
            materials = materials == null ? List.of() : List.copyOf(materials);
        }
    }

    public record Decide(Decision.Outcome outcome, List<String> reasons) {
        public Decide {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    public record Suspend(Suspension.Kind kind, String reason) {
    }

    public record Resume(String note) {
    }

    public record Extend(int days, String reason) {
    }

    public record IssueResult(String resultNumber) {
    }

    /**
     * @param confirmationCode the pick-up code (取件码) the applicant received by SMS, checked against the case
     * @param signature        a reference to the recipient's signature (e.g. the terminal's capture id)
     */
    public record Deliver(String deliveredTo, String confirmation, String confirmationCode, String signature) {
        public Deliver(String deliveredTo, String confirmation) {
            this(deliveredTo, confirmation, null, null);
        }
    }

    public record Withdraw(String reason) {
    }
}
