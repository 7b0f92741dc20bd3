package cn.onewindow.local;

import cn.onewindow.aws.AwsSettings;
import cn.onewindow.aws.DynamoCaseRepository;
import cn.onewindow.aws.Platform;
import cn.onewindow.infrastructure.FunctionSpec;
import cn.onewindow.infrastructure.QueueSpec;
import cn.onewindow.infrastructure.ResourceSpec;
import cn.onewindow.infrastructure.TableSpec;
import cn.onewindow.infrastructure.TemplateModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The SAM template ({@code template.yaml} at the repository root) checked against the code it deploys: handlers and
 * packages, the environment the code reads, the DynamoDB indexes it queries, queue settings, and IAM scope. Fast: it
 * reads files only (no servers, no Quarkus). Runs after the functions are packaged in the reactor (this module
 * depends on them), so the packaged {@code function.zip}s must exist.
 *
 * <p>Each check collects every problem it finds and fails once, naming the functions and resources concerned.
 */
class TemplateConsistencyTest {

    static final Path ROOT = Path.of("").toAbsolutePath().resolve("../..").normalize();
    static final String QUARKUS_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    static final Pattern CODE_URI = Pattern.compile("functions/([a-z0-9][a-z0-9-]*)/target/function\\.zip");
    static final String HANDLER_VARIABLE = "QUARKUS_LAMBDA_HANDLER";
    /** SAM's default function timeout when neither the function nor Globals sets one. */
    static final int SAM_DEFAULT_TIMEOUT = 3;
    /** SQS defaults for undeclared attributes. */
    static final int SQS_DEFAULT_VISIBILITY_TIMEOUT = 30;
    static final int SQS_DEFAULT_RETENTION = 345_600;

    // ------------------------------------------------------------------ what the code reads

    /**
     * Names of the tables and queues: a function is given only those its code uses (AwsSettings reads each one
     * optionally, and the function's DynamoDB client refuses an unnamed table and an undeclared index).
     */
    static final Set<String> OPTIONAL = Set.of(AwsSettings.ENV_CASES_TABLE, AwsSettings.ENV_REFERENCE_TABLE,
            AwsSettings.ENV_IDEMPOTENCY_TABLE, AwsSettings.ENV_CALLERS_TABLE, AwsSettings.ENV_CASES_TABLE_INDEXES,
            AwsSettings.ENV_APPROVAL_QUEUE_URL, AwsSettings.ENV_NOTIFICATION_QUEUE_URL,
            AwsSettings.ENV_EVALUATION_QUEUE_URL, AwsSettings.ENV_PSEUDONYM_SECRET, AwsSettings.ENV_OUTBOX_KEY);
    /** A table variable {@code X_TABLE} lists the indexes the function may query in {@code X_TABLE_INDEXES}. */
    static final String INDEXES_SUFFIX = "_INDEXES";
    /** Never set by the template: endpoints of the local emulators, the local SMS log, and AWS_REGION (Lambda's). */
    static final Set<String> LOCAL_ONLY = Set.of(AwsSettings.ENV_DYNAMODB_ENDPOINT, AwsSettings.ENV_SQS_ENDPOINT,
            AwsSettings.ENV_NOTIFICATION_LOG, AwsSettings.ENV_REGION, Platform.CLOCK_START, Platform.CLOCK_ANCHOR,
            Platform.CLOCK_FILE, AwsSettings.ENV_EVALUATION_LOG, AwsSettings.ENV_SECRETS_DIR);

    /** What a part of {@link Platform} may touch. */
    enum Need { CASES, REFERENCE, IDEMPOTENCY, CALLERS, APPROVAL_QUEUE, NOTIFICATION_QUEUE, EVALUATION_QUEUE,
        CASES_BY_CENTER, CASES_BY_SERVICE_POINT, CASES_BY_DEPARTMENT, CASES_BY_DUE,
        /** the pseudonym secret (Secrets Manager, secretsmanager:GetSecretValue) */
        PSEUDONYM_SECRET,
        /** the outbox key: writers of sealed payloads (kms:Encrypt), and their sender (kms:Decrypt) */
        OUTBOX_KEY_ENCRYPT, OUTBOX_KEY_DECRYPT }

    /** The KMS action each use of the outbox key needs; a function is granted exactly those its code reaches. */
    static final Map<Need, String> KMS_ACTION_OF = Map.of(Need.OUTBOX_KEY_ENCRYPT, "kms:Encrypt",
            Need.OUTBOX_KEY_DECRYPT, "kms:Decrypt");
    /** The one call a function makes on the pseudonym secret. */
    static final String SECRET_ACTION = "secretsmanager:GetSecretValue";

    /** The index of the cases table each index {@link Need} stands for. */
    static final Map<Need, String> INDEX_OF = Map.of(
            Need.CASES_BY_CENTER, DynamoCaseRepository.INDEX_BY_CENTER,
            Need.CASES_BY_SERVICE_POINT, DynamoCaseRepository.INDEX_BY_SERVICE_POINT,
            Need.CASES_BY_DEPARTMENT, DynamoCaseRepository.INDEX_BY_DEPARTMENT,
            Need.CASES_BY_DUE, DynamoCaseRepository.INDEX_BY_DUE);

    /** The variable naming each table or queue a {@link Need} stands for. */
    static final Map<Need, String> VARIABLE_OF = Map.of(
            Need.CASES, AwsSettings.ENV_CASES_TABLE,
            Need.REFERENCE, AwsSettings.ENV_REFERENCE_TABLE,
            Need.IDEMPOTENCY, AwsSettings.ENV_IDEMPOTENCY_TABLE,
            Need.CALLERS, AwsSettings.ENV_CALLERS_TABLE,
            Need.APPROVAL_QUEUE, AwsSettings.ENV_APPROVAL_QUEUE_URL,
            Need.NOTIFICATION_QUEUE, AwsSettings.ENV_NOTIFICATION_QUEUE_URL,
            Need.EVALUATION_QUEUE, AwsSettings.ENV_EVALUATION_QUEUE_URL,
            Need.PSEUDONYM_SECRET, AwsSettings.ENV_PSEUDONYM_SECRET,
            Need.OUTBOX_KEY_ENCRYPT, AwsSettings.ENV_OUTBOX_KEY,
            Need.OUTBOX_KEY_DECRYPT, AwsSettings.ENV_OUTBOX_KEY);

    /**
     * The tables and queues each public member of {@link Platform} reaches, by reading the wiring in its constructor
     * (DynamoCaseRepository writes the idempotency table, the Authenticator alone reads callers, calendars and catalog
     * live in the reference table). A member listed as {@code field.method} reaches less than the whole field and is
     * looked up first. Whether a service can put approval messages on the queue is not listed here: it is read from
     * the core sources (a service wired to ApprovalService can). A new Platform member fails
     * {@link #everyPlatformMemberIsClassified} until it is added.
     */
    static final Map<String, Set<Need>> REACHES = new LinkedHashMap<>();

