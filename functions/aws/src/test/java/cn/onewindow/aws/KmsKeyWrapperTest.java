package cn.onewindow.aws;

import cn.onewindow.core.privacy.EnvelopeSealer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the outbox sealer sends to KMS: the documented JSON 1.1 protocol (target {@code TrentService.Encrypt} /
 * {@code Decrypt}, the key ARN, the encryption context, a SigV4 signature for the {@code kms} service). The other
 * side is an HTTP endpoint in this JVM that records each request and answers in KMS's shape; it stands for the
 * network peer only (no KMS is reachable here), the sealing itself is the real code.
 */
class KmsKeyWrapperTest {
    static final String KEY = "arn:aws-cn:kms:cn-north-1:111122223333:key/0d1e2f";
    static final ObjectMapper JSON = new ObjectMapper();
    HttpServer server;
    final List<Map<String, Object>> received = new ArrayList<>();
    int status = 200;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
            String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
            received.add(Map.of("target", target, "auth", ex.getRequestHeaders().getFirst("Authorization"),
                    "type", ex.getRequestHeaders().getFirst("Content-Type"), "body", body));
            String answer;
            if (status != 200) {
                answer = "{\"__type\":\"AccessDeniedException\",\"message\":\"not allowed\"}";
            } else if (target.endsWith(".Encrypt")) {
                // a reversible stand-in for the ciphertext blob: the test checks the protocol, not KMS's cipher
                answer = "{\"CiphertextBlob\":\"" + Base64.getEncoder().encodeToString(("W" + body.get("Plaintext")
                        .asText()).getBytes(StandardCharsets.UTF_8)) + "\",\"KeyId\":\"" + KEY + "\"}";
            } else {
                String blob = new String(Base64.getDecoder().decode(body.get("CiphertextBlob").asText()),
                        StandardCharsets.UTF_8);
                answer = "{\"Plaintext\":\"" + blob.substring(1) + "\",\"KeyId\":\"" + KEY + "\"}";
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    KmsKeyWrapper wrapper() {
        return new KmsKeyWrapper(new AwsJsonCall("kms", "TrentService", "cn-north-1",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))), KEY);
    }

    @Test
    void writersEncryptTheDataKeyAndTheSenderDecryptsItWithSignedKmsCalls() {
        EnvelopeSealer sealer = new EnvelopeSealer(wrapper());
        String sealed = sealer.seal("取件码402917", "N1");
        assertEquals("取件码402917", sealer.open(sealed, "N1"));
        assertEquals(2, received.size());
        assertEquals("TrentService.Encrypt", received.get(0).get("target"));
        assertEquals("TrentService.Decrypt", received.get(1).get("target"));
        for (Map<String, Object> r : received) {
            assertEquals("application/x-amz-json-1.1", r.get("type"));
            String auth = (String) r.get("auth");
            assertTrue(auth.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/") && auth.contains("/cn-north-1/kms/"
                    + "aws4_request") && auth.contains("x-amz-target"), auth);
            JsonNode body = (JsonNode) r.get("body");
            assertEquals(KEY, body.get("KeyId").asText());
            assertEquals("onewindow-outbox", body.get("EncryptionContext").get("purpose").asText());
        }
        // KMS sees a 32-byte data key, never the message
        byte[] dataKey = Base64.getDecoder().decode(((JsonNode) received.get(0).get("body")).get("Plaintext").asText());
        assertEquals(32, dataKey.length);
    }

    @Test
    void aRefusalOfKmsIsASecurityExceptionNamingTheErrorOnly() {
        EnvelopeSealer sealer = new EnvelopeSealer(wrapper());
        String sealed = sealer.seal("取件码402917", "N1");
        status = 400;
        SecurityException e = assertThrows(SecurityException.class, () -> sealer.open(sealed, "N1"));
        assertTrue(e.getMessage().contains("AccessDeniedException") && !e.getMessage().contains("402917"),
                e.getMessage());
    }

    @Test
    void regionalEndpointsIncludeTheChinaPartition() {
        assertEquals(URI.create("https://kms.cn-north-1.amazonaws.com.cn"), AwsJsonCall.regional("kms", "cn-north-1"));
        assertEquals(URI.create("https://secretsmanager.eu-west-1.amazonaws.com"),
                AwsJsonCall.regional("secretsmanager", "eu-west-1"));
    }
}
