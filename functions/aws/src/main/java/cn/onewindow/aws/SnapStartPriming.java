package cn.onewindow.aws;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Invoke priming for Lambda SnapStart: just before the snapshot is taken, one real read through the function's
 * DynamoDB client, so that the classes and lazily built parts of the SDK's request path (marshalling, signing, the
 * HTTP client's connection code, unmarshalling) are loaded and initialised in the snapshot instead of on the first
 * event after a restore.
 *
 * <p>The read is a {@code GetItem} of a key no item has ({@code pk = PRIMING#snapstart}) in a table the function is
 * granted anyway (the cases table, else the callers table), so it needs no extra permission, writes nothing and
 * draws nothing random. Failures are logged and ignored: priming only moves work, it never stops a snapshot.
 *
 * <p>A function adds its own steps ({@link #registerStep}): the intake API sends one request through its whole HTTP
 * stack. {@link #primeAll} runs the read and every step, as a checkpoint does; the local Lambda runtime calls it to
 * simulate a checkpoint when asked to ({@code -Donewindow.lambda.simulate-snapstart=true}), which is how the cold
 * start benchmark measures what a restored snapshot would still pay on its first event.
 *
 * <p>On a JVM without CRaC (local runs, tests, regions without SnapStart) the hook is never called; registering is
 * harmless. The CRaC context holds resources weakly, so this class keeps every registered hook itself (one per
 * function instance, alive as long as its platform anyway).
 */
public final class SnapStartPriming implements Resource {
    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class.getName());
    /** The key prefix of the priming read; no item is ever written under it. */
    public static final String KEY = "PRIMING#snapstart";

    private static final java.util.Set<SnapStartPriming> REGISTERED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The function's own priming steps, in the order they were registered. */
    private static final java.util.List<Resource> STEPS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final Platform platform;

    private SnapStartPriming(Platform platform) {
        this.platform = platform;
    }

    /** Registers the hook with the global CRaC context (and holds it, which the context does not). */
    public static SnapStartPriming register(Platform platform) {
        SnapStartPriming priming = new SnapStartPriming(platform);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** Adds a function's own priming step (run at a checkpoint after the platform's read), held by this class. */
    public static void registerStep(Resource step) {
        STEPS.add(step);
        Core.getGlobalContext().register(step);
    }

    /**
     * Runs every registered priming now, as a checkpoint would: the platform reads first, then the function's steps.
     * A failing step is logged and the others still run.
     *
     * @return the number of primings run
     */
    public static int primeAll() {
        int run = 0;
        for (SnapStartPriming p : REGISTERED) {
            p.prime();
            run++;
        }
        for (Resource step : STEPS) {
            try {
                step.beforeCheckpoint(null);
            } catch (Exception | LinkageError e) {
                LOG.log(Level.WARNING, "a priming step failed; the first event pays for it instead: " + e);
            }
            run++;
        }
        return run;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to redo: clients and caches hold no per-environment identity (credentials come from the
        // environment on each request's signing; case ids use SecureRandom per call)
    }

    /** The priming read; true when it reached the table. */
    public boolean prime() {
        AwsSettings s = platform.settings;
        boolean cases = s.casesTable() != null;
        String table = cases ? s.casesTable() : s.callersTable();
        if (table == null) {
            return false;
        }
        Map<String, AttributeValue> key = cases
                ? Map.of("pk", AttributeValue.fromS(KEY), "sk", AttributeValue.fromS("PRIMING"))
                : Map.of("pk", AttributeValue.fromS(KEY));
        long t0 = System.nanoTime();
        try {
            platform.dynamoDb.getItem(b -> b.tableName(table).key(key));
            LOG.info(() -> String.format("SnapStart priming read took %.0f ms", (System.nanoTime() - t0) / 1e6));
            return true;
        } catch (SdkException e) {
            LOG.log(Level.WARNING, "SnapStart priming read failed; the first event pays for it instead: " + e);
            return false;
        }
    }
}
