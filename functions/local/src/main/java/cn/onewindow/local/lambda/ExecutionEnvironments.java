package cn.onewindow.local.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The running instances of one function and their health: starts them and waits until each has polled the Runtime
 * API (it is ready then), starts again an instance that exits while the host is open (as Lambda creates a new
 * execution environment; one that keeps failing to start is left down), and ends them all on close.
 */
final class ExecutionEnvironments {
    private static final System.Logger LOG = System.getLogger(LambdaHost.class.getName());
    private static final int MAX_CONSECUTIVE_INIT_FAILURES = 3;

    private final FunctionSettings settings;
    private final InstanceLauncher launcher;
    private final Map<Integer, Instance> instances = new ConcurrentHashMap<>();
    private final List<Duration> startupTimes = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger restarts = new AtomicInteger();
    private final Object readiness = new Object();
    /** Guards launching against closing, so that no child is started after {@link #close()} took its list. */
    private final Object lifecycle = new Object();

    ExecutionEnvironments(FunctionSettings settings, InstanceLauncher launcher) {
        this.settings = settings;
        this.launcher = launcher;
    }

    /** Starts every instance (with a fresh log) and returns once each has polled the Runtime API. */
    void startAll(int port) {
        long deadline = System.nanoTime() + settings.startupTimeout().toNanos();
        for (int i = 0; i < settings.instances(); i++) {
            FunctionLayout.deleteQuietly(settings.logFile(i));
            launch(i);
        }
        synchronized (readiness) {
            while (true) {
                int ready = 0;
                for (int i = 0; i < settings.instances(); i++) {
                    Instance instance = instances.get(i);
                    if (instance.readyNanos > 0) {
                        ready++;
                    } else if (!instance.process.isAlive()) {
                        throw new IllegalStateException("instance " + i + " of " + settings.name()
                                + " exited with code " + instance.process.exitValue()
                                + " before polling the Runtime API; log " + settings.logFile(i) + ":\n"
                                + tail(settings.logFile(i), 40));
                    }
                }
                if (ready == settings.instances()) {
                    break;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(settings.name() + ": only " + ready + " of "
                            + settings.instances() + " instances polled the Runtime API within "
                            + settings.startupTimeout() + "; log " + settings.logFile(0) + ":\n"
                            + tail(settings.logFile(0), 40));
                }
                try {
                    readiness.wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 100));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while starting " + settings.name(), e);
                }
            }
        }
        synchronized (startupTimes) {
            for (int i = 0; i < settings.instances(); i++) {
                Instance instance = instances.get(i);
                startupTimes.add(Duration.ofNanos(instance.readyNanos - instance.startNanos));
            }
        }
        LOG.log(Level.INFO, () -> settings.name() + ": " + settings.instances() + " instance(s) ready on port "
                + port + " after " + startupTimes());
    }

    /**
     * A {@code GET …/invocation/next} arrived: the instance named by its {@code User-Agent} (as
     * {@link LocalLambdaRuntime} sends it) is ready, if it was not yet. Other agents are not ours.
     */
    void polled(String userAgent) {
        if (userAgent == null || !userAgent.startsWith(LocalLambdaRuntime.USER_AGENT_PREFIX)) {
            return;
        }
        try {
            int index = Integer.parseInt(userAgent.substring(LocalLambdaRuntime.USER_AGENT_PREFIX.length()).trim());
            Instance instance = instances.get(index);
            if (instance != null && instance.readyNanos == 0) {
                instance.readyNanos = System.nanoTime();
                synchronized (readiness) {
                    readiness.notifyAll();
                }
            }
        } catch (NumberFormatException ignored) {
            // not one of ours
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Instances whose JVM is running and has polled the Runtime API at least once. */
    int ready() {
        return (int) instances.values().stream().filter(i -> i.process.isAlive() && i.readyNanos > 0).count();
    }

    /** Whether every configured instance's JVM is running. */
    boolean allAlive() {
        return !closed.get() && instances.size() == settings.instances()
                && instances.values().stream().allMatch(i -> i.process.isAlive());
    }

    /** Times from starting each instance's JVM to its first Runtime API poll, in instance order (first start). */
    List<Duration> startupTimes() {
        synchronized (startupTimes) {
            return List.copyOf(startupTimes);
        }
    }

    int restarts() {
        return restarts.get();
    }

    /** Operating-system process ids of the running instances. */
    List<Long> pids() {
        return instances.values().stream().filter(i -> i.process.isAlive()).map(i -> i.process.pid()).sorted()
                .toList();
    }

    /** Ends every instance (SIGTERM, then SIGKILL after 5 s); false when they were closed already. */
    boolean close() {
        List<Process> processes;
        synchronized (lifecycle) {
            if (!closed.compareAndSet(false, true)) {
                return false;
            }
            processes = instances.values().stream().map(i -> i.process).toList();
        }
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        return true;
    }

    /** The JVM is going down: kill every instance at once (the shutdown hook). */
    void killAll() {
        synchronized (lifecycle) {
            closed.set(true);
            instances.values().forEach(i -> i.process.destroyForcibly());
        }
    }

    private void launch(int index) {
        long startNanos = System.nanoTime();
        Instance instance = new Instance(index, startNanos, launcher.start(index));
        instances.put(index, instance);
        instance.process.onExit().thenRun(() -> onExit(instance));
    }

    private void onExit(Instance instance) {
        synchronized (readiness) {
            readiness.notifyAll();
        }
        if (closed.get() || instances.get(instance.index) != instance) {
            return;
        }
        boolean wasReady = instance.readyNanos > 0;
        int failures = wasReady ? 0 : instance.initFailuresBefore + 1;
        LOG.log(Level.WARNING, () -> settings.name() + " instance " + instance.index + " (pid "
                + instance.process.pid() + ") exited with code " + instance.process.exitValue()
                + (wasReady ? "" : " before it was ready") + "; log " + settings.logFile(instance.index));
        if (!startupComplete() || failures >= MAX_CONSECUTIVE_INIT_FAILURES) {
            return; // startAll() reports it, or the function cannot start: leave this instance down
        }
        synchronized (lifecycle) {
            if (closed.get()) {
                return;
            }
            restarts.incrementAndGet();
            try {
                launch(instance.index);
                instances.get(instance.index).initFailuresBefore = failures;
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "cannot restart " + settings.name() + " instance " + instance.index, e);
            }
        }
    }

    private boolean startupComplete() {
        synchronized (startupTimes) {
            return !startupTimes.isEmpty();
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static final class Instance {
        final int index;
        final long startNanos;
        final Process process;
        volatile long readyNanos;
        volatile int initFailuresBefore;

        Instance(int index, long startNanos, Process process) {
            this.index = index;
            this.startNanos = startNanos;
            this.process = process;
        }
    }
}
