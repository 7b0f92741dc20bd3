package cn.onewindow.workers;

import cn.onewindow.aws.FunctionPlatform;
import cn.onewindow.aws.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Builds the platform once per function instance from the environment {@code template.yaml} sets. The handlers never
 * see it: {@link WorkerServices} hands each of them the services it names in its constructor.
 */
@ApplicationScoped
public class WorkerPlatform {
    /** Built at start-up (eagerly), so clients and caches exist before the first event, and in a SnapStart snapshot. */
    @Produces
    @Singleton
    @Startup
    Platform platform() {
        Config config = ConfigProvider.getConfig();
        return FunctionPlatform.build(name -> config.getOptionalValue(name, String.class));
    }
}
