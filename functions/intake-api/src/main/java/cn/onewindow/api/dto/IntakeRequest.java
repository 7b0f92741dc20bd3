package cn.onewindow.api.dto;

import cn.onewindow.core.cases.ApplicantType;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.IdType;

import java.util.List;

/**
 * Body of {@code POST /v1/cases}.
 *
 * @param servicePointId informational for agents (the agent's own point is recorded); ignored otherwise
 * @param unmetConditions codes of acceptance conditions the window found not met (→ 不予受理)
 * @param ticketId       the queue ticket being served at the window (排队号, must be SERVING at the caller's center):
 *                       the case records its number, the ticket the case
 */
public record IntakeRequest(String itemCode, ApplicantDto applicant, Channel channel, String servicePointId,
                            String agentId, List<MaterialDto> materials, List<String> unmetConditions,
                            ConsentDto consent, String ticketId) {

    /**
     * The villager's consent to a 代办 application: {@code method} WRITTEN_AUTHORIZATION, SIGNED_ON_TERMINAL or
     * BIOMETRIC_ON_TERMINAL, a reference to the record, and when it was given (default: now).
     */
    public record ConsentDto(cn.onewindow.core.cases.Consent.Method method, String reference,
                             java.time.Instant givenAt) {
    }

    public record ApplicantDto(String name, ApplicantType type, IdType idType, String idNumber, String phone) {
    }

    public record MaterialDto(String code, Integer copies) {
    }
}
