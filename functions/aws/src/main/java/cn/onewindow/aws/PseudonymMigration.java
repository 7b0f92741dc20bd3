package cn.onewindow.aws;

import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.privacy.Pseudonyms;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

import static cn.onewindow.aws.Attr.key;
import static cn.onewindow.aws.Attr.s;
import static cn.onewindow.aws.Attr.str;

/**
 * Rewrites the stored applicant keys of ratings ({@code EVAL#1}, {@code EVAL#2} items of the cases table) to the
 * keyed HMAC under the current secret: the unsalted SHA-256 keys written before keyed pseudonyms (24 hex
 * characters, recoverable by enumerating the ID space), and keys under a previous secret after a rotation. Each key
 * is recomputed from the case's applicant (its {@code META} item), so the rewritten key equals the one a new rating
 * of the same applicant gets: "one rating per applicant", statistics and joins hold across the migration.
 *
 * <p><b>Idempotent</b>: an item whose key already carries the current key id is left alone; each rewrite is
 * conditioned on the item being unchanged since it was read (a concurrent change is left for the next run).
 * <b>Resumable</b>: after every page of the scan the position is saved in {@code CHECKPOINT#pseudonym-migration}
 * (with the key id it migrates to); a run that stops continues from there; a finished run is marked done and a
 * later run costs one read — until the current key id changes (a rotation), which starts it over.
 *
 * <p><b>When it runs</b>: the local system runs it to the end at every start (before its functions start); in the
 * cloud an operator runs {@link #main} once after deploying a version that changes keys, and again after each
 * rotation of the pseudonym secret, before the previous secret is removed from the ring (README, key rotation).
 */
public final class PseudonymMigration {
    private static final Logger LOG = Logger.getLogger(PseudonymMigration.class.getName());
    static final String CHECKPOINT = "CHECKPOINT#pseudonym-migration";
    private final DynamoDbClient db;
    private final String table;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    public PseudonymMigration(DynamoDbClient db, String casesTable, Pseudonyms pseudonyms, Clock clock) {
        this.db = db;
        this.table = casesTable;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    public static PseudonymMigration of(Platform p) {
        return new PseudonymMigration(p.dynamoDb, p.settings.casesTable(), p.privacyKeys.pseudonyms(), p.clock);
    }

    /** What a run did. */
    public record Result(int scanned, int rewritten, boolean done) {
    }

    /** Runs until done or until {@code maxPages} scan pages were handled (then the next run resumes). */
    public Result run(int pageSize, int maxPages) {
        Map<String, AttributeValue> cp = db.getItem(b -> b.tableName(table).key(key(CHECKPOINT, "META"))
                .consistentRead(true)).item();
        String keyId = pseudonyms.currentKeyId();
        boolean sameKey = cp != null && !cp.isEmpty() && keyId.equals(str(cp, "keyId"));
        if (sameKey && "true".equals(str(cp, "done"))) return new Result(0, 0, true);
        Map<String, AttributeValue> start = sameKey && cp.containsKey("lastPk")
                ? key(str(cp, "lastPk"), str(cp, "lastSk")) : null;
        int scanned = 0;
        int rewritten = 0;
        for (int page = 0; page < maxPages; page++) {
            Map<String, AttributeValue> from = start;
            ScanResponse r = db.scan(b -> b.tableName(table).limit(pageSize).consistentRead(true)
                    .exclusiveStartKey(from)
                    .filterExpression("sk IN (:e1, :e2)")
                    .expressionAttributeValues(Map.of(":e1", s("EVAL#1"), ":e2", s("EVAL#2"))));
            for (Map<String, AttributeValue> item : r.items()) {
                scanned++;
                if (rewrite(item)) rewritten++;
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            saveCheckpoint(keyId, start);
            if (start == null) {
                LOG.info("pseudonym migration to key id " + keyId + " done: " + scanned + " ratings read, "
                        + rewritten + " keys rewritten in this run");
                return new Result(scanned, rewritten, true);
            }
        }
        return new Result(scanned, rewritten, false);
    }

    private boolean rewrite(Map<String, AttributeValue> item) {
        String doc = str(item, "doc");
        Evaluation e = Json.read(doc, Evaluation.class);
        if (e.applicantKey() == null || pseudonyms.isCurrent(e.applicantKey())) return false;
        GetItemResponse meta = db.getItem(b -> b.tableName(table).key(key(str(item, "pk"), "META"))
                .consistentRead(true));
        if (!meta.hasItem() || meta.item().isEmpty()) return false;
        ServiceCase.Snapshot c = Json.read(str(meta.item(), "doc"), ServiceCase.Snapshot.class);
        if (c.applicant() == null || c.applicant().idType() == null || c.applicant().idNumber() == null) return false;
        String updated = Json.write(e.withApplicantKey(pseudonyms.applicantKey(c.applicant().idType(),
                c.applicant().idNumber())));
        try {
            db.updateItem(b -> b.tableName(table).key(key(str(item, "pk"), str(item, "sk")))
                    .updateExpression("SET doc = :new").conditionExpression("doc = :old")
                    .expressionAttributeValues(Map.of(":new", s(updated), ":old", s(doc))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false; // changed since read: the next run looks again
        }
    }

    private void saveCheckpoint(String keyId, Map<String, AttributeValue> next) {
        Map<String, AttributeValue> item = new HashMap<>(key(CHECKPOINT, "META"));
        item.put("keyId", s(keyId));
        item.put("at", s(clock.instant().toString()));
        if (next == null) {
            item.put("done", s("true"));
        } else {
            item.put("lastPk", next.get("pk"));
            item.put("lastSk", next.get("sk"));
        }
        db.putItem(b -> b.tableName(table).item(item));
    }

    /**
     * The operator's run in the cloud, with the environment of the functions that compute keys
     * ({@code CASES_TABLE}, {@code PSEUDONYM_SECRET_ARN}, {@code AWS_REGION}) and credentials that may scan, read and
     * update the cases table and read the secret. Runs to the end; safe to interrupt and run again.
     */
    public static void main(String[] args) {
        Platform p = new Platform(AwsSettings.fromEnvironment(System.getenv()), Clock.systemUTC());
        Result total;
        int scanned = 0;
        int rewritten = 0;
        do {
            total = of(p).run(500, 20);
            scanned += total.scanned();
            rewritten += total.rewritten();
            System.out.printf("ratings read %d, applicant keys rewritten %d%s%n", scanned, rewritten,
                    total.done() ? ", done" : ", continuing");
        } while (!total.done());
    }
}
