package cn.onewindow.api;

import cn.onewindow.aws.AwsSettings;
import cn.onewindow.aws.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the platform once per function instance from the settings {@code template.yaml} puts in the environment
 * (read through MicroProfile Config, so tests can supply the same names as properties).
 */
@ApplicationScoped
public class PlatformProducer {

    @Produces
    @Singleton
    Platform platform() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> env = new HashMap<>();
        for (String name : List.of(AwsSettings.ENV_REGION, AwsSettings.ENV_DYNAMODB_ENDPOINT,
                AwsSettings.ENV_SQS_ENDPOINT, AwsSettings.ENV_CASES_TABLE, AwsSettings.ENV_REFERENCE_TABLE,
                AwsSettings.ENV_IDEMPOTENCY_TABLE, AwsSettings.ENV_CALLERS_TABLE,
                AwsSettings.ENV_APPROVAL_QUEUE_URL)) {
            config.getOptionalValue(name, String.class).ifPresent(v -> env.put(name, v));
        }
        return new Platform(AwsSettings.fromEnvironment(env), Clock.systemUTC());
    }
}
