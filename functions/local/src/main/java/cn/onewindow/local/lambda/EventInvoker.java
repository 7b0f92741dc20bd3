package cn.onewindow.local.lambda;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Hands one event to a function (RequestResponse): POSTs it to the event endpoint of its local Runtime API, where
 * the next free instance takes it, and turns the answer into the function's result or a
 * {@link LambdaInvocationException}.
 */
final class EventInvoker {
    private final String function;
    private final URI endpoint;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** @param timeout how long an answer may take (the function's timeout plus an instance's start-up) */
    EventInvoker(String function, URI endpoint, Duration timeout) {
        this.function = function;
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    /** The function's result JSON ({@code ""} when it returned nothing); fails with LambdaInvocationException. */
    CompletableFuture<String> send(String eventJson) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(eventJson, StandardCharsets.UTF_8))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause()
                                : error;
                        String why = cause instanceof HttpTimeoutException ? "no answer in time" : null;
                        throw new LambdaInvocationException(function, -1, why, cause);
                    }
                    int status = response.statusCode();
                    if (status == 200 || status == 204) {
                        return response.body() == null ? "" : response.body();
                    }
                    throw new LambdaInvocationException(function, status, response.body(), null);
                });
    }
}
