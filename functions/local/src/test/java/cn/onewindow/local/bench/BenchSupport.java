package cn.onewindow.local.bench;

import cn.onewindow.infrastructure.EmbeddedAws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Small helpers shared by the benchmarks (not a test: no JUnit, never run by {@code mvn verify}). */
final class BenchSupport {

    private BenchSupport() {
    }

    /**
     * The repository root: {@code -Donewindow.root}, else the first directory at or above the working directory
     * that holds {@code template.yaml} and {@code functions/} (exec:java runs in the directory mvn was started in).
     */
    static Path root() {
        String configured = System.getProperty("onewindow.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("template.yaml")) && Files.isDirectory(p.resolve("functions"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root (template.yaml) above "
                + Path.of("").toAbsolutePath() + "; pass -Donewindow.root=DIR");
    }

    static Path requirePackage(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " is missing: run `mvn -B -o -q install -DskipTests` first");
        }
        return zip;
    }

    /** Nearest-rank percentile (p in 0..100) of already sorted values. */
    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static List<Double> sorted(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s;
    }

    /** {@code /proc/loadavg}'s three load averages, or "n/a". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " CPUs, java " + System.getProperty("java.version")
                + ", load average " + loadAverage();
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, millis >= 100 ? "%.0f" : "%.1f", millis);
    }

    /**
     * One line for {@code bin/bench-guard}: a figure, its value and its target ({@code <=} the bound); the script
     * collects these lines from every benchmark it runs.
     */
    static void guard(String figure, double value, double atMost) {
        System.out.println(fmt("GUARD\t%s\t%.2f\t<= %.2f\t%s", figure, value, atMost, value <= atMost ? "met" : "NOT MET"));
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** A plain text table: the first row is the header; columns after the first are right-aligned. */
    static String table(List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            for (int i = 0; i < cols; i++) {
                String cell = r[i];
                String pad = " ".repeat(width[i] - cell.length());
                b.append(i == 0 ? cell + pad : pad + cell).append(i == cols - 1 ? "" : "  ");
            }
            b.append('\n');
            if (n == 0) {
                int total = Arrays.stream(width).sum() + 2 * (cols - 1);
                b.append("-".repeat(total)).append('\n');
            }
        }
        return b.toString();
    }

    static int intArg(String[] args, String name, int defaultValue) {
        String v = arg(args, name);
        return v == null ? defaultValue : Integer.parseInt(v);
    }

    static String arg(String[] args, String name) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith(name + "=")) {
                return args[i].substring(name.length() + 1);
            }
        }
        return null;
    }

    static boolean flag(String[] args, String name) {
        return Arrays.asList(args).contains(name);
    }
}
