package cn.onewindow.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One signed call of an AWS JSON 1.1 service (KMS, Secrets Manager): the SDK's own SigV4 signer, credentials chain
 * and URL-connection HTTP client, without a service client of its own (the platform depends on the DynamoDB and SQS
 * clients only). The answer's JSON, or an {@link IllegalStateException} naming the service's error type (never the
 * request body, which may hold key material).
 */
final class AwsJsonCall {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final String service;
    private final String targetPrefix;
    private final String region;
    private final URI endpoint;

    /**
     * @param service      signing name and host prefix ({@code kms}, {@code secretsmanager})
     * @param targetPrefix the {@code X-Amz-Target} prefix ({@code TrentService}, {@code secretsmanager})
     * @param endpoint     null = the regional endpoint ({@code https://kms.cn-north-1.amazonaws.com.cn})
     */
    AwsJsonCall(String service, String targetPrefix, String region, URI endpoint, AwsCredentialsProvider credentials) {
        this.service = service;
        this.targetPrefix = targetPrefix;
        this.region = region;
        this.endpoint = endpoint != null ? endpoint : regional(service, region);
        this.credentials = credentials != null ? credentials : DefaultCredentialsProvider.builder().build();
        this.http = AwsClients.httpClient();
    }

    static URI regional(String service, String region) {
        return URI.create("https://" + service + "." + region + (region.startsWith("cn-") ? ".amazonaws.com.cn"
                : ".amazonaws.com"));
    }

    JsonNode call(String operation, Map<String, Object> body) {
        byte[] payload;
        try {
            payload = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .encodedPath("/")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", targetPrefix + "." + operation)
                .putHeader("Content-Length", String.valueOf(payload.length))
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials.resolveCredentials())
                .request(request).payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
            String text;
            try (InputStream in = response.responseBody().map(b -> (InputStream) b).orElse(InputStream.nullInputStream())) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            JsonNode answer = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            if (!response.httpResponse().isSuccessful()) {
                throw new IllegalStateException(service + " " + operation + " failed: HTTP "
                        + response.httpResponse().statusCode() + " " + answer.path("__type").asText("?"));
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(service + " " + operation + " failed", e);
        }
    }
}
