package cn.onewindow.infrastructure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link LocalProvisioner} created (or found) locally: table names and queue URLs by logical id,
 * and the environment a function would see in the cloud.
 */
public final class ProvisionedResources {

    private final TemplateModel model;
    private final String stage;
    private final Map<String, String> parameters;
    private final Map<String, String> tableNames;
    private final Map<String, String> tableArns;
    private final Map<String, String> queueNames;
    private final Map<String, String> queueUrls;
    private final Map<String, String> queueArns;

    ProvisionedResources(TemplateModel model, String stage, Map<String, String> parameters,
            Map<String, String> tableNames, Map<String, String> tableArns, Map<String, String> queueNames,
            Map<String, String> queueUrls, Map<String, String> queueArns) {
        this.model = model;
        this.stage = stage;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.tableNames = Collections.unmodifiableMap(new LinkedHashMap<>(tableNames));
        this.tableArns = Collections.unmodifiableMap(new LinkedHashMap<>(tableArns));
        this.queueNames = Collections.unmodifiableMap(new LinkedHashMap<>(queueNames));
        this.queueUrls = Collections.unmodifiableMap(new LinkedHashMap<>(queueUrls));
        this.queueArns = Collections.unmodifiableMap(new LinkedHashMap<>(queueArns));
    }

    public TemplateModel model() {
        return model;
    }

    public String stage() {
        return stage;
    }

    /** The parameter values used (defaults, overrides and local pseudo parameters). */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** Logical id → table name, e.g. {@code CasesTable → onewindow-cases-dev}. */
    public Map<String, String> tableNames() {
        return tableNames;
    }

    /** Logical id → table ARN as the local DynamoDB reports it. */
    public Map<String, String> tableArns() {
        return tableArns;
    }

    /** Logical id → queue URL, e.g. {@code ApprovalQueue → http://127.0.0.1:PORT/000000000000/onewindow-approval-dev}. */
    public Map<String, String> queueUrls() {
        return queueUrls;
    }

    /** Logical id → queue ARN as the local SQS reports it. */
    public Map<String, String> queueArns() {
        return queueArns;
    }

    /** Logical id → queue name. */
    public Map<String, String> queueNames() {
        return queueNames;
    }

    public String tableName(String logicalId) {
        return required(tableNames, logicalId, "table");
    }

    public String queueUrl(String logicalId) {
        return required(queueUrls, logicalId, "queue");
    }

    public String queueArn(String logicalId) {
        return required(queueArns, logicalId, "queue");
    }

    /** Resource types that have no local emulator: a reference to one resolves to {@value #LOCAL_PREFIX}+ logical id. */
    public static final java.util.Set<String> LOCAL_STAND_IN_TYPES = java.util.Set.of("AWS::SecretsManager::Secret",
            "AWS::KMS::Key");
    /** The functions read {@code local:<logical id>} as "the local stand-in" (a secret file under their secrets dir). */
    public static final String LOCAL_PREFIX = "local:";

    /**
     * Resolves intrinsics against the provisioned resources: {@code Ref} of a table gives its name,
     * of a queue its URL; {@code Fn::GetAtt} gives {@code Arn} of both, {@code QueueName} and
     * {@code QueueUrl} of queues; parameters resolve to {@link #parameters()}. {@code Ref} and {@code Arn} of a
     * secret or a KMS key ({@link #LOCAL_STAND_IN_TYPES}) give {@code local:<logical id>}.
     */
    public IntrinsicResolver resolver() {
        return new IntrinsicResolver(model, parameters, new IntrinsicResolver.ResourceLookup() {
            @Override
            public Optional<String> ref(String logicalId) {
                if (tableNames.containsKey(logicalId)) {
                    return Optional.of(tableNames.get(logicalId));
                }
                if (standIn(logicalId)) return Optional.of(LOCAL_PREFIX + logicalId);
                return Optional.ofNullable(queueUrls.get(logicalId));
            }

            @Override
            public Optional<String> getAtt(String logicalId, String attribute) {
                if (tableNames.containsKey(logicalId)) {
                    return attribute.equals("Arn") ? Optional.ofNullable(tableArns.get(logicalId)) : Optional.empty();
                }
                if (standIn(logicalId)) {
                    return attribute.equals("Arn") ? Optional.of(LOCAL_PREFIX + logicalId) : Optional.empty();
                }
                if (queueUrls.containsKey(logicalId)) {
                    return switch (attribute) {
                        case "Arn" -> Optional.ofNullable(queueArns.get(logicalId));
                        case "QueueName" -> Optional.ofNullable(queueNames.get(logicalId));
                        case "QueueUrl" -> Optional.ofNullable(queueUrls.get(logicalId));
                        default -> Optional.empty();
                    };
                }
                return Optional.empty();
            }
        });
    }

    /**
     * The environment variables the function would get in the cloud ({@code Globals} merged), with
     * table and queue references replaced by their local names and URLs, e.g. for
     * {@code IntakeApiFunction}: {@code CASES_TABLE → onewindow-cases-dev},
     * {@code APPROVAL_QUEUE_URL → http://127.0.0.1:PORT/000000000000/onewindow-approval-dev},
     * {@code REGION_CODE → 330100}. Variables whose value is {@code AWS::NoValue} are left out.
     *
     * @throws IllegalArgumentException if the function does not exist or a value refers to something
     *                                  that has no local counterpart
     */
    public Map<String, String> environmentFor(String functionLogicalId) {
        FunctionSpec function = model.function(functionLogicalId);
        IntrinsicResolver resolver = resolver();
        Map<String, String> env = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> {
            String resolved;
            try {
                resolved = resolver.resolveString(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(functionLogicalId + " environment variable " + name + ": "
                        + e.getMessage(), e);
            }
            if (resolved != null) {
                env.put(name, resolved);
            }
        });
        return Collections.unmodifiableMap(env);
    }

    private boolean standIn(String logicalId) {
        ResourceSpec r = model.resources().get(logicalId);
        return r != null && LOCAL_STAND_IN_TYPES.contains(r.type());
    }

    private static String required(Map<String, String> map, String logicalId, String what) {
        String value = map.get(logicalId);
        if (value == null) {
            throw new IllegalArgumentException("no provisioned " + what + " with logical id " + logicalId
                    + " (known: " + map.keySet() + ")");
        }
        return value;
    }

    @Override
    public String toString() {
        return "ProvisionedResources[stage=" + stage + ", tables=" + tableNames + ", queues=" + queueUrls + "]";
    }
}
