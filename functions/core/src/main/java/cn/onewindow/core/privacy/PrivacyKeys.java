package cn.onewindow.core.privacy;

/**
 * The secrets a function was given: the pseudonym key ring and the outbox sealer. A function without them (its
 * template entry names no secret) gets a clear error the moment its code would need one, never a made-up key.
 */
public final class PrivacyKeys {
    private final Pseudonyms pseudonyms;
    private final Sealer outbox;

    /** @param pseudonyms null where the function has no pseudonym secret; @param outbox null without an outbox key */
    public PrivacyKeys(Pseudonyms pseudonyms, Sealer outbox) {
        this.pseudonyms = pseudonyms;
        this.outbox = outbox;
    }

    public static PrivacyKeys none() {
        return new PrivacyKeys(null, null);
    }

    public Pseudonyms pseudonyms() {
        if (pseudonyms == null) {
            throw new IllegalStateException("this function has no pseudonym secret (PSEUDONYM_SECRET_ARN)");
        }
        return pseudonyms;
    }

    public boolean hasPseudonyms() {
        return pseudonyms != null;
    }

    public Sealer outbox() {
        if (outbox == null) throw new IllegalStateException("this function has no outbox key (OUTBOX_KEY_ARN)");
        return outbox;
    }
}
