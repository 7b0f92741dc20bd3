package cn.onewindow.local.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts one execution environment of a function: a child JVM running {@link LocalLambdaRuntime} on the function's
 * class path, in its task root, with the environment Lambda gives a function (and the template's variables), its
 * output appended to the instance's log file.
 */
final class InstanceLauncher {
    private static final List<String> INHERITED_ENV = List.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TMPDIR",
            "JAVA_HOME");

    private final FunctionSettings settings;
    private final List<String> classPath;
    private final Path taskRoot;
    private final String runtimeApi;

    /** @param runtimeApi the value given to the children as {@code AWS_LAMBDA_RUNTIME_API} */
    InstanceLauncher(FunctionSettings settings, List<String> classPath, Path taskRoot, String runtimeApi) {
        this.settings = settings;
        this.classPath = List.copyOf(classPath);
        this.taskRoot = taskRoot;
        this.runtimeApi = runtimeApi;
    }

    /** Starts the JVM of instance {@code index}. */
    Process start(int index) {
        List<String> command = command(index);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(taskRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile(index).toFile()));
        Map<String, String> env = pb.environment();
        Map<String, String> inherited = new LinkedHashMap<>();
        for (String name : INHERITED_ENV) {
            String value = env.get(name);
            if (value != null) {
                inherited.put(name, value);
            }
        }
        env.clear();
        env.putAll(inherited);
        env.putAll(lambdaEnvironment(index));
        if (settings.quarkusHandler() != null) {
            env.put("QUARKUS_LAMBDA_HANDLER", settings.quarkusHandler());
        }
        env.putAll(settings.environment());
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
    }

    private List<String> command(int index) {
        List<String> command = new ArrayList<>();
        command.add(settings.javaExecutable());
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("-XX:MaxHeapSize=" + Math.max(64, settings.memoryMb() * 85 / 100) + "m");
        command.addAll(settings.jvmOptions());
        // e.g. -Donewindow.local.function-jvm-options=-XX:TieredStopAtLevel=4 to compare with C2 (later flags win)
        String extra = System.getProperty("onewindow.local.function-jvm-options", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-Donewindow.lambda.instance=" + index);
        command.add("-Donewindow.lambda.timeout-ms=" + settings.timeout().toMillis());
        command.add("-Donewindow.lambda.arn=" + settings.functionArn());
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classPath));
        command.add(LocalLambdaRuntime.class.getName());
        command.add(settings.runtimeHandler());
        return command;
    }

    private Map<String, String> lambdaEnvironment(int index) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_LAMBDA_FUNCTION_NAME", settings.name());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(settings.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + settings.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/[$LATEST]instance-" + index);
        env.put("AWS_REGION", settings.region());
        env.put("AWS_DEFAULT_REGION", settings.region());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("_HANDLER", settings.runtimeHandler());
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("TZ", "UTC");
        return env;
    }
}
