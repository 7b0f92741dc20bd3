package cn.onewindow.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The SAM template ({@code template.yaml} at the repository root), read once and queried by the local
 * tooling: which tables, queues and functions exist and how they are configured.
 *
 * <p>Names written with {@code !Sub} ({@code onewindow-cases-${Stage}}) are resolved against
 * parameter values: the template's defaults, overridden by a map the caller gives (or just the
 * stage), plus local stand-ins for the pseudo parameters ({@link #LOCAL_PSEUDO_PARAMETERS}).
 */
public final class TemplateModel {

    /** Where the module's build copies the root template on the classpath. */
    public static final String CLASSPATH_RESOURCE = "onewindow/template.yaml";

    public static final String TABLE_TYPE = "AWS::DynamoDB::Table";
    public static final String QUEUE_TYPE = "AWS::SQS::Queue";
    public static final String FUNCTION_TYPE = "AWS::Serverless::Function";

    /** The parameter holding the deployment stage. */
    public static final String STAGE = "Stage";

    /**
     * Values used locally for CloudFormation's pseudo parameters (a caller may override any of them
     * through the parameter map). {@code AWS::StackName} defaults to {@code onewindow-<stage>}.
     */
    public static final Map<String, String> LOCAL_PSEUDO_PARAMETERS = Map.of(
            "AWS::Region", "cn-north-1",
            "AWS::AccountId", "000000000000",
            "AWS::Partition", "aws-cn",
            "AWS::URLSuffix", "amazonaws.com.cn");

    /** SQS queue properties that are queue attributes of the same name (RedrivePolicy handled apart). */
    private static final List<String> QUEUE_ATTRIBUTES = List.of("VisibilityTimeout", "MessageRetentionPeriod",
            "DelaySeconds", "MaximumMessageSize", "ReceiveMessageWaitTimeSeconds", "FifoQueue",
            "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit", "SqsManagedSseEnabled");

    private static final List<String> TABLE_PROPERTIES = List.of("TableName", "AttributeDefinitions", "KeySchema",
            "GlobalSecondaryIndexes", "LocalSecondaryIndexes", "TimeToLiveSpecification",
            "PointInTimeRecoverySpecification", "StreamSpecification", "BillingMode");

    private final String origin;
    private final Map<String, Object> raw;
    private final Map<String, ResourceSpec> resources;

    private TemplateModel(String origin, Map<String, Object> raw) {
        this.origin = origin;
        this.raw = raw;
        Map<String, ResourceSpec> byId = new LinkedHashMap<>();
        section("Resources").forEach((id, def) -> {
            Map<String, Object> definition = asMap(def, "resource " + id);
            Object type = definition.get("Type");
            if (!(type instanceof String)) {
                throw new IllegalArgumentException(origin + ": resource " + id + " has no Type");
            }
            Map<String, Object> properties = definition.get("Properties") == null ? Map.of()
                    : asMap(definition.get("Properties"), "properties of " + id);
            byId.put(id, new ResourceSpec(id, (String) type, properties, definition));
        });
        this.resources = Collections.unmodifiableMap(byId);
    }

    // ------------------------------------------------------------------ loading

    /** Loads {@value #CLASSPATH_RESOURCE} from the context (or this class's) class loader. */
    public static TemplateModel load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(CLASSPATH_RESOURCE);
        if (in == null) {
            in = TemplateModel.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE);
        }
        if (in == null) {
            throw new IllegalStateException("classpath resource " + CLASSPATH_RESOURCE
                    + " not found (onewindow-infrastructure's jar carries it; was the module built?)");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return fromYaml(reader, "classpath:" + CLASSPATH_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a template file, e.g. {@code Path.of("template.yaml")}. */
    public static TemplateModel load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return fromYaml(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + file, e);
        }
    }

    /** Parses template text (useful in tests). */
    public static TemplateModel parse(String yaml) {
        return fromYaml(new java.io.StringReader(yaml), "<string>");
    }

    private static TemplateModel fromYaml(Reader reader, String origin) {
        Object document = CfnYaml.parse(reader);
        if (!(document instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(origin + " is not a YAML mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) document;
        return new TemplateModel(origin, map);
    }

    // ------------------------------------------------------------------ raw sections

    /** Where this template was read from (for messages). */
    public String origin() {
        return origin;
    }

    /** The whole document, intrinsics in long form. */
    public Map<String, Object> raw() {
        return Collections.unmodifiableMap(raw);
    }

    public Map<String, Object> conditions() {
        return section("Conditions");
    }

    public Map<String, Object> mappings() {
        return section("Mappings");
    }

    public Map<String, Object> outputs() {
        return section("Outputs");
    }

    /** {@code Globals.Function}, or an empty map. */
    public Map<String, Object> functionGlobals() {
        Object function = section("Globals").get("Function");
        return function == null ? Map.of() : asMap(function, "Globals.Function");
    }

    // ------------------------------------------------------------------ parameters

    public Set<String> parameterNames() {
        return section("Parameters").keySet();
    }

    /** Each parameter's {@code Default}, as a string (parameters without a default are left out). */
    public Map<String, String> parameterDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        section("Parameters").forEach((name, def) -> {
            Object value = asMap(def, "parameter " + name).get("Default");
            if (value != null) {
                defaults.put(name, String.valueOf(value));
            }
        });
        return defaults;
    }

    /** Parameter values for a stage: defaults with {@code Stage} set, plus pseudo parameters. */
    public Map<String, String> parameters(String stage) {
        return parameters(Map.of(STAGE, stage));
    }

    /**
     * Parameter values: {@link #LOCAL_PSEUDO_PARAMETERS}, then the template's defaults, then
     * {@code overrides} (which may also name pseudo parameters).
     */
    public Map<String, String> parameters(Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>(LOCAL_PSEUDO_PARAMETERS);
        values.putAll(parameterDefaults());
        values.putAll(overrides);
        values.putIfAbsent("AWS::StackName", "onewindow-" + values.getOrDefault(STAGE, "local"));
        return values;
    }

    /** A resolver that knows parameter values only (no resources). */
    public IntrinsicResolver resolver(Map<String, String> parameterOverrides) {
        return new IntrinsicResolver(this, parameters(parameterOverrides), IntrinsicResolver.ResourceLookup.NONE);
    }

    /** Resolves a value built from parameters only, e.g. {@code !Sub onewindow-cases-${Stage}}. */
    public String resolveString(Object value, Map<String, String> parameterOverrides) {
        return resolver(parameterOverrides).resolveString(value);
    }

    // ------------------------------------------------------------------ resources

    /** All resources by logical id, in template order. */
    public Map<String, ResourceSpec> resources() {
        return resources;
    }

    public Optional<ResourceSpec> resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId));
    }

    /** Resources of one type, e.g. {@code AWS::DynamoDB::Table}, in template order. */
    public List<ResourceSpec> resourcesOfType(String type) {
        return resources.values().stream().filter(r -> r.type().equals(type)).toList();
    }

    private ResourceSpec require(String logicalId, String type) {
        ResourceSpec spec = resources.get(logicalId);
        if (spec == null) {
            throw new IllegalArgumentException(origin + " has no resource " + logicalId);
        }
        if (!spec.type().equals(type)) {
            throw new IllegalArgumentException(logicalId + " is a " + spec.type() + ", not a " + type);
        }
        return spec;
    }

    // ------------------------------------------------------------------ tables

    public List<TableSpec> tables(String stage) {
        return tables(Map.of(STAGE, stage));
    }

    public List<TableSpec> tables(Map<String, String> parameterOverrides) {
        IntrinsicResolver resolver = resolver(parameterOverrides);
        return resourcesOfType(TABLE_TYPE).stream().map(r -> tableSpec(r, resolver)).toList();
    }

    public TableSpec table(String logicalId, String stage) {
        return table(logicalId, Map.of(STAGE, stage));
    }

    public TableSpec table(String logicalId, Map<String, String> parameterOverrides) {
        return tableSpec(require(logicalId, TABLE_TYPE), resolver(parameterOverrides));
    }

    private TableSpec tableSpec(ResourceSpec r, IntrinsicResolver resolver) {
        // resolve only what is used here, so unrelated properties (Tags, SSE keys, ...) may hold
        // references that have no local meaning
        Map<String, Object> p = new LinkedHashMap<>();
        for (String key : TABLE_PROPERTIES) {
            Object value = r.properties().get(key);
            if (value != null) {
                Object resolved = resolver.resolve(value);
                if (resolved != IntrinsicResolver.NO_VALUE) {
                    p.put(key, resolved);
                }
            }
        }
        String where = "table " + r.logicalId();
        String name = p.get("TableName") == null ? r.logicalId() : String.valueOf(p.get("TableName"));

        Map<String, String> attributes = new LinkedHashMap<>();
        for (Object a : asList(p.get("AttributeDefinitions"), where + " AttributeDefinitions")) {
            Map<String, Object> def = asMap(a, where + " attribute definition");
            attributes.put(String.valueOf(def.get("AttributeName")), String.valueOf(def.get("AttributeType")));
        }
        List<TableSpec.KeyElement> keys = keySchema(p.get("KeySchema"), where);

        List<TableSpec.IndexSpec> gsis = indexes(p.get("GlobalSecondaryIndexes"), where);
        List<TableSpec.IndexSpec> lsis = indexes(p.get("LocalSecondaryIndexes"), where);

        Optional<String> ttl = Optional.empty();
        if (p.get("TimeToLiveSpecification") != null) {
            Map<String, Object> spec = asMap(p.get("TimeToLiveSpecification"), where + " TimeToLiveSpecification");
            if (isTrue(spec.get("Enabled")) && spec.get("AttributeName") != null) {
                ttl = Optional.of(String.valueOf(spec.get("AttributeName")));
            }
        }
        boolean pitr = false;
        if (p.get("PointInTimeRecoverySpecification") != null) {
            pitr = isTrue(asMap(p.get("PointInTimeRecoverySpecification"), where + " PITR")
                    .get("PointInTimeRecoveryEnabled"));
        }
        Optional<String> stream = Optional.empty();
        if (p.get("StreamSpecification") != null) {
            Object viewType = asMap(p.get("StreamSpecification"), where + " StreamSpecification")
                    .get("StreamViewType");
            stream = Optional.ofNullable(viewType).map(String::valueOf);
        }
        String billing = p.get("BillingMode") == null ? "PROVISIONED" : String.valueOf(p.get("BillingMode"));
        return new TableSpec(r.logicalId(), name, keys, Collections.unmodifiableMap(attributes), gsis, lsis, ttl,
                billing, pitr, stream);
    }

    private static List<TableSpec.IndexSpec> indexes(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        List<TableSpec.IndexSpec> out = new ArrayList<>();
        for (Object o : asList(value, where + " indexes")) {
            Map<String, Object> index = asMap(o, where + " index");
            String indexName = String.valueOf(index.get("IndexName"));
            Map<String, Object> projection = index.get("Projection") == null ? Map.of()
                    : asMap(index.get("Projection"), where + " index " + indexName + " Projection");
            String projectionType = projection.get("ProjectionType") == null ? "ALL"
                    : String.valueOf(projection.get("ProjectionType"));
            List<String> nonKey = new ArrayList<>();
            if (projection.get("NonKeyAttributes") != null) {
                for (Object a : asList(projection.get("NonKeyAttributes"), where + " NonKeyAttributes")) {
                    nonKey.add(String.valueOf(a));
                }
            }
            out.add(new TableSpec.IndexSpec(indexName, keySchema(index.get("KeySchema"), where + " index " + indexName),
                    projectionType, List.copyOf(nonKey)));
        }
        return List.copyOf(out);
    }

    private static List<TableSpec.KeyElement> keySchema(Object value, String where) {
        List<TableSpec.KeyElement> keys = new ArrayList<>();
        for (Object k : asList(value, where + " KeySchema")) {
            Map<String, Object> key = asMap(k, where + " key");
            keys.add(new TableSpec.KeyElement(String.valueOf(key.get("AttributeName")),
                    String.valueOf(key.get("KeyType"))));
        }
        keys.sort((a, b) -> Boolean.compare(!a.isHash(), !b.isHash()));
        return List.copyOf(keys);
    }

    // ------------------------------------------------------------------ queues

    public List<QueueSpec> queues(String stage) {
        return queues(Map.of(STAGE, stage));
    }

    public List<QueueSpec> queues(Map<String, String> parameterOverrides) {
        IntrinsicResolver resolver = resolver(parameterOverrides);
        return resourcesOfType(QUEUE_TYPE).stream().map(r -> queueSpec(r, resolver)).toList();
    }

    public QueueSpec queue(String logicalId, String stage) {
        return queue(logicalId, Map.of(STAGE, stage));
    }

    public QueueSpec queue(String logicalId, Map<String, String> parameterOverrides) {
        return queueSpec(require(logicalId, QUEUE_TYPE), resolver(parameterOverrides));
    }

    private QueueSpec queueSpec(ResourceSpec r, IntrinsicResolver resolver) {
        Map<String, Object> p = r.properties();
        String where = "queue " + r.logicalId();
        String name = p.get("QueueName") == null ? r.logicalId() : resolver.resolveString(p.get("QueueName"));
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attribute : QUEUE_ATTRIBUTES) {
            if (p.get(attribute) != null) {
                String value = resolver.resolveString(p.get(attribute));
                if (value != null) {
                    attributes.put(attribute, value);
                }
            }
        }
        Optional<String> dlq = Optional.empty();
        OptionalInt maxReceive = OptionalInt.empty();
        Object redrive = p.get("RedrivePolicy");
        if (redrive != null) {
            Map<String, Object> policy = asMap(redrive, where + " RedrivePolicy");
            dlq = Optional.of(deadLetterTarget(policy.get("deadLetterTargetArn"), where));
            Object count = resolver.resolve(policy.get("maxReceiveCount"));
            if (count == null) {
                throw new IllegalArgumentException(where + ": RedrivePolicy without maxReceiveCount");
            }
            maxReceive = OptionalInt.of(Integer.parseInt(String.valueOf(count)));
        }
        return new QueueSpec(r.logicalId(), name, intAttribute(attributes, "VisibilityTimeout"),
                intAttribute(attributes, "MessageRetentionPeriod"), dlq, maxReceive,
                Collections.unmodifiableMap(attributes));
    }

    /** {@code !GetAtt Dlq.Arn} (either form) → {@code Dlq}. */
    private String deadLetterTarget(Object arn, String where) {
        if (arn instanceof Map<?, ?> m && m.size() == 1 && m.get("Fn::GetAtt") instanceof List<?> parts
                && parts.size() == 2 && "Arn".equals(parts.get(1))) {
            String target = String.valueOf(parts.get(0));
            require(target, QUEUE_TYPE);
            return target;
        }
        throw new IllegalArgumentException(where + ": RedrivePolicy.deadLetterTargetArn must be !GetAtt <Queue>.Arn"
                + " of a queue in this template, got " + arn);
    }

    private static OptionalInt intAttribute(Map<String, String> attributes, String name) {
        String value = attributes.get(name);
        return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value));
    }

    // ------------------------------------------------------------------ functions

    /** All {@code AWS::Serverless::Function}s with Globals merged, in template order. */
    public List<FunctionSpec> functions() {
        return resourcesOfType(FUNCTION_TYPE).stream().map(this::functionSpec).toList();
    }

    public FunctionSpec function(String logicalId) {
        return functionSpec(require(logicalId, FUNCTION_TYPE));
    }

    private FunctionSpec functionSpec(ResourceSpec r) {
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) mergeGlobals(functionGlobals(), r.properties());
        Map<String, Object> environment = Map.of();
        if (p.get("Environment") instanceof Map<?, ?> env && env.get("Variables") != null) {
            environment = asMap(env.get("Variables"), r.logicalId() + " Environment.Variables");
        }
        List<Object> policies;
        Object rawPolicies = p.get("Policies");
        if (rawPolicies == null) {
            policies = List.of();
        } else if (rawPolicies instanceof List<?> l) {
            policies = Collections.unmodifiableList(new ArrayList<>(l));
        } else {
            policies = List.of(rawPolicies); // a single policy name or document
        }
        Map<String, Object> events = p.get("Events") == null ? Map.of() : asMap(p.get("Events"), r.logicalId() + " Events");
        return new FunctionSpec(r.logicalId(), stringOrNull(p.get("Handler")), stringOrNull(p.get("Runtime")),
                stringOrNull(p.get("CodeUri")), Collections.unmodifiableMap(environment), policies,
                Collections.unmodifiableMap(events), Collections.unmodifiableMap(p));
    }

    /** SAM's Globals rules: maps merge (recursively), lists concatenate, the function wins otherwise. */
    static Object mergeGlobals(Object global, Object local) {
        if (global == null) {
            return local;
        }
        if (local == null) {
            return global;
        }
        if (IntrinsicResolver.isIntrinsic(global) || IntrinsicResolver.isIntrinsic(local)) {
            return local;
        }
        if (global instanceof Map<?, ?> g && local instanceof Map<?, ?> l) {
            Map<String, Object> merged = new LinkedHashMap<>();
            g.forEach((k, v) -> merged.put(String.valueOf(k), v));
            l.forEach((k, v) -> merged.put(String.valueOf(k), mergeGlobals(merged.get(String.valueOf(k)), v)));
            return merged;
        }
        if (global instanceof List<?> g && local instanceof List<?> l) {
            List<Object> merged = new ArrayList<>(g);
            merged.addAll(l);
            return merged;
        }
        return local;
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, Object> section(String name) {
        Object section = raw.get(name);
        return section == null ? Map.of() : Collections.unmodifiableMap(asMap(section, name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(what + ": expected a mapping, got " + value);
        }
        return (Map<String, Object>) value;
    }

    static List<?> asList(Object value, String what) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(what + ": expected a list, got " + value);
        }
        return list;
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
    }

    private static String stringOrNull(Object value) {
        return value instanceof String s ? s : null;
    }
}
