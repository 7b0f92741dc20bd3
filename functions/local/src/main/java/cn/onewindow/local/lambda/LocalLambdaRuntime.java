package cn.onewindow.local.lambda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * The Lambda Java runtime's part, played locally: the {@code main} class of every child JVM that {@link LambdaHost}
 * starts. It is what AWS's managed {@code java21} runtime does for a zip-packaged function:
 * <ol>
 *   <li><b>init</b>: load and instantiate the handler class named like {@code Handler:} in the SAM template
 *       ({@code io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest}; its static initialiser boots
 *       Quarkus);</li>
 *   <li>loop: {@code GET /2018-06-01/runtime/invocation/next} on {@code AWS_LAMBDA_RUNTIME_API}, run the handler
 *       with the event bytes, {@code POST …/{requestId}/response} or {@code …/{requestId}/error}.</li>
 * </ol>
 *
 * <p>Why this exists: a Quarkus function packaged for the JVM does not poll the Runtime API itself (Quarkus starts its
 * poll loop only in native executables and in dev/test mode); on AWS the managed runtime calls
 * {@code QuarkusStreamHandler}. This class calls it the same way, from the same {@code function.zip} contents.
 *
 * <p>Only the JDK and {@code aws-lambda-java-core} (which every function package contains) may be used here:
 * {@link LambdaHost} copies this class, {@link LocalInvocationContext} and {@link RuntimeErrorJson} with their member
 * classes, alone, onto the child's class path.
 *
 * <p>System properties read (set by {@link LambdaHost}): {@code onewindow.lambda.instance} (shown in the
 * {@code User-Agent} of the {@code /next} poll, which is how the host sees that the instance is ready),
 * {@code onewindow.lambda.timeout-ms} (function timeout), {@code onewindow.lambda.arn}, and
 * {@value #SIMULATE_SNAPSTART} (benchmarks only).
 */
public final class LocalLambdaRuntime {

    /** Header of the {@code /response} post carrying the handler's time in nanoseconds (local only). */
    public static final String DURATION_HEADER = "Lambda-Local-Duration-Ns";

    /** {@code User-Agent} prefix of the {@code /next} poll; the host parses the instance number after it. */
    public static final String USER_AGENT_PREFIX = "onewindow-local-lambda-runtime/";

    /**
     * System property: {@code true} runs the function's SnapStart priming after init, before the first poll (what a
     * checkpoint would run), for the cold-start benchmark.
     */
    public static final String SIMULATE_SNAPSTART = "onewindow.lambda.simulate-snapstart";

    private static final String RUNTIME_PATH = "/2018-06-01/runtime";

    private final String baseUrl;
    private final String userAgent;
    private final long timeoutMillis;
    private final String functionArn;
    private final Object handler;
    private final Method handlerMethod;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lambda-handler");
        t.setDaemon(true);
        return t;
    });

    private LocalLambdaRuntime(String baseUrl, String userAgent, long timeoutMillis, String functionArn,
            Object handler, Method handlerMethod) {
        this.baseUrl = baseUrl;
        this.userAgent = userAgent;
        this.timeoutMillis = timeoutMillis;
        this.functionArn = functionArn;
        this.handler = handler;
        this.handlerMethod = handlerMethod;
    }

    public static void main(String[] args) {
        String handlerSpec = args.length > 0 ? args[0] : System.getenv("_HANDLER");
        String runtimeApi = System.getenv("AWS_LAMBDA_RUNTIME_API");
        if (handlerSpec == null || handlerSpec.isBlank() || runtimeApi == null || runtimeApi.isBlank()) {
            System.err.println("usage: AWS_LAMBDA_RUNTIME_API=host:port[/path] java … "
                    + LocalLambdaRuntime.class.getName() + " <handler class>[::<method>]");
            System.exit(2);
        }
        String instance = System.getProperty("onewindow.lambda.instance", "0");
        long timeoutMillis = Long.getLong("onewindow.lambda.timeout-ms", 30_000L);
        String arn = System.getProperty("onewindow.lambda.arn",
                "arn:aws:lambda:local:000000000000:function:" + env("AWS_LAMBDA_FUNCTION_NAME", "function"));

        long t0 = System.nanoTime();
        Object handler;
        Method method;
        try {
            String className = handlerSpec;
            String methodName = "handleRequest";
            int sep = handlerSpec.indexOf("::");
            if (sep >= 0) {
                className = handlerSpec.substring(0, sep);
                methodName = handlerSpec.substring(sep + 2);
            }
            Class<?> type = Class.forName(className, true, LocalLambdaRuntime.class.getClassLoader());
            method = type.getMethod(methodName, InputStream.class, OutputStream.class, Context.class);
            handler = type.getDeclaredConstructor().newInstance();
        } catch (Throwable e) {
            // AWS would POST /runtime/init/error; Quarkus' mock event server would take that POST for an event,
            // so the init error goes to the log and the exit code only.
            System.err.println("[local-lambda-runtime] INIT ERROR with handler " + handlerSpec);
            rootCause(e).printStackTrace();
            System.exit(1);
            return;
        }
        System.err.printf("[local-lambda-runtime] instance %s initialised %s in %d ms%n", instance, handlerSpec,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        if (Boolean.getBoolean(SIMULATE_SNAPSTART)) {
            simulateCheckpoint(instance);
        }

        LocalLambdaRuntime runtime = new LocalLambdaRuntime("http://" + runtimeApi + RUNTIME_PATH,
                USER_AGENT_PREFIX + instance, timeoutMillis, arn, handler, method);
        int code = runtime.loop();
        System.exit(code);
    }

    /**
     * Runs the function's SnapStart priming ({@code cn.onewindow.aws.SnapStartPriming.primeAll}, looked up by name:
     * a function without it primes nothing) between init and the first poll, where Lambda would take the snapshot.
     * The first event after it then costs what a restored snapshot would still pay (the restore itself aside).
     */
    private static void simulateCheckpoint(String instance) {
        long t0 = System.nanoTime();
        try {
            Class<?> priming = Class.forName("cn.onewindow.aws.SnapStartPriming", true,
                    LocalLambdaRuntime.class.getClassLoader());
            Object run = priming.getMethod("primeAll").invoke(null);
            System.err.printf("[local-lambda-runtime] instance %s simulated a SnapStart checkpoint: %s primings in %d ms%n",
                    instance, run, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        } catch (ClassNotFoundException e) {
            System.err.printf("[local-lambda-runtime] instance %s simulated a SnapStart checkpoint: nothing to prime%n",
                    instance);
        } catch (ReflectiveOperationException e) {
            System.err.println("[local-lambda-runtime] simulated SnapStart checkpoint failed: " + rootCause(e));
        }
    }

    private int loop() {
        int badPolls = 0;
        while (true) {
            HttpURLConnection next;
            String requestId;
            byte[] event;
            try {
                next = open(baseUrl + "/invocation/next", "GET");
                next.setReadTimeout(0); // long poll: the next event may be hours away
                int status = next.getResponseCode();
                if (status != 200) {
                    drain(next);
                    if (++badPolls > 100) {
                        System.err.println("[local-lambda-runtime] runtime API keeps answering " + status + "; exiting");
                        return 1;
                    }
                    sleep(20);
                    continue;
                }
                badPolls = 0;
                requestId = next.getHeaderField("Lambda-Runtime-Aws-Request-Id");
                try (InputStream in = next.getInputStream()) {
                    event = in.readAllBytes();
                }
            } catch (IOException e) {
                // the host (and its Runtime API) is gone: an environment without a runtime API has nothing to do
                System.err.println("[local-lambda-runtime] runtime API unreachable (" + e + "); exiting");
                return 0;
            }
            if (requestId == null) {
                requestId = "local-" + System.nanoTime();
            }
            long deadline = deadline(next.getHeaderField("Lambda-Runtime-Deadline-Ms"));
            String invokedArn = orElse(next.getHeaderField("Lambda-Runtime-Invoked-Function-Arn"), functionArn);
            String traceId = next.getHeaderField("Lambda-Runtime-Trace-Id");
            if (traceId != null) {
                System.setProperty("com.amazonaws.xray.traceHeader", traceId);
            }
            if (!invoke(requestId, event, deadline, invokedArn)) {
                return 1;
            }
        }
    }

    /** @return false when this environment must end (timeout, VM error), as Lambda would discard it. */
    private boolean invoke(String requestId, byte[] event, long deadline, String invokedArn) {
        LocalInvocationContext context = new LocalInvocationContext(requestId, deadline, invokedArn);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long started = System.nanoTime();
        Future<?> run = worker.submit(() -> {
            handlerMethod.invoke(handler, new ByteArrayInputStream(event), out, context);
            return null;
        });
        try {
            run.get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            post(requestId, "/response", out.toByteArray(), null, System.nanoTime() - started);
            return true;
        } catch (TimeoutException e) {
            String message = String.format("RequestId: %s Error: Task timed out after %.2f seconds", requestId,
                    timeoutMillis / 1000.0);
            System.err.println("[local-lambda-runtime] " + message);
            postQuietly(requestId, RuntimeErrorJson.of("Sandbox.Timedout", message, null), "Sandbox.Timedout");
            return false;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof InvocationTargetException ite && ite.getCause() != null
                    ? ite.getCause()
                    : e.getCause();
            System.err.println("[local-lambda-runtime] invocation " + requestId + " failed");
            cause.printStackTrace();
            postQuietly(requestId, RuntimeErrorJson.of(cause.getClass().getName(), cause.getMessage(), cause), "Unhandled");
            return !(cause instanceof VirtualMachineError);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException e) {
            System.err.println("[local-lambda-runtime] could not post the response of " + requestId + ": " + e);
            return true;
        }
    }

    private void postQuietly(String requestId, byte[] body, String errorType) {
        try {
            post(requestId, "/error", body, errorType, -1);
        } catch (IOException e) {
            System.err.println("[local-lambda-runtime] could not post the error of " + requestId + ": " + e);
        }
    }

    private void post(String requestId, String kind, byte[] body, String errorType, long durationNanos)
            throws IOException {
        HttpURLConnection c = open(baseUrl + "/invocation/" + requestId + kind, "POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        if (durationNanos >= 0) {
            // what Lambda's REPORT line calls Duration: the handler's own time, without the Runtime API exchanges
            c.setRequestProperty(DURATION_HEADER, Long.toString(durationNanos));
        }
        if (errorType != null) {
            c.setRequestProperty("Lambda-Runtime-Function-Error-Type", errorType);
        }
        c.setFixedLengthStreamingMode(body.length);
        try (OutputStream os = c.getOutputStream()) {
            os.write(body);
        }
        c.getResponseCode();
        drain(c);
    }

    private HttpURLConnection open(String url, String method) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        c.setRequestMethod(method);
        c.setRequestProperty("User-Agent", userAgent);
        c.setConnectTimeout(5_000);
        return c;
    }

    private static void drain(HttpURLConnection c) {
        try (InputStream in = c.getResponseCode() >= 400 ? c.getErrorStream() : c.getInputStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        } catch (IOException ignored) {
            // nothing to read
        }
    }

    private long deadline(String header) {
        if (header != null) {
            try {
                return Long.parseLong(header.trim());
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        return System.currentTimeMillis() + timeoutMillis;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while ((t instanceof InvocationTargetException || t instanceof ExceptionInInitializerError)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String env(String name, String fallback) {
        return orElse(System.getenv(name), fallback);
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
