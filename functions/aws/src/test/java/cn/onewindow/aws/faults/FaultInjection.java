package cn.onewindow.aws.faults;

import java.util.Optional;

import cn.onewindow.infrastructure.EmbeddedAws;

/**
 * Turns fault injection on for every local SDK client of this test JVM when {@value FaultPlan#SEED_PROPERTY} is set
 * (the build's {@code fault-injection} test run sets it and reruns the approval, ingestion, deadline and relay tests
 * under it). Prints the seed once, and what was injected when the JVM ends, so a failing run can be repeated.
 */
public final class FaultInjection {
    private static volatile FaultPlan active;

    private FaultInjection() {
    }

    /** Installs the plan named by the system properties, once; empty when fault injection is off. */
    public static synchronized Optional<FaultPlan> installFromSystemProperties() {
        if (active != null) {
            return Optional.of(active);
        }
        String seed = System.getProperty(FaultPlan.SEED_PROPERTY);
        if (seed == null || seed.isBlank()) {
            return Optional.empty();
        }
        double rate = Double.parseDouble(System.getProperty(FaultPlan.RATE_PROPERTY,
                String.valueOf(FaultPlan.DEFAULT_RATE)));
        FaultPlan plan = FaultPlan.realistic(Long.parseLong(seed.trim()), rate);
        EmbeddedAws.decorateHttpClients(client -> new FaultInjectingHttpClient(client, plan));
        active = plan;
        System.out.println("[fault-injection] ON: seed " + plan.seed() + ", rate " + plan.rate()
                + " (repeat with -D" + FaultPlan.SEED_PROPERTY + "=" + plan.seed() + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("[fault-injection] " + plan)));
        return Optional.of(plan);
    }

    /** The plan in force, if any. */
    public static Optional<FaultPlan> active() {
        return Optional.ofNullable(active);
    }
}
