package cn.onewindow.baseline.sdkhttp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The whole baseline: one GET that makes one {@code GetItem} of a key no item has ({@code pk = BASELINE#probe}) in
 * the table {@code CALLERS_TABLE} names (the table every API request reads first) and answers whether it reached it.
 */
@Path("/v1/probe")
public class ProbeResource {

    /** The response body. */
    public record Probe(String table, Boolean found) {
    }

    private final DynamoDbClient dynamoDb;
    private final String table = System.getenv("CALLERS_TABLE");

    public ProbeResource(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Probe probe() {
        if (table == null) {
            return new Probe(null, null);
        }
        boolean found = dynamoDb.getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("BASELINE#probe")))).hasItem();
        return new Probe(table, found);
    }
}
