package cn.onewindow.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * dynoxide, an open-source (MIT OR Apache-2.0) DynamoDB-compatible server backed by SQLite, run as a child
 * process on a loopback port.
 *
 * <p>The binary comes from the npm package {@code @dynoxide/linux-x64}, pinned in {@code infrastructure/package.json}
 * and its lock file; the build installs it with {@code npm ci} and packs it into this module's jar as
 * {@value #BINARY_RESOURCE}. At start it is copied once per content hash into the temporary directory (a jar entry
 * cannot be executed), unless the system property {@value #BINARY_PROPERTY} names a binary to use instead.
 *
 * <p><b>Never an orphan.</b> The server is started under a small {@code /bin/sh} watchdog whose standard input is a
 * pipe from this JVM: when the JVM ends in any way (a normal exit, a crash, {@code kill -9}) the operating system
 * closes the pipe, the watchdog's {@code cat} sees end-of-file and stops the server. {@link #close()} closes the pipe
 * the same way, then waits for both processes. A shutdown hook does it for instances that are never closed.
 *
 * <p>With a database file the data survives restarts ({@code --db-path}); without one it is in memory.
 */
public final class DynoxideServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DynoxideServer.class.getName());

    /** Where the build puts the binary on the class path. */
    public static final String BINARY_RESOURCE = "cn/onewindow/infrastructure/dynoxide/linux-x64/dynoxide";
    /** System property naming a dynoxide binary to run instead of the packed one. */
    public static final String BINARY_PROPERTY = "onewindow.dynoxide.binary";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Runs "$@" (the server) and waits for it; beside it a subshell reads this shell's standard input (the pipe from
     * the JVM) and stops the server at end-of-file. So the shell ends when the server ends (a failed start shows),
     * and the server ends when the JVM does.
     */
    private static final String WATCHDOG = "exec 3<&0; \"$@\" < /dev/null & server=$!; "
            + "( cat <&3 > /dev/null; kill $server 2>/dev/null ) & exec 3<&-; wait $server";

    private final Process watchdog;
    private final int port;
    private final Path logFile;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private DynoxideServer(Process watchdog, int port, Path logFile) {
        this.watchdog = watchdog;
        this.port = port;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::stop, "dynoxide-shutdown-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the server on 127.0.0.1 and waits until it accepts connections.
     *
     * @param requestedPort port to listen on, 0 for a free one (then up to three ports are tried)
     * @param databaseFile  SQLite file for the data, or null to keep everything in memory
     */
    public static DynoxideServer start(int requestedPort, Path databaseFile) {
        Path binary = binary();
        int attempts = requestedPort == 0 ? 3 : 1;
        IllegalStateException last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            int port = requestedPort == 0 ? freePort() : requestedPort;
            try {
                return launch(binary, port, databaseFile);
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    public int port() {
        return port;
    }

    /** Process id of the server itself (not of its watchdog), if it is running. */
    public long serverPid() {
        return watchdog.toHandle().children()
                .filter(p -> p.info().command().map(c -> c.endsWith("dynoxide")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("dynoxide is not running")).pid();
    }

    /** Process id of the watchdog shell that owns the server. */
    public long watchdogPid() {
        return watchdog.pid();
    }

    public boolean isRunning() {
        return watchdog.isAlive();
    }

    /** Stops the server (its data is on disk when a database file was given) and waits for it. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs stop() too, which is harmless
        }
    }

    private void stop() {
        if (closed) {
            return;
        }
        closed = true;
        List<ProcessHandle> processes = new ArrayList<>();
        watchdog.toHandle().descendants().forEach(processes::add);
        processes.add(watchdog.toHandle());
        try {
            watchdog.getOutputStream().close(); // end-of-file for the watchdog's cat: it stops the server
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the dynoxide watchdog's input failed", e);
        }
        try {
            if (!watchdog.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "dynoxide on port {0} did not stop in {1}: killing it", String.valueOf(port),
                        STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        processes.forEach(ProcessHandle::destroyForcibly);
        try {
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "could not delete " + logFile, e);
        }
    }

    @Override
    public String toString() {
        return "dynoxide[127.0.0.1:" + port + "]";
    }

    // ------------------------------------------------------------------ launching

    private static DynoxideServer launch(Path binary, int port, Path databaseFile) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, "dynoxide-watchdog",
                binary.toString(), "serve", "--host", "127.0.0.1", "--port", String.valueOf(port)));
        if (databaseFile != null) {
            command.add("--db-path");
            command.add(databaseFile.toAbsolutePath().toString());
        }
        Path log;
        Process process;
        try {
            log = Files.createTempFile("dynoxide-" + port + "-", ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        DynoxideServer server = new DynoxideServer(process, port, log);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) { // the shell ends with the server: it did not start
                String output = readQuietly(log);
                server.close();
                throw new IllegalStateException("dynoxide did not start on port " + port + ": " + output.strip());
            }
            // it prints this line once it is bound (a port someone else holds makes it print an error and exit)
            if (readQuietly(log).contains("listening on http://127.0.0.1:" + port) && accepts(port)) {
                return server;
            }
            sleep(5);
        }
        String output = readQuietly(log);
        server.close();
        throw new IllegalStateException("dynoxide did not accept connections on port " + port + " within "
                + START_TIMEOUT + ": " + output.strip());
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ the binary

    /** The executable to run: the property's, else the packed one copied out once per content hash. */
    static Path binary() {
        String configured = System.getProperty(BINARY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured).toAbsolutePath();
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException(BINARY_PROPERTY + " names " + path + ", which is not an executable");
            }
            return path;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalStateException("the packed dynoxide binary is for linux-x64 only (this is " + os + "/"
                    + arch + "); install the dynoxide package for this platform and set -D" + BINARY_PROPERTY
                    + "=<path to its binary>");
        }
        byte[] content;
        try (InputStream in = DynoxideServer.class.getClassLoader().getResourceAsStream(BINARY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the dynoxide binary (" + BINARY_RESOURCE + ") is not on the class"
                        + " path: build the infrastructure module (its build runs `npm ci` in infrastructure/ and"
                        + " packs node_modules/@dynoxide/linux-x64/dynoxide), or set -D" + BINARY_PROPERTY);
            }
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BINARY_RESOURCE, e);
        }
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), "onewindow-dynoxide-" + sha256(content));
        Path target = directory.resolve("dynoxide");
        if (Files.isExecutable(target)) {
            return target;
        }
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, "dynoxide-", ".partial");
            Files.write(partial, content);
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                Files.deleteIfExists(partial); // another JVM copied it out at the same moment
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the dynoxide binary to " + target, e);
        }
        return target;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ helpers

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static String readQuietly(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting dynoxide", e);
        }
    }
}
