package cn.onewindow.local.lambda;

import io.quarkus.amazon.lambda.runtime.MockEventServer;
import io.quarkus.amazon.lambda.runtime.MockHttpEventServer;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Consumer;

/**
 * The Runtime API a {@link LambdaHost}'s children poll: Quarkus' mock event server (or, for an HTTP function, its
 * HTTP flavour, which also serves the HTTP API), reporting each {@code /next} poll and each response to the host
 * (one job: serving the Runtime API; which instance runs what stays the host's).
 */
final class RuntimeApiServers {
    private RuntimeApiServers() {
    }

    static MockEventServer create(LambdaHost.Flavour flavour, Consumer<RoutingContext> onNext,
                                  Consumer<RoutingContext> onResponse) {
        return flavour == LambdaHost.Flavour.HTTP ? new HttpEventServer(onNext, onResponse)
                : new EventServer(onNext, onResponse);
    }

    /** {@code MockEventServer} that reports each {@code /next} poll. */
    private static final class EventServer extends MockEventServer {
        private final Consumer<RoutingContext> onNext;
        private final Consumer<RoutingContext> onResponse;

        EventServer(Consumer<RoutingContext> onNext, Consumer<RoutingContext> onResponse) {
            this.onNext = onNext;
            this.onResponse = onResponse;
        }

        @Override
        public void handleResponse(RoutingContext ctx) {
            onResponse.accept(ctx);
            super.handleResponse(ctx);
        }

        @Override
        public void nextEvent(RoutingContext ctx) {
            onNext.accept(ctx);
            super.nextEvent(ctx);
        }
    }

    /** {@code MockHttpEventServer} that reports each {@code /next} poll. */
    private static final class HttpEventServer extends MockHttpEventServer {
        private final Consumer<RoutingContext> onNext;
        private final Consumer<RoutingContext> onResponse;

        HttpEventServer(Consumer<RoutingContext> onNext, Consumer<RoutingContext> onResponse) {
            this.onNext = onNext;
            this.onResponse = onResponse;
        }

        @Override
        public void handleResponse(RoutingContext ctx) {
            onResponse.accept(ctx);
            super.handleResponse(ctx);
        }

        @Override
        public void nextEvent(RoutingContext ctx) {
            onNext.accept(ctx);
            super.nextEvent(ctx);
        }
    }
}
