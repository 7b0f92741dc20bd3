package cn.onewindow.aws;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The functions' HTTP client hands small request bodies to the URL-connection client without their length (so the
 * JDK buffers them instead of probing the kept-alive connection before each streamed POST), and the server still gets
 * every body whole, with its exact Content-Length, over one kept-alive connection.
 */
class BufferedBodyHttpClientTest {
    private HttpServer server;
    /** Per request the server saw: its Content-Length header, its body, and the client's port. */
    private final List<String[]> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            seen.add(new String[] {exchange.getRequestHeaders().getFirst("Content-Length"),
                    new String(body, StandardCharsets.UTF_8),
                    Integer.toString(exchange.getRemoteAddress().getPort())});
            byte[] answer = ("{\"received\":" + body.length + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static HttpExecuteRequest post(URI uri, byte[] body) {
        SdkHttpRequest http = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("Content-Length", Integer.toString(body.length)).build();
        return HttpExecuteRequest.builder().request(http).contentStreamProvider(ContentStreamProvider.fromByteArray(body))
                .build();
    }

    @Test
    void everyFunctionClientSendsSmallBodiesBuffered() {
        try (SdkHttpClient client = AwsClients.httpClient()) {
            assertInstanceOf(BufferedBodyHttpClient.class, client);
        }
    }

    @Test
    void aSmallBodyLosesItsLengthHeaderAndKeepsEverythingElse() {
        HttpExecuteRequest request = post(uri(), "{\"TableName\":\"t\"}".getBytes(StandardCharsets.UTF_8));
        HttpExecuteRequest sent = BufferedBodyHttpClient.buffered(request);
        assertTrue(sent.httpRequest().firstMatchingHeader("Content-Length").isEmpty());
        assertEquals(request.httpRequest().firstMatchingHeader("Content-Type"),
                sent.httpRequest().firstMatchingHeader("Content-Type"));
        assertEquals(request.httpRequest().getUri(), sent.httpRequest().getUri());
        assertSame(request.contentStreamProvider().get(), sent.contentStreamProvider().get());
    }

    @Test
    void aBodyAboveTheLimitAndARequestWithoutBodyAreLeftAsTheyAre() {
        HttpExecuteRequest large = post(uri(), new byte[(int) BufferedBodyHttpClient.MAX_BUFFERED_BYTES + 1]);
        assertSame(large, BufferedBodyHttpClient.buffered(large));
        HttpExecuteRequest noBody = HttpExecuteRequest.builder().request(SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET).uri(uri()).putHeader("Content-Length", "0").build()).build();
        assertSame(noBody, BufferedBodyHttpClient.buffered(noBody));
        HttpExecuteRequest garbled = HttpExecuteRequest.builder().request(large.httpRequest().toBuilder()
                .putHeader("Content-Length", "12x").build()).contentStreamProvider(large.contentStreamProvider().get())
                .build();
        assertSame(garbled, BufferedBodyHttpClient.buffered(garbled));
    }

    @Test
    void theServerGetsEveryBodyWholeWithItsLengthOverOneKeptAliveConnection() throws IOException {
        String[] bodies = {"{\"a\":1}", "{\"TableName\":\"onewindow-cases\",\"Key\":{\"pk\":{\"S\":\"CASE#1\"}}}",
                "{\"text\":\"" + "好差评".repeat(2000) + "\"}"};
        try (SdkHttpClient client = AwsClients.httpClient()) {
            for (String body : bodies) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                ExecutableHttpRequest call = client.prepareRequest(post(uri(), bytes));
                HttpExecuteResponse response = call.call();
                assertEquals(200, response.httpResponse().statusCode());
                try (InputStream in = response.responseBody().orElseThrow()) {
                    assertEquals("{\"received\":" + bytes.length + "}",
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertEquals(bodies.length, seen.size());
        for (int i = 0; i < bodies.length; i++) {
            assertEquals(Integer.toString(bodies[i].getBytes(StandardCharsets.UTF_8).length), seen.get(i)[0]);
            assertEquals(bodies[i], seen.get(i)[1]);
        }
        assertEquals(1, seen.stream().map(s -> s[2]).distinct().count(), "one kept-alive connection for all");
    }
}
