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

    /** Read by every function: AwsSettings refuses to start without them. */
    static final Set<String> REQUIRED = Set.of(AwsSettings.ENV_CASES_TABLE, AwsSettings.ENV_REFERENCE_TABLE,
            AwsSettings.ENV_IDEMPOTENCY_TABLE, AwsSettings.ENV_CALLERS_TABLE);
    /** Never set by the template: endpoints of the local emulators, the local SMS log, and AWS_REGION (Lambda's). */
    static final Set<String> LOCAL_ONLY = Set.of(AwsSettings.ENV_DYNAMODB_ENDPOINT, AwsSettings.ENV_SQS_ENDPOINT,
            AwsSettings.ENV_NOTIFICATION_LOG, AwsSettings.ENV_REGION, Platform.CLOCK_START, Platform.CLOCK_ANCHOR,
            Platform.CLOCK_FILE, AwsSettings.ENV_EVALUATION_LOG);

    /** What a part of {@link Platform} may touch. */
    enum Need { CASES, REFERENCE, IDEMPOTENCY, CALLERS, APPROVAL_QUEUE, NOTIFICATION_QUEUE, EVALUATION_QUEUE }

    /** The variable naming each table or queue a {@link Need} stands for. */
    static final Map<Need, String> VARIABLE_OF = Map.of(
            Need.CASES, AwsSettings.ENV_CASES_TABLE,
            Need.REFERENCE, AwsSettings.ENV_REFERENCE_TABLE,
            Need.IDEMPOTENCY, AwsSettings.ENV_IDEMPOTENCY_TABLE,
            Need.CALLERS, AwsSettings.ENV_CALLERS_TABLE,
            Need.APPROVAL_QUEUE, AwsSettings.ENV_APPROVAL_QUEUE_URL,
            Need.NOTIFICATION_QUEUE, AwsSettings.ENV_NOTIFICATION_QUEUE_URL,
            Need.EVALUATION_QUEUE, AwsSettings.ENV_EVALUATION_QUEUE_URL);

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
        REACHES.put("dynamoDb", EnumSet.of(Need.CASES, Need.REFERENCE, Need.IDEMPOTENCY, Need.CALLERS));
        REACHES.put("cases", EnumSet.of(Need.CASES, Need.IDEMPOTENCY));
        REACHES.put("reference", EnumSet.of(Need.REFERENCE));
        REACHES.put("callers", EnumSet.of(Need.CALLERS));
        REACHES.put("deadlines", EnumSet.of(Need.REFERENCE));
        REACHES.put("caseService", EnumSet.of(Need.CASES, Need.REFERENCE, Need.IDEMPOTENCY));
        REACHES.put("catalogService", EnumSet.of(Need.REFERENCE));
        REACHES.put("calendarService", EnumSet.of(Need.REFERENCE));
        REACHES.put("authenticator", EnumSet.of(Need.CALLERS));
        REACHES.put("approvalService", EnumSet.of(Need.CASES, Need.REFERENCE));
        // the relay's resend reads the undispatched-task index of the cases table only
        REACHES.put("approvalService.redispatch", EnumSet.of(Need.CASES, Need.APPROVAL_QUEUE));
        REACHES.put("deadlineChecker", EnumSet.of(Need.CASES, Need.REFERENCE));
        REACHES.put("statsService", EnumSet.of(Need.CASES, Need.REFERENCE));
        REACHES.put("servicePoints", EnumSet.of(Need.REFERENCE));
        REACHES.put("servicePointService", EnumSet.of(Need.REFERENCE));
        REACHES.put("callerService", EnumSet.of(Need.CALLERS, Need.REFERENCE));
        REACHES.put("ledgerService", EnumSet.of(Need.CASES, Need.REFERENCE));
        REACHES.put("accessLog", EnumSet.of(Need.CASES));
        REACHES.put("notificationRelay", EnumSet.of(Need.CASES, Need.NOTIFICATION_QUEUE));
        // 好差评: ratings, rectifications and batches live in the cases table; accepting a batch enqueues its chunks;
        // ingesting a chunk and forwarding ratings touch the cases table only
        REACHES.put("evaluations", EnumSet.of(Need.CASES, Need.IDEMPOTENCY));
        REACHES.put("evaluationService", EnumSet.of(Need.CASES, Need.IDEMPOTENCY, Need.REFERENCE,
                Need.EVALUATION_QUEUE));
        REACHES.put("evaluationService.ingest", EnumSet.of(Need.CASES));
        REACHES.put("evaluationForwarder", EnumSet.of(Need.CASES));
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
        Set<String> classified = new TreeSet<>(REQUIRED);
        classified.addAll(LOCAL_ONLY);
        classified.add(AwsSettings.ENV_APPROVAL_QUEUE_URL);
        classified.add(AwsSettings.ENV_NOTIFICATION_QUEUE_URL);
        classified.add(AwsSettings.ENV_EVALUATION_QUEUE_URL);
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
            Set<String> needed = new TreeSet<>(REQUIRED);
            for (Need n : needs(f)) {
                if (n == Need.APPROVAL_QUEUE || n == Need.NOTIFICATION_QUEUE || n == Need.EVALUATION_QUEUE) {
                    needed.add(VARIABLE_OF.get(n));
                }
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
            findStatements(r.definition(), r.logicalId(), problems);
        }
        // SAM policy templates are scoped by their parameters, provided those name something
        for (FunctionSpec f : functions) {
            for (Object policy : f.policies()) {
                if (policy instanceof Map<?, ?> m && m.size() == 1 && !m.containsKey("Statement")) {
                    Object name = m.keySet().iterator().next();
                    Object parameters = m.values().iterator().next();
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

    @Test
    void eachFunctionIsGrantedTheTablesAndQueuesItsCodeReaches() {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> namedButNotGranted = new TreeMap<>();
        for (FunctionSpec f : functions) {
            String id = f.logicalId();
            Map<String, String> grantedTables = grantedTables(f);
            Set<String> sendableQueues = grantedQueues(f);
            Set<Need> needs = needs(f);
            f.environment().forEach((variable, value) -> {
                String target = refTarget(value);
                if (target == null) return;
                Optional<Need> need = needOf(variable);
                boolean reached = need.map(needs::contains).orElse(true);
                if (variable.endsWith("_TABLE") && !grantedTables.containsKey(target)) {
                    if (reached) {
                        problems.add(id + ": no DynamoDB*Policy with TableName !Ref " + target + " (" + variable
                                + "), but its code reaches the table through "
                                + need.map(n -> String.join(", ", reachers(f, n))).orElse("an unknown variable"));
                    } else {
                        namedButNotGranted.computeIfAbsent(id, k -> new TreeSet<>()).add(target);
                    }
                }
                if (variable.endsWith("_QUEUE_URL") && reached && !sendableQueues.contains(target)) {
                    problems.add(id + ": no SQSSendMessagePolicy with QueueName !GetAtt " + target + ".QueueName ("
                            + variable + "), but its code sends to it through "
                            + need.map(n -> String.join(", ", reachers(f, n))).orElse("an unknown variable"));
                }
            });
        }
        // Every function names all four tables (AwsSettings requires them), but a worker that never authenticates or
        // takes idempotency keys is rightly not granted the callers or idempotency table: reported, not failed.
        if (!namedButNotGranted.isEmpty()) {
            System.out.println("[TemplateConsistencyTest] tables named in the environment but not granted (the code"
                    + " of the function does not reach them): " + namedButNotGranted);
        }
        assertNoProblems("grants", problems);
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
        // a function fed by the queue the others publish approval messages on consumes them
        f.events().values().stream().map(TemplateConsistencyTest::map).filter(e -> "SQS".equals(e.get("Type")))
                .map(e -> getAttTarget(map(e.get("Properties")).get("Queue"), "Arn"))
                .filter(q -> q != null && q.equals(approvalQueueId())).findAny()
                .ifPresent(q -> needs.add(Need.APPROVAL_QUEUE));
        return needs;
    }

    /** {@code platform.x} and {@code platform.x.method} used in the sources that handle the function's events. */
    static Set<String> members(FunctionSpec f) {
        Set<String> members = new TreeSet<>();
        Matcher m = Pattern.compile("\\bplatform\\.(\\w+)(?:\\.(\\w+)\\s*\\()?").matcher(handlerSources(f));
        while (m.find()) {
            String field = m.group(1);
            String method = m.group(2);
            members.add(method != null && REACHES.containsKey(field + "." + method) ? field + "." + method : field);
        }
        return members;
    }

    /**
     * The @Named handler the function selects, or every main source of its module (HTTP functions, and functions
     * whose handler cannot be found, which {@link #everyFunctionRunsTheQuarkusHandlerOfAPackagedModule} reports).
     */
    static String handlerSources(FunctionSpec f) {
        Optional<String> found = module(f);
        if (found.isEmpty()) return "";
        String module = found.get();
        if (f.environment().get(HANDLER_VARIABLE) instanceof String name && namedHandlers(module).containsKey(name)) {
            return read(Path.of(namedHandlers(module).get(name)));
        }
        return javaFiles(ROOT.resolve("functions").resolve(module).resolve("src/main/java")).stream()
                .map(TemplateConsistencyTest::read).collect(Collectors.joining("\n"));
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

    /** The queue APPROVAL_QUEUE_URL names in the template (the same for every function that sets it). */
    static String approvalQueueId() {
        return functions.stream().map(f -> refTarget(f.environment().get(AwsSettings.ENV_APPROVAL_QUEUE_URL)))
                .filter(q -> q != null).findFirst().orElse(null);
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

    /** Table logical id → policy name, for every DynamoDB*Policy with {@code TableName: !Ref <table>}. */
    static Map<String, String> grantedTables(FunctionSpec f) {
        Map<String, String> granted = new LinkedHashMap<>();
        for (Object policy : f.policies()) {
            if (!(policy instanceof Map<?, ?> m)) continue;
            m.forEach((name, parameters) -> {
                if (String.valueOf(name).startsWith("DynamoDB") && String.valueOf(name).endsWith("Policy")
                        && parameters instanceof Map<?, ?> p) {
                    String table = refTarget(p.get("TableName"));
                    if (table != null) granted.put(table, String.valueOf(name));
                }
            });
        }
        return granted;
    }

    /** Queue logical ids of every {@code SQSSendMessagePolicy: {QueueName: !GetAtt <queue>.QueueName}}. */
    static Set<String> grantedQueues(FunctionSpec f) {
        Set<String> granted = new TreeSet<>();
        for (Object policy : f.policies()) {
            if (policy instanceof Map<?, ?> m && m.get("SQSSendMessagePolicy") instanceof Map<?, ?> p) {
                String queue = getAttTarget(p.get("QueueName"), "QueueName");
                if (queue != null) granted.add(queue);
            }
        }
        return granted;
    }

    static String why(FunctionSpec f, String variable) {
        if (REQUIRED.contains(variable)) return " (AwsSettings requires it: the function cannot start)";
        Need need = needOf(variable).orElseThrow();
        List<String> through = reachers(f, need);
        if (through.isEmpty()) return " (it consumes the approval queue)";
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

    /** Every {@code Statement} under {@code node}: an Allow of {@code Resource: "*"} is a problem. */
    static void findStatements(Object node, String where, List<String> problems) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("Statement".equals(k)) {
                    List<?> statements = v instanceof List<?> l ? l : List.of(v);
                    for (Object s : statements) {
                        Map<String, Object> st = map(s);
                        Object resource = st.get("Resource");
                        boolean all = "*".equals(resource) || resource instanceof List<?> rl && rl.contains("*");
                        if (all && !"Deny".equals(st.get("Effect"))) {
                            problems.add(where + ": statement " + (st.get("Sid") != null ? st.get("Sid") + " " : "")
                                    + "allows " + st.get("Action") + " on Resource \"*\"");
                        }
                    }
                }
                findStatements(v, where, problems);
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> findStatements(v, where, problems));
        }
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
