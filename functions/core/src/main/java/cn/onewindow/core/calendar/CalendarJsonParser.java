package cn.onewindow.core.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The strict reading half of {@link CalendarCodec}: a recursive-descent parser for exactly the calendar shape (keys
 * region, year, holidays, makeupWorkdays, each once, no others; dates {@code yyyy-MM-dd}, no duplicates). Malformed
 * input is rejected with {@link IllegalArgumentException} naming the position.
 */
final class CalendarJsonParser {
    private final String s;
    private int pos;

    CalendarJsonParser(String s) {
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
