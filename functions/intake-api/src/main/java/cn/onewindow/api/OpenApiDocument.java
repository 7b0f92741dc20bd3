package cn.onewindow.api;

import jakarta.ws.rs.GET;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /q/openapi}: the API's OpenAPI document, as committed in {@code META-INF/openapi/} (YAML, or JSON with
 * {@code ?format=json} or {@code Accept: application/json}, like Quarkus' own endpoint). The document is generated from
 * the code by the test application and {@code OpenApiDocumentTest} fails when the committed copy differs, so the
 * function serves a file instead of rebuilding the document at every start (that took about 0.45 s of a cold start).
 * No credential: the template routes this path without the authorizer.
 */
@Path("/q/openapi")
public class OpenApiDocument {
    static final String JSON = "META-INF/openapi/openapi.json";
    static final String YAML = "META-INF/openapi/openapi.yaml";

    /** Read on first use, then kept: the document never changes within a deployment. */
    private static final class Committed {
        static final byte[] JSON_BYTES = read(JSON);
        static final byte[] YAML_BYTES = read(YAML);

        private static byte[] read(String resource) {
            try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the OpenAPI document " + resource + " is not in the package");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @GET
    @Operation(hidden = true)
    public Response get(@QueryParam("format") String format, @jakarta.ws.rs.HeaderParam(HttpHeaders.ACCEPT) String accept) {
        boolean json = format != null ? format.equalsIgnoreCase("json")
                : accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("application/json");
        return Response.ok(json ? Committed.JSON_BYTES : Committed.YAML_BYTES)
                .type(json ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .build();
    }
}
