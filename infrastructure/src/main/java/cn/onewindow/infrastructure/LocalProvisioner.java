package cn.onewindow.infrastructure;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Creates the template's DynamoDB tables and SQS queues in local emulators (or any endpoint the
 * given clients point at), idempotently: what already exists is kept, so a restart over a
 * persistent DynamoDB data directory works.
 *
 * <ul>
 *   <li>Tables: key schema, attribute definitions, GSIs, LSIs, stream, always PAY_PER_REQUEST; TTL via
 *       UpdateTimeToLive when declared. On an existing table, GSIs added to the template since are
 *       created and a disabled TTL is enabled; a changed primary key is an error. Point-in-time
 *       recovery is a cloud concern and is not set locally.</li>
 *   <li>Queues: dead-letter queues first, then the queues that redrive to them, with RedrivePolicy
 *       naming the DLQ's ARN (GetQueueAttributes QueueArn) and every declared queue attribute. An
 *       existing queue is left as it is. ElasticMQ accepts but ignores MessageRetentionPeriod and
 *       MaximumMessageSize: locally, messages stay until deleted.</li>
 * </ul>
 */
public final class LocalProvisioner {

    private static final System.Logger LOG = System.getLogger(LocalProvisioner.class.getName());

    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final TemplateModel model;

    public LocalProvisioner(DynamoDbClient dynamoDb, SqsClient sqs, TemplateModel model) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.model = Objects.requireNonNull(model, "model");
    }

    /** Convenience for {@code new LocalProvisioner(dynamoDb, sqs, model).provision(stage)}. */
    public static ProvisionedResources provision(DynamoDbClient dynamoDb, SqsClient sqs, TemplateModel model,
            String stage) {
        return new LocalProvisioner(dynamoDb, sqs, model).provision(stage);
    }

    /** Provisions everything with the template's parameter defaults and {@code Stage = stage}. */
    public ProvisionedResources provision(String stage) {
        return provision(stage, Map.of());
    }

    /**
     * Provisions everything with the template's parameter defaults, {@code parameterOverrides} and
     * {@code Stage = stage}.
     */
    public ProvisionedResources provision(String stage, Map<String, String> parameterOverrides) {
        Map<String, String> overrides = new HashMap<>(parameterOverrides);
        overrides.put(TemplateModel.STAGE, stage);
        Map<String, String> parameters = model.parameters(overrides);

        Map<String, String> tableNames = new LinkedHashMap<>();
        Map<String, String> tableArns = new LinkedHashMap<>();
        for (TableSpec table : model.tables(overrides)) {
            TableDescription description = ensureTable(table);
            tableNames.put(table.logicalId(), table.tableName());
            tableArns.put(table.logicalId(), description.tableArn());
        }

        Map<String, String> queueNames = new LinkedHashMap<>();
        Map<String, String> queueUrls = new LinkedHashMap<>();
        Map<String, String> queueArns = new LinkedHashMap<>();
        for (QueueSpec queue : dependencyOrder(model.queues(overrides))) {
            String url = ensureQueue(queue, queueArns);
            queueNames.put(queue.logicalId(), queue.queueName());
            queueUrls.put(queue.logicalId(), url);
            queueArns.put(queue.logicalId(), queueArn(url));
        }
        return new ProvisionedResources(model, stage, parameters, tableNames, tableArns, queueNames, queueUrls,
                queueArns);
    }

    // ------------------------------------------------------------------ tables

    private TableDescription ensureTable(TableSpec spec) {
        TableDescription existing = describe(spec.tableName());
        if (existing == null) {
            try {
                dynamoDb.createTable(createTableRequest(spec));
                LOG.log(Level.DEBUG, "created table {0}", spec.tableName());
            } catch (ResourceInUseException raced) {
                LOG.log(Level.DEBUG, "table {0} was created concurrently", spec.tableName());
            }
        } else {
            reconcile(spec, existing);
        }
        TableDescription active = waitUntilActive(spec.tableName());
        spec.ttlAttribute().ifPresent(attribute -> ensureTtl(spec.tableName(), attribute));
        return active;
    }

    private CreateTableRequest createTableRequest(TableSpec spec) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(spec.tableName())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributeDefinitions(spec.attributeDefinitions()))
                .keySchema(keySchema(spec.keySchema()));
        if (!spec.globalSecondaryIndexes().isEmpty()) {
            request.globalSecondaryIndexes(spec.globalSecondaryIndexes().stream()
                    .map(i -> GlobalSecondaryIndex.builder().indexName(i.indexName()).keySchema(keySchema(i.keySchema()))
                            .projection(projection(i)).build())
                    .toList());
        }
        if (!spec.localSecondaryIndexes().isEmpty()) {
            request.localSecondaryIndexes(spec.localSecondaryIndexes().stream()
                    .map(i -> LocalSecondaryIndex.builder().indexName(i.indexName()).keySchema(keySchema(i.keySchema()))
                            .projection(projection(i)).build())
                    .toList());
        }
        spec.streamViewType().ifPresent(viewType -> request.streamSpecification(
                StreamSpecification.builder().streamEnabled(true).streamViewType(viewType).build()));
        return request.build();
    }

    /** Existing table: the key must match; GSIs declared since it was created are added. */
    private void reconcile(TableSpec spec, TableDescription existing) {
        List<KeySchemaElement> wanted = keySchema(spec.keySchema());
        if (!sameKeys(wanted, existing.keySchema())) {
            throw new IllegalStateException("table " + spec.tableName() + " exists with key " + existing.keySchema()
                    + " but the template declares " + wanted + "; delete the local data directory to start afresh");
        }
        Set<String> present = new HashSet<>();
        for (GlobalSecondaryIndexDescription gsi : existing.globalSecondaryIndexes()) {
            present.add(gsi.indexName());
        }
        for (TableSpec.IndexSpec index : spec.globalSecondaryIndexes()) {
            if (present.contains(index.indexName())) {
                continue;
            }
            Map<String, String> definitions = new LinkedHashMap<>();
            for (TableSpec.KeyElement key : index.keySchema()) {
                String type = spec.attributeDefinitions().get(key.attributeName());
                if (type == null) {
                    throw new IllegalStateException("table " + spec.logicalId() + " index " + index.indexName()
                            + ": no attribute definition for " + key.attributeName());
                }
                definitions.put(key.attributeName(), type);
            }
            dynamoDb.updateTable(b -> b.tableName(spec.tableName())
                    .attributeDefinitions(attributeDefinitions(definitions))
                    .globalSecondaryIndexUpdates(u -> u.create(CreateGlobalSecondaryIndexAction.builder()
                            .indexName(index.indexName()).keySchema(keySchema(index.keySchema()))
                            .projection(projection(index)).build())));
            LOG.log(Level.INFO, "added index {0} to existing table {1}", index.indexName(), spec.tableName());
            waitUntilActive(spec.tableName());
        }
    }

    private static boolean sameKeys(List<KeySchemaElement> a, List<KeySchemaElement> b) {
        return new HashSet<>(a.stream().map(k -> k.attributeName() + "/" + k.keyTypeAsString()).toList())
                .equals(new HashSet<>(b.stream().map(k -> k.attributeName() + "/" + k.keyTypeAsString()).toList()));
    }

    private void ensureTtl(String tableName, String attribute) {
        TimeToLiveDescription ttl = dynamoDb.describeTimeToLive(b -> b.tableName(tableName)).timeToLiveDescription();
        TimeToLiveStatus status = ttl == null ? null : ttl.timeToLiveStatus();
        if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
            if (!attribute.equals(ttl.attributeName())) {
                LOG.log(Level.WARNING, "table {0} has TTL on {1}, the template declares {2}; left as it is",
                        tableName, ttl.attributeName(), attribute);
            }
            return;
        }
        dynamoDb.updateTimeToLive(b -> b.tableName(tableName)
                .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(true)));
    }

    private TableDescription describe(String tableName) {
        try {
            return dynamoDb.describeTable(b -> b.tableName(tableName)).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private TableDescription waitUntilActive(String tableName) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            TableDescription description = describe(tableName);
            boolean indexesActive = description != null && description.globalSecondaryIndexes().stream()
                    .allMatch(i -> i.indexStatus() == null || "ACTIVE".equals(i.indexStatusAsString()));
            if (description != null && description.tableStatus() == TableStatus.ACTIVE && indexesActive) {
                return description;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + tableName + " not ACTIVE after 30 s: "
                        + (description == null ? "missing" : description.tableStatusAsString()));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for table " + tableName, e);
            }
        }
    }

    private static List<AttributeDefinition> attributeDefinitions(Map<String, String> definitions) {
        List<AttributeDefinition> out = new ArrayList<>();
        definitions.forEach((name, type) -> out.add(
                AttributeDefinition.builder().attributeName(name).attributeType(type).build()));
        return out;
    }

    private static List<KeySchemaElement> keySchema(List<TableSpec.KeyElement> keys) {
        return keys.stream().map(k -> KeySchemaElement.builder().attributeName(k.attributeName())
                .keyType(k.keyType()).build()).toList();
    }

    private static Projection projection(TableSpec.IndexSpec index) {
        Projection.Builder projection = Projection.builder().projectionType(index.projectionType());
        if (!index.nonKeyAttributes().isEmpty()) {
            projection.nonKeyAttributes(index.nonKeyAttributes());
        }
        return projection.build();
    }

    // ------------------------------------------------------------------ queues

    /** Dead-letter targets before the queues that redrive to them. */
    static List<QueueSpec> dependencyOrder(List<QueueSpec> queues) {
        Map<String, QueueSpec> byId = new LinkedHashMap<>();
        queues.forEach(q -> byId.put(q.logicalId(), q));
        Set<String> done = new LinkedHashSet<>();
        List<QueueSpec> ordered = new ArrayList<>();
        for (QueueSpec queue : queues) {
            visit(queue, byId, done, new HashSet<>(), ordered);
        }
        return ordered;
    }

    private static void visit(QueueSpec queue, Map<String, QueueSpec> byId, Set<String> done, Set<String> path,
            List<QueueSpec> ordered) {
        if (done.contains(queue.logicalId())) {
            return;
        }
        if (!path.add(queue.logicalId())) {
            throw new IllegalArgumentException("redrive cycle through queue " + queue.logicalId());
        }
        if (queue.deadLetterTargetLogicalId().isPresent()) {
            QueueSpec target = byId.get(queue.deadLetterTargetLogicalId().get());
            if (target == null) {
                throw new IllegalArgumentException("queue " + queue.logicalId() + " redrives to unknown queue "
                        + queue.deadLetterTargetLogicalId().get());
            }
            visit(target, byId, done, path, ordered);
        }
        done.add(queue.logicalId());
        ordered.add(queue);
    }

    private String ensureQueue(QueueSpec spec, Map<String, String> knownArns) {
        try {
            String url = sqs.getQueueUrl(b -> b.queueName(spec.queueName())).queueUrl();
            LOG.log(Level.DEBUG, "queue {0} exists: {1}", spec.queueName(), url);
            return url;
        } catch (QueueDoesNotExistException e) {
            // create it below
        }
        Map<String, String> attributes = new LinkedHashMap<>(spec.attributes());
        if (spec.deadLetterTargetLogicalId().isPresent()) {
            String dlqArn = knownArns.get(spec.deadLetterTargetLogicalId().get());
            attributes.put(QueueAttributeName.REDRIVE_POLICY.toString(), "{\"deadLetterTargetArn\":\"" + dlqArn
                    + "\",\"maxReceiveCount\":\"" + spec.maxReceiveCount().orElseThrow() + "\"}");
        }
        String url = sqs.createQueue(b -> b.queueName(spec.queueName()).attributesWithStrings(attributes)).queueUrl();
        LOG.log(Level.DEBUG, "created queue {0}: {1}", spec.queueName(), url);
        return url;
    }

    private String queueArn(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }
}
