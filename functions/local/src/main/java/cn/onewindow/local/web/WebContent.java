package cn.onewindow.local.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the built web apps come from: a directory ({@code -Donewindow.web.dir=...}, for development) or the classpath
 * prefix {@value #CLASSPATH_PREFIX} (the web module packages its build output there: {@code console/index.html},
 * {@code console/assets/...}, other apps beside it). Paths given here are already checked by the front door (no
 * {@code ..}, no encoded characters); a directory source also refuses anything that resolves outside it.
 */
public interface WebContent {
    String CLASSPATH_PREFIX = "onewindow-web/";
    String DIRECTORY_PROPERTY = "onewindow.web.dir";

    /** The bytes of a regular file at {@code path} (relative, '/'-separated), if there is one. */
    Optional<byte[]> read(String path);

    /** Where it comes from, for the start-up banner. */
    String describe();

    /** The directory named by {@value #DIRECTORY_PROPERTY}, else the classpath prefix if present, else nothing. */
    static WebContent detect(ClassLoader loader) {
        String dir = System.getProperty(DIRECTORY_PROPERTY);
        if (dir != null && !dir.isBlank()) return directory(Path.of(dir));
        if (loader.getResource(CLASSPATH_PREFIX) != null
                || loader.getResource(CLASSPATH_PREFIX + "console/index.html") != null) {
            return classpath(loader);
        }
        return none();
    }

    static WebContent none() {
        return new WebContent() {
            public Optional<byte[]> read(String path) {
                return Optional.empty();
            }

            public String describe() {
                return "not built";
            }
        };
    }

    static WebContent directory(Path root) {
        Path base = root.toAbsolutePath().normalize();
        return new WebContent() {
            public Optional<byte[]> read(String path) {
                Path file = base.resolve(path).normalize();
                if (!file.startsWith(base) || !Files.isRegularFile(file)) return Optional.empty();
                try {
                    // a symbolic link may not lead out of the directory either
                    if (!file.toRealPath().startsWith(base.toRealPath())) return Optional.empty();
                    return Optional.of(Files.readAllBytes(file));
                } catch (IOException e) {
                    return Optional.empty();
                }
            }

            public String describe() {
                return base.toString();
            }
        };
    }

    static WebContent classpath(ClassLoader loader) {
        return new WebContent() {
            public Optional<byte[]> read(String path) {
                URL url = loader.getResource(CLASSPATH_PREFIX + path);
                if (url == null || !regularFile(url)) return Optional.empty();
                try (InputStream in = url.openStream()) {
                    return Optional.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            public String describe() {
                return "classpath:" + CLASSPATH_PREFIX;
            }
        };
    }

    /** A classpath URL of a file, not of a directory (both resolve). */
    private static boolean regularFile(URL url) {
        try {
            if ("file".equals(url.getProtocol())) return Files.isRegularFile(Path.of(url.toURI()));
            URLConnection c = url.openConnection();
            if (c instanceof JarURLConnection j) return j.getJarEntry() != null && !j.getJarEntry().isDirectory();
            return true;
        } catch (IOException | URISyntaxException e) {
            return false;
        }
    }
}
