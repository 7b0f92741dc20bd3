package cn.onewindow.sdk;

import cn.onewindow.sdk.http.Transport;
import cn.onewindow.sdk.http.UrlConnectionTransport;
import cn.onewindow.sdk.internal.HttpEngine;
import cn.onewindow.sdk.internal.Sleeper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Properties;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The entry point of the SDK: one client per caller (credentials), thread-safe, meant to be built once and reused.
 *
 * <pre>{@code
 * OneWindowClient client = OneWindowClient.builder()
 *         .baseUrl("https://api.onewindow.example.cn")
 *         .token(System.getenv("ONEWINDOW_TOKEN"))
 *         .connectTimeout(Duration.ofSeconds(5))
 *         .readTimeout(Duration.ofSeconds(20))
 *         .retryPolicy(RetryPolicy.defaults())
 *         .userAgent("fgw-approval-system/3.2")
 *         .build();
 *
 * for (Task t : client.tasks().pending("fgw")) {
 *     client.tasks().decide(t.taskId(), TaskDecision.approve());
 * }
 * }</pre>
 *
 * <p>Sub-APIs: {@link #cases()}, {@link #tasks()}, {@link #catalog()}, {@link #stats()}, {@link #evaluations()}, and the opt-in
 * {@link #outbox()}. Errors are unchecked {@link OneWindowException}s.
 */
public final class OneWindowClient {
    /** The SDK's version. */
    public static final String VERSION = readVersion();

    private final HttpEngine http;
    private final CasesApi cases;
    private final TasksApi tasks;
    private final CatalogApi catalog;
    private final StatsApi stats;
    private final ServicePointsApi servicePoints;
    private final EvaluationsApi evaluations;
    private final QueueApi queue;
    private final ProgressApi progress;
    private final AppointmentsApi appointments;
    private final Outbox outbox;

    private OneWindowClient(Builder b) {
        if (b.baseUrl == null) throw new IllegalArgumentException("baseUrl is required");
        URI base = URI.create(b.baseUrl);
        if (!"http".equalsIgnoreCase(base.getScheme()) && !"https".equalsIgnoreCase(base.getScheme())) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL: " + b.baseUrl);
        }
        String ua = (b.userAgent == null ? "" : b.userAgent + " ") + "onewindow-sdk-java/" + VERSION + " Java/"
                + System.getProperty("java.version");
        this.http = new HttpEngine(b.baseUrl, b.token, ua, b.transport == null ? new UrlConnectionTransport()
                : b.transport, b.retryPolicy, b.connectTimeout, b.readTimeout, b.sleeper, b.random);
        this.cases = new CasesApi(http);
        this.tasks = new TasksApi(http);
        this.catalog = new CatalogApi(http);
        this.stats = new StatsApi(http);
        this.servicePoints = new ServicePointsApi(http);
        this.evaluations = new EvaluationsApi(http);
        this.queue = new QueueApi(http);
        this.progress = new ProgressApi(http);
        this.appointments = new AppointmentsApi(http);
        this.outbox = b.outbox == null ? null : new Outbox(b.outbox, http);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return cases: intake, reading, the life cycle */
    public CasesApi cases() {
        return cases;
    }

    /** @return department tasks: the inbox and decisions */
    public TasksApi tasks() {
        return tasks;
    }

    /** @return the item catalog and the working-day calendars */
    public CatalogApi catalog() {
        return catalog;
    }

    /** @return supervision figures */
    public StatsApi stats() {
        return stats;
    }

    /** @return service points: the monthly ledger (台帐) */
    public ServicePointsApi servicePoints() {
        return servicePoints;
    }

    /** @return ratings (好差评) for evaluation devices: single ratings, batches and their status */
    public EvaluationsApi evaluations() {
        return evaluations;
    }

    /** @return queue ticketing (排队叫号): kiosk tickets, window calls, the hall board */
    public QueueApi queue() {
        return queue;
    }

    /**
     * @return appointments (预约): slots, booking for a villager or at the window, reschedule, cancel, check-in;
     * a citizen's own booking with its booking code (no token needed)
     */
    public AppointmentsApi appointments() {
        return appointments;
    }

    /** @return the citizen's progress query (办件进度查询) with the query password; needs no token */
    public ProgressApi progress() {
        return progress;
    }

    /**
     * @return the durable offline outbox
     * @throws IllegalStateException when the client was built without {@link Builder#outbox(Path)}
     */
    public Outbox outbox() {
        if (outbox == null) {
            throw new IllegalStateException("no outbox: build the client with .outbox(directory) to queue writes");
        }
        return outbox;
    }

    /** @return the base URL the client talks to */
    public String baseUrl() {
        return http.baseUrl();
    }

    private static String readVersion() {
        try (InputStream in = OneWindowClient.class.getResourceAsStream("sdk-version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            String v = p.getProperty("version");
            return v == null || v.startsWith("$") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }

    /** Builds a {@link OneWindowClient}. Only the base URL is required. */
    public static final class Builder {
        private String baseUrl;
        private Supplier<String> token;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private String userAgent;
        private Transport transport;
        private Path outbox;
        private Sleeper sleeper = Sleeper.REAL;
        private Random random = new SecureRandom();

        private Builder() {
        }

        /**
         * @param url the platform's API, e.g. {@code https://api.onewindow.example.cn} or, locally,
         *            {@code http://localhost:8080}
         * @return this builder
         */
        public Builder baseUrl(String url) {
            this.baseUrl = url;
            return this;
        }

        /**
         * @param bearerToken the caller's token (one per department system, window, agent or terminal)
         * @return this builder
         */
        public Builder token(String bearerToken) {
            this.token = bearerToken == null ? null : () -> bearerToken;
            return this;
        }

        /**
         * @param provider gives the current token before every request (for tokens that are rotated)
         * @return this builder
         */
        public Builder tokenProvider(Supplier<String> provider) {
            this.token = provider;
            return this;
        }

        /** @param d how long to wait for a connection (default 10 s) @return this builder */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connectTimeout");
            return this;
        }

        /** @param d how long to wait for an answer (default 30 s) @return this builder */
        public Builder readTimeout(Duration d) {
            this.readTimeout = positive(d, "readTimeout");
            return this;
        }

        /** @param policy when to retry (default {@link RetryPolicy#defaults()}) @return this builder */
        public Builder retryPolicy(RetryPolicy policy) {
            if (policy == null) throw new IllegalArgumentException("retryPolicy must not be null");
            this.retryPolicy = policy;
            return this;
        }

        /**
         * @param product your system's name and version, e.g. {@code fgw-approval/3.2}; the SDK adds its own
         * @return this builder
         */
        public Builder userAgent(String product) {
            this.userAgent = product;
            return this;
        }

        /**
         * @param t the HTTP client hook (default {@link UrlConnectionTransport})
         * @return this builder
         */
        public Builder transport(Transport t) {
            this.transport = t;
            return this;
        }

        /**
         * Turns on the durable offline outbox ({@link OneWindowClient#outbox()}) in this directory.
         *
         * @param directory created when missing; keep it on protected storage, it holds applicant data
         * @return this builder
         */
        public Builder outbox(Path directory) {
            this.outbox = directory;
            return this;
        }

        Builder sleeper(Sleeper s) {
            this.sleeper = s;
            return this;
        }

        Builder random(Random r) {
            this.random = r;
            return this;
        }

        /** @return the client */
        public OneWindowClient build() {
            return new OneWindowClient(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive");
            return d;
        }
    }
}
