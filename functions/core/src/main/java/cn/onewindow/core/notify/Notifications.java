package cn.onewindow.core.notify;

import cn.onewindow.core.cases.ServiceCase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The notifications a change to a case causes: SMS to the applicant, and to the agent for a 代办 case. */
public final class Notifications {
    private Notifications() {
    }

    /** The applicant (and the agent of a village-agent case) about something that happened to the case. */
    /** The text of an SMS to the applicant about their case: {@code what} happened. */
    public static String sms(ServiceCase.Snapshot c, String what) {
        return "【政务服务】您申请的“" + c.itemName() + "”（办件编号" + c.id() + "）" + what + "。";
    }

    public static List<Notification> toApplicant(ServiceCase.Snapshot c, Notification.Kind kind, String text,
                                                 Instant now) {
        List<Notification> out = new ArrayList<>(2);
        String phone = c.applicant() == null ? null : c.applicant().phone();
        out.add(new Notification(id(c, kind, "A", now), c.id(), kind, Notification.Recipient.APPLICANT, null, phone,
                text, now));
        if (c.agentId() != null) {
            out.add(new Notification(id(c, kind, "G", now), c.id(), kind, Notification.Recipient.AGENT, c.agentId(),
                    null, text, now));
        }
        return out;
    }

    /** The holder of the work (催办): the window staff's center, or a department. */
    public static Notification toHolder(ServiceCase.Snapshot c, Notification.Kind kind, Notification.Recipient who,
                                        String recipientId, String text, Instant now) {
        return new Notification(id(c, kind, who.name().substring(0, 1) + recipientId, now), c.id(), kind, who,
                recipientId, null, text, now);
    }

    private static String id(ServiceCase.Snapshot c, Notification.Kind kind, String who, Instant now) {
        return c.id() + "-" + kind + "-" + who + "-" + now.toEpochMilli();
    }
}
