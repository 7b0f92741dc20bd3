package cn.onewindow.aws;

import cn.onewindow.core.ports.AccessLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.onewindow.aws.Attr.key;
import static cn.onewindow.aws.Attr.s;

/**
 * Reads of a clear identity, kept in the case's own partition as {@code ACCESS#<time>#<caller>#<n>} items (no index
 * attributes: they never appear in listings or the due-time index), and staff sign-in events by day.
 */
public final class DynamoAccessLog implements AccessLog {
    private final DynamoDbClient db;
    private final String table;

    public DynamoAccessLog(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    @Override
    public void record(Entry e) {
        Map<String, AttributeValue> item = new HashMap<>(key(DynamoCaseRepository.casePk(e.caseId()),
                "ACCESS#" + DynamoCaseRepository.sortable(e.at()) + "#" + e.callerId() + "#"
                        + UUID.randomUUID().toString().substring(0, 8)));
        item.put("doc", s(Json.write(e)));
        db.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public List<Entry> of(String caseId) {
        return Attr.docsUnder(db, table, DynamoCaseRepository.casePk(caseId), "ACCESS#", Entry.class);
    }

    /** Sign-in events, one partition per UTC day ({@code SIGNIN#<day>}), sorted by time; never indexed. */
    @Override
    public void record(SignInEvent e) {
        Map<String, AttributeValue> item = new HashMap<>(key(signInPk(e.at().atZone(java.time.ZoneOffset.UTC)
                .toLocalDate()), DynamoCaseRepository.sortable(e.at()) + "#"
                + UUID.randomUUID().toString().substring(0, 8)));
        item.put("doc", s(Json.write(e)));
        db.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public List<SignInEvent> signIns(java.time.LocalDate day) {
        return Attr.docsUnder(db, table, signInPk(day), "2", SignInEvent.class); // every sort key starts with the year
    }

    private static String signInPk(java.time.LocalDate day) {
        return "SIGNIN#" + day;
    }
}
