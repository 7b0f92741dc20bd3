package cn.onewindow.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads and writes one {@link CalendarYear} as JSON of exactly this shape (keys in any order, each
 * exactly once, no others; dates {@code yyyy-MM-dd}, no duplicates):
 * <pre>{"region":"CN","year":2025,"holidays":["2025-01-01"],"makeupWorkdays":["2025-01-26"]}</pre>
 * A small strict hand-written parser: malformed input is rejected with
 * {@link IllegalArgumentException} naming the position.
 */
public final class CalendarCodec {

    /** Resource folder of the bundled calendars, named {@code REGION-YEAR.json}. */
    public static final String RESOURCE_DIR = "/calendars/";

    private static final List<String> NATIONAL_DEMO = List.of("CN-2025.json", "CN-2026.json");

    private CalendarCodec() {
    }

    /** The bundled national calendars for 2025 and 2026 (SPEC §4). */
    public static List<CalendarYear> nationalDemoCalendars() {
        List<CalendarYear> out = new ArrayList<>();
        for (String name : NATIONAL_DEMO) {
            out.add(loadResource(name));
        }
        return List.copyOf(out);
    }

    /** A {@code CN} working calendar with the bundled 2025 and 2026 years loaded. */
    public static WorkingCalendar nationalDemoCalendar() {
        return new WorkingCalendar("CN", nationalDemoCalendars());
    }