    static {
        REACHES.put("settings", EnumSet.noneOf(Need.class));
        REACHES.put("clock", EnumSet.noneOf(Need.class));
        REACHES.put("dynamoDb", EnumSet.of(Need.CASES, Need.REFERENCE, Need.IDEMPOTENCY, Need.CALLERS,
                Need.CASES_BY_CENTER, Need.CASES_BY_SERVICE_POINT, Need.CASES_BY_DEPARTMENT, Need.CASES_BY_DUE));
        // used directly only as the outbox checkpoints' store (get/put of CHECKPOINT# items); writes with an
        // idempotency key go through caseService
        REACHES.put("cases", EnumSet.of(Need.CASES));
        REACHES.put("reference", EnumSet.of(Need.REFERENCE));
        REACHES.put("callers", EnumSet.of(Need.CALLERS));
        REACHES.put("deadlines", EnumSet.of(Need.REFERENCE));
        // listings by center and by service point
        // keyed request fingerprints and pick-up code hashes; the pick-up SMS is sealed for the outbox
        REACHES.put("caseService", EnumSet.of(Need.CASES, Need.REFERENCE, Need.IDEMPOTENCY, Need.CASES_BY_CENTER,
                Need.CASES_BY_SERVICE_POINT, Need.PSEUDONYM_SECRET, Need.OUTBOX_KEY_ENCRYPT));
        REACHES.put("catalogService", EnumSet.of(Need.REFERENCE));
        // loading a calendar year recomputes the provisional deadlines of open cases
        REACHES.put("calendarService", EnumSet.of(Need.REFERENCE, Need.CASES));
        REACHES.put("authenticator", EnumSet.of(Need.CALLERS));
        // department inboxes
        REACHES.put("approvalService", EnumSet.of(Need.CASES, Need.REFERENCE, Need.CASES_BY_DEPARTMENT));
        // the relay's resend reads the undispatched-task buckets of the due-time index only
        REACHES.put("approvalService.redispatch", EnumSet.of(Need.CASES, Need.CASES_BY_DUE, Need.APPROVAL_QUEUE));
        // the worker's delivery reads and writes the case and its tasks (calendar and center for the timers)
        REACHES.put("approvalService.deliver", EnumSet.of(Need.CASES, Need.REFERENCE));
        REACHES.put("deadlineChecker", EnumSet.of(Need.CASES, Need.REFERENCE, Need.CASES_BY_DUE));
        REACHES.put("statsService", EnumSet.of(Need.CASES, Need.REFERENCE, Need.CASES_BY_CENTER));
        // the sender opens sealed SMS payloads just before the sink
        REACHES.put("notificationRelay", EnumSet.of(Need.CASES, Need.CASES_BY_DUE, Need.NOTIFICATION_QUEUE,
                Need.OUTBOX_KEY_DECRYPT));
        // the key ring alone (request fingerprints of the Idempotency-Key filter)
        REACHES.put("privacyKeys.pseudonyms", EnumSet.of(Need.PSEUDONYM_SECRET));
        REACHES.put("privacyKeys", EnumSet.of(Need.PSEUDONYM_SECRET, Need.OUTBOX_KEY_ENCRYPT,
                Need.OUTBOX_KEY_DECRYPT));
        REACHES.put("servicePoints", EnumSet.of(Need.REFERENCE));
        REACHES.put("servicePointService", EnumSet.of(Need.REFERENCE));
        REACHES.put("callerService", EnumSet.of(Need.CALLERS, Need.REFERENCE));
        // the service point's ledger (台账) reads the byServicePoint index
        REACHES.put("ledgerService", EnumSet.of(Need.CASES, Need.REFERENCE, Need.CASES_BY_SERVICE_POINT));
        REACHES.put("accessLog", EnumSet.of(Need.CASES));
        // 好差评: ratings, rectifications and batches live in the cases table; accepting a batch enqueues its chunks;
        // rectification listings read the center / service point / department indexes, rated-case figures byCenter,
        // forwarding the byDue index (FWD# buckets); ingesting a chunk touches the cases table only
        REACHES.put("evaluations", EnumSet.of(Need.CASES, Need.IDEMPOTENCY, Need.CASES_BY_CENTER,
                Need.CASES_BY_SERVICE_POINT, Need.CASES_BY_DEPARTMENT, Need.CASES_BY_DUE));
        // each rating carries the applicant's keyed pseudonym
        REACHES.put("evaluationService", EnumSet.of(Need.CASES, Need.IDEMPOTENCY, Need.REFERENCE,
                Need.EVALUATION_QUEUE, Need.CASES_BY_CENTER, Need.CASES_BY_SERVICE_POINT, Need.CASES_BY_DEPARTMENT,
                Need.PSEUDONYM_SECRET));
        REACHES.put("evaluationService.ingest", EnumSet.of(Need.CASES, Need.PSEUDONYM_SECRET));
        REACHES.put("evaluationForwarder", EnumSet.of(Need.CASES, Need.CASES_BY_DUE));
        // staff sign-in: credentials and sessions in the callers table
        REACHES.put("sessions", EnumSet.of(Need.CALLERS));
        // checking a session (the gateway authorizer): session, account and sign-in items, read only
        REACHES.put("sessionService.resolve", EnumSet.of(Need.CALLERS));
        // signing in also records the event in the access log (cases table) under a keyed pseudonym of the name,
        // and derives the CSRF token from the pseudonym ring
        REACHES.put("sessionService", EnumSet.of(Need.CALLERS, Need.CASES, Need.PSEUDONYM_SECRET));
        // queue tickets and their counters and queue entries (cases table), configurations (reference table); the
        // service pseudonymises an ID or phone given at the kiosk
        REACHES.put("queueStore", EnumSet.of(Need.CASES, Need.REFERENCE));
        REACHES.put("queueService", EnumSet.of(Need.CASES, Need.REFERENCE, Need.PSEUDONYM_SECRET));
        REACHES.put("queueBoard", EnumSet.of(Need.CASES, Need.REFERENCE));
        // appointments (预约): bookings, slot counters, locks, no-shows and the reminder outbox in the cases table;
        // the service reads the queue configuration and calendar (reference table), counts code tries (idempotency
        // table), keys the ID and the booking code (pseudonym secret), seals the phone for the sender (outbox key)
        REACHES.put("appointmentStore", EnumSet.of(Need.CASES));
        REACHES.put("appointmentService", EnumSet.of(Need.CASES, Need.REFERENCE, Need.IDEMPOTENCY,
                Need.PSEUDONYM_SECRET, Need.OUTBOX_KEY_ENCRYPT));
        REACHES.put("appointmentSweep", EnumSet.of(Need.CASES, Need.REFERENCE));
        // rating requests (请评价) live in the case's partition and are listed per window through byCenter; the PAD
        // binding is in the reference table; the service reads the queue configuration (window names), the caller
        // (a PAD to bind), the case's ratings, and derives each request's rating token from the pseudonym ring
        REACHES.put("ratingRequests", EnumSet.of(Need.CASES, Need.REFERENCE, Need.CASES_BY_CENTER));
        REACHES.put("ratingRequestService", EnumSet.of(Need.CASES, Need.REFERENCE, Need.CASES_BY_CENTER, Need.CALLERS,
                Need.PSEUDONYM_SECRET));
        // the progress query reads the case, counts tries in the idempotency table, checks the password's HMAC
        REACHES.put("progressService", EnumSet.of(Need.CASES, Need.IDEMPOTENCY, Need.PSEUDONYM_SECRET));
    }

