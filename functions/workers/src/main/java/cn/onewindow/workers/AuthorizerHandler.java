package cn.onewindow.workers;

import cn.onewindow.aws.Platform;
import cn.onewindow.core.access.GatewayAuthorizer;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Map;

/**
 * The HTTP API's Lambda authorizer: resolves the bearer token (or, without one, the session cookie of a signed-in
 * staff member) with the same authenticator and sessions the intake function uses
 * (hashed lookup in the callers table on every request, so a revoked token is refused at once; the template turns
 * the gateway's authorizer cache off). Logs nothing about the token.
 */
@Named("authorizer")
public class AuthorizerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Inject
    Platform platform;

    private volatile GatewayAuthorizer authorizer;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        GatewayAuthorizer a = authorizer;
        if (a == null) {
            authorizer = a = new GatewayAuthorizer(platform.authenticator,
                    token -> platform.sessionService.resolve(token, false).map(s -> s.caller()));
        }
        return a.authorize(event);
    }
}
