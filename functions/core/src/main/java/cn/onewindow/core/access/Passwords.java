package cn.onewindow.core.access;

import cn.onewindow.core.common.FieldError;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Staff passwords: PBKDF2WithHmacSHA256 from the JDK, a random 16-byte salt per hash, a 256-bit derived key. The
 * stored form names its iteration count ({@code pbkdf2-sha256$<iterations>$<salt>$<key>}, base64url), so the count
 * can be raised later: old hashes are still checked with their own count. Comparison is constant-time.
 */
public final class Passwords {
    /** About 150–250 ms per hash on the 2-core development machine (measured 2026-12; README, Signing in). */
    public static final int DEFAULT_ITERATIONS = 210_000;
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    /** Checked instead of a real hash for an unknown user name, so both answers take about as long. */
    private volatile String dummy;

    public Passwords(int iterations) {
        if (iterations < 1_000) throw new IllegalArgumentException("at least 1000 iterations");
        this.iterations = iterations;
    }

    public Passwords() {
        this(DEFAULT_ITERATIONS);
    }

    public int iterations() {
        return iterations;
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    /** Whether the password matches the stored hash (false for a malformed one); constant-time in the key. */
    public boolean verify(String stored, String password) {
        if (stored == null || password == null) return false;
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) return false;
        int n;
        byte[] salt;
        byte[] expected;
        try {
            n = Integer.parseInt(parts[1]);
            salt = Base64.getUrlDecoder().decode(parts[2]);
            expected = Base64.getUrlDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (n < 1_000 || n > 10_000_000) return false;
        return MessageDigest.isEqual(expected, derive(password, salt, n));
    }

    /** Spends the time of one check on nothing: for an unknown user name. */
    public void verifyDummy(String password) {
        String d = dummy;
        if (d == null) dummy = d = hash("dummy-password-never-matches"); // made once, on first use
        verify(d, password == null ? "" : password);
    }

    /** The iteration count a stored hash was made with (0 if malformed). */
    public static int iterationsOf(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        try {
            return parts.length == 4 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The password policy: 10 to 128 characters with at least three of lower-case letters, upper-case letters,
     * digits and other characters. Null when it holds, else the error naming {@code field}.
     */
    public static FieldError policy(String password, String field) {
        if (password == null || password.isEmpty()) {
            return FieldError.of(field, "REQUIRED", "必填", "required");
        }
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return FieldError.of(field, "WEAK_PASSWORD", "密码长度应为" + MIN_LENGTH + "至" + MAX_LENGTH + "个字符",
                    "a password has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        boolean lower = false, upper = false, digit = false, other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) lower = true;
            else if (Character.isUpperCase(c)) upper = true;
            else if (Character.isDigit(c)) digit = true;
            else other = true;
        }
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        if (classes < 3) {
            return FieldError.of(field, "WEAK_PASSWORD", "密码须含小写字母、大写字母、数字、符号中的至少三类",
                    "a password has at least three of: lower-case, upper-case, digits, symbols");
        }
        return null;
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
