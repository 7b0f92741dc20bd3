package cn.onewindow.core.notify;

import java.time.Instant;

/**
 * A message to someone who holds or awaits the work (短信告知, 催办): written in the same transaction as the change
 * that causes it (the outbox), then sent by the relay with retry.
 *
 * @param recipient   who: the applicant, the agent, the window staff, or a department
 * @param recipientId the agent / staff id or department code; null for the applicant
 * @param phone       the applicant's phone for an SMS; never logged in clear and never stored in the outbox: the
 *                    outbox keeps the notification without it and the relay reads it from the case when it sends
 */
public record Notification(String id, String caseId, Kind kind, Recipient recipient, String recipientId,
                           String phone, String text, Instant createdAt) {

    public enum Kind { WARNING, OVERDUE, SUSPENDED, RESUMED, EXTENDED, SUPPLEMENT_REQUESTED, RESULT_READY, DENIED,
        EVALUATION_INVITATION, RECTIFICATION_OPENED, RECTIFICATION_WARNING, RECTIFICATION_OVERDUE }

    public enum Recipient { APPLICANT, AGENT, WINDOW, DEPARTMENT }

    /** This notification with another phone ({@code null}: as the outbox stores it). */
    public Notification withPhone(String phone) {
        return new Notification(id, caseId, kind, recipient, recipientId, phone, text, createdAt);
    }
}
