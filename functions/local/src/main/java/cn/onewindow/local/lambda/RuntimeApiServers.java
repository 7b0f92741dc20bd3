package cn.onewindow.local.lambda;

import io.quarkus.amazon.lambda.runtime.MockEventServer;
import io.quarkus.amazon.lambda.runtime.MockHttpEventServer;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Consumer;

/**
 * The Runtime API a {@link LambdaHost}'s children poll: Quarkus' mock event server (or, for an HTTP function, its
 * HTTP flavour, which also serves the HTTP API), reporting each {@code /next} poll and each response to the host
 * (one job: serving the Runtime API; which instance runs what stays the host's). The two flavours are two Quarkus
 * classes, so each gets the same two one-line overrides.
 */
final class RuntimeApiServers {
    private RuntimeApiServers() {
    }

    static MockEventServer create(LambdaHost.Flavour flavour, Consumer<RoutingContext> onNext,
                                  Consumer<RoutingContext> onResponse) {
        if (flavour == LambdaHost.Flavour.HTTP) {
            return new MockHttpEventServer() {
                @Override
                public void nextEvent(RoutingContext ctx) {
                    report(onNext, ctx, super::nextEvent);
                }

                @Override
                public void handleResponse(RoutingContext ctx) {
                    report(onResponse, ctx, super::handleResponse);
                }
            };
        }
        return new MockEventServer() {
            @Override
            public void nextEvent(RoutingContext ctx) {
                report(onNext, ctx, super::nextEvent);
            }

            @Override
            public void handleResponse(RoutingContext ctx) {
                report(onResponse, ctx, super::handleResponse);
            }
        };
    }

    /** Tells the host, then lets the mock server answer as it would. */
    private static void report(Consumer<RoutingContext> host, RoutingContext ctx, Consumer<RoutingContext> serve) {
        host.accept(ctx);
        serve.accept(ctx);
    }
}