    static TemplateModel template;
    static List<FunctionSpec> functions;
    static Map<String, TableSpec> tables;
    static Map<String, QueueSpec> queues;

    @BeforeAll
    static void load() {
        // -Donewindow.template=FILE checks another template against the same code (to try the checks out)
        Path file = Path.of(System.getProperty("onewindow.template", ROOT.resolve("template.yaml").toString()));
        assertTrue(Files.isRegularFile(file), "no template " + file);
        template = TemplateModel.load(file);
        functions = template.functions();
        assertFalse(functions.isEmpty(), "template declares no AWS::Serverless::Function");
        tables = template.tables("dev").stream().collect(Collectors.toMap(TableSpec::logicalId, t -> t,
                (a, b) -> a, LinkedHashMap::new));
        queues = template.queues("dev").stream().collect(Collectors.toMap(QueueSpec::logicalId, q -> q,
                (a, b) -> a, LinkedHashMap::new));
    }

    // ------------------------------------------------------------------ handlers and packages

    @Test
    void everyFunctionRunsTheQuarkusHandlerOfAPackagedModule() {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> withoutHandlerVariable = new TreeMap<>();
        for (FunctionSpec f : functions) {
            String id = f.logicalId();
            if (!QUARKUS_HANDLER.equals(f.handler())) {
                problems.add(id + ": Handler is " + f.handler() + ", expected " + QUARKUS_HANDLER);
            }
            Optional<String> module = module(f);
            if (module.isEmpty()) {
                problems.add(id + ": CodeUri " + f.properties().get("CodeUri")
                        + " is not functions/<module>/target/function.zip");
                continue;
            }
            Path dir = ROOT.resolve("functions").resolve(module.get());
            if (!Files.isRegularFile(dir.resolve("pom.xml"))) {
                problems.add(id + ": CodeUri names module functions/" + module.get() + ", which has no pom.xml");
                continue;
            }
            Path zip = ROOT.resolve(f.codeUri());
            if (!Files.isRegularFile(zip) || size(zip) == 0) {
                problems.add(id + ": " + f.codeUri() + " does not exist after the build (is functions/"
                        + module.get() + " packaged as a Quarkus Lambda?)");
            }
            Map<String, String> named = namedHandlers(module.get());
            Object selected = f.environment().get(HANDLER_VARIABLE);
            if (selected == null) {
                withoutHandlerVariable.computeIfAbsent(module.get(), m -> new ArrayList<>()).add(id);
                if (named.size() > 1) {
                    problems.add(id + ": module " + module.get() + " has several @Named handlers " + named.keySet()
                            + " but the function does not choose one with " + HANDLER_VARIABLE);
                }
            } else if (!(selected instanceof String name)) {
                problems.add(id + ": " + HANDLER_VARIABLE + " must be a plain string, got " + selected);
            } else if (!named.containsKey(name)) {
                problems.add(id + ": " + HANDLER_VARIABLE + "=" + name + " but functions/" + module.get()
                        + "/src/main/java has no class annotated @Named(\"" + name + "\") implementing RequestHandler"
                        + " (found: " + named.keySet() + ")");
            }
        }
        assertNoProblems("handlers and packages", problems);
    }

    // ------------------------------------------------------------------ environment

    @Test
    void everyVariableTheSettingsReadIsClassified() {
        Set<String> classified = new TreeSet<>(OPTIONAL);
        classified.addAll(LOCAL_ONLY);
        // a stack parameter every function gets from Globals (empty = forwarding disabled)
        classified.add(AwsSettings.ENV_PROVINCIAL_EVALUATION_ENDPOINT);
        Set<String> unclassified = new TreeSet<>(AwsSettings.VARIABLES);
        unclassified.removeAll(classified);
        assertEquals(Set.of(), unclassified, "AwsSettings.VARIABLES has variables this test does not know: say whether"
                + " every function needs them, some do (which), or they are local only");
    }

    @Test
    void everyPlatformMemberIsClassified() {
        Set<String> members = platformMembers().keySet();
        Set<String> missing = new TreeSet<>(members);
        missing.removeAll(REACHES.keySet());
        assertEquals(Set.of(), missing, "Platform has public members REACHES does not classify: add what each one"
                + " reaches (tables, queues)");
    }

    @Test
    void everyVariableTheCodeReadsIsSetForEveryFunction() {
        List<String> problems = new ArrayList<>();
        for (FunctionSpec f : functions) {
            String id = f.logicalId();
            Set<String> needed = new TreeSet<>();
            for (Need n : needs(f)) {
                needed.add(VARIABLE_OF.getOrDefault(n, AwsSettings.ENV_CASES_TABLE_INDEXES));
            }
            for (String variable : needed) {
                if (!f.environment().containsKey(variable)) {
                    problems.add(id + ": environment variable " + variable + " is not set" + why(f, variable));
                }
            }
            for (String variable : LOCAL_ONLY) {
                if (f.environment().containsKey(variable)) {
                    problems.add(id + ": sets " + variable + ", which is local only"
                            + (variable.equals(AwsSettings.ENV_REGION) ? " (Lambda sets it; it is reserved)" : ""));
                }
            }
            f.environment().forEach((variable, value) -> {
                if (variable.endsWith("_TABLE")) {
                    String target = refTarget(value);
                    if (target == null || !tables.containsKey(target)) {
                        problems.add(id + ": " + variable + " must be !Ref of an AWS::DynamoDB::Table of this"
                                + " template, is " + value);
                    }
                } else if (variable.endsWith("_QUEUE_URL")) {
                    String target = refTarget(value);
                    if (target == null || !queues.containsKey(target)) {
                        problems.add(id + ": " + variable + " must be !Ref of an AWS::SQS::Queue of this template,"
                                + " is " + value);
                    }
                } else if (variable.equals(AwsSettings.ENV_PSEUDONYM_SECRET)) {
                    if (!"AWS::SecretsManager::Secret".equals(typeOf(refTarget(value)))) {
                        problems.add(id + ": " + variable + " must be !Ref of an AWS::SecretsManager::Secret of this"
                                + " template, is " + value);
                    }
                } else if (variable.equals(AwsSettings.ENV_OUTBOX_KEY)) {
                    if (!"AWS::KMS::Key".equals(typeOf(getAttTarget(value, "Arn")))) {
                        problems.add(id + ": " + variable + " must be !GetAtt <AWS::KMS::Key of this template>.Arn,"
                                + " is " + value);
                    }
                } else if (variable.endsWith("_TABLE" + INDEXES_SUFFIX)) {
                    String tableVariable = variable.substring(0, variable.length() - INDEXES_SUFFIX.length());
                    String target = refTarget(f.environment().get(tableVariable));
                    if (!(value instanceof String list) || target == null || !tables.containsKey(target)) {
                        problems.add(id + ": " + variable + " must be a plain comma-separated list of index names of"
                                + " the table " + tableVariable + " names, is " + value);
                    } else {
                        for (String index : indexList(list)) {
                            if (tables.get(target).globalSecondaryIndex(index).isEmpty()) {
                                problems.add(id + ": " + variable + " lists " + index + ", which " + target
                                        + " does not have");
                            }
                        }
                    }
                }
            });
        }
        assertNoProblems("environment", problems);
    }

