package cn.onewindow.aws;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where the tables and queues are. In the cloud the names come from the environment that {@code template.yaml}
 * sets; locally an endpoint override points the same clients at dynoxide and ElasticMQ.
 *
 * <p>Least privilege: each function's environment names only the tables, indexes and queues its code uses (and its
 * IAM policy grants exactly those, checked by TemplateConsistencyTest). A table whose variable is unset is null here;
 * the clients built by {@link AwsClients#dynamoDb} refuse any request to an unnamed table and any query of a cases
 * index not listed in {@value #ENV_CASES_TABLE_INDEXES} ({@link AccessGuard}).
 *
 * @param dynamoDbEndpoint null in the cloud
 * @param sqsEndpoint      null in the cloud
 * @param casesIndexes     the indexes of the cases table the function may query; null = not restricted (tests)
 * @param pseudonymSecret  the secret of pseudonymous keys: a Secrets Manager secret ARN, or {@code local:<name>} (a
 *                         file under {@code secretsDirectory}); null = the function computes no keys
 * @param outboxKey        the key-encryption key of sealed outbox payloads: a KMS key ARN, or {@code local:<name>}
 * @param secretsDirectory local only: where the local secret files live (created owner-only)
 */
public record AwsSettings(String region, URI dynamoDbEndpoint, URI sqsEndpoint, String casesTable,
                          String referenceTable, String idempotencyTable, String callersTable,
                          String approvalQueueUrl, String notificationQueueUrl, String notificationLog,
                          java.util.Set<String> casesIndexes, String evaluationQueueUrl,
                          String provincialEvaluationEndpoint, String evaluationLog, String pseudonymSecret,
                          String outboxKey, String secretsDirectory) {

    public static final String ENV_REGION = "AWS_REGION";
    public static final String ENV_DYNAMODB_ENDPOINT = "ONEWINDOW_DYNAMODB_ENDPOINT";
    public static final String ENV_SQS_ENDPOINT = "ONEWINDOW_SQS_ENDPOINT";
    public static final String ENV_CASES_TABLE = "CASES_TABLE";
    /** Comma-separated: the indexes of the cases table the function queries (none when unset). */
    public static final String ENV_CASES_TABLE_INDEXES = "CASES_TABLE_INDEXES";
    public static final String ENV_REFERENCE_TABLE = "REFERENCE_TABLE";
    public static final String ENV_IDEMPOTENCY_TABLE = "IDEMPOTENCY_TABLE";
    public static final String ENV_CALLERS_TABLE = "CALLERS_TABLE";
    public static final String ENV_APPROVAL_QUEUE_URL = "APPROVAL_QUEUE_URL";
    public static final String ENV_NOTIFICATION_QUEUE_URL = "NOTIFICATION_QUEUE_URL";
    /** Local only: the file the local notification sink writes to. */
    public static final String ENV_NOTIFICATION_LOG = "ONEWINDOW_NOTIFICATION_LOG";
    /** The queue of evaluation batch chunks (好差评 batch ingestion). */
    public static final String ENV_EVALUATION_QUEUE_URL = "EVALUATION_QUEUE_URL";
    /** The provincial 好差评 system; empty = forwarding disabled (ratings are logged instead). */
    public static final String ENV_PROVINCIAL_EVALUATION_ENDPOINT = "PROVINCIAL_EVALUATION_ENDPOINT";
    /** Local only: the file the local provincial-evaluation sink writes to. */
    public static final String ENV_EVALUATION_LOG = "ONEWINDOW_EVALUATION_LOG";
    /** The pseudonym secret (Secrets Manager secret ARN; locally {@code local:<name>}). */
    public static final String ENV_PSEUDONYM_SECRET = "PSEUDONYM_SECRET_ARN";
    /** The outbox key-encryption key (KMS key ARN; locally {@code local:<name>}). */
    public static final String ENV_OUTBOX_KEY = "OUTBOX_KEY_ARN";
    /** Local only: the directory of the local secret files (the data directory, or a temporary one). */
    public static final String ENV_SECRETS_DIR = "ONEWINDOW_SECRETS_DIR";

    public AwsSettings(String region, URI dynamoDbEndpoint, URI sqsEndpoint, String casesTable,
                       String referenceTable, String idempotencyTable, String callersTable,
                       String approvalQueueUrl, String notificationQueueUrl, String notificationLog,
                       java.util.Set<String> casesIndexes, String evaluationQueueUrl,
                       String provincialEvaluationEndpoint, String evaluationLog) {
        this(region, dynamoDbEndpoint, sqsEndpoint, casesTable, referenceTable, idempotencyTable, callersTable,
                approvalQueueUrl, notificationQueueUrl, notificationLog, casesIndexes, evaluationQueueUrl,
                provincialEvaluationEndpoint, evaluationLog, null, null, null);
    }

    /** Without evaluation settings. */
    public AwsSettings(String region, URI dynamoDbEndpoint, URI sqsEndpoint, String casesTable, String referenceTable,
                       String idempotencyTable, String callersTable, String approvalQueueUrl,
                       String notificationQueueUrl, String notificationLog, java.util.Set<String> casesIndexes) {
        this(region, dynamoDbEndpoint, sqsEndpoint, casesTable, referenceTable, idempotencyTable, callersTable,
                approvalQueueUrl, notificationQueueUrl, notificationLog, casesIndexes, null, null, null);
    }

    /** Without notification settings (functions and tests that send none). */
    public AwsSettings(String region, URI dynamoDbEndpoint, URI sqsEndpoint, String casesTable, String referenceTable,
                       String idempotencyTable, String callersTable, String approvalQueueUrl) {
        this(region, dynamoDbEndpoint, sqsEndpoint, casesTable, referenceTable, idempotencyTable, callersTable,
                approvalQueueUrl, null, null);
    }

    /** Every index of the cases table allowed (tests and tools that build their own settings). */
    public AwsSettings(String region, URI dynamoDbEndpoint, URI sqsEndpoint, String casesTable, String referenceTable,
                       String idempotencyTable, String callersTable, String approvalQueueUrl,
                       String notificationQueueUrl, String notificationLog) {
        this(region, dynamoDbEndpoint, sqsEndpoint, casesTable, referenceTable, idempotencyTable, callersTable,
                approvalQueueUrl, notificationQueueUrl, notificationLog, null);
    }

    /** Every variable the settings read, for functions that look them up through their own configuration. */
    public static final java.util.List<String> VARIABLES = java.util.List.of(ENV_REGION, ENV_DYNAMODB_ENDPOINT,
            ENV_SQS_ENDPOINT, ENV_CASES_TABLE, ENV_CASES_TABLE_INDEXES, ENV_REFERENCE_TABLE, ENV_IDEMPOTENCY_TABLE,
            ENV_CALLERS_TABLE,
            ENV_APPROVAL_QUEUE_URL, ENV_NOTIFICATION_QUEUE_URL, ENV_NOTIFICATION_LOG, ENV_EVALUATION_QUEUE_URL,
            ENV_PROVINCIAL_EVALUATION_ENDPOINT, ENV_EVALUATION_LOG, ENV_PSEUDONYM_SECRET, ENV_OUTBOX_KEY,
            ENV_SECRETS_DIR);

    /** Reads the settings through a lookup (a function's configuration, which sees the environment). */
    public static AwsSettings lookup(java.util.function.Function<String, Optional<String>> lookup) {
        Map<String, String> env = new java.util.HashMap<>();
        for (String name : VARIABLES) lookup.apply(name).ifPresent(v -> env.put(name, v));
        return fromEnvironment(env);
    }

    /**
     * Reads the settings from an environment map (the real environment in a Lambda). Every table and queue is
     * optional: a function is given only those it uses.
     */
    public static AwsSettings fromEnvironment(Map<String, String> env) {
        return new AwsSettings(
                Optional.ofNullable(env.get(ENV_REGION)).orElse("cn-north-1"),
                uri(env.get(ENV_DYNAMODB_ENDPOINT)),
                uri(env.get(ENV_SQS_ENDPOINT)),
                optional(env, ENV_CASES_TABLE),
                optional(env, ENV_REFERENCE_TABLE),
                optional(env, ENV_IDEMPOTENCY_TABLE),
                optional(env, ENV_CALLERS_TABLE),
                optional(env, ENV_APPROVAL_QUEUE_URL),
                optional(env, ENV_NOTIFICATION_QUEUE_URL),
                optional(env, ENV_NOTIFICATION_LOG),
                list(env.get(ENV_CASES_TABLE_INDEXES)),
                optional(env, ENV_EVALUATION_QUEUE_URL),
                optional(env, ENV_PROVINCIAL_EVALUATION_ENDPOINT),
                optional(env, ENV_EVALUATION_LOG),
                optional(env, ENV_PSEUDONYM_SECRET),
                optional(env, ENV_OUTBOX_KEY),
                optional(env, ENV_SECRETS_DIR));
    }

    private static URI uri(String s) {
        return s == null || s.isBlank() ? null : URI.create(s);
    }

    private static String optional(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    private static java.util.Set<String> list(String value) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) out.add(part.trim());
            }
        }
        return java.util.Collections.unmodifiableSet(out);
    }
}
