package cn.onewindow.api;

import cn.onewindow.core.service.ProgressService;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * The citizen's progress query (办件进度查询): no bearer token; the case number and the query password from the
 * acceptance notice (header {@value #PASSWORD}). A wrong password and an unknown case are both
 * {@code 404 PROGRESS_NOT_FOUND}; past 10 tries per case number or 60 per client address in an hour,
 * {@code 429 RATE_LIMITED} with {@code Retry-After}. The client address is the API Gateway event's
 * {@code requestContext.http.sourceIp}.
 */
@Path("/v1/progress")
@Produces(MediaType.APPLICATION_JSON)
public class ProgressResource {
    public static final String PASSWORD = "X-Query-Password";

    private final ProgressService progressService;

    @Inject
    public ProgressResource(ProgressService progressService) {
        this.progressService = progressService;
    }

    @GET
    @Path("/{caseNumber}")
    public ProgressService.Progress progress(@PathParam("caseNumber") String caseNumber,
                                             @HeaderParam(PASSWORD) String password,
                                             @Context APIGatewayV2HTTPEvent event) {
        return progressService.query(caseNumber, password, sourceIp(event));
    }

    static String sourceIp(APIGatewayV2HTTPEvent event) {
        if (event == null || event.getRequestContext() == null || event.getRequestContext().getHttp() == null) {
            return null;
        }
        return event.getRequestContext().getHttp().getSourceIp();
    }
}
