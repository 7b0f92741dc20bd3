package cn.onewindow.core.privacy;

import cn.onewindow.core.cases.IdType;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Pseudonymous keys and one-time-secret hashes: keyed HMAC-SHA256 with a secret that lives outside the data (a
 * Secrets Manager secret in the cloud, an owner-only file locally). Someone holding the data but not the secret
 * cannot compute a key from an ID number, so enumerating the ID space recovers nothing.
 *
 * <p>Every key carries the id of the secret that made it ({@code k1:} + base64url(HMAC)), so the secret can be
 * rotated: new keys are made with the current id; checks and lookups accept the current and every previous id
 * still in the ring (until the migration has rewritten what was stored under them). Each use has its own purpose
 * label, so a key made for one use never equals one made for another.
 */
public final class Pseudonyms {
    /** The applicant key: "one rating per applicant", statistics, joins. */
    public static final String APPLICANT = "applicant";
    /** The hash of a pick-up code (取件码), bound to its case. */
    public static final String PICKUP_CODE = "pickup-code";
    /** The hash of a case's query password (查询密码), bound to its case. */
    public static final String QUERY_PASSWORD = "query-password";
    /** The hash of an appointment's booking code (预约码), bound to the appointment. */
    public static final String BOOKING_CODE = "booking-code";
    /** The key of a client address in a rate-limit counter (an address is personal data). */
    public static final String CLIENT_ADDRESS = "client-address";
    /** The fingerprint of a request body kept with an idempotency record (bodies hold identities). */
    public static final String REQUEST = "request";

    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{1,16}");
    /** Shortest secret accepted (bytes): 256 bits, as HMAC-SHA256 wants. */
    public static final int MIN_SECRET_BYTES = 32;

    private final String currentId;
    private final Map<String, byte[]> secrets;

    /**
     * @param currentId the id new keys are made with
     * @param secrets   every secret still accepted, by id (the current one included)
     */
    public Pseudonyms(String currentId, Map<String, byte[]> secrets) {
        if (currentId == null || !secrets.containsKey(currentId)) {
            throw new IllegalArgumentException("the current key id " + currentId + " has no secret");
        }
        Map<String, byte[]> copy = new LinkedHashMap<>();
        secrets.forEach((id, secret) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a key id is 1-16 lower-case letters or digits, not " + id);
            }
            if (secret == null || secret.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("the secret of key id " + id + " is shorter than "
                        + MIN_SECRET_BYTES + " bytes");
            }
            copy.put(id, secret.clone());
        });
        this.currentId = currentId;
        this.secrets = copy;
    }

    public String currentKeyId() {
        return currentId;
    }

    /** The key of a value for a purpose, under the current secret. */
    public String key(String purpose, String value) {
        return key(currentId, purpose, value);
    }

    /** The key under one of the ring's secrets. */
    public String key(String keyId, String purpose, String value) {
        byte[] secret = secrets.get(keyId);
        if (secret == null) throw new IllegalArgumentException("no secret with key id " + keyId);
        return keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(secret, purpose, value));
    }

    /** The keys a value has under the current secret and every previous one (current first): for lookups. */
    public List<String> candidates(String purpose, String value) {
        List<String> out = new ArrayList<>();
        out.add(key(purpose, value));
        for (String id : secrets.keySet()) {
            if (!id.equals(currentId)) out.add(key(id, purpose, value));
        }
        return out;
    }

    /**
     * Whether a stored key is the key of this value, under whichever of the ring's secrets it names. Constant time
     * in the value compared ({@link MessageDigest#isEqual}); a key under an unknown or retired id never matches.
     */
    public boolean matches(String stored, String purpose, String value) {
        if (stored == null || value == null) return false;
        int colon = stored.indexOf(':');
        if (colon <= 0) return false;
        String id = stored.substring(0, colon);
        if (!secrets.containsKey(id)) return false;
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                key(id, purpose, value).getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether a stored key was made with the current secret (else a migration should rewrite it). */
    public boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(currentId + ":");
    }

    /** The applicant key: ID type and number (upper case, trimmed), never the number itself. */
    public String applicantKey(IdType idType, String idNumber) {
        return key(APPLICANT, applicantValue(idType, idNumber));
    }

    public static String applicantValue(IdType idType, String idNumber) {
        return idType + ":" + idNumber.trim().toUpperCase(Locale.ROOT);
    }

    private static byte[] mac(byte[] secret, String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "Pseudonyms[current=" + currentId + ", ids=" + secrets.keySet() + "]"; // never the secrets
    }
}
