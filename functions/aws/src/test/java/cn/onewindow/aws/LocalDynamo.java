package cn.onewindow.aws;

import cn.onewindow.aws.faults.FaultInjection;
import cn.onewindow.aws.targets.LocalStackTarget;
import cn.onewindow.aws.targets.RealAwsTarget;
import cn.onewindow.infrastructure.AwsTarget;
import cn.onewindow.infrastructure.EmbeddedAws;
import cn.onewindow.infrastructure.ProvisionedResources;
import cn.onewindow.infrastructure.TemplateModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real dynoxide (a child process) and ElasticMQ, started once for the whole test run (closed when the run ends), with the tables of
 * {@code template.yaml} provisioned afresh for every test class under a stage of its own, so classes never see each
 * other's data. A test class asks for {@link Tables} as a parameter of its {@code @BeforeAll} method.
 */
public final class LocalDynamo implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LocalDynamo.class);
    private static final AtomicInteger STAGES = new AtomicInteger();

    /** System property (or environment variable {@value #TARGET_VARIABLE}) choosing where the store tests run. */
    public static final String TARGET_PROPERTY = "onewindow.store.target";
    public static final String TARGET_VARIABLE = "ONEWINDOW_STORE_TARGET";

    /** The target, shared by every class of the run. */
    private static final class Emulator implements AutoCloseable {
        final AwsTarget aws = startTarget();
        final TemplateModel model = TemplateModel.load();

        @Override
        public void close() {
            FaultInjection.active().ifPresent(plan -> System.out.println("[fault-injection] " + plan));
            aws.close();
        }
    }

    /**
     * The embedded stand-ins by default (with -Donewindow.faults.seed=N every local client of the run injects faults,
     * see FaultInjection); {@code localstack} for LocalStack in Docker; {@code aws} for the real account named by
     * {@value RealAwsTarget#REGION_VARIABLE}. A target that cannot run here skips the tests, it does not fail them.
     */
    static AwsTarget startTarget() {
        String target = System.getProperty(TARGET_PROPERTY,
                System.getenv().getOrDefault(TARGET_VARIABLE, "embedded")).trim().toLowerCase(Locale.ROOT);
        switch (target) {
            case "embedded" -> {
                FaultInjection.installFromSystemProperties();
                return EmbeddedAws.start();
            }
            case "localstack" -> {
                Assumptions.assumeTrue(LocalStackTarget.dockerAvailable(),
                        "store target localstack: no Docker engine here, skipped");
                return LocalStackTarget.start();
            }
            case "aws" -> {
                return RealAwsTarget.fromEnvironment().orElseThrow(() -> new TestAbortedException(
                        "store target aws: set " + RealAwsTarget.REGION_VARIABLE + " and AWS credentials; skipped"));
            }
            default -> throw new IllegalArgumentException(TARGET_PROPERTY + " must be embedded, localstack or aws: "
                    + target);
        }
    }

    /** One class's tables on a target, with tables and queues provisioned from template.yaml under a stage. */
    public static Tables tablesOn(AwsTarget aws, TemplateModel model, String stage) {
        ProvisionedResources resources = aws.provision(model, stage);
        return new Tables(aws, aws.dynamoDbClient(), resources);
    }

    /** One class's tables and a client to reach them. */
    public record Tables(AwsTarget aws, DynamoDbClient client, ProvisionedResources resources)
            implements AutoCloseable {

        public String casesTable() {
            return resources.tableName("CasesTable");
        }

        public AwsSettings settings() {
            return new AwsSettings(aws.region().id(), aws.dynamoDbEndpoint(), null, casesTable(),
                    resources.tableName("ReferenceTable"), resources.tableName("IdempotencyTable"),
                    resources.tableName("CallersTable"), null);
        }

        /** The services wired to these tables, with the given clock; nothing seeded. */
        public Platform platform(Clock clock) {
            return new Platform(settings(), clock, client);
        }

        /** The services with the demo catalog, calendars, centers and callers loaded at the clock's instant. */
        public Platform seededPlatform(Clock clock) {
            Platform p = platform(clock);
            DemoSeeder.seed(p, clock.instant());
            return p;
        }

        @Override
        public void close() {
            client.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Tables.class || type == DynamoServices.class;
    }

    /**
     * {@link Tables}: one set per class (asked for in {@code @BeforeAll}) or per test method; {@link DynamoServices}
     * (asked for in a constructor): fresh tables for every platform it hands out, closed with the class.
     */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Emulator emulator = context.getRoot().getStore(NS).computeIfAbsent(Emulator.class,
                k -> new Emulator(), Emulator.class);
        Class<?> testClass = context.getRequiredTestClass();
        if (parameter.getParameter().getType() == DynamoServices.class) {
            return new DynamoServices(() -> {
                Tables fresh = tablesOn(emulator.aws, emulator.model, stage(testClass));
                context.getStore(NS).put(fresh, fresh);
                return fresh;
            });
        }
        return context.getStore(NS).computeIfAbsent(testClass,
                k -> tablesOn(emulator.aws, emulator.model, stage(testClass)), Tables.class);
    }

    private static String stage(Class<?> testClass) {
        return "t" + STAGES.incrementAndGet() + "-"
                + testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
