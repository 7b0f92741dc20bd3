package cn.onewindow.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.stream.Stream;

/**
 * A function's package as {@link LambdaHost} runs it: where its classes are and which directory is its task root
 * ({@code /var/task} on AWS), prepared from a {@code function.zip}, a runner jar or an extracted directory, and the
 * local runtime's own classes copied beside it (one job: packaging; launching and serving are the host's).
 */
record FunctionLayout(Path taskRoot, List<String> classPath) {
    private static final System.Logger LOG = System.getLogger(LambdaHost.class.getName());


    static FunctionLayout prepare(Path artifact, Path extractTo) throws IOException {
        Path a = artifact.toAbsolutePath().normalize();
        if (Files.isDirectory(a)) {
            if (Files.isRegularFile(a.resolve("function.zip"))) {
                return prepare(a.resolve("function.zip"), extractTo);
            }
            if (Files.isRegularFile(a.resolve("quarkus-run.jar"))
                    || Files.isRegularFile(a.resolve("quarkus-app/quarkus-run.jar"))) {
                throw new IllegalArgumentException(a + " is a fast-jar (quarkus-app) package: the Java Lambda "
                        + "runtime needs the legacy-jar layout that quarkus-amazon-lambda builds by default "
                        + "(target/function.zip); pass that, or the module's target directory");
            }
            try (DirectoryStream<Path> runners = Files.newDirectoryStream(a, "*-runner.jar")) {
                for (Path runner : runners) {
                    return prepare(runner, extractTo);
                }
            }
            if (Files.isDirectory(a.resolve("lib"))) {
                return new FunctionLayout(a, List.of(a.toString(), a.resolve("lib") + "/*"));
            }
            throw new IllegalArgumentException("no function package (function.zip, *-runner.jar, extracted "
                    + "function directory) at " + a + "; was the function module packaged?");
        }
        String fileName = a.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(a)) {
            throw new IllegalArgumentException("no function package at " + a
                    + "; was the function module packaged?");
        }
        if (fileName.endsWith(".zip")) {
            unzipRetrying(a, extractTo);
            return new FunctionLayout(extractTo, List.of(extractTo.toString(), extractTo.resolve("lib") + "/*"));
        }
        if (fileName.endsWith(".jar")) {
            // a legacy runner jar: its manifest Class-Path names lib/… beside it
            return new FunctionLayout(a.getParent(), List.of(a.toString()));
        }
        throw new IllegalArgumentException("unsupported function package " + a);
    }

    /** A package being rebuilt (by {@code mvn package} in another shell) is unreadable for a moment: retry. */
    private static void unzipRetrying(Path zip, Path dir) throws IOException {
        for (int attempt = 1; ; attempt++) {
            deleteQuietly(dir);
            try {
                unzip(zip, dir);
                return;
            } catch (IOException e) {
                if (attempt == 5) {
                    throw e;
                }
                LOG.log(Level.WARNING, "reading " + zip + " failed (" + e + "); is it being rebuilt? retrying");
                try {
                    Thread.sleep(1_000L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static void unzip(Path zip, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * Copies {@link LocalLambdaRuntime}, the classes it uses in the child ({@link LocalInvocationContext},
     * {@link RuntimeErrorJson}) and their member classes, and nothing else, into {@code dir}.
     */
    static Path copyRuntimeClasses(Path dir) throws IOException {
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(LocalLambdaRuntime.class, LocalInvocationContext.class,
                RuntimeErrorJson.class));
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            String resource = type.getName().replace('.', '/') + ".class";
            Path target = dir.resolve(resource);
            Files.createDirectories(target.getParent());
            try (InputStream in = LambdaHost.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("class file not found: " + resource);
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            todo.addAll(List.of(type.getDeclaredClasses()));
        }
        return dir;
    }

    /** Deletes a file or a directory tree, as far as it can (best effort, never fails). */
    static void deleteQuietly(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }
}
