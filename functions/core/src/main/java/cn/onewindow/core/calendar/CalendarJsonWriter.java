package cn.onewindow.core.calendar;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/** The writing half of {@link CalendarCodec}: one {@link CalendarYear} as compact one-line JSON. */
final class CalendarJsonWriter {
    private CalendarJsonWriter() {
    }

    /** Compact one-line JSON, dates ascending; {@code parse(format(y)).equals(y)}. */
    static String format(CalendarYear year) {
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
}
