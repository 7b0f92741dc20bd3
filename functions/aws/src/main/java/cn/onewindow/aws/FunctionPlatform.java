package cn.onewindow.aws;

import java.util.Optional;
import java.util.function.Function;

/**
 * The one {@link Platform} of a function instance, as every function's composition builds it: settings and clock
 * from the names {@code template.yaml} sets (read through {@code lookup}), its SDK request path primed for a
 * SnapStart snapshot ({@link SnapStartPriming}).
 */
public final class FunctionPlatform {
    private FunctionPlatform() {
    }

    public static Platform build(Function<String, Optional<String>> lookup) {
        Platform platform = new Platform(AwsSettings.lookup(lookup), Platform.clockFrom(lookup));
        SnapStartPriming.register(platform);
        return platform;
    }
}
