package cn.onewindow.local;

import cn.onewindow.core.common.SharedClock;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Local mode only, on its own port: moves the clock every local function shares, and runs the deadline checker
 * now. The cloud has no such call: it is not part of any function.
 *
 * <pre>
 * GET  /local/clock                          → {"now": "...", "moved": "PT0S"}
 * POST /local/clock/advance?by=PT24H         → moves every function's clock forward
 * POST /local/clock/advance?to=2025-05-16T02:00:00Z
 * POST /local/deadline-check                 → runs the deadline checker once, answers its result
 * </pre>
 */
final class LocalAdminServer implements AutoCloseable {
    private final HttpServer server;

    LocalAdminServer(int port, Path clockFile, Clock clock, Supplier<String> runDeadlineCheck) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/local/clock", ex -> {
            try {
                String path = ex.getRequestURI().getPath();
                if (path.equals("/local/clock") && ex.getRequestMethod().equals("GET")) {
                    send(ex, 200, state(clock, clockFile));
                } else if (path.equals("/local/clock/advance") && ex.getRequestMethod().equals("POST")) {
                    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
                    Duration by;
                    if (q.containsKey("by")) {
                        by = Duration.parse(q.get("by"));
                    } else if (q.containsKey("to")) {
                        by = Duration.between(clock.instant(), Instant.parse(q.get("to")));
                    } else {
                        send(ex, 400, "{\"error\":\"give by=PT24H or to=<instant>\"}");
                        return;
                    }
                    if (by.isNegative()) {
                        send(ex, 400, "{\"error\":\"the clock only moves forward\"}");
                        return;
                    }
                    SharedClock.advance(clockFile, by);
                    Thread.sleep(150); // every process re-reads the file within 100 ms
                    send(ex, 200, state(clock, clockFile));
                } else {
                    send(ex, 404, "{\"error\":\"not found\"}");
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                send(ex, 400, "{\"error\":\"" + e.getMessage().replace('"', '\'') + "\"}");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.createContext("/local/deadline-check", ex -> {
            if (!ex.getRequestMethod().equals("POST")) {
                send(ex, 405, "{\"error\":\"POST\"}");
                return;
            }
            send(ex, 200, runDeadlineCheck.get());
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static String state(Clock clock, Path file) {
        return "{\"now\":\"" + clock.instant() + "\",\"file\":\"" + file + "\"}";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int i = pair.indexOf('=');
            if (i > 0) {
                out.put(URLDecoder.decode(pair.substring(0, i), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
