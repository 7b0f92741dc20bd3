package cn.onewindow.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes one {@link CalendarYear} as JSON of exactly this shape (keys in any order, each
 * exactly once, no others; dates {@code yyyy-MM-dd}, no duplicates):
 * <pre>{"region":"CN","year":2025,"holidays":["2025-01-01"],"makeupWorkdays":["2025-01-26"]}</pre>
 * A small strict hand-written parser ({@link CalendarJsonParser}): malformed input is rejected with
 * {@link IllegalArgumentException} naming the position; the writer is {@link CalendarJsonWriter}.
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
        return new CalendarJsonParser(json).calendarYear();
    }

    /** Compact one-line JSON, dates ascending; {@code parse(format(y)).equals(y)}. */
    public static String format(CalendarYear year) {
        return CalendarJsonWriter.format(year);
    }
}
