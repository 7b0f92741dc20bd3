package cn.onewindow.aws.faults;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which fault each SDK call attempt gets: drawn from a seeded generator, at a given rate, among the faults that the
 * operation really meets (a transaction can conflict, a read cannot; a receive is never answered-then-lost here, as
 * that only hides messages for the queue's visibility timeout). Counts what it injected.
 *
 * <p>Turned on for a whole test JVM with the system property {@value #SEED_PROPERTY} (and optionally
 * {@value #RATE_PROPERTY}, default {@value #DEFAULT_RATE}); see {@link FaultInjection}.
 */
public final class FaultPlan {
    public static final String SEED_PROPERTY = "onewindow.faults.seed";
    public static final String RATE_PROPERTY = "onewindow.faults.rate";
    public static final double DEFAULT_RATE = 0.1;

    private static final List<Fault> TRANSACTION = List.of(Fault.TRANSACTION_CONFLICT, Fault.THROTTLED,
            Fault.INTERNAL_ERROR, Fault.TIMEOUT_AFTER_APPLY);
    private static final List<Fault> WRITE = List.of(Fault.THROTTLED, Fault.INTERNAL_ERROR, Fault.UNAVAILABLE,
            Fault.TIMEOUT_AFTER_APPLY);
    private static final List<Fault> READ = List.of(Fault.THROTTLED, Fault.INTERNAL_ERROR, Fault.UNAVAILABLE,
            Fault.TIMEOUT_AFTER_APPLY);
    private static final List<Fault> SEND = List.of(Fault.INTERNAL_ERROR, Fault.TIMEOUT_AFTER_APPLY);
    private static final List<Fault> RECEIVE = List.of(Fault.INTERNAL_ERROR, Fault.UNAVAILABLE);
    private static final List<Fault> DELETE = List.of(Fault.INTERNAL_ERROR, Fault.TIMEOUT_AFTER_APPLY);

    private static final Map<String, List<Fault>> BY_OPERATION = Map.ofEntries(
            Map.entry("TransactWriteItems", TRANSACTION),
            Map.entry("PutItem", WRITE), Map.entry("UpdateItem", WRITE), Map.entry("DeleteItem", WRITE),
            Map.entry("BatchWriteItem", WRITE),
            Map.entry("GetItem", READ), Map.entry("Query", READ), Map.entry("BatchGetItem", READ),
            Map.entry("TransactGetItems", READ),
            Map.entry("SendMessage", SEND), Map.entry("SendMessageBatch", SEND),
            Map.entry("ReceiveMessage", RECEIVE),
            Map.entry("DeleteMessage", DELETE), Map.entry("DeleteMessageBatch", DELETE),
            Map.entry("ChangeMessageVisibility", DELETE), Map.entry("ChangeMessageVisibilityBatch", DELETE));

    private final long seed;
    private final double rate;
    private final Map<String, List<Fault>> faults;
    private final SplittableRandom random;
    private final Map<String, AtomicLong> injected = new ConcurrentHashMap<>();

    private FaultPlan(long seed, double rate, Map<String, List<Fault>> faults) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be within [0, 1]: " + rate);
        }
        this.seed = seed;
        this.rate = rate;
        this.faults = faults;
        this.random = new SplittableRandom(seed);
    }

    /** The realistic mix for every operation, at this rate. */
    public static FaultPlan realistic(long seed, double rate) {
        return new FaultPlan(seed, rate, BY_OPERATION);
    }

    /** Exactly this fault on every eligible attempt of this one operation (for tests of the injector itself). */
    public static FaultPlan always(String operation, Fault fault) {
        return new FaultPlan(0, 1, Map.of(operation, List.of(fault)));
    }

    /** Picks the fault for one attempt of the operation named by an {@code X-Amz-Target} header. */
    public Fault next(String target) {
        String operation = FaultInjectingHttpClient.operation(target);
        List<Fault> eligible = faults.get(operation);
        if (eligible == null || eligible.isEmpty()) {
            return Fault.NONE;
        }
        Fault fault;
        synchronized (random) {
            if (random.nextDouble() >= rate) {
                return Fault.NONE;
            }
            fault = eligible.get(random.nextInt(eligible.size()));
        }
        injected.computeIfAbsent(operation + " " + fault, k -> new AtomicLong()).incrementAndGet();
        return fault;
    }

    public long seed() {
        return seed;
    }

    public double rate() {
        return rate;
    }

    /** Faults injected so far, as "operation FAULT" → count. */
    public Map<String, Long> injected() {
        Map<String, Long> out = new TreeMap<>();
        injected.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public long total() {
        return injected.values().stream().mapToLong(AtomicLong::get).sum();
    }

    @Override
    public String toString() {
        return "FaultPlan[seed=" + seed + ", rate=" + rate + ", injected " + total() + ": " + injected() + "]";
    }
}
