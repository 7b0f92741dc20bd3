package cn.onewindow.aws;

import cn.onewindow.core.privacy.EnvelopeSealer;
import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.privacy.Pseudonyms;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a function's secrets come from, read once when the function starts.
 *
 * <ul>
 *   <li>Cloud: {@code PSEUDONYM_SECRET_ARN} names a Secrets Manager secret (read with {@code GetSecretValue}; the
 *   function's role may read that one secret), {@code OUTBOX_KEY_ARN} a KMS key (each data key wrapped / unwrapped by
 *   KMS; writers may only encrypt, the sender only decrypt).</li>
 *   <li>Local: the same variables say {@code local:<name>} (the local provisioner's stand-in for the resource), and
 *   the secret is a file {@code <name>.json} / {@code <name>.key} under {@code ONEWINDOW_SECRETS_DIR} (the local
 *   system's data directory, or a temporary one), generated at random on first use, readable by its owner only.
 *   Tests and tools on local endpoints that name no secret use such files in a temporary directory of the JVM.</li>
 * </ul>
 *
 * <p>The pseudonym secret's value is JSON: {@code {"current":"k2","k1":"…","k2":"…"}}: new keys are made with the
 * secret named by {@code current}; every other entry is a previous secret still accepted (README, key rotation).
 */
public final class PlatformSecrets {
    public static final String LOCAL_PREFIX = "local:";
    /** The logical ids of the template's secret and key, used for the local files when nothing names them. */
    public static final String PSEUDONYM_SECRET = "PseudonymSecret";
    public static final String OUTBOX_KEY = "OutboxKey";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static Path jvmDirectory;

    private PlatformSecrets() {
    }

    public static PrivacyKeys from(AwsSettings s) {
        // tests and tools on local endpoints that name no secret (the local system always names its directory, so
        // there a function the template gives no secret has none, as in the cloud)
        boolean local = s.dynamoDbEndpoint() != null && s.secretsDirectory() == null;
        String secret = s.pseudonymSecret() != null ? s.pseudonymSecret()
                : local ? LOCAL_PREFIX + PSEUDONYM_SECRET : null;
        String key = s.outboxKey() != null ? s.outboxKey() : local ? LOCAL_PREFIX + OUTBOX_KEY : null;
        Pseudonyms pseudonyms = null;
        if (secret != null && secret.startsWith(LOCAL_PREFIX)) {
            pseudonyms = ring(localRing(directory(s), secret.substring(LOCAL_PREFIX.length())));
        } else if (secret != null) {
            JsonNode answer = new AwsJsonCall("secretsmanager", "secretsmanager", s.region(), null, null)
                    .call("GetSecretValue", Map.of("SecretId", secret));
            pseudonyms = ring(answer.path("SecretString").asText());
        }
        EnvelopeSealer sealer = null;
        if (key != null && key.startsWith(LOCAL_PREFIX)) {
            sealer = new EnvelopeSealer(new EnvelopeSealer.LocalKek(localKek(directory(s),
                    key.substring(LOCAL_PREFIX.length()))));
        } else if (key != null) {
            sealer = new EnvelopeSealer(new KmsKeyWrapper(new AwsJsonCall("kms", "TrentService", s.region(), null,
                    null), key));
        }
        return new PrivacyKeys(pseudonyms, sealer);
    }

    /** Parses a key ring: {@code {"current":"k1","k1":"<secret>",…}}; each secret is its UTF-8 bytes. */
    public static Pseudonyms ring(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            Map<String, byte[]> secrets = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("current")) secrets.put(e.getKey(), e.getValue().asText()
                        .getBytes(StandardCharsets.UTF_8));
            });
            return new Pseudonyms(node.path("current").asText(null), secrets);
        } catch (IOException e) {
            throw new IllegalStateException("the pseudonym secret is not JSON {\"current\":\"k1\",\"k1\":\"…\"}");
        }
    }

    static Path directory(AwsSettings s) {
        if (s.secretsDirectory() != null) return Path.of(s.secretsDirectory());
        synchronized (PlatformSecrets.class) {
            if (jvmDirectory == null) {
                try {
                    jvmDirectory = Files.createTempDirectory("onewindow-secrets", ownerOnlyDirectory());
                    jvmDirectory.toFile().deleteOnExit();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return jvmDirectory;
        }
    }

    /** The local ring file, made with one random secret {@code k1} if absent. */
    public static String localRing(Path dir, String name) {
        return readOrCreate(dir.resolve(name + ".json"), () -> {
            ObjectNode n = JSON.createObjectNode();
            n.put("current", "k1");
            n.put("k1", random(32));
            return n.toString();
        });
    }

    static byte[] localKek(Path dir, String name) {
        return Base64.getDecoder().decode(readOrCreate(dir.resolve(name + ".key"), () -> random(32)).trim());
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    /**
     * Reads a secret file, or writes it first: to a temporary file created owner-only, then linked into place
     * (atomic, and refused if another process got there first, whose file is then read).
     */
    private static String readOrCreate(Path file, java.util.function.Supplier<String> content) {
        try {
            if (Files.isRegularFile(file)) return Files.readString(file, StandardCharsets.UTF_8);
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".new-", ".tmp", ownerOnlyFile());
            try {
                Files.writeString(tmp, content.get(), StandardCharsets.UTF_8);
                try {
                    Files.createLink(file, tmp);
                } catch (FileAlreadyExistsException raced) {
                    // another function started at the same moment: its file wins
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            if (file.getParent().equals(jvmDirectory)) file.toFile().deleteOnExit();
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the local secret " + file, e);
        }
    }

    private static java.nio.file.attribute.FileAttribute<?>[] ownerOnlyFile() {
        return posix() ? new java.nio.file.attribute.FileAttribute<?>[]{
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new java.nio.file.attribute.FileAttribute<?>[0];
    }

    private static java.nio.file.attribute.FileAttribute<?>[] ownerOnlyDirectory() {
        return posix() ? new java.nio.file.attribute.FileAttribute<?>[]{
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new java.nio.file.attribute.FileAttribute<?>[0];
    }

    private static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
