package cn.onewindow.core.privacy;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Envelope encryption: each payload gets a fresh AES-256 data key; the payload is encrypted with AES-256-GCM under
 * it (the context as associated data), and the data key is wrapped by a key-encryption key that never leaves its
 * home ({@link KeyWrapper}: KMS in the cloud, a key file locally). Stored form:
 * {@code env1.<wrapped data key>.<iv>.<ciphertext+tag>}, each part base64url.
 */
public final class EnvelopeSealer implements Sealer {
    private static final String PREFIX = "env1";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final KeyWrapper kek;

    /** Wraps and unwraps data keys with a key-encryption key. */
    public interface KeyWrapper {
        byte[] wrap(byte[] dataKey);

        /** @throws SecurityException if the wrapped key was not made by this key-encryption key or was altered */
        byte[] unwrap(byte[] wrapped);
    }

    public EnvelopeSealer(KeyWrapper kek) {
        this.kek = kek;
    }

    @Override
    public String seal(String plaintext, String context) {
        byte[] dataKey = new byte[32];
        RANDOM.nextBytes(dataKey);
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            byte[] ct = gcm(Cipher.ENCRYPT_MODE, dataKey, iv, context, plaintext.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
            return PREFIX + "." + b.encodeToString(kek.wrap(dataKey)) + "." + b.encodeToString(iv) + "."
                    + b.encodeToString(ct);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    @Override
    public String open(String sealed, String context) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", -1);
        if (parts.length != 4 || !PREFIX.equals(parts[0])) throw new SecurityException("not a sealed payload");
        byte[] dataKey;
        byte[] iv;
        byte[] ct;
        try {
            Base64.Decoder d = Base64.getUrlDecoder();
            dataKey = kek.unwrap(d.decode(parts[1]));
            iv = d.decode(parts[2]);
            ct = d.decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new SecurityException("a sealed payload is malformed");
        }
        try {
            return new String(gcm(Cipher.DECRYPT_MODE, dataKey, iv, context, ct), StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    static byte[] gcm(int mode, byte[] key, byte[] iv, String context, byte[] input) {
        if (key.length != 32 || iv.length != 12) throw new SecurityException("a sealed payload is malformed");
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            if (context != null) c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new SecurityException("a sealed payload was altered or belongs elsewhere");
        } catch (GeneralSecurityException e) {
            throw new SecurityException("cannot " + (mode == Cipher.ENCRYPT_MODE ? "seal" : "open") + ": " + e);
        }
    }

    /** A key-encryption key held in memory (the local system: read from an owner-only file). AES-256-GCM wrap. */
    public static final class LocalKek implements KeyWrapper {
        private final byte[] kek;

        public LocalKek(byte[] kek) {
            if (kek.length != 32) throw new IllegalArgumentException("a key-encryption key has 32 bytes");
            this.kek = kek.clone();
        }

        @Override
        public byte[] wrap(byte[] dataKey) {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            byte[] ct = gcm(Cipher.ENCRYPT_MODE, kek, iv, "data-key", dataKey);
            byte[] out = new byte[12 + ct.length];
            System.arraycopy(iv, 0, out, 0, 12);
            System.arraycopy(ct, 0, out, 12, ct.length);
            return out;
        }

        @Override
        public byte[] unwrap(byte[] wrapped) {
            if (wrapped.length < 12 + 16) throw new SecurityException("a wrapped data key is malformed");
            return gcm(Cipher.DECRYPT_MODE, kek, Arrays.copyOfRange(wrapped, 0, 12), "data-key",
                    Arrays.copyOfRange(wrapped, 12, wrapped.length));
        }

        @Override
        public String toString() {
            return "LocalKek[…]";
        }
    }
}
