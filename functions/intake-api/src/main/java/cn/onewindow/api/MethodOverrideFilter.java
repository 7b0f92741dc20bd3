package cn.onewindow.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code POST} with {@code X-HTTP-Method-Override: PATCH} is a {@code PATCH} (Java 8's HttpURLConnection, which the
 * SDK uses, cannot send PATCH). Only PATCH may be asked for this way; anything else is left as it came.
 */
public class MethodOverrideFilter {
    public static final String HEADER = "X-HTTP-Method-Override";

    @ServerRequestFilter(preMatching = true)
    public void override(ContainerRequestContext ctx) {
        String asked = ctx.getHeaderString(HEADER);
        if (asked != null && "POST".equals(ctx.getMethod()) && "PATCH".equalsIgnoreCase(asked.trim())) {
            ctx.setMethod("PATCH");
        }
    }
}