    // ------------------------------------------------------------------ tables

    @Test
    void everyIndexTheCodeQueriesExistsOnTheCasesTable() throws Exception {
        TableSpec cases = table("CasesTable");
        Set<String> indexes = new TreeSet<>();
        for (Field field : DynamoCaseRepository.class.getFields()) {
            if (field.getName().startsWith("INDEX_") && Modifier.isStatic(field.getModifiers())
                    && field.getType() == String.class) {
                indexes.add((String) field.get(null));
            }
        }
        assertTrue(indexes.containsAll(List.of(DynamoCaseRepository.INDEX_BY_CENTER,
                DynamoCaseRepository.INDEX_BY_SERVICE_POINT, DynamoCaseRepository.INDEX_BY_DUE,
                DynamoCaseRepository.INDEX_BY_DEPARTMENT)), "index constants not found by reflection: " + indexes);
        List<String> problems = new ArrayList<>();
        for (String index : indexes) {
            Optional<TableSpec.IndexSpec> gsi = cases.globalSecondaryIndex(index);
            if (gsi.isEmpty()) {
                problems.add("CasesTable has no GlobalSecondaryIndex " + index + " (DynamoCaseRepository queries it)");
                continue;
            }
            for (TableSpec.KeyElement key : gsi.get().keySchema()) {
                if (!cases.attributeDefinitions().containsKey(key.attributeName())) {
                    problems.add("CasesTable index " + index + ": key attribute " + key.attributeName()
                            + " is not in AttributeDefinitions");
                }
            }
            if (!"ALL".equals(gsi.get().projectionType())) {
                problems.add("CasesTable index " + index + " projects " + gsi.get().projectionType()
                        + "; the repository reads whole items from it (ALL)");
            }
        }
        // every index name the repository passes to a query is one of the constants
        Matcher m = Pattern.compile("indexName\\(\\s*\"([^\"]+)\"").matcher(read(source("aws",
                DynamoCaseRepository.class)));
        while (m.find()) {
            if (cases.globalSecondaryIndex(m.group(1)).isEmpty()) {
                problems.add("CasesTable has no GlobalSecondaryIndex " + m.group(1)
                        + " (named literally in DynamoCaseRepository)");
            }
        }
        assertNoProblems("indexes", problems);
    }

    @Test
    void idempotencyRecordsExpireThroughTimeToLive() {
        TableSpec idempotency = table("IdempotencyTable");
        assertEquals(Optional.of("expiresAt"), idempotency.ttlAttribute(),
                "IdempotencyTable must have TimeToLiveSpecification enabled on expiresAt");
        assertTrue(Pattern.compile("\"expiresAt\"\\s*,\\s*n\\(").matcher(read(source("aws",
                        DynamoCaseRepository.class))).find(),
                "DynamoCaseRepository must write expiresAt as a number (epoch seconds): DynamoDB TTL ignores strings");
    }

    // ------------------------------------------------------------------ queues

    @Test
    void queuesRedriveToDeclaredDeadLetterQueuesAndOutlastTheirConsumers() {
        List<String> problems = new ArrayList<>();
        Map<String, List<FunctionSpec>> consumers = new LinkedHashMap<>();
        for (FunctionSpec f : functions) {
            f.events().forEach((name, event) -> {
                Map<String, Object> e = map(event);
                if (!"SQS".equals(e.get("Type"))) return;
                Map<String, Object> p = map(e.get("Properties"));
                String queue = getAttTarget(p.get("Queue"), "Arn");
                if (queue == null || !queues.containsKey(queue)) {
                    problems.add(f.logicalId() + " event " + name + ": Queue must be !GetAtt <queue>.Arn of a queue"
                            + " of this template, is " + p.get("Queue"));
                } else {
                    consumers.computeIfAbsent(queue, q -> new ArrayList<>()).add(f);
                }
                Object types = p.get("FunctionResponseTypes");
                if (!(types instanceof List<?> list) || !list.contains("ReportBatchItemFailures")) {
                    problems.add(f.logicalId() + " event " + name + ": FunctionResponseTypes must include"
                            + " ReportBatchItemFailures (one bad message must not fail its batch), is " + types);
                }
            });
        }
        for (QueueSpec q : queues.values()) {
            int visibility = q.visibilityTimeout().orElse(SQS_DEFAULT_VISIBILITY_TIMEOUT);
            if (q.hasDeadLetterQueue()) {
                QueueSpec dlq = queues.get(q.deadLetterTargetLogicalId().get());
                if (dlq == null) {
                    problems.add(q.logicalId() + ": RedrivePolicy names " + q.deadLetterTargetLogicalId().get()
                            + ", not a queue of this template");
                } else {
                    if (dlq.logicalId().equals(q.logicalId())) {
                        problems.add(q.logicalId() + ": RedrivePolicy points at itself");
                    }
                    if (dlq.hasDeadLetterQueue()) {
                        problems.add(dlq.logicalId() + " (dead-letter queue of " + q.logicalId()
                                + ") has a RedrivePolicy of its own");
                    }
                    int sourceRetention = q.messageRetentionPeriod().orElse(SQS_DEFAULT_RETENTION);
                    int dlqRetention = dlq.messageRetentionPeriod().orElse(SQS_DEFAULT_RETENTION);
                    if (dlqRetention <= sourceRetention) {
                        problems.add(dlq.logicalId() + ": MessageRetentionPeriod " + dlqRetention + " s must exceed"
                                + " that of " + q.logicalId() + " (" + sourceRetention + " s): a message keeps its"
                                + " enqueue time when it is moved, so it would expire early in the dead-letter queue");
                    }
                }
                if (q.maxReceiveCount().orElse(0) < 1) {
                    problems.add(q.logicalId() + ": RedrivePolicy.maxReceiveCount must be at least 1");
                }
            } else if (consumers.containsKey(q.logicalId())) {
                problems.add(q.logicalId() + ": consumed by " + ids(consumers.get(q.logicalId()))
                        + " but has no RedrivePolicy: a poison message would be retried until it expires");
            }
            for (FunctionSpec f : consumers.getOrDefault(q.logicalId(), List.of())) {
                int timeout = timeout(f);
                int window = f.events().values().stream().map(TemplateConsistencyTest::map)
                        .filter(e -> "SQS".equals(e.get("Type"))).map(e -> map(e.get("Properties")))
                        .filter(p -> q.logicalId().equals(getAttTarget(p.get("Queue"), "Arn")))
                        .mapToInt(p -> intOf(p.get("MaximumBatchingWindowInSeconds"), 0)).max().orElse(0);
                if (visibility < 6 * timeout + window) {
                    problems.add(q.logicalId() + ": VisibilityTimeout " + visibility + " s is less than 6 × the "
                            + timeout + " s Timeout of its consumer " + f.logicalId()
                            + (window > 0 ? " + its " + window + " s batching window" : "")
                            + " (= " + (6 * timeout + window) + " s)");
                }
            }
        }
        assertNoProblems("queues", problems);
    }

