package cn.onewindow.aws;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where the tables and queues are. In the cloud the names come from the environment that {@code template.yaml}
 * sets; locally an endpoint override points the same clients at DynamoDB Local and ElasticMQ.
 *
 * @param dynamoDbEndpoint null in the cloud
 * @param sqsEndpoint      null in the cloud
 */
public record AwsSettings(String region, URI dynamoDbEndpoint, URI sqsEndpoint, String casesTable,
                          String referenceTable, String idempotencyTable, String callersTable,
                          String approvalQueueUrl, String notificationQueueUrl, String notificationLog,
                          String evaluationQueueUrl, String provincialEvaluationEndpoint, String evaluationLog) {

    public static final String ENV_REGION = "AWS_REGION";
    public static final String ENV_DYNAMODB_ENDPOINT = "ONEWINDOW_DYNAMODB_ENDPOINT";
    public static final String ENV_SQS_ENDPOINT = "ONEWINDOW_SQS_ENDPOINT";
    public static final String ENV_CASES_TABLE = "CASES_TABLE";
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

    /** Without evaluation settings. */
    public AwsSettings(String region, URI dynamoDbEndpoint, URI sqsEndpoint, String casesTable, String referenceTable,
                       String idempotencyTable, String callersTable, String approvalQueueUrl,
                       String notificationQueueUrl, String notificationLog) {
        this(region, dynamoDbEndpoint, sqsEndpoint, casesTable, referenceTable, idempotencyTable, callersTable,
                approvalQueueUrl, notificationQueueUrl, notificationLog, null, null, null);
    }

    /** Without notification settings (functions and tests that send none). */
    public AwsSettings(String region, URI dynamoDbEndpoint, URI sqsEndpoint, String casesTable, String referenceTable,
                       String idempotencyTable, String callersTable, String approvalQueueUrl) {
        this(region, dynamoDbEndpoint, sqsEndpoint, casesTable, referenceTable, idempotencyTable, callersTable,
                approvalQueueUrl, null, null, null, null, null);
    }

    /** Every variable the settings read, for functions that look them up through their own configuration. */
    public static final java.util.List<String> VARIABLES = java.util.List.of(ENV_REGION, ENV_DYNAMODB_ENDPOINT,
            ENV_SQS_ENDPOINT, ENV_CASES_TABLE, ENV_REFERENCE_TABLE, ENV_IDEMPOTENCY_TABLE, ENV_CALLERS_TABLE,
            ENV_APPROVAL_QUEUE_URL, ENV_NOTIFICATION_QUEUE_URL, ENV_NOTIFICATION_LOG, ENV_EVALUATION_QUEUE_URL,
            ENV_PROVINCIAL_EVALUATION_ENDPOINT, ENV_EVALUATION_LOG);

    /** Reads the settings through a lookup (a function's configuration, which sees the environment). */
    public static AwsSettings lookup(java.util.function.Function<String, Optional<String>> lookup) {
        Map<String, String> env = new java.util.HashMap<>();
        for (String name : VARIABLES) lookup.apply(name).ifPresent(v -> env.put(name, v));
        return fromEnvironment(env);
    }

    /** Reads the settings from an environment map (the real environment in a Lambda). */
    public static AwsSettings fromEnvironment(Map<String, String> env) {
        return new AwsSettings(
                Optional.ofNullable(env.get(ENV_REGION)).orElse("cn-north-1"),
                uri(env.get(ENV_DYNAMODB_ENDPOINT)),
                uri(env.get(ENV_SQS_ENDPOINT)),
                require(env, ENV_CASES_TABLE),
                require(env, ENV_REFERENCE_TABLE),
                require(env, ENV_IDEMPOTENCY_TABLE),
                require(env, ENV_CALLERS_TABLE),
                env.get(ENV_APPROVAL_QUEUE_URL),
                env.get(ENV_NOTIFICATION_QUEUE_URL),
                env.get(ENV_NOTIFICATION_LOG),
                blankToNull(env.get(ENV_EVALUATION_QUEUE_URL)),
                blankToNull(env.get(ENV_PROVINCIAL_EVALUATION_ENDPOINT)),
                blankToNull(env.get(ENV_EVALUATION_LOG)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static URI uri(String s) {
        return s == null || s.isBlank() ? null : URI.create(s);
    }

    private static String require(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return v;
    }
}
