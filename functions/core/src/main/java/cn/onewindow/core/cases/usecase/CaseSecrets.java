package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.notify.Notification;
import cn.onewindow.core.privacy.OneTimeSecrets;
import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.privacy.Pseudonyms;

import java.security.SecureRandom;

/**
 * The one-time codes of a case: the pick-up code (取件码) of a 代办 result and the query password (查询密码) of the
 * notice. Each is drawn at random, stored only as a keyed hash bound to its case, and sent only sealed.
 */
public final class CaseSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivacyKeys keys;

    CaseSecrets(PrivacyKeys keys) {
        this.keys = keys;
    }

    /** A new six-digit code. */
    static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** The keyed hash of a case's query password, bound to the case. */
    public static String queryPasswordHash(Pseudonyms p, String caseId, String password) {
        return p.key(Pseudonyms.QUERY_PASSWORD, caseId + ":" + password);
    }

    /** Whether query passwords can be issued: a platform built without the key ring (domain tests) issues none. */
    boolean issuesPasswords() {
        return keys.hasPseudonyms();
    }

    String queryPasswordHash(String caseId, String password) {
        return queryPasswordHash(keys.pseudonyms(), caseId, password);
    }

    /** A keyed HMAC of the code bound to its case (a 6-digit code is no secret against an unkeyed hash). */
    String pickupHash(String caseId, String code) {
        return keys.pseudonyms().key(Pseudonyms.PICKUP_CODE, caseId + ":" + code);
    }

    /** Constant-time check under the secret the stored hash names (current or previous). */
    boolean pickupMatches(String stored, String caseId, String code) {
        return keys.pseudonyms().matches(stored, Pseudonyms.PICKUP_CODE, caseId + ":" + code);
    }

    /**
     * The outbox item of an SMS that carries a one-time secret: the stored text has it masked, the full text is
     * sealed for the sender (who alone can open it).
     */
    Notification sealed(Notification n) {
        return new Notification(n.id(), n.caseId(), n.kind(), n.recipient(), n.recipientId(), n.phone(),
                OneTimeSecrets.mask(n.text()), n.createdAt(), keys.outbox().seal(n.text(), n.id()));
    }
}
