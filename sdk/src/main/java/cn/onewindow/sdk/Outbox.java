package cn.onewindow.sdk;

import cn.onewindow.sdk.internal.HttpEngine;
import cn.onewindow.sdk.internal.Json;
import cn.onewindow.sdk.internal.JsonObject;
import cn.onewindow.sdk.internal.ModelCodec;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.Problem;
import cn.onewindow.sdk.model.TaskDecision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * A small durable queue of writes on local disk, for terminals on weak links (opt-in with
 * {@code OneWindowClient.Builder#outbox(Path)}). Queue writes while offline; {@link #flush()} sends them later, in
 * the order they were queued, each exactly once: every write is stored with its idempotency key, so a write that
 * reached the server but whose answer was lost (or whose file could not be removed before the process stopped) is
 * answered by the server with the first result instead of being done again. The server keeps idempotency keys for
 * 7 days: flush within that time.
 *
 * <p>On disk: one file per write under {@code pending/}, named by a sequence number that only grows, written to a
 * temporary file, forced to disk and renamed atomically, so a write is either queued whole or not at all. A file is
 * removed only after the server accepted the write. Writes the server refuses (a 4xx such as a validation error or
 * an illegal transition; retrying cannot help) are moved to {@code failed/} with the server's problem, and the flush
 * goes on with the next. When the server cannot be reached, fails (5xx), rate-limits or refuses the token, the flush
 * stops and keeps the write and everything after it for the next flush.
 *
 * <p>The files hold what the writes carry, including applicant data: keep the directory on the terminal's
 * protected storage. Thread-safe, and safe for several processes sharing a directory (file locks).
 *
 * <pre>{@code
 * Outbox outbox = client.outbox();
 * outbox.submit(application);            // durable at once, even without a link
 * FlushResult r = outbox.flush();        // when the link is back: in order, each once
 * List<PendingWrite> waiting = outbox.pending();
 * }</pre>
 */
public final class Outbox {
    private static final Pattern ENTRY = Pattern.compile("\\d{12}\\.json");
    private static final ConcurrentHashMap<String, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path dir;
    private final Path pendingDir;
    private final Path failedDir;
    private final HttpEngine http;

    Outbox(Path directory, HttpEngine http) {
        this.dir = directory.toAbsolutePath().normalize();
        this.pendingDir = dir.resolve("pending");
        this.failedDir = dir.resolve("failed");
        this.http = http;
        try {
            Files.createDirectories(pendingDir);
            Files.createDirectories(failedDir);
            restrict(dir);
            for (Path p : list(pendingDir, "*.tmp")) Files.deleteIfExists(p);
            for (Path p : list(failedDir, "*.tmp")) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the outbox at " + dir, e);
        }
    }

    /** @return the outbox directory */
    public Path directory() {
        return dir;
    }

    /**
     * Queues an application.
     *
     * @param application the application
     * @return the queued write
     */
    public PendingWrite submit(NewCase application) {
        return submit(application, RequestOptions.none());
    }

    /**
     * @param application the application
     * @param options the idempotency key to use (e.g. the one of a call that timed out:
     *                {@link OneWindowException#idempotencyKey()})
     * @return the queued write
     */
    public PendingWrite submit(NewCase application, RequestOptions options) {
        return enqueue(WriteRequest.submit(application), options);
    }

    /**
     * Queues a supplement of materials.
     *
     * @param caseId the case number
     * @param materials the materials
     * @return the queued write
     */
    public PendingWrite supplement(String caseId, List<Material> materials) {
        return supplement(caseId, materials, RequestOptions.none());
    }

    /**
     * @param caseId the case number
     * @param materials the materials
     * @param options the idempotency key to use
     * @return the queued write
     */
    public PendingWrite supplement(String caseId, List<Material> materials, RequestOptions options) {
        return enqueue(WriteRequest.supplement(caseId, materials), options);
    }

    /**
     * Queues the record of a hand-over of the result.
     *
     * @param caseId the case number
     * @param deliveredTo to whom
     * @param confirmation how it was confirmed, or {@code null}
     * @return the queued write
     */
    public PendingWrite deliver(String caseId, String deliveredTo, String confirmation) {
        return deliver(caseId, deliveredTo, confirmation, RequestOptions.none());
    }

    /**
     * @param caseId the case number
     * @param deliveredTo to whom
     * @param confirmation how it was confirmed, or {@code null}
     * @param options the idempotency key to use
     * @return the queued write
     */
    public PendingWrite deliver(String caseId, String deliveredTo, String confirmation, RequestOptions options) {
        return enqueue(WriteRequest.deliver(caseId, deliveredTo, confirmation), options);
    }

    /**
     * Queues a withdrawal.
     *
     * @param caseId the case number
     * @param reason the reason
     * @return the queued write
     */
    public PendingWrite withdraw(String caseId, String reason) {
        return withdraw(caseId, reason, RequestOptions.none());
    }

    /**
     * @param caseId the case number
     * @param reason the reason
     * @param options the idempotency key to use
     * @return the queued write
     */
    public PendingWrite withdraw(String caseId, String reason, RequestOptions options) {
        return enqueue(WriteRequest.withdraw(caseId, reason), options);
    }

    /**
     * Queues a department's decision on a task.
     *
     * @param taskId the task
     * @param decision the decision
     * @return the queued write
     */
    public PendingWrite decideTask(String taskId, TaskDecision decision) {
        return enqueue(WriteRequest.decideTask(taskId, decision), RequestOptions.none());
    }

    /** @return the writes waiting to be sent, in the order they will be sent */
    public List<PendingWrite> pending() {
        return read(pendingDir);
    }

    /** @return the writes the server refused, with its problem, oldest first */
    public List<PendingWrite> failed() {
        return read(failedDir);
    }

    /** @return how many writes wait */
    public int size() {
        try {
            return list(pendingDir, "*.json").size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes a write from the outbox without sending it (a refused one from {@link #failed()}, or a pending one
     * that should no longer go out).
     *
     * @param write the write
     * @return whether it was there
     */
    public boolean discard(PendingWrite write) {
        try (Locked ignored = lock("flush")) {
            String name = fileName(write.sequence());
            return Files.deleteIfExists(pendingDir.resolve(name)) | Files.deleteIfExists(failedDir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends the waiting writes in order, each with its own idempotency key (and the client's retry policy). Writes
     * queued while the flush runs are sent by it too.
     *
     * @return what was sent, what the server refused, and why the flush stopped early if it did
     */
    public FlushResult flush() {
        List<SentWrite> sent = new ArrayList<>();
        List<PendingWrite> refused = new ArrayList<>();
        try (Locked ignored = lock("flush")) {
            while (true) {
                List<Path> files = list(pendingDir, "*.json");
                if (files.isEmpty()) return new FlushResult(sent, refused, 0, null);
                Path file = files.get(0);
                Entry e = Entry.read(file);
                try {
                    HttpEngine.Response r = http.write(e.method, e.path, e.body, e.key);
                    SentWrite s = e.kind == WriteRequest.Kind.TASK_DECISION
                            ? new SentWrite(e.view(null), null, WriteRequest.taskAnswer(r))
                            : new SentWrite(e.view(null), WriteRequest.caseAnswer(r), null);
                    Files.delete(file);
                    sent.add(s);
                } catch (TransportException | ServerException | RateLimitedException | UnauthorizedException stop) {
                    return new FlushResult(sent, refused, files.size(), stop);
                } catch (OneWindowException no) {
                    if (HttpEngine.retryable(no.status(), no.code())) {
                        return new FlushResult(sent, refused, files.size(), no);
                    }
                    Map<String, Object> json = e.json();
                    json.put("failure", ModelCodec.toJson(no.problem()));
                    writeAtomically(failedDir.resolve(file.getFileName().toString()), Json.write(json));
                    Files.delete(file);
                    refused.add(e.view(no.problem()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("outbox " + dir, e);
        }
    }

    private PendingWrite enqueue(WriteRequest w, RequestOptions options) {
        String key = options == null || options.idempotencyKey() == null ? HttpEngine.newKey()
                : options.idempotencyKey();
        try (Locked ignored = lock("queue")) {
            long seq = nextSequence();
            Entry e = new Entry(seq, Instant.now(), w.method, w.path, w.kind, w.description, key, w.body, null);
            writeAtomically(pendingDir.resolve(fileName(seq)), Json.write(e.json()));
            return e.view(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot queue in the outbox at " + dir, e);
        }
    }

    private long nextSequence() throws IOException {
        long max = 0;
        Path counter = dir.resolve("sequence");
        if (Files.exists(counter)) {
            String s = new String(Files.readAllBytes(counter), StandardCharsets.UTF_8).trim();
            if (!s.isEmpty()) max = Long.parseLong(s);
        }
        for (Path p : list(pendingDir, "*.json")) max = Math.max(max, sequenceOf(p));
        for (Path p : list(failedDir, "*.json")) max = Math.max(max, sequenceOf(p));
        long next = max + 1;
        writeAtomically(counter, Long.toString(next));
        return next;
    }

    private List<PendingWrite> read(Path d) {
        try {
            List<PendingWrite> out = new ArrayList<>();
            for (Path p : list(d, "*.json")) {
                try {
                    Entry e = Entry.read(p);
                    out.add(e.view(e.failure));
                } catch (NoSuchFileException sentMeanwhile) {
                    // a concurrent flush sent it
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(long seq) {
        return String.format("%012d.json", seq);
    }

    private static long sequenceOf(Path p) {
        String n = p.getFileName().toString();
        return Long.parseLong(n.substring(0, n.indexOf('.')));
    }

    /** Entry files sorted by name, i.e. by sequence. */
    private static List<Path> list(Path d, String glob) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(d, glob)) {
            for (Path p : s) {
                if (!glob.equals("*.json") || ENTRY.matcher(p.getFileName().toString()).matches()) out.add(p);
            }
        }
        Collections.sort(out);
        return out;
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + "." + Thread.currentThread().getId() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(target.getParent());
    }

    private static void syncDirectory(Path d) {
        try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException notSupported) {
            // not possible on every platform (e.g. Windows); the rename itself is durable enough there
        }
    }

    private static void restrict(Path d) {
        try {
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException | UnsupportedOperationException notPosix) {
            // best effort
        }
    }

    /** A lock within this JVM and across processes; one per directory and purpose. */
    private Locked lock(String purpose) throws IOException {
        ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(dir + "#" + purpose, k -> new ReentrantLock());
        jvm.lock();
        FileChannel ch = null;
        try {
            ch = FileChannel.open(dir.resolve("." + purpose + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock fl = ch.lock();
            return new Locked(jvm, ch, fl);
        } catch (IOException | RuntimeException e) {
            if (ch != null) ch.close();
            jvm.unlock();
            throw e;
        }
    }

    private static final class Locked implements AutoCloseable {
        private final ReentrantLock jvm;
        private final FileChannel channel;
        private final FileLock lock;

        Locked(ReentrantLock jvm, FileChannel channel, FileLock lock) {
            this.jvm = jvm;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
                channel.close();
            } finally {
                jvm.unlock();
            }
        }
    }

    /** One stored write. */
    private static final class Entry {
        final long seq;
        final Instant queuedAt;
        final String method;
        final String path;
        final WriteRequest.Kind kind;
        final String description;
        final String key;
        final String body;
        final Problem failure;

        Entry(long seq, Instant queuedAt, String method, String path, WriteRequest.Kind kind, String description,
              String key, String body, Problem failure) {
            this.seq = seq;
            this.queuedAt = queuedAt;
            this.method = method;
            this.path = path;
            this.kind = kind;
            this.description = description;
            this.key = key;
            this.body = body;
            this.failure = failure;
        }

        static Entry read(Path p) throws IOException {
            JsonObject o;
            try {
                o = Json.parseObject(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            } catch (Json.JsonException e) {
                throw new IOException("damaged outbox file " + p + ": " + e.getMessage(), e);
            }
            String kind = o.string("kind");
            return new Entry(o.longValue("seq", sequenceOf(p)), o.instant("queuedAt"), o.string("method"),
                    o.string("path"), kind == null ? WriteRequest.Kind.CASE : WriteRequest.Kind.valueOf(kind),
                    o.string("description"), o.string("idempotencyKey"), o.string("body"),
                    o.has("failure") ? ModelCodec.problem(o.object("failure")) : null);
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", seq);
            m.put("queuedAt", queuedAt.toString());
            m.put("method", method);
            m.put("path", path);
            m.put("kind", kind.name());
            m.put("description", description);
            m.put("idempotencyKey", key);
            m.put("body", body);
            return m;
        }

        PendingWrite view(Problem failure) {
            return new PendingWrite(seq, queuedAt, method, path, description, key, failure);
        }
    }
}
