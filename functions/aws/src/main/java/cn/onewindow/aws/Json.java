package cn.onewindow.aws;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The JSON form in which domain records are stored inside DynamoDB items (attribute {@code doc}). Stored record
 * kinds ({@link StoredRecords}) carry {@code schemaVersion} and are upgraded on read.
 *
 * <p>Unknown properties: under test ({@code -Donewindow.json.strict=true}, set by surefire) they are an error, so
 * a record that drifted from its domain type fails a test. In production they are skipped and logged once per type
 * and property: a record written by a newer release (during a rollback) must still be readable, and the log says
 * which property an older release dropped.
 */
public final class Json {
    private static final Logger LOG = Logger.getLogger(Json.class.getName());
    static final String VERSION = "schemaVersion";
    static final boolean STRICT = Boolean.getBoolean("onewindow.json.strict");
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, STRICT)
            .addHandler(new DeserializationProblemHandler() {
                @Override
                public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                                                     JsonDeserializer<?> deserializer, Object beanOrClass,
                                                     String propertyName) throws IOException {
                    if (STRICT) return false;
                    Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
                    if (LOGGED.add(type.getName() + "#" + propertyName)) {
                        LOG.warning("unknown property '" + propertyName + "' in stored " + type.getSimpleName()
                                + " skipped");
                    }
                    p.skipChildren();
                    return true;
                }
            });

    private Json() {
    }

    public static String write(Object o) {
        try {
            StoredRecords.Kind kind = o == null ? null : StoredRecords.of(o.getClass());
            String plain = MAPPER.writeValueAsString(o);
            if (kind == null) return plain;
            // the version first, then the record's own properties: one pass, no tree
            String version = "{\"" + VERSION + "\":" + kind.current();
            if (!plain.startsWith("{")) throw new IllegalArgumentException("not a JSON object");
            return plain.equals("{}") ? version + "}" : version + "," + plain.substring(1);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot serialise " + o.getClass().getSimpleName(), e);
        }
    }

    /**
     * A queue message: the plain JSON of the object, never versioned (an SQS message is a contract with its
     * consumer, not a stored record).
     */
    public static String message(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + o.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            StoredRecords.Kind kind = StoredRecords.of(type);
            if (kind == null) return MAPPER.readValue(json, type);
            String current = "{\"" + VERSION + "\":" + kind.current() + ",";
            if (json.startsWith(current)) {
                // written by this release (the common case): bound in one pass, without its version
                return MAPPER.readValue("{" + json.substring(current.length()), type);
            }
            JsonNode tree = MAPPER.readTree(json);
            if (!(tree instanceof ObjectNode doc)) return MAPPER.treeToValue(tree, type);
            JsonNode v = doc.remove(VERSION);
            return MAPPER.treeToValue(kind.upgrade(doc, v == null ? 0 : v.asInt()), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
