package cn.onewindow.aws.evaluation;

import cn.onewindow.aws.Json;
import cn.onewindow.aws.LocalDynamo;
import cn.onewindow.aws.PlatformSecrets;
import cn.onewindow.aws.PseudonymMigration;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.privacy.Pseudonyms;
import cn.onewindow.core.service.EvaluationService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stored applicant keys of the old form (unsalted SHA-256 of the ID number, recoverable by enumerating the ID space)
 * are rewritten to the keyed HMAC; the migration is idempotent and resumable, a rotation re-keys again, and "one
 * rating per applicant" holds across it.
 */
@ExtendWith(LocalDynamo.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PseudonymMigrationTest {
    static final Instant FRIDAY_10 = Instant.parse("2025-04-25T02:00:00Z");
    EvaluationRig rig;
    final List<String> cases = new ArrayList<>();

    @BeforeAll
    void setUp(LocalDynamo.Tables tables) {
        rig = new EvaluationRig(tables, FRIDAY_10);
        for (String name : List.of("钱一", "孙二", "李三")) {
            String id = rig.delivered(name);
            rig.platform.evaluationService.rate(EvaluationRig.TERMINAL, EvaluationRig.rating(id, "SATISFIED", "PAD"),
                    null);
            cases.add(id);
        }
    }

    /** What the previous version stored: the first 24 hex characters of SHA-256("RESIDENT_ID:<number>"). */
    static String legacyKey(String idNumber) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(("RESIDENT_ID:" + idNumber).getBytes(StandardCharsets.UTF_8))).substring(0, 24);
    }

    Evaluation stored(String caseId) {
        Map<String, AttributeValue> i = rig.tables.client().getItem(b -> b.tableName(rig.tables.casesTable())
                .key(Map.of("pk", AttributeValue.fromS("CASE#" + caseId), "sk", AttributeValue.fromS("EVAL#1")))
                .consistentRead(true)).item();
        return Json.read(i.get("doc").s(), Evaluation.class);
    }

    void store(Evaluation e) {
        rig.tables.client().updateItem(b -> b.tableName(rig.tables.casesTable())
                .key(Map.of("pk", AttributeValue.fromS("CASE#" + e.caseId()), "sk", AttributeValue.fromS("EVAL#1")))
                .updateExpression("SET doc = :d").expressionAttributeValues(Map.of(":d",
                        AttributeValue.fromS(Json.write(e)))));
    }

    String idNumber(String caseId) {
        return rig.platform.cases.find(caseId).orElseThrow().applicant().idNumber();
    }

    @Test
    void oldKeysAreRewrittenIdempotentlyResumablyAndOneRatingPerApplicantHolds() throws Exception {
        Pseudonyms keys = rig.platform.privacyKeys.pseudonyms();
        // new ratings already carry the keyed form
        for (String id : cases) {
            assertEquals(keys.applicantKey(cn.onewindow.core.cases.IdType.RESIDENT_ID, idNumber(id)),
                    stored(id).applicantKey());
        }
        // the data as the previous version left it
        for (String id : cases) store(stored(id).withApplicantKey(legacyKey(idNumber(id))));
        assertEquals(legacyKey(idNumber(cases.get(0))), stored(cases.get(0)).applicantKey());

        // interrupted after one page of one item: it resumes where it stopped, and finishes
        PseudonymMigration migration = PseudonymMigration.of(rig.platform);
        PseudonymMigration.Result first = migration.run(1, 1);
        assertFalse(first.done());
        int rewritten = first.rewritten();
        PseudonymMigration.Result rest;
        int runs = 0;
        do {
            rest = migration.run(1, 2);
            rewritten += rest.rewritten();
            assertTrue(++runs < 1000);
        } while (!rest.done());
        assertEquals(3, rewritten, "each old key rewritten exactly once");
        for (String id : cases) {
            String key = stored(id).applicantKey();
            assertTrue(key.startsWith("k1:"), key);
            assertEquals(keys.applicantKey(cn.onewindow.core.cases.IdType.RESIDENT_ID, idNumber(id)), key);
            assertFalse(key.contains(legacyKey(idNumber(id))));
        }
        // idempotent: a finished run does nothing
        assertEquals(new PseudonymMigration.Result(0, 0, true), migration.run(100, 10));

        // one rating per applicant still holds: the same rating is a replay, another one is refused
        EvaluationService evals = rig.platform.evaluationService;
        assertTrue(evals.rate(EvaluationRig.TERMINAL, EvaluationRig.rating(cases.get(0), "SATISFIED", "PAD"), null)
                .replayed());
        DomainException again = assertThrows(DomainException.class, () -> evals.rate(EvaluationRig.TERMINAL,
                EvaluationRig.rating(cases.get(0), "VERY_SATISFIED", "PAD"), null));
        assertEquals("ALREADY_RATED", again.code());
        // and the rewritten key is the one a new rating of the same person gets (joins and statistics hold)
        String before = stored(cases.get(1)).applicantKey();
        assertEquals(before, keys.applicantKey(cn.onewindow.core.cases.IdType.RESIDENT_ID, idNumber(cases.get(1))));

        // a rotation (k2 current, k1 kept): the migration starts over and re-keys to k2
        Map<String, byte[]> ring = new LinkedHashMap<>();
        ring.put("k1", "placeholder-that-is-not-the-real-secret-000".getBytes(StandardCharsets.UTF_8));
        ring.put("k2", "the-rotated-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8));
        Pseudonyms rotated = new Pseudonyms("k2", ring);
        PseudonymMigration.Result r2 = new PseudonymMigration(rig.tables.client(), rig.tables.casesTable(), rotated,
                rig.clock).run(100, 10);
        assertTrue(r2.done());
        assertEquals(3, r2.rewritten());
        for (String id : cases) {
            assertEquals(rotated.applicantKey(cn.onewindow.core.cases.IdType.RESIDENT_ID, idNumber(id)),
                    stored(id).applicantKey());
        }
    }

    @Test
    void theLocalSecretIsARandomOwnerOnlyFileThatStaysTheSame() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("secrets-test");
        try {
            String ring = PlatformSecrets.localRing(dir, "PseudonymSecret");
            assertTrue(ring.contains("\"current\":\"k1\""), "a ring with one key");
            assertEquals(ring, PlatformSecrets.localRing(dir, "PseudonymSecret"), "read back, not regenerated");
            java.nio.file.Path file = dir.resolve("PseudonymSecret.json");
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(file)));
            java.nio.file.Path other = java.nio.file.Files.createTempDirectory("secrets-test");
            try {
                assertFalse(ring.equals(PlatformSecrets.localRing(other, "PseudonymSecret")), "random per system");
            } finally {
                java.nio.file.Files.deleteIfExists(other.resolve("PseudonymSecret.json"));
                java.nio.file.Files.deleteIfExists(other);
            }
            PlatformSecrets.ring(ring).applicantKey(cn.onewindow.core.cases.IdType.RESIDENT_ID, "X");
        } finally {
            java.nio.file.Files.deleteIfExists(dir.resolve("PseudonymSecret.json"));
            java.nio.file.Files.deleteIfExists(dir);
        }
    }
}
