package cn.onewindow.local.lambda;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a {@link LambdaHost} runs and how, as its {@link LambdaHost.Builder} described it: the function's package,
 * name and template settings (memory, timeout, environment, handler) and the host's own (port, instances, logs).
 */
record FunctionSettings(String name, Path artifact, LambdaHost.Flavour flavour, int port, int instances,
                        Map<String, String> environment, String quarkusHandler, String runtimeHandler,
                        List<String> jvmOptions, Path logDirectory, Duration startupTimeout, Duration timeout,
                        int memoryMb, String region, String accountId, String javaExecutable) {

    /** The log of instance {@code index}: stdout and stderr of its JVM, appended to across restarts. */
    Path logFile(int index) {
        return logDirectory.resolve(name + "-" + index + ".log");
    }

    /** The ARN the function would have in its region and account. */
    String functionArn() {
        return Arns.of("lambda", region, accountId, "function:" + name);
    }
}
