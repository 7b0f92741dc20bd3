package cn.onewindow.api;

import cn.onewindow.aws.FunctionPlatform;
import cn.onewindow.aws.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Builds the platform once per function instance from the settings {@code template.yaml} puts in the environment
 * (read through MicroProfile Config, so tests can supply the same names as properties). The resources never see it:
 * {@link ApiServices} hands each of them the services it names in its constructor.
 */
@ApplicationScoped
public class PlatformProducer {
    /** Local system and tests only (unset in the cloud). */
    public static final String CLOCK_START = Platform.CLOCK_START;

    /** Built at start-up (eagerly), so clients and caches exist before the first event, and in a SnapStart snapshot. */
    @Produces
    @Singleton
    @Startup
    Platform platform() {
        Config config = ConfigProvider.getConfig();
        return FunctionPlatform.build(name -> config.getOptionalValue(name, String.class));
    }
}
