package cn.onewindow.aws;

import cn.onewindow.core.common.ConcurrentUpdateException;
import cn.onewindow.core.common.RetryPolicy;
import cn.onewindow.core.ports.SessionStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;

import static cn.onewindow.aws.Attr.n;
import static cn.onewindow.aws.Attr.num;
import static cn.onewindow.aws.Attr.s;
import static cn.onewindow.aws.Attr.str;

/**
 * Sign-in credentials and sessions in the callers table, next to the token and account items (the table's key is
 * {@code pk} alone):
 * <ul>
 *   <li>{@code LOGIN#<user name>}: the caller, the password hash, the credential id, the failure counter and lock.
 *   Unique by construction: it is created with {@code attribute_not_exists(pk)}.</li>
 *   <li>{@code CREDENTIAL#<caller id>}: the caller's current user name (to drop it when it changes).</li>
 *   <li>{@code SESSION#<SHA-256 of the token>}: caller, user name, credential id, created, last seen, end; the
 *   number attribute {@code expiresAt} (epoch seconds) is the table's TTL attribute, so DynamoDB deletes ended
 *   sessions. The token itself is never stored.</li>
 * </ul>
 */
public final class DynamoSessionStore implements SessionStore {
    private final DynamoDbClient db;
    private final String table;

    public DynamoSessionStore(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", s(pk));
    }

    private Optional<Map<String, AttributeValue>> get(String pk) {
        GetItemResponse r = db.getItem(b -> b.tableName(table).key(key(pk)).consistentRead(true));
        return !r.hasItem() || r.item().isEmpty() ? Optional.empty() : Optional.of(r.item());
    }

    @Override
    public Optional<Credential> credential(String username) {
        return get("LOGIN#" + username).map(i -> new Credential(username, str(i, "callerId"), str(i, "passwordHash"),
                str(i, "credentialId"), (int) num(i, "failures"),
                i.containsKey("lockedUntil") ? Instant.ofEpochMilli(num(i, "lockedUntil")) : null));
    }

    @Override
    public Optional<String> usernameOf(String callerId) {
        return get("CREDENTIAL#" + callerId).map(i -> str(i, "username"));
    }

