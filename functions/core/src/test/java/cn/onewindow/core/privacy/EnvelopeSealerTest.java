package cn.onewindow.core.privacy;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvelopeSealerTest {
    static final String SMS = "【政务服务】您申请的“林木采伐许可”（办件编号C1）已办结，代办员将为您送达，取件码402917，请在签收时告知代办员。";

    static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    @Test
    void roundTripAndTheCodeIsNotInTheSealedForm() {
        EnvelopeSealer sealer = new EnvelopeSealer(new EnvelopeSealer.LocalKek(key()));
        String sealed = sealer.seal(SMS, "C1-RESULT_READY-A-1");
        assertTrue(sealed.startsWith("env1."), sealed);
        assertFalse(sealed.contains("402917"));
        assertEquals(SMS, sealer.open(sealed, "C1-RESULT_READY-A-1"));
        // a fresh data key and IV each time
        assertNotEquals(sealed, sealer.seal(SMS, "C1-RESULT_READY-A-1"));
    }

    @Test
    void tamperingAnotherContextOrAnotherKeyIsRefused() {
        EnvelopeSealer sealer = new EnvelopeSealer(new EnvelopeSealer.LocalKek(key()));
        String sealed = sealer.seal(SMS, "ctx");
        String[] parts = sealed.split("\\.");
        byte[] ct = Base64.getUrlDecoder().decode(parts[3]);
        ct[5] ^= 1;
        String tampered = parts[0] + "." + parts[1] + "." + parts[2] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(ct);
        assertThrows(SecurityException.class, () -> sealer.open(tampered, "ctx"));
        assertThrows(SecurityException.class, () -> sealer.open(sealed, "another item"));
        byte[] wrapped = Base64.getUrlDecoder().decode(parts[1]);
        wrapped[wrapped.length - 1] ^= 1;
        String badKey = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(wrapped) + "."
                + parts[2] + "." + parts[3];
        assertThrows(SecurityException.class, () -> sealer.open(badKey, "ctx"));
        assertThrows(SecurityException.class,
                () -> new EnvelopeSealer(new EnvelopeSealer.LocalKek(key())).open(sealed, "ctx"));
        assertThrows(SecurityException.class, () -> sealer.open("env1.x", "ctx"));
        assertThrows(SecurityException.class, () -> sealer.open(SMS, "ctx"));
    }

    @Test
    void masksOneTimeSecretsInTexts() {
        assertEquals(SMS.replace("402917", "******"), OneTimeSecrets.mask(SMS));
        assertEquals("查询密码：******", OneTimeSecrets.mask("查询密码：A1b2C3"));
        assertEquals("办件编号C20250425001", OneTimeSecrets.mask("办件编号C20250425001"));
    }
}