    // ------------------------------------------------------------------ IAM

    @Test
    void noPolicyStatementGrantsEveryResource() {
        List<String> problems = new ArrayList<>();
        for (ResourceSpec r : template.resources().values()) {
            if ("AWS::KMS::Key".equals(r.type())) {
                // in a key policy "Resource: *" is the key itself; what matters is who: never everyone
                Map<String, Object> policy = map(r.properties().get("KeyPolicy"));
                Object st = policy.get("Statement");
                for (Object o : st instanceof List<?> l ? l : List.of(st)) {
                    Map<String, Object> statement = map(o);
                    Object principal = statement.get("Principal");
                    if (!"Deny".equals(statement.get("Effect")) && (wildcard(principal) || principal == null)) {
                        problems.add(r.logicalId() + ": key policy statement " + statement.get("Sid")
                                + " allows every principal " + principal);
                    }
                }
                Map<String, Object> rest = new LinkedHashMap<>(r.definition());
                Map<String, Object> props = new LinkedHashMap<>(map(rest.get("Properties")));
                props.remove("KeyPolicy");
                rest.put("Properties", props);
                findStatements(rest, r.logicalId(), problems);
                continue;
            }
            if ("AWS::S3::BucketPolicy".equals(r.type())) {
                bucketPolicy(r, problems);
                continue;
            }
            findStatements(r.definition(), r.logicalId(), problems);
        }
        // SAM policy templates are scoped by their parameters, provided those name something
        for (FunctionSpec f : functions) {
            for (Object policy : f.policies()) {
                if (policy instanceof Map<?, ?> m && m.size() == 1 && !m.containsKey("Statement")) {
                    Object name = m.keySet().iterator().next();
                    Object parameters = m.values().iterator().next();
                    if (String.valueOf(name).startsWith("DynamoDB") && String.valueOf(name).endsWith("Policy")) {
                        problems.add(f.logicalId() + " policy " + name + " grants <table>/index/* (a wildcard: every"
                                + " index of the table); use a Statement naming the table (!GetAtt T.Arn) and each"
                                + " index it queries (!Sub \"${T.Arn}/index/NAME\")");
                    }
                    if (parameters instanceof Map<?, ?> params) {
                        params.forEach((k, v) -> {
                            if ("*".equals(v) || (v instanceof String s && s.isBlank())) {
                                problems.add(f.logicalId() + " policy " + name + ": parameter " + k + " is '" + v
                                        + "', which grants every resource");
                            }
                        });
                    }
                }
            }
        }
        assertNoProblems("IAM", problems);
    }

    /** What a function names in its environment, or is granted: table ids, "table/index" pairs, queue ids. */
    record Access(Set<String> tables, Set<String> indexes, Set<String> queues, Set<String> secrets,
                  Set<String> keys, Set<String> secretActions, Set<String> keyActions) {
        Access() {
            this(new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(),
                    new TreeSet<>());
        }
    }

    @Test
    void eachFunctionIsGrantedExactlyTheTablesIndexesAndQueuesItsEnvironmentNames() {
        List<String> problems = new ArrayList<>();
        for (FunctionSpec f : functions) {
            Access declared = declared(f);
            Access granted = granted(f, problems);
            compare(f.logicalId(), "table", declared.tables(), granted.tables(), problems);
            compare(f.logicalId(), "index", declared.indexes(), granted.indexes(), problems);
            compare(f.logicalId(), "queue (send)", declared.queues(), granted.queues(), problems);
            compare(f.logicalId(), "secret", declared.secrets(), granted.secrets(), problems);
            compare(f.logicalId(), "KMS key", declared.keys(), granted.keys(), problems);
            if (!granted.secrets().isEmpty() && !granted.secretActions().equals(Set.of(SECRET_ACTION))) {
                problems.add(f.logicalId() + ": is granted " + granted.secretActions() + " on its secret; it reads the"
                        + " secret only (" + SECRET_ACTION + ")");
            }
            // the outbox key: writers encrypt, the sender decrypts, nobody both unless its code does both
            Set<String> keyActions = new TreeSet<>();
            needs(f).stream().filter(KMS_ACTION_OF::containsKey).forEach(n -> keyActions.add(KMS_ACTION_OF.get(n)));
            if (!granted.keys().isEmpty() && !granted.keyActions().equals(keyActions)) {
                problems.add(f.logicalId() + ": is granted " + granted.keyActions() + " on the outbox key, but its"
                        + " code needs " + keyActions);
            }
        }
        assertNoProblems("grants", problems);
    }

    /**
     * Least privilege from the code's side: a function's environment names exactly the tables, indexes and queues
     * the code paths of its handler reach (through the Platform members it uses, see {@link #REACHES}) — none
     * missing, none extra. Variables this test does not know (a table or queue added since) are reported, not judged.
     */
    @Test
    void eachFunctionDeclaresExactlyWhatItsCodeReaches() {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> unjudged = new TreeMap<>();
        for (FunctionSpec f : functions) {
            String id = f.logicalId();
            Set<Need> needs = needs(f);
            Access declared = declared(f);
            for (Need n : Need.values()) {
                boolean reached = needs.contains(n);
                boolean named;
                String what;
                if (INDEX_OF.containsKey(n)) {
                    String cases = refTarget(f.environment().get(AwsSettings.ENV_CASES_TABLE));
                    named = cases != null && declared.indexes().contains(cases + "/" + INDEX_OF.get(n));
                    what = "index " + INDEX_OF.get(n) + " (" + AwsSettings.ENV_CASES_TABLE_INDEXES + ")";
                } else {
                    named = f.environment().containsKey(VARIABLE_OF.get(n));
                    what = VARIABLE_OF.get(n);
                    // the outbox key's variable serves both uses: named is fine if either is reached
                    if (KMS_ACTION_OF.containsKey(n) && !reached && named) {
                        reached = KMS_ACTION_OF.keySet().stream().anyMatch(needs::contains);
                    }
                }
                if (reached && !named) {
                    problems.add(id + ": its code reaches " + what + " through "
                            + String.join(", ", reachers(f, n)) + ", but its environment does not name it");
                } else if (named && !reached) {
                    problems.add(id + ": names " + what + ", but no code path of its handler reaches it (least"
                            + " privilege: remove it and its grant)");
                }
            }
            f.environment().keySet().stream().filter(v -> (v.endsWith("_TABLE") || v.endsWith("_QUEUE_URL")
                    || v.endsWith(INDEXES_SUFFIX)) && !VARIABLE_OF.containsValue(v)
                    && !v.equals(AwsSettings.ENV_CASES_TABLE_INDEXES))
                    .forEach(v -> unjudged.computeIfAbsent(id, k -> new TreeSet<>()).add(v));
        }
        if (!unjudged.isEmpty()) {
            System.out.println("[TemplateConsistencyTest] variables whose use by the code this test does not judge"
                    + " (add them to Need/REACHES): " + unjudged);
        }
        assertNoProblems("declared use", problems);
    }

