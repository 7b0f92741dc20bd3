package cn.onewindow.core.privacy;

import cn.onewindow.core.cases.IdType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PseudonymsTest {
    static final String ID = "33010619900101123X";
    static final byte[] SECRET_1 = "first-secret-of-at-least-32-bytes-long!!".getBytes(StandardCharsets.UTF_8);
    static final byte[] SECRET_2 = "second-secret-of-at-least-32-bytes-long!".getBytes(StandardCharsets.UTF_8);

    static Pseudonyms ring(String current, Object... idAndSecret) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < idAndSecret.length; i += 2) m.put((String) idAndSecret[i], (byte[]) idAndSecret[i + 1]);
        return new Pseudonyms(current, m);
    }

    @Test
    void theKeyIsAKeyedHmacWithItsKeyIdAndNeverTheBareHashOfTheNumber() throws Exception {
        Pseudonyms p = ring("k1", "k1", SECRET_1);
        String key = p.applicantKey(IdType.RESIDENT_ID, ID);
        assertTrue(key.matches("k1:[A-Za-z0-9_-]{43}"), key);
        assertEquals(key, p.applicantKey(IdType.RESIDENT_ID, " " + ID.toLowerCase() + " "), "normalised: same person");
        // the old, unkeyed key is recomputable by anyone holding the data; the new one is not among such hashes
        String bare = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(("RESIDENT_ID:" + ID).getBytes(StandardCharsets.UTF_8)));
        assertFalse(key.contains(bare.substring(0, 24)));
        assertFalse(key.toLowerCase().contains(ID.toLowerCase()));
    }

    @Test
    void differentSecretsGiveDifferentKeysAndPurposesNeverCollide() {
        String a = ring("k1", "k1", SECRET_1).applicantKey(IdType.RESIDENT_ID, ID);
        String b = ring("k1", "k1", SECRET_2).applicantKey(IdType.RESIDENT_ID, ID);
        assertNotEquals(a, b);
        Pseudonyms p = ring("k1", "k1", SECRET_1);
        assertNotEquals(p.key(Pseudonyms.APPLICANT, "x"), p.key(Pseudonyms.PICKUP_CODE, "x"));
        assertNotEquals(p.applicantKey(IdType.RESIDENT_ID, ID), p.applicantKey(IdType.PASSPORT, ID));
    }

    @Test
    void afterARotationNewKeysUseTheNewIdAndLookupsFindTheOldOnes() {
        Pseudonyms before = ring("k1", "k1", SECRET_1);
        String stored = before.key(Pseudonyms.PICKUP_CODE, "CASE-1:123456");
        Pseudonyms after = ring("k2", "k1", SECRET_1, "k2", SECRET_2);
        String fresh = after.key(Pseudonyms.PICKUP_CODE, "CASE-1:123456");
        assertTrue(fresh.startsWith("k2:"));
        assertTrue(after.isCurrent(fresh));
        assertFalse(after.isCurrent(stored));
        // checks use the id the stored key names
        assertTrue(after.matches(stored, Pseudonyms.PICKUP_CODE, "CASE-1:123456"));
        assertFalse(after.matches(stored, Pseudonyms.PICKUP_CODE, "CASE-1:123457"));
        // lookups try the current id first, then the previous one
        List<String> candidates = after.candidates(Pseudonyms.PICKUP_CODE, "CASE-1:123456");
        assertEquals(List.of(fresh, stored), candidates);
        // once k1 is retired from the ring, keys under it no longer match
        Pseudonyms retired = ring("k2", "k2", SECRET_2);
        assertFalse(retired.matches(stored, Pseudonyms.PICKUP_CODE, "CASE-1:123456"));
        assertFalse(retired.matches("not-a-key", Pseudonyms.PICKUP_CODE, "CASE-1:123456"));
        assertFalse(retired.matches(null, Pseudonyms.PICKUP_CODE, "CASE-1:123456"));
    }

    @Test
    void aShortSecretOrAMissingCurrentIdIsRefusedAndNoSecretIsPrinted() {
        assertThrows(IllegalArgumentException.class, () -> ring("k1", "k1", new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> ring("k2", "k1", SECRET_1));
        assertThrows(IllegalArgumentException.class, () -> ring("K 1", "K 1", SECRET_1));
        assertFalse(ring("k1", "k1", SECRET_1).toString().contains("first-secret"));
    }
}
