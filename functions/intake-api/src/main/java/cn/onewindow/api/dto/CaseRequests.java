package cn.onewindow.api.dto;

import cn.onewindow.core.cases.Decision;
import cn.onewindow.core.cases.Suspension;

import java.util.List;

/** Bodies of the calls that act on an existing case. */
public final class CaseRequests {
    private CaseRequests() {
    }

    public record Materials(List<IntakeRequest.MaterialDto> materials) {
    }

    public record Decide(Decision.Outcome outcome, List<String> reasons) {
    }

    public record Suspend(Suspension.Kind kind, String reason) {
    }

    public record Resume(String note) {
    }

    public record Extend(Integer days, String reason) {
    }

    public record Result(String resultNumber) {
    }

    /**
     * @param confirmationCode the 6-digit pick-up code (取件码) the applicant received by SMS (agents)
     * @param signature        a reference to the recipient's signature capture (agents)
     */
    public record Delivery(String deliveredTo, String confirmation, String confirmationCode, String signature) {
    }

    public record Withdrawal(String reason) {
    }
}
