package cn.onewindow.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

/** An in-JVM HTTP server answering from a script, recording every request. */
final class StubServer implements AutoCloseable {

    /** A scripted answer. */
    static final class Answer {
        final int status;
        final String body;
        final Map<String, String> headers = new HashMap<>();
        long delayMillis;

        Answer(int status, String body) {
            this.status = status;
            this.body = body;
        }

        Answer header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Answer delay(long millis) {
            this.delayMillis = millis;
            return this;
        }
    }

    /** A recorded request. */
    static final class Received {
        final String method;
        final String uri;
        final Map<String, String> headers;
        final String body;
        final long atNanos;

        Received(String method, String uri, Map<String, String> headers, String body, long atNanos) {
            this.method = method;
            this.uri = uri;
            this.headers = headers;
            this.body = body;
            this.atNanos = atNanos;
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    private volatile Answer fallback = new Answer(404, "{\"status\":404,\"code\":\"NOT_FOUND\"}");
    final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    StubServer then(Answer a) {
        script.add(a);
        return this;
    }

    StubServer otherwise(Answer a) {
        fallback = a;
        return this;
    }

    static Answer json(int status, String body) {
        return new Answer(status, body).header("Content-Type",
                status >= 400 ? "application/problem+json" : "application/json");
    }

    static Answer problem(int status, String code) {
        return json(status, "{\"type\":\"https://onewindow.cn/problems/x\",\"title\":\"t\",\"status\":" + status
                + ",\"detail\":\"d\",\"code\":\"" + code + "\",\"messageZh\":\"中文\",\"messageEn\":\"english\","
                + "\"requestId\":\"req-1\"}");
    }

    private void handle(HttpExchange ex) throws IOException {
        long at = System.nanoTime();
        Map<String, String> h = new HashMap<>();
        for (Map.Entry<String, List<String>> e : ex.getRequestHeaders().entrySet()) {
            h.put(e.getKey().toLowerCase(), e.getValue().get(0));
        }
        String body = new String(readAll(ex.getRequestBody()), StandardCharsets.UTF_8);
        received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().toString(), h, body, at));
        Answer a = script.poll();
        if (a == null) a = fallback;
        try {
            if (a.delayMillis > 0) Thread.sleep(a.delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Map.Entry<String, String> e : a.headers.entrySet()) ex.getResponseHeaders().add(e.getKey(), e.getValue());
        byte[] bytes = a.body == null ? new byte[0] : a.body.getBytes(StandardCharsets.UTF_8);
        try {
            ex.sendResponseHeaders(a.status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException clientGone) {
            // the client timed out and closed the connection
        } finally {
            ex.close();
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) != -1) out.write(buf, 0, n);
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
