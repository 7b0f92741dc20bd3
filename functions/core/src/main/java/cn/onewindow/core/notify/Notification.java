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
 * @param text        what is stored and may be shown: one-time secrets (a pick-up code) masked
 * @param sealedText  the full text when it carries a one-time secret, encrypted (envelope, see
 *                    {@link cn.onewindow.core.privacy.Sealer}); only the sender opens it, just before handing it to the
 *                    SMS sink; null for every other notification
 */
public record Notification(String id, String caseId, Kind kind, Recipient recipient, String recipientId,
                           String phone, String text, Instant createdAt, String sealedText) {

    public Notification(String id, String caseId, Kind kind, Recipient recipient, String recipientId, String phone,
                        String text, Instant createdAt) {
        this(id, caseId, kind, recipient, recipientId, phone, text, createdAt, null);
    }

    /** This notification with its text replaced (the sender, after opening the sealed text), nothing sealed. */
    public Notification withClearText(String clear) {
        return new Notification(id, caseId, kind, recipient, recipientId, phone, clear, createdAt, null);
    }

    public enum Kind { WARNING, OVERDUE, SUSPENDED, RESUMED, EXTENDED, SUPPLEMENT_REQUESTED, RESULT_READY, DENIED,
        EVALUATION_INVITATION, RECTIFICATION_OPENED, RECTIFICATION_WARNING, RECTIFICATION_OVERDUE,
        PICKUP_CODE_REISSUED,
        /** The day before a booked appointment (预约提醒); {@code caseId} is the appointment id. */
        APPOINTMENT_REMINDER }

    public enum Recipient { APPLICANT, AGENT, WINDOW, DEPARTMENT }

    /** This notification with another phone ({@code null}: as the outbox stores it). */
    public Notification withPhone(String phone) {
        return new Notification(id, caseId, kind, recipient, recipientId, phone, text, createdAt, sealedText);
    }
}
