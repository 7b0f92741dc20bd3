package cn.onewindow.aws.faults;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that, per attempt and as its {@link FaultPlan} decides, answers the way DynamoDB and SQS really
 * fail, so that the SDK's own error parsing and retry policy and our code above it see exactly what they would see
 * from AWS:
 * <ul>
 *   <li>refused without being applied: {@code TransactionCanceledException} with a {@code TransactionConflict}
 *       reason, {@code ProvisionedThroughputExceededException}, 500 {@code InternalServerError}, 503;</li>
 *   <li>applied, then the answer lost (a read time-out): the SDK retries a request that already took effect, which
 *       for an SQS send is a duplicate delivery and for a conditional write a condition that now fails.</li>
 * </ul>
 * The last attempt the SDK will make is never faulted, so the SDK-retried kinds always succeed in the end; what the
 * SDK does not retry ({@code TransactionConflict}, conditions failing on a retry) is for our code to handle.
 */
public final class FaultInjectingHttpClient implements SdkHttpClient {
    private final SdkHttpClient delegate;
    private final FaultPlan plan;

    public FaultInjectingHttpClient(SdkHttpClient delegate, FaultPlan plan) {
        this.delegate = delegate;
        this.plan = plan;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        byte[] body = read(request.contentStreamProvider());
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        boolean lastAttempt = isLastAttempt(request.httpRequest().firstMatchingHeader("amz-sdk-request").orElse(""));
        Fault fault = lastAttempt ? Fault.NONE : plan.next(target);
        HttpExecuteRequest replay = HttpExecuteRequest.builder().request(request.httpRequest())
                .contentStreamProvider(ContentStreamProvider.fromByteArrayUnsafe(body)).build();
        return switch (fault) {
            case NONE -> delegate.prepareRequest(replay);
            case TIMEOUT_AFTER_APPLY -> new ExecutableHttpRequest() {
                private final ExecutableHttpRequest sent = delegate.prepareRequest(replay);

                @Override
                public HttpExecuteResponse call() throws IOException {
                    HttpExecuteResponse response = sent.call();
                    if (response.responseBody().isPresent()) {
                        try (InputStream in = response.responseBody().get()) {
                            in.readAllBytes();
                        }
                    }
                    throw new SocketTimeoutException("injected fault: read timed out after " + operation(target)
                            + " was applied");
                }

                @Override
                public void abort() {
                    sent.abort();
                }
            };
            default -> refused(fault, target, body);
        };
    }

    @Override
    public String clientName() {
        return "FaultInjecting(" + delegate.clientName() + ")";
    }

    @Override
    public void close() {
        delegate.close();
    }

    // ------------------------------------------------------------------ refusals as the services write them

    private static ExecutableHttpRequest refused(Fault fault, String target, byte[] requestBody) {
        boolean dynamo = target.startsWith("DynamoDB_");
        int status;
        String json;
        switch (fault) {
            case TRANSACTION_CONFLICT -> {
                status = 400;
                int items = Math.max(1, countTransactItems(requestBody));
                StringBuilder reasons = new StringBuilder();
                for (int i = 0; i < items; i++) {
                    reasons.append(i == 0 ? "" : ",").append(i == items - 1
                            ? "{\"Code\":\"TransactionConflict\",\"Message\":\"Transaction is ongoing for the item\"}"
                            : "{\"Code\":\"None\"}");
                }
                json = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\","
                        + "\"Message\":\"Transaction cancelled, please refer cancellation reasons for specific reasons"
                        + " [TransactionConflict]\",\"CancellationReasons\":[" + reasons + "]}";
            }
            case THROTTLED -> {
                status = 400;
                json = dynamo ? "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
                        + "\"message\":\"The level of configured provisioned throughput for the table was exceeded.\"}"
                        : "{\"__type\":\"com.amazonaws.sqs#RequestThrottled\",\"message\":\"Rate exceeded\"}";
            }
            case INTERNAL_ERROR -> {
                status = 500;
                json = dynamo ? "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
                        + "\"message\":\"Internal server error\"}"
                        : "{\"__type\":\"com.amazon.coral.service#InternalFailure\",\"message\":\"Internal failure\"}";
            }
            case UNAVAILABLE -> {
                status = 503;
                json = dynamo ? "{\"__type\":\"com.amazon.coral.availability#ThrottlingException\","
                        + "\"message\":\"Service unavailable\"}"
                        : "{\"__type\":\"com.amazon.coral.service#ServiceUnavailableException\",\"message\":\"Service unavailable\"}";
            }
            default -> throw new IllegalStateException("not a refusal: " + fault);
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        SdkHttpResponse response = SdkHttpResponse.builder().statusCode(status)
                .headers(Map.of("Content-Type", List.of("application/x-amz-json-1.0"),
                        "Content-Length", List.of(String.valueOf(bytes.length)),
                        "x-amzn-RequestId", List.of(UUID.randomUUID().toString())))
                .build();
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder().response(response)
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes))).build();
            }

            @Override
            public void abort() {
            }
        };
    }

    /** Entries of the request's {@code TransactItems} array (each is one object at depth 2). */
    static int countTransactItems(byte[] body) {
        String json = new String(body, StandardCharsets.UTF_8);
        int start = json.indexOf("\"TransactItems\"");
        if (start < 0) {
            return 0;
        }
        int i = json.indexOf('[', start);
        int depth = 0;
        int count = 0;
        boolean inString = false;
        for (; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '[', '{' -> {
                    if (depth == 1 && c == '{') {
                        count++;
                    }
                    depth++;
                }
                case ']', '}' -> {
                    depth--;
                    if (depth == 0) {
                        return count;
                    }
                }
                default -> {
                }
            }
        }
        return count;
    }

    static String operation(String target) {
        int dot = target.lastIndexOf('.');
        return dot < 0 ? target : target.substring(dot + 1);
    }

    /** {@code amz-sdk-request: attempt=2; max=4}: true on the attempt after which the SDK gives up. */
    static boolean isLastAttempt(String header) {
        int attempt = number(header, "attempt=");
        int max = number(header, "max=");
        return attempt > 0 && max > 0 && attempt >= max;
    }

    private static int number(String header, String name) {
        int at = header.indexOf(name);
        if (at < 0) {
            return -1;
        }
        int end = at + name.length();
        while (end < header.length() && Character.isDigit(header.charAt(end))) {
            end++;
        }
        try {
            return Integer.parseInt(header.substring(at + name.length(), end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] read(Optional<ContentStreamProvider> provider) {
        if (provider.isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = provider.get().newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
