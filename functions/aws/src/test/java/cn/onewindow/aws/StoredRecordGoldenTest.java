package cn.onewindow.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stored records stay readable across releases. For every kind in {@link StoredRecords} there is one golden JSON
 * per schema version under {@code src/test/resources/golden/v<N>/<kind>.json}, as that release wrote it (v1: the
 * documents the adapters wrote in the test suite when versions were introduced; v0: the same without
 * {@code schemaVersion}, today's shape before versions). Each must read, into the same domain object, and that
 * object must write back exactly the current golden file.
 */
class StoredRecordGoldenTest {

    @Test
    void everyVersionOfEveryKindReadsIntoTheSameObjectAndWritesTheCurrentShape() throws IOException {
        List<String> problems = new ArrayList<>();
        for (StoredRecords.Kind kind : StoredRecords.all()) {
            String current = golden(kind.current(), kind.name());
            if (current == null) {
                problems.add(kind.name() + ": golden/v" + kind.current() + "/" + kind.name() + ".json is missing");
                continue;
            }
            Object expected = Json.read(current, kind.type());
            JsonNode written = Json.MAPPER.readTree(Json.write(expected));
            if (!written.equals(Json.MAPPER.readTree(current))) {
                problems.add(kind.name() + ": round trip differs from golden v" + kind.current() + "\n    "
                        + written + "\n    " + current.strip());
            }
            for (int v = 0; v < kind.current(); v++) {
                String old = golden(v, kind.name());
                if (old == null) {
                    problems.add(kind.name() + ": golden/v" + v + "/" + kind.name() + ".json is missing");
                } else if (!expected.equals(Json.read(old, kind.type()))) {
                    problems.add(kind.name() + ": v" + v + " does not read into the same object as v"
                            + kind.current());
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void writtenRecordsCarryTheirVersionAndMessagesDoNot() throws IOException {
        StoredRecords.Kind caller = StoredRecords.of(cn.onewindow.core.identity.Caller.class);
        Object c = Json.read(golden(1, "caller"), caller.type());
        assertEquals(1, Json.MAPPER.readTree(Json.write(c)).path("schemaVersion").asInt());
        assertFalse(Json.MAPPER.readTree(Json.message(c)).has("schemaVersion"));
        assertNotNull(StoredRecords.of(cn.onewindow.core.cases.ServiceCase.Snapshot.class));
    }

    @Test
    void aRecordFromANewerReleaseIsRefusedNotMisread() throws IOException {
        ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(golden(1, "caller"));
        doc.put("schemaVersion", 2);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Json.read(doc.toString(), cn.onewindow.core.identity.Caller.class));
        assertTrue(e.getMessage().contains("schemaVersion 2"), e.getMessage());
    }

    @Test
    void underTestAnUnknownPropertyIsAnError() throws IOException {
        assertTrue(Json.STRICT, "surefire sets -Donewindow.json.strict=true (parent pom)");
        ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(golden(1, "service-point"));
        doc.put("colour", "blue");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Json.read(doc.toString(), cn.onewindow.core.points.ServicePoint.class));
        assertTrue(String.valueOf(e.getCause()).contains("colour"), String.valueOf(e.getCause()));
    }

    private static String golden(int version, String kind) throws IOException {
        try (InputStream in = StoredRecordGoldenTest.class.getResourceAsStream(
                "/golden/v" + version + "/" + kind + ".json")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
