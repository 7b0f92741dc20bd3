package cn.onewindow.sdk.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Typed, lenient reads from a parsed JSON object: absent and {@code null} read alike. Not API. */
public final class JsonObject {
    private final Map<String, Object> map;

    private JsonObject(Map<String, Object> map) {
        this.map = map;
    }

    @SuppressWarnings("unchecked")
    static JsonObject wrap(Object v) {
        if (!(v instanceof Map)) throw new Json.JsonException("expected a JSON object, got " + kind(v));
        return new JsonObject((Map<String, Object>) v);
    }

    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(map);
    }

    public boolean has(String key) {
        return map.get(key) != null;
    }

    public String string(String key) {
        Object v = map.get(key);
        if (v == null) return null;
        if (v instanceof String) return (String) v;
        if (v instanceof BigDecimal || v instanceof Boolean) return v.toString();
        throw wrong(key, "a string", v);
    }

    public BigDecimal decimal(String key) {
        Object v = map.get(key);
        if (v == null) return null;
        if (v instanceof BigDecimal) return (BigDecimal) v;
        if (v instanceof String) {
            try {
                return new BigDecimal((String) v);
            } catch (NumberFormatException e) {
                throw wrong(key, "a number", v);
            }
        }
        throw wrong(key, "a number", v);
    }

    public Integer integer(String key) {
        BigDecimal d = decimal(key);
        try {
            return d == null ? null : d.intValueExact();
        } catch (ArithmeticException e) {
            throw wrong(key, "an int", d);
        }
    }

    public Long longObject(String key) {
        BigDecimal d = decimal(key);
        try {
            return d == null ? null : d.longValueExact();
        } catch (ArithmeticException e) {
            throw wrong(key, "a long", d);
        }
    }

    public int intValue(String key, int absent) {
        Integer v = integer(key);
        return v == null ? absent : v;
    }

    public long longValue(String key, long absent) {
        Long v = longObject(key);
        return v == null ? absent : v;
    }

    public Boolean bool(String key) {
        Object v = map.get(key);
        if (v == null) return null;
        if (v instanceof Boolean) return (Boolean) v;
        if ("true".equals(v)) return Boolean.TRUE;
        if ("false".equals(v)) return Boolean.FALSE;
        throw wrong(key, "a boolean", v);
    }

    public boolean booleanValue(String key, boolean absent) {
        Boolean v = bool(key);
        return v == null ? absent : v;
    }

    public Instant instant(String key) {
        String v = string(key);
        if (v == null) return null;
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e2) {
                throw wrong(key, "an ISO-8601 instant", v);
            }
        }
    }

    public LocalDate date(String key) {
        String v = string(key);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw wrong(key, "an ISO-8601 date", v);
        }
    }

    public JsonObject object(String key) {
        Object v = map.get(key);
        if (v == null) return null;
        if (v instanceof Map) return wrap(v);
        throw wrong(key, "an object", v);
    }

    public List<Object> array(String key) {
        Object v = map.get(key);
        if (v == null) return Collections.emptyList();
        if (v instanceof List) {
            @SuppressWarnings("unchecked")
            List<Object> l = (List<Object>) v;
            return l;
        }
        throw wrong(key, "an array", v);
    }

    public List<JsonObject> objects(String key) {
        List<JsonObject> out = new ArrayList<>();
        for (Object o : array(key)) out.add(o == null ? null : wrap(o));
        return out;
    }

    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (Object o : array(key)) out.add(o == null ? null : o.toString());
        return out;
    }

    public List<LocalDate> dates(String key) {
        List<LocalDate> out = new ArrayList<>();
        for (Object o : array(key)) {
            try {
                out.add(o == null ? null : LocalDate.parse(o.toString()));
            } catch (DateTimeParseException e) {
                throw wrong(key, "ISO-8601 dates", o);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return Json.write(map);
    }

    private static Json.JsonException wrong(String key, String expected, Object v) {
        return new Json.JsonException("field '" + key + "': expected " + expected + ", got " + kind(v));
    }

    private static String kind(Object v) {
        if (v == null) return "null";
        if (v instanceof Map) return "an object";
        if (v instanceof List) return "an array";
        if (v instanceof String) return "the string \"" + v + "\"";
        return v.toString();
    }
}