    @Override
    public boolean setCredential(String callerId, String username, String passwordHash, String credentialId,
                                 Instant at) {
        return RetryPolicy.standard().onConflict(() -> {
            String old = usernameOf(callerId).orElse(null);
            Map<String, AttributeValue> login = new HashMap<>();
            login.put("pk", s("LOGIN#" + username));
            login.put("callerId", s(callerId));
            login.put("passwordHash", s(passwordHash));
            login.put("credentialId", s(credentialId));
            login.put("failures", n(0));
            login.put("changedAt", s(at.toString()));
            List<TransactWriteItem> w = new ArrayList<>();
            w.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(login)
                    .conditionExpression("attribute_not_exists(pk) OR callerId = :me")
                    .expressionAttributeValues(Map.of(":me", s(callerId))).build()).build());
            Put.Builder cred = Put.builder().tableName(table).item(Map.of("pk", s("CREDENTIAL#" + callerId),
                    "username", s(username)));
            if (old == null) {
                cred.conditionExpression("attribute_not_exists(pk)");
            } else {
                cred.conditionExpression("username = :old").expressionAttributeValues(Map.of(":old", s(old)));
            }
            w.add(TransactWriteItem.builder().put(cred.build()).build());
            if (old != null && !old.equals(username)) {
                w.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(key("LOGIN#" + old)).conditionExpression("callerId = :me")
                        .expressionAttributeValues(Map.of(":me", s(callerId))).build()).build());
            }
            try {
                Transactions.write(db, b -> b.transactItems(w));
                return true;
            } catch (TransactionCanceledException e) {
                Optional<Map<String, AttributeValue>> taken = get("LOGIN#" + username);
                if (taken.isPresent() && !callerId.equals(str(taken.get(), "callerId"))) return false;
                throw new ConcurrentUpdateException("账号已被他人同时修改，请刷新后重试",
                        "the account was changed by someone else at the same time; reload and retry");
            }
        });
    }

    @Override
    public boolean recordFailure(String username, String credentialId, int seenFailures, int failures,
                                 Instant lockedUntil) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":seen", n(seenFailures));
        values.put(":next", n(failures));
        values.put(":cid", s(credentialId));
        // this attempt's mark: when the SDK resends an update that was applied but whose answer was lost, the
        // resend finds its own mark and succeeds again instead of failing its condition (and counting twice)
        values.put(":attempt", s(UUID.randomUUID().toString()));
        String update = "SET failures = :next, failureAttempt = :attempt";
        if (lockedUntil != null) {
            update += ", lockedUntil = :lock";
            values.put(":lock", n(lockedUntil.toEpochMilli())); // epoch millis: compared as a number
        } else {
            update += " REMOVE lockedUntil";
        }
        String expression = update;
        try {
            db.updateItem(b -> b.tableName(table).key(key("LOGIN#" + username)).updateExpression(expression)
                    .conditionExpression("(failures = :seen AND credentialId = :cid) OR failureAttempt = :attempt")
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean resetFailures(String username, String credentialId, Instant now) {
        try {
            db.updateItem(b -> b.tableName(table).key(key("LOGIN#" + username))
                    .updateExpression("SET failures = :zero REMOVE lockedUntil")
                    .conditionExpression("credentialId = :cid AND (attribute_not_exists(lockedUntil) OR lockedUntil <= :now)")
                    .expressionAttributeValues(Map.of(":zero", n(0), ":cid", s(credentialId),
                            ":now", n(now.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean changePassword(String username, String oldCredentialId, String passwordHash,
                                  String newCredentialId, String keepSessionHash, Instant at) {
        try {
            Transactions.write(db, b -> b.transactItems(
                    TransactWriteItem.builder().update(Update.builder().tableName(table).key(key("LOGIN#" + username))
                            .updateExpression("SET passwordHash = :h, credentialId = :new, failures = :zero, "
                                    + "changedAt = :at REMOVE lockedUntil")
                            .conditionExpression("credentialId = :old")
                            .expressionAttributeValues(Map.of(":h", s(passwordHash), ":new", s(newCredentialId),
                                    ":zero", n(0), ":at", s(at.toString()), ":old", s(oldCredentialId))).build())
                            .build(),
                    TransactWriteItem.builder().update(Update.builder().tableName(table)
                            .key(key("SESSION#" + keepSessionHash)).updateExpression("SET credentialId = :new")
                            .conditionExpression("credentialId = :old")
                            .expressionAttributeValues(Map.of(":new", s(newCredentialId), ":old",
                                    s(oldCredentialId))).build()).build()));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    @Override
    public void createSession(Session session) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("SESSION#" + session.tokenHash()));
        item.put("callerId", s(session.callerId()));
        item.put("username", s(session.username()));
        item.put("credentialId", s(session.credentialId()));
        item.put("createdAt", s(session.createdAt().toString()));
        item.put("lastSeenAt", s(session.lastSeenAt().toString()));
        item.put("endsAt", s(session.expiresAt().toString()));
        item.put("expiresAt", n(session.expiresAt().getEpochSecond())); // the table's TTL attribute
        item.put("state", s("ACTIVE"));
        try {
            db.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            // the key is the hash of a fresh 256-bit token: an existing item is this very write, landed on an
            // attempt whose answer was lost and resent by the SDK; anything else is a real clash
            Map<String, AttributeValue> stored = get("SESSION#" + session.tokenHash()).orElse(Map.of());
            if (!item.equals(stored)) {
                throw e;
            }
        }
    }

    @Override
    public Optional<Session> session(String tokenHash) {
        return get("SESSION#" + tokenHash).map(i -> new Session(tokenHash, str(i, "callerId"), str(i, "username"),
                str(i, "credentialId"), Instant.parse(str(i, "createdAt")), Instant.parse(str(i, "lastSeenAt")),
                Instant.parse(str(i, "endsAt")), !"ACTIVE".equals(str(i, "state"))));
    }

    @Override
    public void touch(String tokenHash, Instant seenBefore, Instant now) {
        try {
            db.updateItem(b -> b.tableName(table).key(key("SESSION#" + tokenHash))
                    .updateExpression("SET lastSeenAt = :now")
                    .conditionExpression("lastSeenAt = :before AND #s = :active")
                    .expressionAttributeNames(Map.of("#s", "state"))
                    .expressionAttributeValues(Map.of(":now", s(now.toString()), ":before", s(seenBefore.toString()),
                            ":active", s("ACTIVE"))));
        } catch (ConditionalCheckFailedException e) {
            // another request moved it (or the session ended) meanwhile
        }
    }

    @Override
    public void revoke(String tokenHash) {
        try {
            db.updateItem(b -> b.tableName(table).key(key("SESSION#" + tokenHash)).updateExpression("SET #s = :r")
                    .conditionExpression("attribute_exists(pk)").expressionAttributeNames(Map.of("#s", "state"))
                    .expressionAttributeValues(Map.of(":r", s("REVOKED"))));
        } catch (ConditionalCheckFailedException e) {
            // nothing to revoke
        }
    }
}
