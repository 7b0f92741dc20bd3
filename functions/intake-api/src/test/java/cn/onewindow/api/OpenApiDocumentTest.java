package cn.onewindow.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The OpenAPI document the function serves is a committed file (so the function does not rebuild it at every start);
 * this test holds it to the document the code generates, which the test application serves at
 * {@code /q/openapi-generated} and writes to {@code target/openapi/}.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class OpenApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String committedText(String resource) throws Exception {
        try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertTrue(in != null, resource + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static JsonNode committed(String jsonResource) throws Exception {
        return JSON.readTree(committedText(jsonResource));
    }

    @Test
    void theCommittedDocumentIsTheOneTheCodeGenerates() throws Exception {
        JsonNode generated = JSON.readTree(RestAssured.given().get("/q/openapi-generated?format=json").asByteArray());
        assertTrue(generated.path("paths").has("/v1/cases"), "the generated document lists the routes");
        String how = "The committed OpenAPI document differs from the one the code generates: copy "
                + "functions/intake-api/target/openapi/openapi.json and openapi.yaml (written by this test run) to "
                + "functions/intake-api/src/main/resources/META-INF/openapi/ and commit them.";
        if (!generated.equals(committed(OpenApiDocument.JSON))) fail(how + " (openapi.json)");
        // the YAML as text (it holds plain scalars, times, that a YAML reader would take for numbers), as the test
        // application's build wrote it
        Path written = Path.of("target/openapi/openapi.yaml");
        assertTrue(Files.exists(written), written + " was not written by the test application's build");
        if (!Files.readString(written).strip().equals(committedText(OpenApiDocument.YAML).strip())) {
            fail(how + " (openapi.yaml)");
        }
    }

    @Test
    void theFunctionServesTheCommittedDocumentWithoutACredential() throws Exception {
        Response yaml = RestAssured.given().get("/q/openapi");
        assertEquals(200, yaml.statusCode());
        assertTrue(yaml.contentType().startsWith("application/yaml"), yaml.contentType());
        assertEquals(committedText(OpenApiDocument.YAML), new String(yaml.asByteArray(), StandardCharsets.UTF_8));

        Response json = RestAssured.given().get("/q/openapi?format=json");
        assertEquals(200, json.statusCode());
        assertTrue(json.contentType().startsWith("application/json"), json.contentType());
        assertEquals(committed(OpenApiDocument.JSON), JSON.readTree(json.asByteArray()));

        Response accepted = RestAssured.given().header("Accept", "application/json").get("/q/openapi");
        assertTrue(accepted.contentType().startsWith("application/json"), accepted.contentType());
        Response other = RestAssured.given().get("/q/openapi?format=xml");
        assertTrue(other.contentType().startsWith("application/yaml"), "an unknown format gets YAML");
    }
}
