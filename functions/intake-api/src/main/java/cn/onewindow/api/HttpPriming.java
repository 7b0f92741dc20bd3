package cn.onewindow.api;

import cn.onewindow.aws.SnapStartPriming;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.amazon.lambda.http.LambdaHttpHandler;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.crac.Context;
import org.crac.Resource;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * SnapStart invoke priming of the intake API's whole request path: before the snapshot, one API Gateway event goes
 * through the same Lambda HTTP bridge as every real request ({@code GET /v1/items} with a bearer value that is no
 * token), so the bridge, Vert.x routing, {@link CallerFilter}, the token lookup ({@code GetItem} on the callers
 * table through the function's own SDK client) and the problem+json writer are loaded and initialised in the
 * snapshot. The answer is {@code 401 INVALID_TOKEN}: nothing is written, no caller is resolved, no personal data is
 * involved. Then the JSON binding of every typed body the resources read or return is built in the application's
 * {@link ObjectMapper} (its serializer and deserializer caches), so a route's first request after a restore does not
 * build them. Registered with {@link SnapStartPriming} at start-up; on a JVM without CRaC it only runs when the local
 * runtime simulates a checkpoint.
 */
@ApplicationScoped
public class HttpPriming implements Resource {
    private static final Logger LOG = Logger.getLogger(HttpPriming.class.getName());

    /** The route primed: the one every terminal and console calls first. */
    static final String PATH = "/v1/items";
    /** A bearer value no token can equal (tokens are issued random by the system, never chosen by anyone). */
    static final String NOT_A_TOKEN = "snapstart-priming-is-not-a-token";

    private final ObjectMapper mapper;

    @Inject
    public HttpPriming(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void onStart(@Observes StartupEvent event) {
        SnapStartPriming.registerStep(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
        primeJsonBinding();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to redo: the request left no state behind
    }

    /** Sends the priming request through the bridge; returns its HTTP status (401 when all went as meant). */
    public int prime() {
        long t0 = System.nanoTime();
        APIGatewayV2HTTPResponse response = new LambdaHttpHandler().handleRequest(event(), new PrimingContext());
        int status = response.getStatusCode();
        LOG.info(() -> String.format("SnapStart priming request %s answered %d in %.0f ms", PATH, status,
                (System.nanoTime() - t0) / 1e6));
        return status;
    }

    /**
     * Builds the serializer of every typed return value and the deserializer of every request body of the API's
     * resources (found as the application's beans with a {@code @Path}); a type that cannot be bound is skipped.
     *
     * @return the number of types bound
     */
    public int primeJsonBinding() {
        long t0 = System.nanoTime();
        Set<JavaType> written = new HashSet<>();
        Set<JavaType> read = new HashSet<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            if (!type.isAnnotationPresent(Path.class)) continue;
            for (Method m : type.getDeclaredMethods()) {
                if (!isEndpoint(m)) continue;
                Class<?> returned = m.getReturnType();
                if (returned != void.class && returned != jakarta.ws.rs.core.Response.class) {
                    written.add(mapper.constructType(m.getGenericReturnType()));
                }
                for (Parameter p : m.getParameters()) {
                    if (p.getAnnotations().length == 0) read.add(mapper.constructType(p.getParameterizedType()));
                }
            }
        }
        int bound = 0;
        for (JavaType t : written) bound += bind(() -> mapper.writerFor(t));
        for (JavaType t : read) bound += bind(() -> mapper.readerFor(t));
        int total = bound;
        LOG.info(() -> String.format("SnapStart priming bound %d JSON types in %.0f ms", total,
                (System.nanoTime() - t0) / 1e6));
        return total;
    }

    private static boolean isEndpoint(Method m) {
        return m.isAnnotationPresent(GET.class) || m.isAnnotationPresent(POST.class)
                || m.isAnnotationPresent(PUT.class) || m.isAnnotationPresent(PATCH.class)
                || m.isAnnotationPresent(DELETE.class);
    }

    private static int bind(Runnable binding) {
        try {
            binding.run();
            return 1;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    static APIGatewayV2HTTPEvent event() {
        Instant now = Instant.now();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(PATH)
                .withRawQueryString("")
                .withHeaders(Map.of("authorization", "Bearer " + NOT_A_TOKEN, "accept", "application/json",
                        "host", "localhost", "user-agent", "onewindow-snapstart-priming"))
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey("$default")
                        .withStage("$default")
                        .withRequestId("snapstart-priming")
                        .withTime(now.toString())
                        .withTimeEpoch(now.toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET")
                                .withPath(PATH)
                                .withProtocol("HTTP/1.1")
                                .withSourceIp("127.0.0.1")
                                .withUserAgent("onewindow-snapstart-priming")
                                .build())
                        .build())
                .build();
    }

    /** The invocation context of the priming request: no real invocation stands behind it. */
    private static final class PrimingContext implements com.amazonaws.services.lambda.runtime.Context {
        @Override
        public String getAwsRequestId() {
            return "snapstart-priming";
        }

        @Override
        public String getLogGroupName() {
            return null;
        }

        @Override
        public String getLogStreamName() {
            return null;
        }

        @Override
        public String getFunctionName() {
            return System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        }

        @Override
        public String getFunctionVersion() {
            return System.getenv("AWS_LAMBDA_FUNCTION_VERSION");
        }

        @Override
        public String getInvokedFunctionArn() {
            return null;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 30_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 0;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    LOG.fine(message);
                }

                @Override
                public void log(byte[] message) {
                    LOG.fine(new String(message, java.nio.charset.StandardCharsets.UTF_8));
                }
            };
        }
    }
}
