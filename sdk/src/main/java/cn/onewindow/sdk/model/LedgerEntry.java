package cn.onewindow.sdk.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One errand in a service point's ledger (台帐): when, for whom (masked by the platform), which item, where it
 * stands, its result and the hand-over. Immutable.
 */
public final class LedgerEntry {
    private final String caseId;
    private final Instant submittedAt;
    private final String agentId;
    private final String villagerName;
    private final String villagerIdNumber;
    private final String villagerPhone;
    private final String itemCode;
    private final String itemName;
    private final CaseStatus status;
    private final String statusName;
    private final String result;
    private final String resultNumber;
    private final Instant resultIssuedAt;
    private final Instant deliveredAt;
    private final String deliveredTo;
    private final String deliveryMethod;
    private final String consentMethod;

    /** Built by the SDK from the platform's answer. */
    public LedgerEntry(String caseId, Instant submittedAt, String agentId, String villagerName,
                       String villagerIdNumber, String villagerPhone, String itemCode, String itemName,
                       CaseStatus status, String statusName, String result, String resultNumber,
                       Instant resultIssuedAt, Instant deliveredAt, String deliveredTo, String deliveryMethod,
                       String consentMethod) {
        this.caseId = caseId;
        this.submittedAt = submittedAt;
        this.agentId = agentId;
        this.villagerName = villagerName;
        this.villagerIdNumber = villagerIdNumber;
        this.villagerPhone = villagerPhone;
        this.itemCode = itemCode;
        this.itemName = itemName;
        this.status = status;
        this.statusName = statusName;
        this.result = result;
        this.resultNumber = resultNumber;
        this.resultIssuedAt = resultIssuedAt;
        this.deliveredAt = deliveredAt;
        this.deliveredTo = deliveredTo;
        this.deliveryMethod = deliveryMethod;
        this.consentMethod = consentMethod;
    }

    /** @return the case number */
    public String caseId() { return caseId; }

    /** @return when the errand was submitted */
    public Instant submittedAt() { return submittedAt; }

    /** @return the agent who submitted it */
    public String agentId() { return agentId; }

    /** @return the villager's name, masked (张*丰) */
    public String villagerName() { return villagerName; }

    /** @return the villager's identity number, masked */
    public String villagerIdNumber() { return villagerIdNumber; }

    /** @return the villager's phone, masked */
    public String villagerPhone() { return villagerPhone; }

    /** @return the item code */
    public String itemCode() { return itemCode; }

    /** @return the item's Chinese name */
    public String itemName() { return itemName; }

    /** @return where the case stands */
    public CaseStatus status() { return status; }

    /** @return the status in Chinese */
    public String statusName() { return statusName; }

    /** @return APPROVE, DENY, NOT_ACCEPTED, or null while undecided */
    public String result() { return result; }

    /** @return the result document's number, once issued */
    public String resultNumber() { return resultNumber; }

    /** @return when the result was issued (出件) */
    public Instant resultIssuedAt() { return resultIssuedAt; }

    /** @return when the result was handed to the villager */
    public Instant deliveredAt() { return deliveredAt; }

    /** @return who received it, masked */
    public String deliveredTo() { return deliveredTo; }

    /** @return CONFIRMATION_CODE or SIGNATURE, or null */
    public String deliveryMethod() { return deliveryMethod; }

    /** @return how the villager's consent to the 代办 was recorded, or null */
    public String consentMethod() { return consentMethod; }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof LedgerEntry)) return false;
        LedgerEntry that = (LedgerEntry) o;
        return Objects.equals(caseId, that.caseId) && Objects.equals(submittedAt, that.submittedAt)
                && Objects.equals(status, that.status) && Objects.equals(resultIssuedAt, that.resultIssuedAt)
                && Objects.equals(deliveredAt, that.deliveredAt) && Objects.equals(result, that.result)
                && Objects.equals(deliveryMethod, that.deliveryMethod);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caseId, submittedAt, status, resultIssuedAt, deliveredAt, result, deliveryMethod);
    }

    /** Never prints the villager's name, identity number or phone (even masked). */
    @Override
    public String toString() {
        return "LedgerEntry{caseId=" + caseId + ", submittedAt=" + submittedAt + ", itemCode=" + itemCode
                + ", status=" + status + ", result=" + result + ", deliveredAt=" + deliveredAt + "}";
    }
}
