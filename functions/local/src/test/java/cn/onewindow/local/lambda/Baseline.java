package cn.onewindow.local.lambda;

import java.nio.file.Files;
import java.nio.file.Path;

/** The baseline function's package, built by module functions/baseline-lambda before this one. */
final class Baseline {

    /** The module's target directory: {@link LambdaHost} runs the {@code function.zip} in it. */
    static final Path TARGET = Path.of("../baseline-lambda/target");
    static final Path LOGS = Path.of("target/lambda-logs");

    private Baseline() {
    }

    static LambdaHost.Builder host(String name) {
        if (!Files.isRegularFile(TARGET.resolve("function.zip"))) {
            throw new IllegalStateException("package functions/baseline-lambda first (" + TARGET.toAbsolutePath()
                    + "/function.zip is missing)");
        }
        return LambdaHost.builder(name, TARGET)
                .logDirectory(LOGS)
                .memoryMb(256)
                .startupTimeout(java.time.Duration.ofSeconds(90));
    }

    static void await(String what, java.time.Duration timeout, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
