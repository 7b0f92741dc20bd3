package cn.onewindow.sdk.drift;

import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.OneWindowException;
import cn.onewindow.sdk.RetryPolicy;
import cn.onewindow.sdk.http.HttpRequest;
import cn.onewindow.sdk.http.HttpResponse;
import cn.onewindow.sdk.internal.ModelCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The SDK drift guard: the Java SDK (sdk/) against the API's OpenAPI document as the function serves it
 * (functions/intake-api/src/main/resources/META-INF/openapi/openapi.json, which intake-api's OpenApiDocumentTest
 * holds to the document its code generates). No server runs here.
 * <ul>
 *   <li>every SDK call (method + path), found by calling every public method of the SDK's API classes through a
 *       recording transport, exists in the document; the JSON body it sends has only properties of the
 *       operation's request schema, of the documented types and enum values, and every required one;</li>
 *   <li>every SDK model the SDK reads is compared with the schema of the same resource: the properties it reads
 *       (recorded from ModelCodec's readers), their types and enum values;</li>
 *   <li>every class in cn.onewindow.sdk.model is checked here or listed below with the reason it is not;</li>
 *   <li>every error status the document declares reaches the caller as a typed SDK exception.</li>
 * </ul>
 * A difference fails with the whole list. An intentional difference gets an entry in {@link #ALLOWED} with why.
 */
class SdkDriftTest {

    /** SDK model read from the API → the OpenAPI schema of that resource. */
    static final Map<Class<?>, String> READ_MODELS = new LinkedHashMap<>();

    static {
        READ_MODELS.put(cn.onewindow.sdk.model.ServiceCase.class, "CaseView");
        READ_MODELS.put(cn.onewindow.sdk.model.Applicant.class, "ApplicantView");
        READ_MODELS.put(cn.onewindow.sdk.model.Consent.class, "ConsentView");
        READ_MODELS.put(cn.onewindow.sdk.model.Material.class, "MaterialView");
        READ_MODELS.put(cn.onewindow.sdk.model.Notice.class, "NoticeView");
        READ_MODELS.put(cn.onewindow.sdk.model.Suspension.class, "SuspensionView");
        READ_MODELS.put(cn.onewindow.sdk.model.Decision.class, "DecisionView");
        READ_MODELS.put(cn.onewindow.sdk.model.HistoryEntry.class, "HistoryView");
        READ_MODELS.put(cn.onewindow.sdk.model.Task.class, "TaskView");
        READ_MODELS.put(cn.onewindow.sdk.model.TaskDetail.class, "TaskDetailView");
        READ_MODELS.put(cn.onewindow.sdk.model.Item.class, "ItemDto");
        READ_MODELS.put(cn.onewindow.sdk.model.MaterialRequirement.class, "MaterialDto1");
        READ_MODELS.put(cn.onewindow.sdk.model.AcceptanceCondition.class, "ConditionDto");
        READ_MODELS.put(cn.onewindow.sdk.model.Department.class, "DepartmentDto");
        READ_MODELS.put(cn.onewindow.sdk.model.CalendarYear.class, "CalendarDto");
        READ_MODELS.put(cn.onewindow.sdk.model.StatsReport.class, "Report");
        READ_MODELS.put(cn.onewindow.sdk.model.Figures.class, "Figures");
        READ_MODELS.put(cn.onewindow.sdk.model.QueueFigures.class, "QueueSummary");
        READ_MODELS.put(cn.onewindow.sdk.model.Evaluation.class, "Evaluation");
        READ_MODELS.put(cn.onewindow.sdk.model.EvaluationBatchStatus.class, "Status1");
        READ_MODELS.put(cn.onewindow.sdk.model.BatchRecordError.class, "RecordError");
        READ_MODELS.put(cn.onewindow.sdk.model.PadRequests.class, "PadView");
        READ_MODELS.put(cn.onewindow.sdk.model.PadRequest.class, "PadRequest");
    }

    /**
     * Model classes not compared with a schema, each with the reason. Sent models are compared through the bodies
     * the SDK sends (see the call check), not here.
     */
    static final Map<String, String> NOT_COMPARED = Map.ofEntries(
            Map.entry("NewCase", "sent: compared as the body of POST /v1/cases"),
            Map.entry("Rating", "sent: compared as the body of POST /v1/evaluations and /v1/evaluation-batches"),
            Map.entry("TaskDecision", "sent: compared as the body of POST /v1/tasks/{taskId}/decision"),
            Map.entry("TaskDecisionResult", "the API documents no response schema for POST …/decision"
                    + " (a JAX-RS Response); its parts (Task, CaseView) are compared"),
            Map.entry("Ledger", "the API documents no schema for GET …/ledger (JSON or CSV by Accept)"),
            Map.entry("LedgerEntry", "the API documents no schema for GET …/ledger (JSON or CSV by Accept)"),
            Map.entry("Problem", "problem+json is produced by exception mappers, not in the document"),
            Map.entry("FieldError", "part of problem+json, not in the document"),
            Map.entry("Lists", "helper, not a model"),
            Map.entry("OpenEnums", "helper, not a model"),
            Map.entry("QueueBoard", "the API documents no schema for GET …/queue (a JAX-RS Response with an ETag)"),
            Map.entry("TicketTaken", "the API documents no schema for POST …/tickets (a JAX-RS Response, 201)"),
            // added with the queue and supervision routes this release; their schemas (TicketView, Progress,
            // Accountability) are to be compared field by field next: listed here so the gap stays visible
            Map.entry("Ticket", "not yet compared with TicketView (new this release)"),
            Map.entry("Progress", "not yet compared with Progress (new this release)"),
            Map.entry("AccountabilityRecord", "not yet compared with Accountability (new this release)"),
            // appointments (预约), new this release: read by AppointmentsApi straight from the JSON (like Ticket)
            Map.entry("Appointment", "not yet compared with AppointmentView (new this release)"),
            Map.entry("AppointmentSlot", "not yet compared with SlotView (new this release)"),
            Map.entry("AppointmentCheckIn", "not yet compared with CheckedIn (new this release)"));

    /**
     * Differences that are intentional, each with the reason. Keys are the lines the test prints. Keep this short:
     * fix the SDK (or the API's annotations) instead of adding to it.
     */
    static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("Notice ~ NoticeView.queryPassword: the API sends it, the SDK ignores it",
                    "the SDK hands the query password out once as ServiceCase.queryPassword(); the notice's copy is"
                            + " for the printed notice"),
            // the API's views carry these domain enums as plain strings (name()); the SDK offers the enum, open
            // for values it does not know (UNKNOWN). Better: type the view fields as enums in intake-api.
            Map.entry("Consent ~ ConsentView.method: SDK type enum, API type string", "view field is a String"),
            Map.entry("Decision ~ DecisionView.outcome: SDK type enum, API type string", "view field is a String"),
            Map.entry("Suspension ~ SuspensionView.kind: SDK type enum, API type string", "view field is a String"),
            Map.entry("Task ~ TaskView.outcome: SDK type enum, API type string", "view field is a String"),
            Map.entry("CalendarYear ~ CalendarDto.recomputedCases: the API sends it, the SDK ignores it",
                    "only in the answer to an administrator's PUT /v1/calendars/{region}/{year}, which the SDK"
                            + " does not call"),
            Map.entry("EvaluationBatchStatus ~ Status1.nextCursor: the API sends it, the SDK ignores it",
                    "EvaluationsApi.batch reads it itself and follows it: the status it returns holds every"
                            + " page's errors"),
            Map.entry("Evaluation ~ Evaluation.applicantKey: the API sends it, the SDK ignores it",
                    "a pseudonymous key (HMAC) for joins in supervisors' exports; no SDK caller (terminal,"
                            + " department) uses it, and not handing it on keeps it out of device logs"),
            Map.entry("CasesApi.reissuePickupCode body: the API documents no request schema",
                    "the SDK sends {} so every write has a JSON body; the resource takes none and ignores it"),
            // the problem's code still reaches the caller (OneWindowException.code()); neither is worth a type
            Map.entry("413: reaches the caller as the untyped OneWindowException",
                    "BODY_TOO_LARGE: code() says so; a caller cannot fix an over-1 MB body field by field, so no own"
                            + " type"),
            Map.entry("415: reaches the caller as the untyped OneWindowException",
                    "UNSUPPORTED_MEDIA_TYPE: the SDK always sends application/json"));

    static JsonNode doc;
    static JsonNode schemas;

    @BeforeAll
    static void loadDocument() throws Exception {
        Path root = Path.of(System.getProperty("onewindow.root", ".."));
        Path file = root.resolve("functions/intake-api/src/main/resources/META-INF/openapi/openapi.json");
        assertTrue(Files.exists(file), file + " is missing");
        doc = new ObjectMapper().readTree(file.toFile());
        schemas = doc.path("components").path("schemas");
    }

    // ---------------------------------------------------------------- calls

    record Call(String sdkMethod, String method, String path, String body) {
    }

    @Test
    void everySdkCallExistsInTheDocumentAndSendsItsSchema() throws Exception {
        List<Call> calls = new ArrayList<>();
        Set<String> silent = new TreeSet<>();
        for (Object api : apis(recorder(calls, 404))) {
            for (Method m : api.getClass().getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) continue;
                if (m.getName().equals("awaitStatus")) continue; // polls get(): covered by GET /v1/cases/{id}
                int before = calls.size();
                try {
                    Object r = m.invoke(api, args(m));
                    if (r instanceof Iterable<?> it) it.iterator().hasNext();
                } catch (Throwable expected) {
                    // every call is answered 404; what was sent is recorded
                }
                for (int i = before; i < calls.size(); i++) {
                    Call c = calls.get(i);
                    calls.set(i, new Call(api.getClass().getSimpleName() + "." + m.getName(), c.method(), c.path(),
                            c.body()));
                }
                if (calls.size() == before) silent.add(api.getClass().getSimpleName() + "." + m.getName());
            }
        }
        List<String> problems = new ArrayList<>();
        silent.forEach(s -> problems.add(s + ": sent nothing with generated arguments (cannot be checked)"));
        Set<String> seen = new HashSet<>();
        for (Call c : calls) {
            String key = c.method() + " " + c.path() + (c.body() == null ? "" : " " + c.body());
            if (!seen.add(key)) continue;
            String template = template(c.method(), c.path());
            JsonNode op = template == null ? null : doc.path("paths").path(template).path(c.method().toLowerCase());
            if (op == null) {
                problems.add(c.sdkMethod() + ": " + c.method() + " " + c.path() + " is not in the API's paths");
                continue;
            }
            if (c.body() != null) {
                JsonNode schema = resolve(op.path("requestBody").path("content").path("application/json")
                        .path("schema"));
                compareSent(c.sdkMethod() + " body", c.method() + " " + template + " body",
                        new ObjectMapper().readTree(c.body()), schema, problems);
            }
        }
        // an optional property counts as sendable when any SDK call to the operation sends it
        notSent.forEach((where, names) -> names.forEach(n ->
                problems.add(where + "." + n + ": optional in the API, no SDK call sends it")));
        report(problems);
    }

    /** Per operation body (and nested object): the optional properties no call sent so far. */
    private final Map<String, Set<String>> notSent = new java.util.TreeMap<>();

    private void compareSent(String where, String op, JsonNode sent, JsonNode schema, List<String> problems) {
        if (schema == null || schema.isMissingNode()) {
            problems.add(where + ": the API documents no request schema");
            return;
        }
        if (sent.isArray()) {
            if (!"array".equals(type(schema))) problems.add(where + ": SDK sends an array, API expects " + type(schema));
            else if (sent.size() > 0) {
                compareSent(where + "[]", op + "[]", sent.get(0), resolve(schema.path("items")), problems);
            }
            return;
        }
        JsonNode props = schema.path("properties");
        for (Iterator<String> it = sent.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            JsonNode p = props.get(name);
            if (p == null) {
                problems.add(where + "." + name + ": SDK sends it, the API schema has no such property");
                continue;
            }
            JsonNode v = sent.get(name);
            String expected = type(p);
            String actual = v.isTextual() ? "string" : v.isNumber() ? "number" : v.isBoolean() ? "boolean"
                    : v.isArray() ? "array" : "object";
            if (!expected.equals(actual) && !(expected.equals("enum") && actual.equals("string"))) {
                problems.add(where + "." + name + ": SDK sends " + actual + ", API expects " + expected);
            }
            if (v.isObject() || v.isArray() && v.size() > 0 && v.get(0).isObject()) {
                compareSent(where + "." + name, op + "." + name, v.isArray() ? v.get(0) : v,
                        resolve(v.isArray() ? p.path("items") : p), problems);
            }
        }
        for (JsonNode r : schema.path("required")) {
            if (!sent.has(r.asText())) {
                problems.add(where + "." + r.asText() + ": required by the API, the SDK cannot send it");
            }
        }
        Set<String> missing = new TreeSet<>();
        for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!sent.has(name) && !contains(schema.path("required"), name)) missing.add(name);
        }
        notSent.merge(op, missing, (a, b) -> {
            a.retainAll(b);
            return a;
        });
    }

    // ---------------------------------------------------------------- read models

    @Test
    void everySdkModelMatchesItsSchema() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Class<?>, String> e : READ_MODELS.entrySet()) {
            Class<?> model = e.getKey();
            JsonNode schema = schemas.get(e.getValue());
            String where = model.getSimpleName() + " ~ " + e.getValue();
            if (schema == null) {
                problems.add(where + ": no such schema in the document");
                continue;
            }
            Set<String> read = readKeys(model);
            JsonNode props = schema.path("properties");
            for (String k : read) {
                JsonNode p = props.get(k);
                if (p == null) {
                    problems.add(where + "." + k + ": the SDK reads it, the API schema has no such property");
                    continue;
                }
                String expected = type(p);
                String actual = sdkType(model, k);
                if (actual != null && !actual.equals(expected)) {
                    problems.add(where + "." + k + ": SDK type " + actual + ", API type " + expected);
                }
                if ("enum".equals(expected)) {
                    Set<String> api = enumValues(p);
                    Set<String> sdk = sdkEnumValues(model, k);
                    if (sdk != null && !sdk.equals(api)) {
                        problems.add(where + "." + k + ": enum values differ, SDK " + sdk + " API " + api);
                    }
                }
            }
            for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!read.contains(name)) problems.add(where + "." + name + ": the API sends it, the SDK ignores it");
            }
        }
        report(problems);
    }

    @Test
    void everyModelClassIsComparedOrListedWithAReason() throws Exception {
        Path dir = Path.of(System.getProperty("onewindow.root", "..")).resolve("sdk/src/main/java/cn/onewindow/sdk/model");
        Set<String> compared = READ_MODELS.keySet().stream().map(Class::getSimpleName).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString().replace(".java", "");
                if (name.equals("package-info")) continue;
                Class<?> c = Class.forName("cn.onewindow.sdk.model." + name);
                if (c.isEnum()) {
                    if (!compared.contains(name) && !NOT_COMPARED.containsKey(name) && !enumIsChecked(c)) {
                        problems.add(name + ": an enum no read model or sent body uses (compare it or list it)");
                    }
                } else if (!compared.contains(name) && !NOT_COMPARED.containsKey(name)) {
                    problems.add(name + ": not compared with any schema (add it to READ_MODELS or NOT_COMPARED)");
                }
            }
        }
        report(problems);
    }

    // ---------------------------------------------------------------- errors

    @Test
    void everyDocumentedErrorStatusIsATypedSdkException() throws Exception {
        Set<Integer> statuses = new TreeSet<>();
        for (JsonNode ops : doc.path("paths")) {
            for (JsonNode op : ops) {
                for (Iterator<String> it = op.path("responses").fieldNames(); it.hasNext(); ) {
                    String code = it.next();
                    if (code.matches("[45]\\d\\d")) statuses.add(Integer.parseInt(code));
                }
            }
        }
        // what every route answers without declaring it (problem+json from the mappers and the caller filter)
        statuses.addAll(List.of(400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503));
        List<String> problems = new ArrayList<>();
        for (int s : statuses) {
            List<Call> calls = new ArrayList<>();
            OneWindowClient client = client(recorder(calls, s));
            try {
                client.catalog().item("330100-XK-0101");
                problems.add(s + ": no exception");
            } catch (OneWindowException e) {
                if (e.getClass() == OneWindowException.class) {
                    problems.add(s + ": reaches the caller as the untyped OneWindowException");
                }
                if (!("CODE_" + s).equals(e.code())) {
                    problems.add(s + ": the problem's code is not passed on (" + e.code() + ")");
                }
            }
        }
        report(problems);
    }

    // ---------------------------------------------------------------- helpers

    private static void report(List<String> problems) {
        List<String> left = problems.stream().filter(p -> !ALLOWED.containsKey(p)).distinct().sorted().toList();
        if (!left.isEmpty()) {
            fail("The SDK and the API's OpenAPI document differ (" + left.size() + "):\n  "
                    + String.join("\n  ", left)
                    + "\nFix the SDK (or the API's OpenAPI annotations); an intentional difference goes into"
                    + " SdkDriftTest.ALLOWED with the reason.");
        }
    }

    private static boolean enumIsChecked(Class<?> e) {
        for (Class<?> m : READ_MODELS.keySet()) {
            for (Method bm : builderMethods(m)) if (bm.getParameterTypes()[0] == e) return true;
        }
        for (String sent : List.of("NewCase", "Rating", "TaskDecision")) {
            try {
                for (Method bm : builderMethods(Class.forName("cn.onewindow.sdk.model." + sent))) {
                    if (bm.getParameterTypes()[0] == e) return true;
                }
            } catch (ClassNotFoundException ex) {
                throw new IllegalStateException(ex);
            }
        }
        // enums the API methods take as arguments (DecisionOutcome, SuspensionKind, TaskStatus, GroupBy …)
        for (Class<?> api : List.of(cn.onewindow.sdk.CasesApi.class, cn.onewindow.sdk.TasksApi.class,
                cn.onewindow.sdk.StatsQuery.Builder.class, cn.onewindow.sdk.CaseQuery.Builder.class,
                cn.onewindow.sdk.StatsQuery.class)) {
            for (Method m : api.getMethods()) if (Arrays.asList(m.getParameterTypes()).contains(e)) return true;
        }
        return false;
    }

    /** The keys ModelCodec's reader of this model asks for, recorded from an empty object. */
    static Set<String> readKeys(Class<?> model) throws Exception {
        Set<String> keys = new LinkedHashSet<>();
        Map<String, Object> recording = new AbstractMap<>() {
            @Override
            public Object get(Object key) {
                keys.add((String) key);
                return null;
            }

            @Override
            public boolean containsKey(Object key) {
                keys.add((String) key);
                return false;
            }

            @Override
            public Set<Entry<String, Object>> entrySet() {
                return Set.of();
            }
        };
        Method wrap = cn.onewindow.sdk.internal.JsonObject.class.getDeclaredMethod("wrap", Object.class);
        wrap.setAccessible(true);
        Object o = wrap.invoke(null, recording);
        String reader = Character.toLowerCase(model.getSimpleName().charAt(0)) + model.getSimpleName().substring(1);
        Method read = ModelCodec.class.getMethod(reader, cn.onewindow.sdk.internal.JsonObject.class);
        try {
            read.invoke(null, o);
        } catch (java.lang.reflect.InvocationTargetException ignored) {
            // a reader may refuse an empty object after asking for its keys
        }
        return keys;
    }

    static List<Method> builderMethods(Class<?> model) {
        try {
            Class<?> b = model.getMethod("builder").getReturnType();
            List<Method> out = new ArrayList<>();
            for (Method m : b.getMethods()) {
                if (m.getDeclaringClass() == b && m.getParameterCount() == 1) out.add(m);
            }
            return out;
        } catch (NoSuchMethodException e) {
            return List.of();
        }
    }

    /** The type the SDK gives a property: its builder's setter of that name. */
    static String sdkType(Class<?> model, String key) {
        for (Method m : builderMethods(model)) {
            if (!m.getName().equals(key)) continue;
            Class<?> t = m.getParameterTypes()[0];
            if (t.isEnum()) return "enum";
            return javaType(t);
        }
        return null;
    }

    static Set<String> sdkEnumValues(Class<?> model, String key) {
        for (Method m : builderMethods(model)) {
            Class<?> t = m.getParameterTypes()[0];
            if (m.getName().equals(key) && t.isEnum()) {
                Set<String> out = new TreeSet<>();
                for (Object c : t.getEnumConstants()) if (!"UNKNOWN".equals(((Enum<?>) c).name())) out.add(((Enum<?>) c).name());
                return out;
            }
        }
        return null;
    }

    static String javaType(Class<?> t) {
        if (t == String.class || t == Instant.class || t == LocalDate.class || t == YearMonth.class) return "string";
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class || t == double.class
                || t == Double.class || t == BigDecimal.class) return "number";
        if (t == boolean.class || t == Boolean.class) return "boolean";
        if (List.class.isAssignableFrom(t) || Set.class.isAssignableFrom(t) || t.isArray()) return "array";
        return "object";
    }

    JsonNode resolve(JsonNode n) {
        if (n == null || n.isMissingNode()) return n;
        if (n.has("$ref")) return schemas.get(n.get("$ref").asText().replace("#/components/schemas/", ""));
        if (n.has("allOf") && n.get("allOf").size() == 1) return resolve(n.get("allOf").get(0));
        return n;
    }

    String type(JsonNode p) {
        JsonNode r = resolve(p);
        if (r == null || r.isMissingNode()) return "?";
        if (r.has("enum")) return "enum";
        String t = r.path("type").asText("object");
        return t.equals("integer") ? "number" : t;
    }

    Set<String> enumValues(JsonNode p) {
        Set<String> out = new TreeSet<>();
        for (JsonNode v : resolve(p).path("enum")) out.add(v.asText());
        return out;
    }

    private static boolean contains(JsonNode array, String v) {
        for (JsonNode n : array) if (n.asText().equals(v)) return true;
        return false;
    }

    /** The path template of the document that matches the concrete path and has the method. */
    String template(String method, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String regex = Arrays.stream(e.getKey().split("/", -1))
                    .map(seg -> seg.startsWith("{") ? "[^/]+" : Pattern.quote(seg)).collect(Collectors.joining("/"));
            if (path.matches(regex) && e.getValue().has(method.toLowerCase())) return e.getKey();
        }
        return null;
    }

    // ---------------------------------------------------------------- the SDK, driven without a server

    static cn.onewindow.sdk.http.Transport recorder(List<Call> calls, int status) {
        return (HttpRequest r) -> {
            byte[] body = r.body();
            calls.add(new Call(null, r.method(), r.uri().getRawPath(),
                    body == null || body.length == 0 ? null : new String(body, StandardCharsets.UTF_8)));
            String problem = "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":" + status + ",\"code\":\"CODE_"
                    + status + "\",\"messageZh\":\"z\",\"messageEn\":\"e\",\"requestId\":\"r\"}";
            return new HttpResponse(status, Map.of("Content-Type", List.of("application/problem+json")),
                    problem.getBytes(StandardCharsets.UTF_8));
        };
    }

    static OneWindowClient client(cn.onewindow.sdk.http.Transport t) {
        return OneWindowClient.builder().baseUrl("http://127.0.0.1:1").token("t").transport(t)
                .retryPolicy(RetryPolicy.none()).build();
    }

    static List<Object> apis(cn.onewindow.sdk.http.Transport t) {
        OneWindowClient c = client(t);
        return List.of(c.cases(), c.tasks(), c.catalog(), c.stats(), c.servicePoints(), c.evaluations());
    }

    static Object[] args(Method m) throws Exception {
        Type[] types = m.getGenericParameterTypes();
        Object[] out = new Object[types.length];
        for (int i = 0; i < types.length; i++) out[i] = dummy(types[i], 0);
        return out;
    }

    /** A value of the type with every field set, so the SDK sends every property it can. */
    static Object dummy(Type type, int depth) throws Exception {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (List.class.isAssignableFrom(raw)) return List.of(dummy(p.getActualTypeArguments()[0], depth + 1));
            if (Set.class.isAssignableFrom(raw)) return Set.of(dummy(p.getActualTypeArguments()[0], depth + 1));
            if (Map.class.isAssignableFrom(raw)) return Map.of();
            return null;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) return "330100-XK-0101";
        if (c == int.class || c == Integer.class) return 1;
        if (c == long.class || c == Long.class) return 1L;
        if (c == boolean.class || c == Boolean.class) return true;
        if (c == double.class || c == Double.class) return 1.0;
        if (c == BigDecimal.class) return BigDecimal.ONE;
        if (c == Instant.class) return Instant.parse("2025-04-25T02:00:00Z");
        if (c == LocalDate.class) return LocalDate.of(2025, 4, 25);
        if (c == YearMonth.class) return YearMonth.of(2025, 4);
        if (c == Duration.class) return Duration.ofMillis(1);
        if (c.isEnum()) {
            for (Object e : c.getEnumConstants()) if (!"UNKNOWN".equals(((Enum<?>) e).name())) return e;
        }
        if (depth > 4) return null;
        try {
            Method builder = c.getMethod("builder");
            Object b = builder.invoke(null);
            List<Method> setters = new ArrayList<>(builderMethods(c));
            // raw "…Value(String)" first, so the typed enum setter of the same property wins
            setters.sort(Comparator.comparing((Method m) -> !m.getName().endsWith("Value")).thenComparing(Method::getName));
            for (Method s : setters) {
                try {
                    Object v = dummy(s.getGenericParameterTypes()[0], depth + 1);
                    if (v != null) s.invoke(b, v);
                } catch (Exception ignored) {
                    // a setter that refuses the dummy value leaves the property unset
                }
            }
            return b.getClass().getMethod("build").invoke(b);
        } catch (NoSuchMethodException e) {
            for (Method f : c.getMethods()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getParameterCount() == 0 && f.getReturnType() == c) {
                    return f.invoke(null);
                }
            }
            return null;
        }
    }
}
