package cn.onewindow.workers;

import cn.onewindow.aws.AwsSettings;
import cn.onewindow.aws.Platform;
import cn.onewindow.core.common.AdjustableClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Clock;
import java.time.Instant;

/** Builds the platform once per function instance from the environment {@code template.yaml} sets. */
@ApplicationScoped
public class WorkerPlatform {
    /** Local system and tests only: the instant the platform clock starts at. Unset in the cloud. */
    public static final String CLOCK_START = "ONEWINDOW_CLOCK_START";

    @Produces
    @Singleton
    Platform platform() {
        Config config = ConfigProvider.getConfig();
        Clock clock = config.getOptionalValue(CLOCK_START, String.class)
                .<Clock>map(start -> AdjustableClock.startingAt(Instant.parse(start)))
                .orElse(Clock.systemUTC());
        return new Platform(AwsSettings.lookup(name -> config.getOptionalValue(name, String.class)), clock);
    }
}