    /** The tables, indexes and queues the function's environment names. */
    static Access declared(FunctionSpec f) {
        Access a = new Access();
        f.environment().forEach((variable, value) -> {
            String target = refTarget(value);
            if (variable.endsWith("_TABLE") && target != null) a.tables().add(target);
            if (variable.endsWith("_QUEUE_URL") && target != null) a.queues().add(target);
            if (variable.equals(AwsSettings.ENV_PSEUDONYM_SECRET) && target != null) a.secrets().add(target);
            if (variable.equals(AwsSettings.ENV_OUTBOX_KEY) && getAttTarget(value, "Arn") != null) {
                a.keys().add(getAttTarget(value, "Arn"));
            }
            if (variable.endsWith("_TABLE" + INDEXES_SUFFIX) && value instanceof String list) {
                String table = refTarget(f.environment().get(variable.substring(0,
                        variable.length() - INDEXES_SUFFIX.length())));
                if (table != null) indexList(list).forEach(i -> a.indexes().add(table + "/" + i));
            }
        });
        return a;
    }

    static final Pattern INDEX_ARN = Pattern.compile("\\$\\{(\\w+)\\.Arn}/index/([A-Za-z0-9_.-]+)");

    /**
     * What the function's policies grant: inline statements naming tables ({@code !GetAtt T.Arn}), indexes
     * ({@code !Sub "${T.Arn}/index/NAME"}) and queues ({@code !GetAtt Q.Arn} with sqs:SendMessage), and the SAM
     * templates SQSSendMessagePolicy and DynamoDB*Policy (the latter grants every index of its table).
     */
    static Access granted(FunctionSpec f, List<String> problems) {
        Access a = new Access();
        for (Object policy : f.policies()) {
            if (!(policy instanceof Map<?, ?> m)) continue;
            if (m.containsKey("Statement")) {
                List<?> statements = m.get("Statement") instanceof List<?> l ? l : List.of(m.get("Statement"));
                for (Object st : statements) {
                    Map<String, Object> statement = map(st);
                    if ("Deny".equals(statement.get("Effect"))) continue;
                    List<?> actions = statement.get("Action") instanceof List<?> l ? l
                            : List.of(String.valueOf(statement.get("Action")));
                    boolean dynamo = actions.stream().anyMatch(x -> String.valueOf(x).startsWith("dynamodb:"));
                    boolean send = actions.stream().anyMatch(x -> String.valueOf(x).startsWith("sqs:Send"));
                    boolean secret = actions.stream().anyMatch(x -> String.valueOf(x).startsWith("secretsmanager:"));
                    boolean kms = actions.stream().anyMatch(x -> String.valueOf(x).startsWith("kms:"));
                    List<?> resources = statement.get("Resource") instanceof List<?> l ? l
                            : List.of(statement.get("Resource"));
                    for (Object r : resources) {
                        String arnOf = getAttTarget(r, "Arn");
                        Matcher index = map(r).get("Fn::Sub") instanceof String sub ? INDEX_ARN.matcher(sub) : null;
                        String ref = refTarget(r);
                        if (secret && ref != null && "AWS::SecretsManager::Secret".equals(typeOf(ref))) {
                            a.secrets().add(ref);
                            actions.forEach(x -> a.secretActions().add(String.valueOf(x)));
                        } else if (kms && arnOf != null && "AWS::KMS::Key".equals(typeOf(arnOf))) {
                            a.keys().add(arnOf);
                            actions.forEach(x -> a.keyActions().add(String.valueOf(x)));
                        } else if (secret || kms) {
                            problems.add(f.logicalId() + ": statement " + statement.get("Sid") + " names resource "
                                    + r + "; name a secret !Ref S or a key !GetAtt K.Arn of this template");
                        } else if (arnOf != null && tables.containsKey(arnOf) && dynamo) {
                            a.tables().add(arnOf);
                        } else if (arnOf != null && queues.containsKey(arnOf) && send) {
                            a.queues().add(arnOf);
                        } else if (index != null && index.matches() && tables.containsKey(index.group(1)) && dynamo) {
                            a.indexes().add(index.group(1) + "/" + index.group(2));
                        } else if (dynamo || send) {
                            problems.add(f.logicalId() + ": statement " + statement.get("Sid") + " names resource "
                                    + r + "; name a table !GetAtt T.Arn, an index !Sub \"${T.Arn}/index/NAME\", a"
                                    + " queue !GetAtt Q.Arn");
                        }
                    }
                }
                continue;
            }
            m.forEach((name, parameters) -> {
                String template = String.valueOf(name);
                Map<String, Object> p = map(parameters);
                if (template.startsWith("DynamoDB") && template.endsWith("Policy")) {
                    String table = refTarget(p.get("TableName"));
                    if (table != null && tables.containsKey(table)) {
                        a.tables().add(table);
                        tables.get(table).globalSecondaryIndexes().forEach(i -> a.indexes().add(table + "/"
                                + i.indexName()));
                    }
                } else if (template.equals("SQSSendMessagePolicy")) {
                    String queue = getAttTarget(p.get("QueueName"), "QueueName");
                    if (queue != null) a.queues().add(queue);
                }
            });
        }
        return a;
    }

    static void compare(String id, String kind, Set<String> declared, Set<String> granted, List<String> problems) {
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(granted);
        Set<String> extra = new TreeSet<>(granted);
        extra.removeAll(declared);
        missing.forEach(x -> problems.add(id + ": its environment names " + kind + " " + x + ", but no policy grants"
                + " it"));
        extra.forEach(x -> problems.add(id + ": is granted " + kind + " " + x + ", which its environment does not"
                + " name (least privilege: the code cannot use it; remove the grant)"));
    }

