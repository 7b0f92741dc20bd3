package cn.onewindow.aws;

import cn.onewindow.infrastructure.EmbeddedAws;
import cn.onewindow.infrastructure.ProvisionedResources;
import cn.onewindow.infrastructure.TemplateModel;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real DynamoDB Local, started in this JVM once for the whole test run (closed when the run ends), with the tables of
 * {@code template.yaml} provisioned afresh for every test class under a stage of its own, so classes never see each
 * other's data. A test class asks for {@link Tables} as a parameter of its {@code @BeforeAll} method.
 */
public final class LocalDynamo implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LocalDynamo.class);
    private static final AtomicInteger STAGES = new AtomicInteger();

    /** The emulator, shared by every class of the run. */
    private static final class Emulator implements AutoCloseable {
        final EmbeddedAws aws = EmbeddedAws.start();
        final TemplateModel model = TemplateModel.load();

        @Override
        public void close() {
            aws.close();
        }
    }

    /** One class's tables and a client to reach them. */
    public record Tables(EmbeddedAws aws, DynamoDbClient client, ProvisionedResources resources)
            implements AutoCloseable {

        public String casesTable() {
            return resources.tableName("CasesTable");
        }

        public AwsSettings settings() {
            return new AwsSettings("cn-north-1", aws.dynamoDbEndpoint(), null, casesTable(),
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
        return parameter.getParameter().getType() == Tables.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Emulator emulator = context.getRoot().getStore(NS).computeIfAbsent(Emulator.class,
                k -> new Emulator(), Emulator.class);
        Class<?> testClass = context.getRequiredTestClass();
        return context.getStore(NS).computeIfAbsent(testClass, k -> {
            String stage = "t" + STAGES.incrementAndGet() + "-"
                    + testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            ProvisionedResources resources = emulator.aws.provision(emulator.model, stage);
            return new Tables(emulator.aws, emulator.aws.dynamoDbClient(), resources);
        }, Tables.class);
    }
}
