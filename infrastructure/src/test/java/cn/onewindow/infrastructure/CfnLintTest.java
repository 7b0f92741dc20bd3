package cn.onewindow.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Runs cfn-lint on the root template.yaml; skipped only where cfn-lint is not installed. */
class CfnLintTest {

    @Test
    void templatePassesCfnLint() throws IOException, InterruptedException {
        Path executable = onPath("cfn-lint");
        Assumptions.assumeTrue(executable != null, "cfn-lint is not on PATH");
        Path repoRoot = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..").normalize();
        assertTrue(Files.isRegularFile(repoRoot.resolve("template.yaml")), "template.yaml in " + repoRoot);

        Process process = new ProcessBuilder(executable.toString(), "template.yaml")
                .directory(repoRoot.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("cfn-lint did not finish within 120 s");
        }
        String report = new String(output, StandardCharsets.UTF_8);
        int exit = process.exitValue();
        // cfn-lint's exit code is a bit set: 2 errors, 4 warnings, 8 informational; other values mean it failed to run
        if (exit != 0) {
            System.out.println("cfn-lint template.yaml (exit " + exit + "):\n" + report);
        }
        assertEquals(0, exit & ~(4 | 8), "cfn-lint reported errors or failed:\n" + report);
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
