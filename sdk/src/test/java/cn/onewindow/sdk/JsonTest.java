package cn.onewindow.sdk;

import cn.onewindow.sdk.internal.Json;
import cn.onewindow.sdk.internal.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {

    @Test
    void readsEveryKindOfValue() {
        JsonObject o = Json.parseObject("{ \"s\":\"a\\\"b\\\\c\\n\\u6797\\/\", \"i\": -12, \"d\": 0.9875, \"e\": 1E3,"
                + " \"t\": true, \"f\": false, \"n\": null, \"a\": [1, \"x\", {\"k\": []}], \"o\": {} }");
        assertEquals("a\"b\\c\n林/", o.string("s"));
        assertEquals(Integer.valueOf(-12), o.integer("i"));
        assertEquals(new BigDecimal("0.9875"), o.decimal("d"));
        assertEquals(0, new BigDecimal("1000").compareTo(o.decimal("e")));
        assertEquals(Boolean.TRUE, o.bool("t"));
        assertEquals(Boolean.FALSE, o.bool("f"));
        assertNull(o.string("n"));
        assertNull(o.string("absent"));
        assertEquals(3, o.array("a").size());
        assertTrue(o.object("o").asMap().isEmpty());
    }

    @Test
    void writesAndReadsBack() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "李四\t\"引号\"\u0001");
        m.put("list", Arrays.asList(1, 2.5, null, true));
        m.put("nested", new LinkedHashMap<String, Object>());
        String text = Json.write(m);
        assertEquals("{\"name\":\"李四\\t\\\"引号\\\"\\u0001\",\"list\":[1,2.5,null,true],\"nested\":{}}", text);
        JsonObject back = Json.parseObject(text);
        assertEquals("李四\t\"引号\"\u0001", back.string("name"));
        List<Object> list = back.array("list");
        assertEquals(new BigDecimal("2.5"), list.get(1));
    }

    @Test
    void refusesMalformedText() {
        for (String bad : new String[]{"", "{", "{\"a\":}", "[1,]", "{\"a\":1}x", "\"\\x\"", "01", "-", "{a:1}",
                "\"unterminated", "[1 2]", "tru"}) {
            assertThrows(Json.JsonException.class, () -> Json.parse(bad), bad);
        }
    }

    @Test
    void wrongTypesAreReportedWithTheField() {
        JsonObject o = Json.parseObject("{\"n\":\"abc\",\"o\":[1]}");
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> o.integer("n"));
        assertTrue(e.getMessage().contains("'n'"));
        assertThrows(Json.JsonException.class, () -> o.object("o"));
    }
}
