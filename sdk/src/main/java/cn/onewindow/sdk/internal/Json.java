package cn.onewindow.sdk.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader and writer (RFC 8259), so that the SDK needs no JSON library. Objects read as
 * {@link LinkedHashMap}, arrays as {@link ArrayList}, numbers as {@link BigDecimal}, and {@code true}, {@code false},
 * {@code null} as themselves. Not API.
 */
public final class Json {
    private static final int MAX_DEPTH = 200;

    private final String s;
    private int i;

    private Json(String s) {
        this.s = s;
    }

    /**
     * @param text JSON text
     * @return the value it holds
     * @throws JsonException when the text is not JSON
     */
    public static Object parse(String text) {
        if (text == null) throw new JsonException("no JSON text");
        Json p = new Json(text);
        p.skipWhitespace();
        Object v = p.value(0);
        p.skipWhitespace();
        if (p.i != text.length()) throw p.error("unexpected text after the value");
        return v;
    }

    /**
     * @param text JSON text holding an object
     * @return the object
     */
    public static JsonObject parseObject(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) throw new JsonException("expected a JSON object");
        return JsonObject.wrap(v);
    }

    /**
     * @param text JSON text holding an array of objects
     * @return the objects
     */
    public static List<JsonObject> parseObjects(String text) {
        Object v = parse(text);
        if (!(v instanceof List)) throw new JsonException("expected a JSON array");
        List<JsonObject> out = new ArrayList<>();
        for (Object o : (List<?>) v) out.add(o == null ? null : JsonObject.wrap(o));
        return out;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) throw error("nested too deeply");
        if (i >= s.length()) throw error("unexpected end");
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw error("unexpected character '" + c + "'");
        }
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        skipWhitespace();
        if (peek() == '}') {
            i++;
            return m;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') throw error("expected a field name");
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            m.put(key, value(depth + 1));
            skipWhitespace();
            char c = next();
            if (c == '}') return m;
            if (c != ',') throw error("expected ',' or '}'");
        }
    }

    private List<Object> array(int depth) {
        List<Object> a = new ArrayList<>();
        i++;
        skipWhitespace();
        if (peek() == ']') {
            i++;
            return a;
        }
        while (true) {
            skipWhitespace();
            a.add(value(depth + 1));
            skipWhitespace();
            char c = next();
            if (c == ']') return a;
            if (c != ',') throw error("expected ',' or ']'");
        }
    }

    private String string() {
        expect('"');
        StringBuilder b = null;
        int start = i;
        while (true) {
            if (i >= s.length()) throw error("unterminated string");
            char c = s.charAt(i++);
            if (c == '"') {
                if (b == null) return s.substring(start, i - 1);
                return b.toString();
            }
            if (c < 0x20) throw error("control character in a string");
            if (c == '\\') {
                if (b == null) b = new StringBuilder(s.substring(start, i - 1));
                if (i >= s.length()) throw error("unterminated escape");
                char e = s.charAt(i++);
                switch (e) {
                    case '"': b.append('"'); break;
                    case '\\': b.append('\\'); break;
                    case '/': b.append('/'); break;
                    case 'b': b.append('\b'); break;
                    case 'f': b.append('\f'); break;
                    case 'n': b.append('\n'); break;
                    case 'r': b.append('\r'); break;
                    case 't': b.append('\t'); break;
                    case 'u':
                        if (i + 4 > s.length()) throw error("short unicode escape");
                        try {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad unicode escape");
                        }
                        i += 4;
                        break;
                    default:
                        throw error("bad escape \\" + e);
                }
            } else if (b != null) {
                b.append(c);
            }
        }
    }

    private BigDecimal number() {
        int start = i;
        if (peek() == '-') i++;
        if (peek() == '0') {
            i++;
        } else if (digit()) {
            while (digit()) i++;
        } else {
            throw error("bad number");
        }
        if (peek() == '.') {
            i++;
            if (!digit()) throw error("bad number");
            while (digit()) i++;
        }
        if (peek() == 'e' || peek() == 'E') {
            i++;
            if (peek() == '+' || peek() == '-') i++;
            if (!digit()) throw error("bad number");
            while (digit()) i++;
        }
        return new BigDecimal(s.substring(start, i));
    }

    private boolean digit() {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    private void literal(String word) {
        if (!s.startsWith(word, i)) throw error("unexpected text");
        i += word.length();
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private char next() {
        if (i >= s.length()) throw error("unexpected end");
        return s.charAt(i++);
    }

    private void expect(char c) {
        if (i >= s.length() || s.charAt(i) != c) throw error("expected '" + c + "'");
        i++;
    }

    private void skipWhitespace() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            i++;
        }
    }

    private JsonException error(String what) {
        return new JsonException(what + " at position " + i);
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    /**
     * @param value a map, collection, string, number, boolean, enum, {@link JsonObject} or {@code null}
     * @return its JSON text
     */
    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(value, b);
        return b.toString();
    }

    private static void write(Object v, StringBuilder b) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String) {
            quote((String) v, b);
        } else if (v instanceof Boolean) {
            b.append(v.toString());
        } else if (v instanceof BigDecimal) {
            b.append(((BigDecimal) v).toString());
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) throw new JsonException("not a JSON number: " + d);
            b.append(new BigDecimal(v.toString()).toString());
        } else if (v instanceof Number) {
            b.append(v.toString());
        } else if (v instanceof Enum) {
            quote(((Enum<?>) v).name(), b);
        } else if (v instanceof JsonObject) {
            write(((JsonObject) v).asMap(), b);
        } else if (v instanceof Map) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (!first) b.append(',');
                first = false;
                quote(String.valueOf(e.getKey()), b);
                b.append(':');
                write(e.getValue(), b);
            }
            b.append('}');
        } else if (v instanceof Collection) {
            b.append('[');
            boolean first = true;
            for (Object o : (Collection<?>) v) {
                if (!first) b.append(',');
                first = false;
                write(o, b);
            }
            b.append(']');
        } else {
            quote(v.toString(), b);
        }
    }

    private static void quote(String s, StringBuilder b) {
        b.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                case '\b': b.append("\\b"); break;
                case '\f': b.append("\\f"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        b.append('"');
    }

    /** Malformed JSON, or a value of the wrong type. */
    public static final class JsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public JsonException(String message) {
            super(message);
        }

        public JsonException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
