package cn.onewindow.sdk.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the local system that misbehaves on purpose, one connection at a time, like a weak
 * link: it drops a connection, holds the server's answer back past the client's read timeout (the server did the
 * write, the client never hears of it), or answers 503 / 429 itself. Connections without a scripted fault pass
 * through untouched.
 */
final class FaultyProxy implements AutoCloseable {

    /** What to do with one connection. */
    static final class Fault {
        final String kind;
        final long millis;
        final int status;

        private Fault(String kind, long millis, int status) {
            this.kind = kind;
            this.millis = millis;
            this.status = status;
        }

        /** Reset the connection at once. */
        static Fault drop() {
            return new Fault("drop", 0, 0);
        }

        /** Forward the request, hold the answer back this long. */
        static Fault delayAnswer(long millis) {
            return new Fault("delay", millis, 0);
        }

        /** Read the request, answer with this status and {@code Retry-After} itself; the server never sees it. */
        static Fault answer(int status, int retryAfterSeconds) {
            return new Fault("answer", retryAfterSeconds, status);
        }
    }

    private final ServerSocket server;
    private final int upstreamPort;
    private final ConcurrentLinkedQueue<Fault> script = new ConcurrentLinkedQueue<>();
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger forwarded = new AtomicInteger();
    private volatile boolean closed;
    private volatile boolean dropAll;

    FaultyProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "faulty-proxy-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** While on, every connection is dropped (the link is down). */
    FaultyProxy dropAll(boolean on) {
        this.dropAll = on;
        return this;
    }

    FaultyProxy then(Fault f) {
        script.add(f);
        return this;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                Fault f = dropAll ? Fault.drop() : script.poll();
                Thread t = new Thread(() -> handle(client, f), "faulty-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) e.printStackTrace();
            }
        }
    }

    private void handle(Socket client, Fault f) {
        try {
            if (f != null && f.kind.equals("drop")) {
                client.setSoLinger(true, 0); // RST, like a link that went away
                client.close();
                return;
            }
            if (f != null && f.kind.equals("answer")) {
                readRequest(client.getInputStream());
                String reason = f.status == 429 ? "Too Many Requests" : "Service Unavailable";
                String body = "{\"status\":" + f.status + ",\"code\":\"" + (f.status == 429 ? "RATE_LIMITED"
                        : "UNAVAILABLE") + "\",\"messageZh\":\"稍后重试\",\"messageEn\":\"retry later\"}";
                byte[] b = body.getBytes(StandardCharsets.UTF_8);
                OutputStream out = client.getOutputStream();
                out.write(("HTTP/1.1 " + f.status + " " + reason + "\r\nContent-Type: application/problem+json\r\n"
                        + "Retry-After: " + f.millis + "\r\nContent-Length: " + b.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(b);
                out.flush();
                client.close();
                return;
            }
            Socket up = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
            forwarded.incrementAndGet();
            long delay = f == null ? 0 : f.millis;
            Thread toServer = new Thread(() -> pump(client, up, 0), "faulty-proxy-up");
            toServer.setDaemon(true);
            toServer.start();
            pump(up, client, delay);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    /** Copies bytes until either side closes; the first bytes are held back {@code delay} ms. */
    private static void pump(Socket from, Socket to, long delay) {
        byte[] buf = new byte[16384];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            boolean first = true;
            while ((n = in.read(buf)) != -1) {
                if (first && delay > 0) Thread.sleep(delay);
                first = false;
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Reads one HTTP request (headers and a Content-Length body). */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        int c;
        while (last4 != 0x0D0A0D0A && (c = in.read()) != -1) {
            head.write(c);
            last4 = (last4 << 8) | c;
        }
        int length = 0;
        for (String line : head.toString("ISO-8859-1").split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        for (int i = 0; i < length && in.read() != -1; i++) {
            // discard the body
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}
