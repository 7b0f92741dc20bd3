package cn.onewindow.aws;

import cn.onewindow.core.privacy.EnvelopeSealer;

import java.util.Base64;
import java.util.Map;

/**
 * The cloud key-encryption key of sealed outbox payloads: a KMS key. Writers wrap each data key with
 * {@code kms:Encrypt}, the sender unwraps it with {@code kms:Decrypt}; the template grants each only its own call.
 * The key never leaves KMS; a ciphertext blob names its key, so automatic key rotation needs nothing here.
 */
final class KmsKeyWrapper implements EnvelopeSealer.KeyWrapper {
    /** Bound to every wrapped data key: a data key wrapped for the outbox opens for nothing else. */
    static final Map<String, String> CONTEXT = Map.of("purpose", "onewindow-outbox");
    private final AwsJsonCall kms;
    private final String keyArn;

    KmsKeyWrapper(AwsJsonCall kms, String keyArn) {
        this.kms = kms;
        this.keyArn = keyArn;
    }

    @Override
    public byte[] wrap(byte[] dataKey) {
        return Base64.getDecoder().decode(kms.call("Encrypt", Map.of("KeyId", keyArn,
                "Plaintext", Base64.getEncoder().encodeToString(dataKey), "EncryptionContext", CONTEXT))
                .path("CiphertextBlob").asText());
    }

    @Override
    public byte[] unwrap(byte[] wrapped) {
        try {
            return Base64.getDecoder().decode(kms.call("Decrypt", Map.of("KeyId", keyArn,
                    "CiphertextBlob", Base64.getEncoder().encodeToString(wrapped), "EncryptionContext", CONTEXT))
                    .path("Plaintext").asText());
        } catch (IllegalStateException e) {
            throw new SecurityException("the outbox key did not open a data key: " + e.getMessage());
        }
    }
}
