package cn.onewindow.local.lambda;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The local EventBridge schedule rule ({@code Events: Type: Schedule}, {@code rate(…)}): invokes a function every
 * {@link Builder#every(Duration) period} with the scheduled event
 * {@code {"version":"0","id","detail-type":"Scheduled Event","source":"aws.events","account","time","region",
 * "resources":[ruleArn],"detail":{}}}, whose {@code time} (UTC, whole seconds, as EventBridge writes it) comes from
 * the given {@link Clock}, so a test or demo can move time. {@link #tickNow()} fires one tick at once. The rule
 * lives in the function's account and region ({@link LambdaHost#region()}, {@link LambdaHost#accountId()}).
 *
 * <p>Ticks run on one thread, so they never overlap; a failed tick is counted and logged, and the schedule goes on.
 */
public final class ScheduleTicker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ScheduleTicker.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaHost function;
    private final Clock clock;
    private final String region;
    private final String accountId;
    private final String ruleArn;
    private final Duration period;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastResponse;

    private ScheduleTicker(Builder b) {
        this.function = b.function;
        this.clock = b.clock;
        this.region = function.region();
        this.accountId = function.accountId();
        this.ruleArn = b.ruleArn != null ? b.ruleArn : Arns.of("events", region, accountId,
                "rule/" + (b.ruleName != null ? b.ruleName : function.name() + "-schedule"));
        this.period = b.period;
        if (period != null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "schedule-" + function.name());
                t.setDaemon(true);
                return t;
            });
            long initial = (b.initialDelay != null ? b.initialDelay : period).toMillis();
            scheduler.scheduleAtFixedRate(this::scheduledTick, initial, period.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            scheduler = null;
        }
    }

    /** Describes a schedule for {@code function}; without {@link Builder#every(Duration)} it ticks only on demand. */
    public static Builder builder(LambdaHost function) {
        return new Builder(function);
    }

    /**
     * Invokes the function once, now, with a scheduled event for the clock's current instant.
     *
     * @return the function's response
     * @throws LambdaInvocationException when the invocation fails
     */
    public String tickNow() {
        String event = event(clock.instant());
        ticks.incrementAndGet();
        try {
            String response = function.invoke(event);
            lastResponse = response;
            return response;
        } catch (LambdaInvocationException e) {
            failures.incrementAndGet();
            throw e;
        }
    }

    /** The scheduled event this rule sends at {@code time}. */
    public String event(Instant time) {
        ObjectNode e = JSON.createObjectNode();
        e.put("version", "0");
        e.put("id", UUID.randomUUID().toString());
        e.put("detail-type", "Scheduled Event");
        e.put("source", "aws.events");
        e.put("account", accountId);
        e.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        e.put("region", region);
        e.putArray("resources").add(ruleArn);
        e.putObject("detail");
        return e.toString();
    }

    /** Ticks fired (scheduled and {@link #tickNow()}). */
    public long ticks() {
        return ticks.get();
    }

    /** Ticks whose invocation failed. */
    public long failures() {
        return failures.get();
    }

    /** The last successful tick's response, or {@code null}. */
    public String lastResponse() {
        return lastResponse;
    }

    public String ruleArn() {
        return ruleArn;
    }

    /** Stops the schedule and waits (up to 30 s) for a tick in progress. */
    @Override
    public void close() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void scheduledTick() {
        try {
            tickNow();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "scheduled invocation of " + function.name() + " failed: " + e.getMessage());
        }
    }

    /** Settings of a schedule rule. */
    public static final class Builder {
        private final LambdaHost function;
        private Duration period;
        private Duration initialDelay;
        private Clock clock = Clock.systemUTC();
        private String ruleName;
        private String ruleArn;

        private Builder(LambdaHost function) {
            this.function = Objects.requireNonNull(function, "function");
        }

        /** Period of the schedule ({@code rate(…)}); unset: only {@link ScheduleTicker#tickNow()}. */
        public Builder every(Duration period) {
            if (period != null && (period.isNegative() || period.isZero())) {
                throw new IllegalArgumentException("period must be positive: " + period);
            }
            this.period = period;
            return this;
        }

        /** Delay of the first scheduled tick; default one period. */
        public Builder initialDelay(Duration delay) {
            this.initialDelay = delay;
            return this;
        }

        /** Source of the events' {@code time}; default the system clock (UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Rule name in the event's {@code resources}; default {@code <function>-schedule}. */
        public Builder ruleName(String ruleName) {
            this.ruleName = ruleName;
            return this;
        }

        /** Full rule ARN in {@code resources}, overriding {@link #ruleName(String)}. */
        public Builder ruleArn(String ruleArn) {
            this.ruleArn = ruleArn;
            return this;
        }

        public ScheduleTicker start() {
            return new ScheduleTicker(this);
        }
    }
}