    static List<String> indexList(String list) {
        return Stream.of(list.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    // ------------------------------------------------------------------ what a function's code reaches

    /** The tables and queues a function's handler reaches through the Platform members it uses. */
    static Set<Need> needs(FunctionSpec f) {
        Set<Need> needs = EnumSet.noneOf(Need.class);
        Set<String> publishers = approvalPublishers();
        for (String member : members(f)) {
            Set<Need> reached = REACHES.get(member);
            String field = fieldOf(member);
            if (reached == null) reached = REACHES.get(field);
            if (reached == null) {
                throw new AssertionError(f.logicalId() + " uses platform." + member + ", which REACHES does not"
                        + " classify");
            }
            needs.addAll(reached);
            if (!member.contains(".") && publishers.contains(field)) needs.add(Need.APPROVAL_QUEUE);
        }
        // consuming a queue needs neither its URL nor send rights: the event source mapping polls it
        return needs;
    }

    /**
     * The Platform members the sources that handle the function's events use: each service their constructor names
     * (CDI constructor injection), traced through the module's producers ({@code ApiServices}, {@code WorkerServices}:
     * {@code Type name(Platform platform) { return platform.x; }}) to {@code platform.x}; {@code x.method} where the
     * source only calls that method on it and REACHES classifies it. The producers themselves are the composition,
     * not a use. A direct {@code platform.x} (as before constructor injection) still counts.
     */
    static Set<String> members(FunctionSpec f) {
        Set<String> members = new TreeSet<>();
        Map<String, String> produced = producers(f);
        for (String source : handlerSources(f)) {
            if (PRODUCES.matcher(source).find()) continue;
            Matcher m = PLATFORM_MEMBER.matcher(source);
            while (m.find()) {
                members.add(member(m.group(1), m.group(2)));
            }
            Matcher ctor = INJECTED_CONSTRUCTOR.matcher(source);
            if (!ctor.find()) continue;
            for (String parameter : ctor.group(1).split(",(?![^<]*>)")) {
                String[] typeAndName = parameter.trim().split("\\s+(?=\\w+$)");
                String member = typeAndName.length == 2 ? produced.get(typeAndName[0].trim()) : null;
                if (member != null) members.addAll(uses(source, typeAndName[1], member));
            }
        }
        return members;
    }

    static final Pattern PLATFORM_MEMBER = Pattern.compile("\\bplatform\\.(\\w+)(?:\\.(\\w+)\\s*\\()?");
    /** The composition classes import CDI's {@code @Produces} (JAX-RS resources have one of their own). */
    static final Pattern PRODUCES = Pattern.compile("import\\s+jakarta\\.enterprise\\.inject\\.Produces\\s*;");
    /** Comments and string literals, where a service's name may stand without being a use of it. */
    static final Pattern COMMENT_OR_STRING = Pattern.compile("//[^\\n]*|/\\*.*?\\*/|\"(?:[^\"\\\\\\n]|\\\\.)*\"",
            Pattern.DOTALL);
    static final Pattern INJECTED_CONSTRUCTOR = Pattern.compile("@Inject\\s+public\\s+\\w+\\s*\\(([^)]*)\\)");
    static final Pattern PRODUCER = Pattern.compile(
            "@Produces\\s+@Singleton\\s+([\\w<>.]+)\\s+\\w+\\(Platform platform\\)\\s*\\{\\s*return\\s+([^;]+);");

    /** {@code field.method} where REACHES classifies that call, else the field. */
    static String member(String field, String method) {
        return method != null && REACHES.containsKey(field + "." + method) ? field + "." + method : field;
    }

    /**
     * What a source does with the service it was handed as {@code name}: the {@code member.method} calls REACHES
     * classifies, or the whole member where it is used otherwise (passed on, or another method called).
     */
    static Set<String> uses(String code, String name, String member) {
        String source = COMMENT_OR_STRING.matcher(code).replaceAll(" ");
        Set<String> calls = new TreeSet<>();
        boolean whole = false;
        Matcher m = Pattern.compile("(?<![.\\w])" + Pattern.quote(name) + "\\b(?:\\.(\\w+)\\s*\\()?").matcher(source);
        while (m.find()) {
            String before = source.substring(Math.max(0, m.start() - 60), m.start());
            String after = source.substring(m.end());
            // the wiring itself: the constructor's parameter, the field's declaration and its assignment
            boolean wiring = m.group(1) == null && (before.endsWith("this.") || before.matches("(?s).*=\\s*$")
                    && after.startsWith(";") || before.matches("(?s).*[\\w>]\\s+$") && after.matches("(?s)^\\s*[;,)].*"));
            if (wiring) continue;
            if (m.group(1) != null && REACHES.containsKey(fieldOf(member) + "." + m.group(1))) {
                calls.add(fieldOf(member) + "." + m.group(1));
            } else {
                whole = true;
            }
        }
        if (whole || calls.isEmpty()) calls.add(member);
        return calls;
    }

    /** The module's producers: the type a constructor may name → the {@code platform.x} member it is drawn from. */
    static Map<String, String> producers(FunctionSpec f) {
        Map<String, String> produced = new LinkedHashMap<>();
        Optional<String> module = module(f);
        if (module.isEmpty()) return produced;
        for (Path p : javaFiles(ROOT.resolve("functions").resolve(module.get()).resolve("src/main/java"))) {
            Matcher m = PRODUCER.matcher(read(p));
            while (m.find()) {
                Matcher member = PLATFORM_MEMBER.matcher(m.group(2));
                if (member.find()) produced.put(m.group(1), member(member.group(1), member.group(2)));
            }
        }
        return produced;
    }

    /**
     * The @Named handler the function selects, or every main source of its module (HTTP functions, and functions
     * whose handler cannot be found, which {@link #everyFunctionRunsTheQuarkusHandlerOfAPackagedModule} reports).
     */
    static List<String> handlerSources(FunctionSpec f) {
        Optional<String> found = module(f);
        if (found.isEmpty()) return List.of();
        String module = found.get();
        if (f.environment().get(HANDLER_VARIABLE) instanceof String name && namedHandlers(module).containsKey(name)) {
            return List.of(read(Path.of(namedHandlers(module).get(name))));
        }
        return javaFiles(ROOT.resolve("functions").resolve(module).resolve("src/main/java")).stream()
                .map(TemplateConsistencyTest::read).toList();
    }

    /**
     * Platform members whose type can put approval messages on the queue: ApprovalService itself and every core
     * class wired to it (CaseService fans out at intake; the deadline checker when it decides overdue tasks).
     */
    static Set<String> approvalPublishers() {
        Set<String> publishers = new TreeSet<>();
        platformMembers().forEach((field, type) -> {
            if (type.equals("ApprovalService")) {
                publishers.add(field);
                return;
            }
            Path core = ROOT.resolve("functions/core/src/main/java");
            javaFiles(core).stream().filter(p -> p.getFileName().toString().equals(type + ".java")).findFirst()
                    .filter(p -> Pattern.compile("\\bApprovalService\\b").matcher(read(p)).find())
                    .ifPresent(p -> publishers.add(field));
        });
        return publishers;
    }

    /** Public final fields of Platform: name → simple type name. */
    static Map<String, String> platformMembers() {
        Map<String, String> members = new LinkedHashMap<>();
        for (Field field : Platform.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                members.put(field.getName(), field.getType().getSimpleName());
            }
        }
        return members;
    }

    static String why(FunctionSpec f, String variable) {
        if (variable.equals(AwsSettings.ENV_CASES_TABLE_INDEXES)) {
            return " (its code queries indexes of the cases table: " + needs(f).stream().filter(INDEX_OF::containsKey)
                    .map(INDEX_OF::get).toList() + ")";
        }
        Need need = needOf(variable).orElseThrow();
        List<String> through = reachers(f, need);
        return " (its code uses " + String.join(", ", through)
                + (need == Need.APPROVAL_QUEUE ? ", which can put approval messages on the queue)" : ")");
    }

    /** The {@code platform.x} members of the function's code that reach a table or queue. */
    static List<String> reachers(FunctionSpec f, Need need) {
        Set<String> publishers = approvalPublishers();
        return members(f).stream().filter(m -> REACHES.getOrDefault(m, REACHES.getOrDefault(fieldOf(m), Set.of()))
                        .contains(need) || need == Need.APPROVAL_QUEUE && !m.contains(".") && publishers.contains(m))
                .map(m -> "platform." + m).toList();
    }

    static String fieldOf(String member) {
        return member.contains(".") ? member.substring(0, member.indexOf('.')) : member;
    }

    static Optional<Need> needOf(String variable) {
        return VARIABLE_OF.entrySet().stream().filter(e -> e.getValue().equals(variable)).map(Map.Entry::getKey)
                .findFirst();
    }

    // ------------------------------------------------------------------ template helpers

    static Optional<String> module(FunctionSpec f) {
        if (f.codeUri() == null) return Optional.empty();
        Matcher m = CODE_URI.matcher(f.codeUri());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The Type of a resource of the template, or null. */
    static String typeOf(String logicalId) {
        ResourceSpec r = logicalId == null ? null : template.resources().get(logicalId);
        return r == null ? null : r.type();
    }

    static TableSpec table(String id) {
        TableSpec t = tables.get(id);
        if (t == null) fail("template has no AWS::DynamoDB::Table " + id + " (tables: " + tables.keySet() + ")");
        return t;
    }

    static int timeout(FunctionSpec f) {
        return intOf(f.properties().get("Timeout"), SAM_DEFAULT_TIMEOUT);
    }

    static int intOf(Object value, int fallback) {
        if (value == null) return fallback;
        return Integer.parseInt(String.valueOf(value).trim());
    }

    /** {@code !Ref X} → X, else null. */
    static String refTarget(Object value) {
        return value instanceof Map<?, ?> m && m.size() == 1 && m.get("Ref") instanceof String s ? s : null;
    }

    /** {@code !GetAtt X.attribute} → X, else null. */
    static String getAttTarget(Object value, String attribute) {
        if (value instanceof Map<?, ?> m && m.size() == 1 && m.get("Fn::GetAtt") instanceof List<?> parts
                && parts.size() == 2 && attribute.equals(parts.get(1))) {
            return String.valueOf(parts.get(0));
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /**
     * A bucket policy may allow the objects of its own bucket ({@code !Sub "${B.Arn}/*"} where {@code Bucket: !Ref B}),
     * and only to one named service principal restricted by {@code AWS:SourceArn} (the web distribution); any other
     * wildcard, or everyone as principal, is a problem.
     */
    static void bucketPolicy(ResourceSpec r, List<String> problems) {
        Object bucket = map(r.properties().get("Bucket")).get("Ref");
        Object st = map(r.properties().get("PolicyDocument")).get("Statement");
        for (Object o : st instanceof List<?> l ? l : List.of(st)) {
            Map<String, Object> statement = map(o);
            if ("Deny".equals(statement.get("Effect"))) continue;
            Object resource = statement.get("Resource");
            boolean ownObjects = resource instanceof Map<?, ?> m && m.size() == 1
                    && ("${" + bucket + ".Arn}/*").equals(m.get("Fn::Sub"));
            Map<String, Object> condition = map(map(statement.get("Condition")).get("StringEquals"));
            boolean scoped = map(statement.get("Principal")).get("Service") instanceof String
                    && condition.containsKey("AWS:SourceArn") && !wildcard(condition.get("AWS:SourceArn"));
            if (wildcard(resource) && !(ownObjects && scoped)) {
                problems.add(r.logicalId() + ": statement " + statement.get("Sid") + " allows "
                        + statement.get("Action") + " on " + resource + " beyond its own bucket's objects for one"
                        + " source");
            }
            if (wildcard(statement.get("Principal")) || statement.get("Principal") == null) {
                problems.add(r.logicalId() + ": statement " + statement.get("Sid") + " allows every principal");
            }
        }
    }

    /** Every {@code Statement} under {@code node}: an Allow of {@code Resource: "*"} is a problem. */
    static void findStatements(Object node, String where, List<String> problems) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("Statement".equals(k)) {
                    List<?> statements = v instanceof List<?> l ? l : List.of(v);
                    for (Object s : statements) {
                        Map<String, Object> st = map(s);
                        Object resource = st.get("Resource");
                        if (wildcard(resource) && !"Deny".equals(st.get("Effect"))) {
                            problems.add(where + ": statement " + (st.get("Sid") != null ? st.get("Sid") + " " : "")
                                    + "allows " + st.get("Action") + " on a wildcard resource " + resource);
                        }
                    }
                }
                findStatements(v, where, problems);
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> findStatements(v, where, problems));
        }
    }

    /** A resource (string, !Sub, !Join, list) with a {@code *} anywhere in it. */
    static boolean wildcard(Object resource) {
        if (resource instanceof String s) return s.contains("*");
        if (resource instanceof Map<?, ?> m) return m.values().stream().anyMatch(TemplateConsistencyTest::wildcard);
        if (resource instanceof List<?> l) return l.stream().anyMatch(TemplateConsistencyTest::wildcard);
        return false;
    }

    static String ids(Collection<FunctionSpec> fs) {
        return fs.stream().map(FunctionSpec::logicalId).collect(Collectors.joining(", "));
    }

    static void assertNoProblems(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            fail("template.yaml is inconsistent with the code (" + what + "):\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    // ------------------------------------------------------------------ source helpers

    private static final Pattern NAMED_HANDLER = Pattern.compile(
            "@(?:jakarta\\.inject\\.)?Named\\(\\s*(?:value\\s*=\\s*)?\"([^\"]+)\"\\s*\\)\\s*"
                    + "(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*(?:public\\s+|final\\s+)*class\\s+\\w+([^{]*)\\{");

    /**
     * {@code @Named} handler name → source file, for every class in the module's main sources annotated
     * {@code @jakarta.inject.Named("...")} that implements {@code com.amazonaws...RequestHandler}.
     */
    static Map<String, String> namedHandlers(String module) {
        Map<String, String> handlers = new TreeMap<>();
        for (Path file : javaFiles(ROOT.resolve("functions").resolve(module).resolve("src/main/java"))) {
            String text = read(file);
            boolean namedIsJakarta = text.contains("import jakarta.inject.Named;")
                    || text.contains("@jakarta.inject.Named");
            boolean handlerIsLambda = text.contains("import com.amazonaws.services.lambda.runtime.RequestHandler;")
                    || text.contains("com.amazonaws.services.lambda.runtime.RequestHandler<");
            if (!namedIsJakarta || !handlerIsLambda) continue;
            Matcher m = NAMED_HANDLER.matcher(text);
            while (m.find()) {
                if (Pattern.compile("\\bimplements\\b[^{]*\\bRequestHandler\\s*<").matcher(m.group(2)).find()) {
                    String previous = handlers.put(m.group(1), file.toString());
                    if (previous != null) {
                        fail("functions/" + module + ": two handlers named \"" + m.group(1) + "\": " + previous
                                + " and " + file);
                    }
                }
            }
        }
        return handlers;
    }

    static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path source(String module, Class<?> type) {
        return ROOT.resolve("functions").resolve(module).resolve("src/main/java")
                .resolve(type.getName().replace('.', '/') + ".java");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