    /** Loads {@code /calendars/<name>}; the name must be {@code REGION-YEAR.json} and match the content. */
    public static CalendarYear loadResource(String name) {
        Objects.requireNonNull(name, "name");
        try (InputStream in = CalendarCodec.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalArgumentException("calendar resource not found: " + RESOURCE_DIR + name);
            }
            CalendarYear year = read(in);
            String expected = year.region() + "-" + year.year() + ".json";
            if (!expected.equals(name)) {
                throw new IllegalArgumentException("calendar resource " + name + " holds " + expected.replace(".json", ""));
            }
            return year;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calendar resource " + name, e);
        }
    }

    /** Parses UTF-8 JSON from {@code in} (not closed). */
    public static CalendarYear read(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    public static CalendarYear parse(String json) {
        if (json == null) {
            throw new IllegalArgumentException("calendar JSON must not be null");
        }
        return new Parser(json).calendarYear();
    }

    /** Compact one-line JSON, dates ascending; {@code parse(format(y)).equals(y)}. */
    public static String format(CalendarYear year) {
        Objects.requireNonNull(year, "year");
        StringBuilder sb = new StringBuilder();
        sb.append("{\"region\":");
        appendString(sb, year.region());
        sb.append(",\"year\":").append(year.year());
        sb.append(",\"holidays\":");
        appendDates(sb, year.holidays());
        sb.append(",\"makeupWorkdays\":");
        appendDates(sb, year.makeupWorkdays());
        return sb.append('}').toString();
    }

    private static void appendDates(StringBuilder sb, Set<LocalDate> dates) {
        sb.append('[');
        boolean first = true;
        for (LocalDate d : dates) { // already sorted
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append('"').append(d).append('"');
        }
        sb.append(']');
    }

    private static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Recursive-descent parser for exactly the calendar shape. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        CalendarYear calendarYear() {
            skipWs();
            expect('{');
            String region = null;
            Integer year = null;
            List<String> holidays = null;
            List<String> makeups = null;
            Set<String> seen = new LinkedHashSet<>();
            skipWs();
            if (peek() == '}') {
                throw error("empty object; expected keys region, year, holidays, makeupWorkdays");
            }
            while (true) {
                skipWs();
                int keyPos = pos;
                String key = string();
                if (!seen.add(key)) {
                    throw error(keyPos, "duplicate key \"" + key + "\"");
                }
                skipWs();
                expect(':');
                skipWs();
                switch (key) {
                    case "region" -> region = string();
                    case "year" -> year = integer();
                    case "holidays" -> holidays = stringArray();
                    case "makeupWorkdays" -> makeups = stringArray();
                    default -> throw error(keyPos, "unknown key \"" + key + "\"");
                }
                skipWs();
                char c = next("',' or '}'");
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw error(pos - 1, "expected ',' or '}' but found '" + c + "'");
                }
            }
            skipWs();
            if (pos != s.length()) {
                throw error("unexpected content after the closing '}'");
            }
            for (String k : List.of("region", "year", "holidays", "makeupWorkdays")) {
                if (!seen.contains(k)) {
                    throw new IllegalArgumentException("calendar JSON: missing key \"" + k + "\"");
                }
            }
            return new CalendarYear(region, year, dates("holidays", holidays), dates("makeupWorkdays", makeups));
        }

        private Set<LocalDate> dates(String what, List<String> texts) {
            Set<LocalDate> out = new LinkedHashSet<>();
            for (String t : texts) {
                if (!t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    throw new IllegalArgumentException("calendar JSON: " + what + " entry \"" + t + "\" is not a yyyy-MM-dd date");
                }
                LocalDate d;
                try {
                    d = LocalDate.parse(t);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("calendar JSON: " + what + " entry \"" + t + "\" is not a valid date", e);
                }
                if (!out.add(d)) {
                    throw new IllegalArgumentException("calendar JSON: " + what + " lists " + t + " twice");
                }
            }
            return out;
        }

        private List<String> stringArray() {
            expect('[');
            List<String> out = new ArrayList<>();
            skipWs();
            if (peek() == ']') {
                pos++;
                return out;
            }
            while (true) {
                skipWs();
                out.add(string());
                skipWs();
                char c = next("',' or ']'");
                if (c == ']') {
                    return out;
                }
                if (c != ',') {
                    throw error(pos - 1, "expected ',' or ']' but found '" + c + "'");
                }
            }
        }

        private int integer() {
            int start = pos;
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                pos++;
            }
            String digits = s.substring(start, pos);
            if (digits.isEmpty()) {
                throw error(start, "expected an integer year");
            }
            if (digits.length() > 1 && digits.charAt(0) == '0') {
                throw error(start, "leading zero in number " + digits);
            }
            if (pos < s.length() && (s.charAt(pos) == '.' || s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                throw error(pos, "year must be a whole number");
            }
            if (digits.length() > 9) {
                throw error(start, "number too large: " + digits);
            }
            return Integer.parseInt(digits);
        }

        private String string() {
            if (pos >= s.length() || s.charAt(pos) != '"') {
                throw error("expected a string");
            }
            int start = pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw error(start, "unterminated string");
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw error(pos - 1, "control character in string");
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = next("escape character");
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error(pos, "truncated \\u escape");
                        }
                        String hex = s.substring(pos, pos + 4);
                        if (!hex.matches("[0-9a-fA-F]{4}")) {
                            throw error(pos, "bad \\u escape \\u" + hex);
                        }
                        sb.append((char) Integer.parseInt(hex, 16));
                        pos += 4;
                    }
                    default -> throw error(pos - 1, "bad escape \\" + e);
                }
            }
        }

        private void skipWs() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    pos++;
                } else {
                    return;
                }
            }
        }

        private char peek() {
            if (pos >= s.length()) {
                throw error("unexpected end of input");
            }
            return s.charAt(pos);
        }

        private char next(String expected) {
            if (pos >= s.length()) {
                throw error("unexpected end of input; expected " + expected);
            }
            return s.charAt(pos++);
        }

        private void expect(char c) {
            char got = next("'" + c + "'");
            if (got != c) {
                throw error(pos - 1, "expected '" + c + "' but found '" + got + "'");
            }
        }

        private IllegalArgumentException error(String message) {
            return error(pos, message);
        }

        private IllegalArgumentException error(int at, String message) {
            return new IllegalArgumentException("calendar JSON at position " + at + ": " + message);
        }
    }
}
