package cn.onewindow.core.calendar;

import static cn.onewindow.core.calendar.Fixtures.dates;
import static cn.onewindow.core.calendar.Fixtures.range;
import static cn.onewindow.core.calendar.Fixtures.union;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalendarCodecTest {

    private static final String VALID =
            "{\"region\":\"CN\",\"year\":2025,\"holidays\":[\"2025-01-01\",\"2025-05-01\"],\"makeupWorkdays\":[\"2025-04-27\"]}";

    @Test
    void national2025MatchesSpec() {
        CalendarYear y = CalendarCodec.loadResource("CN-2025.json");
        assertEquals("CN", y.region());
        assertEquals(2025, y.year());
        assertEquals(union(dates("2025-01-01"), range("2025-01-28", "2025-02-04"), range("2025-04-04", "2025-04-06"),
                range("2025-05-01", "2025-05-05"), range("2025-05-31", "2025-06-02"), range("2025-10-01", "2025-10-08")),
                y.holidays());
        assertEquals(dates("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"), y.makeupWorkdays());
    }

    @Test
    void national2026MatchesSpec() {
        CalendarYear y = CalendarCodec.loadResource("CN-2026.json");
        assertEquals("CN", y.region());
        assertEquals(2026, y.year());
        assertEquals(union(range("2026-01-01", "2026-01-03"), range("2026-02-15", "2026-02-23"),
                range("2026-04-04", "2026-04-06"), range("2026-05-01", "2026-05-05"), range("2026-06-19", "2026-06-21"),
                range("2026-09-25", "2026-09-27"), range("2026-10-01", "2026-10-07")), y.holidays());
        assertEquals(dates("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"),
                y.makeupWorkdays());
    }

    @Test
    void nationalDemoCalendarsLoadsBoth() {
        List<CalendarYear> years = CalendarCodec.nationalDemoCalendars();
        assertEquals(List.of(2025, 2026), years.stream().map(CalendarYear::year).toList());
        assertThrows(IllegalArgumentException.class, () -> CalendarCodec.loadResource("CN-2099.json"));
    }

    @Test
    void parsesAndRoundTrips() {
        CalendarYear y = CalendarCodec.parse(VALID);
        assertEquals(new CalendarYear("CN", 2025, dates("2025-01-01", "2025-05-01"), dates("2025-04-27")), y);
        assertEquals(VALID, CalendarCodec.format(y));
        for (CalendarYear national : CalendarCodec.nationalDemoCalendars()) {
            assertEquals(national, CalendarCodec.parse(CalendarCodec.format(national)));
        }
    }

    @Test
    void acceptsWhitespaceAnyKeyOrderEmptyArraysAndEscapes() throws Exception {
        CalendarYear y = CalendarCodec.parse(" \n{ \"makeupWorkdays\" : [ ] ,\r\n\t\"year\":2027, \"holidays\":[],"
                + "\"region\":\"\\u0033\\u0033\\u0030100\" }\n");
        assertEquals(new CalendarYear("330100", 2027, Set.of(), Set.of()), y);
        CalendarYear fromStream = CalendarCodec.read(new ByteArrayInputStream(VALID.getBytes(StandardCharsets.UTF_8)));
        assertEquals(CalendarCodec.parse(VALID), fromStream);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   ",
            "[]",
            "{}",
            "null",
            // trailing comma in object and in array
            "{\"region\":\"CN\",\"year\":2025,\"holidays\":[],\"makeupWorkdays\":[],}",
            "{\"region\":\"CN\",\"year\":2025,\"holidays\":[\"2025-01-01\",],\"makeupWorkdays\":[]}",
            // missing key
            "{\"region\":\"CN\",\"year\":2025,\"holidays\":[]}",
            // unknown key
            "{\"region\":\"CN\",\"year\":2025,\"holidays\":[],\"makeupWorkdays\":[],\"note\":\"x\"}",
            // duplicate key
            "{\"region\":\"CN\",\"region\":\"CN\",\"year\":2025,\"holidays\":[],\"makeupWorkdays\":[]}",
            // year as string, fraction, exponent, negative, leading zero
            "{\"region\":\"CN\",\"year\":\"2025\",\"holidays\":[],\"makeupWorkdays\":[]}",
            "{\"region\":\"CN\",\"year\":2025.0,\"holidays\":[],\"makeupWorkdays\":[]}",
            "{\"region\":\"CN\",\"year\":2e3,\"holidays\":[],\"makeupWorkdays\":[]}",
            "{\"region\":\"CN\",\"year\":-2025,\"holidays\":[],\"makeupWorkdays\":[]}",
            "{\"region\":\"CN\",\"year\":02025,\"holidays\":[],\"makeupWorkdays\":[]}",
            // region not a string
            "{\"region\":86,\"year\":2025,\"holidays\":[],\"makeupWorkdays\":[]}",
            // holidays not an array / contains a number
            "{\"region\":\"CN\",\"year\":2025,\"holidays\":\"2025-01-01\",\"makeupWorkdays\":[]}",
            "{\"region\":\"CN\",\"year\":2025,\"holidays\":[20250101],\"makeupWorkdays\":[]}",
            // bad dates
            "{\"region\":\"CN\",\"year\":2025,\"holidays\":[\"2025-13-01\"],\"makeupWorkdays\":[]}",
            "{\"region\":\"CN\",\"year\":2025,\"holidays\":[\"2025-02-30\"],\"makeupWorkdays\":[]}",
            "{\"region\":\"CN\",\"year\":2025,\"holidays\":[\"2025-1-1\"],\"makeupWorkdays\":[]}",
            "{\"region\":\"CN\",\"year\":2025,\"holidays\":[\"2025-01-01T00:00\"],\"makeupWorkdays\":[]}",
            // duplicate date
            "{\"region\":\"CN\",\"year\":2025,\"holidays\":[\"2025-01-01\",\"2025-01-01\"],\"makeupWorkdays\":[]}",
            // date from another year; make-up on a weekday; holiday = make-up
            "{\"region\":\"CN\",\"year\":2025,\"holidays\":[\"2026-01-01\"],\"makeupWorkdays\":[]}",
            "{\"region\":\"CN\",\"year\":2025,\"holidays\":[],\"makeupWorkdays\":[\"2025-01-27\"]}",
            "{\"region\":\"CN\",\"year\":2025,\"holidays\":[\"2025-01-26\"],\"makeupWorkdays\":[\"2025-01-26\"]}",
            // blank region
            "{\"region\":\"\",\"year\":2025,\"holidays\":[],\"makeupWorkdays\":[]}",
            // garbage after the object, unterminated string, truncated input, bad escape, single quotes
            "{\"region\":\"CN\",\"year\":2025,\"holidays\":[],\"makeupWorkdays\":[]} x",
            "{\"region\":\"CN\",\"year\":2025,\"holidays\":[],\"makeupWorkdays\":[]}{}",
            "{\"region\":\"CN,\"year\":2025,\"holidays\":[],\"makeupWorkdays\":[]}",
            "{\"region\":\"CN\",\"year\":2025,\"holidays\":[",
            "{\"region\":\"C\\qN\",\"year\":2025,\"holidays\":[],\"makeupWorkdays\":[]}",
            "{'region':'CN','year':2025,'holidays':[],'makeupWorkdays':[]}",
            // missing colon / comma
            "{\"region\" \"CN\",\"year\":2025,\"holidays\":[],\"makeupWorkdays\":[]}",
            "{\"region\":\"CN\" \"year\":2025,\"holidays\":[],\"makeupWorkdays\":[]}",
    })
    void rejectsMalformedInput(String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CalendarCodec.parse(json));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    @Test
    void rejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> CalendarCodec.parse(null));
    }

    @Test
    void formatEscapesRegion() {
        CalendarYear odd = new CalendarYear("a\"b\\c", 2025, Set.of(), Set.of());
        String json = CalendarCodec.format(odd);
        assertEquals("{\"region\":\"a\\\"b\\\\c\",\"year\":2025,\"holidays\":[],\"makeupWorkdays\":[]}", json);
        assertEquals(odd, CalendarCodec.parse(json));
    }
}
