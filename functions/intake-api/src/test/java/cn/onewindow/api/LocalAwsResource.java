package cn.onewindow.api;

import cn.onewindow.aws.AwsSettings;
import cn.onewindow.aws.DemoSeeder;
import cn.onewindow.aws.Platform;
import cn.onewindow.infrastructure.EmbeddedAws;
import cn.onewindow.infrastructure.ProvisionedResources;
import cn.onewindow.infrastructure.TemplateModel;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts dynoxide (a child process) and ElasticMQ (in-process), creates the tables and queues of {@code template.yaml}, loads
 * the demo data, and hands the function the environment the template gives it in the cloud, plus the local
 * endpoints and a clock that starts on Friday 2025-04-25 10:00 Shanghai time.
 */
public class LocalAwsResource implements QuarkusTestResourceLifecycleManager {
    public static final Instant START = Instant.parse("2025-04-25T02:00:00Z");
    private EmbeddedAws aws;
    private java.nio.file.Path secrets;

    @Override
    public Map<String, String> start() {
        aws = EmbeddedAws.start();
        ProvisionedResources res = aws.provision(TemplateModel.load(), "test");
        Map<String, String> config = new HashMap<>(res.environmentFor("IntakeApiFunction"));
        config.put(AwsSettings.ENV_DYNAMODB_ENDPOINT, aws.dynamoDbEndpoint().toString());
        config.put(AwsSettings.ENV_SQS_ENDPOINT, aws.sqsEndpoint().toString());
        config.put(PlatformProducer.CLOCK_START, START.toString());
        // the local stand-ins of the pseudonym secret and outbox key: owner-only files in a directory of this run
        try {
            secrets = java.nio.file.Files.createTempDirectory("onewindow-test-secrets",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        config.put(AwsSettings.ENV_SECRETS_DIR, secrets.toString());
        Platform seeding = new Platform(AwsSettings.fromEnvironment(config), Clock.systemUTC(), aws.dynamoDbClient());
        DemoSeeder.seed(seeding, START);
        return config;
    }

    @Override
    public void stop() {
        if (aws != null) aws.close();
        if (secrets != null) {
            try (var files = java.nio.file.Files.list(secrets)) {
                for (java.nio.file.Path f : files.toList()) java.nio.file.Files.deleteIfExists(f);
                java.nio.file.Files.deleteIfExists(secrets);
            } catch (java.io.IOException ignored) {
                // a temporary directory
            }
        }
    }
}
