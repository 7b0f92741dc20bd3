package cn.onewindow.workers;

import cn.onewindow.core.access.Authenticator;
import cn.onewindow.core.access.GatewayAuthorizer;
import cn.onewindow.core.service.SessionService;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The HTTP API's Lambda authorizer: resolves the bearer token (or, without one, the session cookie of a signed-in
 * staff member) with the same authenticator and sessions the intake function uses
 * (hashed lookup in the callers table on every request, so a revoked token is refused at once; the template turns
 * the gateway's authorizer cache off). Logs nothing about the token.
 */
@Singleton
@Named("authorizer")
public class AuthorizerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final GatewayAuthorizer authorizer;

    @Inject
    public AuthorizerHandler(Authenticator authenticator, SessionService sessions) {
        this.authorizer = new GatewayAuthorizer(authenticator,
                token -> sessions.resolve(token, false).map(s -> s.caller()));
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return authorizer.authorize(event);
    }
}
