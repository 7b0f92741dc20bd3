package cn.onewindow.baseline.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The whole baseline: one JSON read, as small as a route of the intake API can be. */
@Path("/v1/ping")
public class PingResource {

    /** The response body. */
    public record Ping(String status, List<String> items) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Ping ping() {
        return new Ping("ok", List.of("baseline"));
    }
}
