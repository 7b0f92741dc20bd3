package cn.onewindow.aws;

import cn.onewindow.core.common.ConcurrentUpdateException;
import cn.onewindow.core.common.RetryPolicy;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.ports.CallerDirectory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.onewindow.aws.Attr.s;
import static cn.onewindow.aws.Attr.str;

/**
 * Callers keyed by the SHA-256 hash of their token ({@code pk = TOKEN#<hash>}; tokens are never stored), and one
 * account item per caller ({@code pk = CALLER#<id>}) naming its current token hash. Rotation, profile changes and
 * deactivation write both in one transaction, so a revoked token is refused by the very next request. Every write
 * to an existing account is conditional on the token and state it read, so no write based on an active account
 * can land after a deactivation, and only {@link #reactivate} makes a deactivated caller active again.
 */
public final class DynamoCallerDirectory implements CallerDirectory {
    static final String INDEX = "CALLER_INDEX";
    private static final String ACTIVE = "ACTIVE";
    private static final String INACTIVE = "INACTIVE";
    /** Retries of a conditional write that lost a race (each re-reads the account first). */
    private final DynamoDbClient db;
    private final String table;

    public DynamoCallerDirectory(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    @Override
    public Optional<Caller> byTokenHash(String tokenHash) {
        GetItemResponse r = db.getItem(b -> b.tableName(table).key(Map.of("pk", s("TOKEN#" + tokenHash)))
                .consistentRead(true));
        if (!r.hasItem() || r.item().isEmpty()) return Optional.empty();
        if (!ACTIVE.equals(str(r.item(), "state"))) return Optional.empty();
        return Optional.of(Json.read(str(r.item(), "doc"), Caller.class));
    }

    /** Demo seeding: never touches a deactivated caller; conditional on the account read, retried on a race. */
    @Override
    public void put(String tokenHash, Caller caller) {
        RetryPolicy.standard().onConflict(() -> {
            Optional<Map<String, AttributeValue>> acct = accountItem(caller.id());
            if (acct.isPresent() && !ACTIVE.equals(str(acct.get(), "state"))) return null;
            String old = acct.map(i -> str(i, "tokenHash")).orElse(null);
            Map<String, AttributeValue> next = accountItem(caller, tokenHash, true, Instant.now());
            acct.ifPresent(a -> keepLifecycle(a, next));
            List<TransactWriteItem> w = new ArrayList<>();
            w.add(put(tokenItem(tokenHash, caller, ACTIVE), null));
            w.add(acct.isEmpty() ? put(next, "attribute_not_exists(pk)") : whileUnchanged(next, old, ACTIVE));
            w.add(indexed(caller.id()));
            if (old != null && !old.equals(tokenHash)) w.add(revoke(old));
            try {
                Transactions.write(db, b -> b.transactItems(w));
            } catch (TransactionCanceledException e) {
                throw concurrent();
            }
            return null;
        });
    }

    @Override
    public Optional<Account> account(String callerId) {
        return accountItem(callerId).map(DynamoCallerDirectory::account);
    }

    /**
     * Every caller, by id: the ids are kept in one index item ({@code CALLER_INDEX}, a string set added to when a
     * caller is created), the accounts read by batches of 100 — no scan (the table's key is {@code pk} alone).
     */
    @Override
    public List<Account> accounts() {
        GetItemResponse idx = db.getItem(b -> b.tableName(table).key(Map.of("pk", s(INDEX))).consistentRead(true));
        List<String> ids = idx.hasItem() && idx.item().containsKey("ids")
                ? new ArrayList<>(idx.item().get("ids").ss()) : new ArrayList<>();
        java.util.Collections.sort(ids);
        List<Account> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + 100)).stream()
                    .map(id -> Map.of("pk", s("CALLER#" + id))).toList();
            Map<String, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes> request =
                    Map.of(table, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
                            .keys(keys).consistentRead(true).build());
            while (request != null && !request.isEmpty()) {
                var r = db.batchGetItem(software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest.builder()
                        .requestItems(request).build());
                r.responses().getOrDefault(table, List.of()).forEach(i -> out.add(account(i)));
                request = r.hasUnprocessedKeys() && !r.unprocessedKeys().isEmpty() ? r.unprocessedKeys() : null;
            }
        }
        out.sort(Comparator.comparing(a -> a.caller().id()));
        return out;
    }

    /** Adds a caller id to the index item. */
    private TransactWriteItem indexed(String callerId) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(Map.of("pk", s(INDEX)))
                .updateExpression("ADD ids :id").expressionAttributeValues(Map.of(":id",
                        AttributeValue.builder().ss(callerId).build())).build()).build();
    }

    @Override
    public void create(Caller caller, String tokenHash, Instant at) {
        try {
            Transactions.write(db, b -> b.transactItems(
                    put(accountItem(caller, tokenHash, true, at), "attribute_not_exists(pk)"),
                    put(tokenItem(tokenHash, caller, "ACTIVE"), "attribute_not_exists(pk)"), indexed(caller.id())));
        } catch (TransactionCanceledException e) {
            throw DomainException.conflict("CALLER_EXISTS", "该编号的调用方已存在", "a caller with this id exists");
        }
    }

    /**
     * Only an active caller's token is rotated: the account is written on condition that its token and state are
     * still those read, so a rotation racing a deactivation either happens before it (and its new token is then
     * revoked by it) or fails with {@code CALLER_DEACTIVATED}.
     */
    @Override
    public void rotate(String callerId, String newTokenHash, Instant at) {
        Map<String, AttributeValue> acct = accountItem(callerId).orElseThrow();
        if (!ACTIVE.equals(str(acct, "state"))) throw deactivated();
        Caller caller = Json.read(str(acct, "doc"), Caller.class);
        String old = str(acct, "tokenHash");
        Map<String, AttributeValue> next = accountItem(caller, newTokenHash, true, at);
        keepLifecycle(acct, next);
        try {
            Transactions.write(db, b -> b.transactItems(whileUnchanged(next, old, ACTIVE),
                    put(tokenItem(newTokenHash, caller, ACTIVE), "attribute_not_exists(pk)"), revoke(old)));
        } catch (TransactionCanceledException e) {
            if (accountItem(callerId).map(a -> !ACTIVE.equals(str(a, "state"))).orElse(true)) throw deactivated();
            throw new ConcurrentUpdateException("令牌正被同时更换，请重试",
                    "the token was changed meanwhile; retry");
        }
    }

    /** The profile changes; token and state stay as read (a concurrent deactivation makes it retry, inactive). */
    @Override
    public void update(Caller caller) {
        RetryPolicy.standard().onConflict(() -> {
            Map<String, AttributeValue> acct = accountItem(caller.id()).orElseThrow();
            String hash = str(acct, "tokenHash");
            String state = str(acct, "state");
            boolean active = ACTIVE.equals(state);
            Map<String, AttributeValue> next = accountItem(caller, hash, active,
                    Instant.parse(str(acct, "tokenIssuedAt")));
            keepLifecycle(acct, next);
            next.put("state", s(state));
            try {
                Transactions.write(db, b -> b.transactItems(whileUnchanged(next, hash, state),
                        put(tokenItem(hash, caller, active ? ACTIVE : "REVOKED"), "attribute_exists(pk)")));
            } catch (TransactionCanceledException e) {
                throw concurrent();
            }
            return null;
        });
    }

    /**
     * Marks the account inactive and revokes the token it names, on condition that both are still those read: a
     * rotation that got in first makes it read again and revoke the new token.
     */
    @Override
    public void deactivate(String callerId, Instant at, String by) {
        RetryPolicy.standard().onConflict(() -> {
            Map<String, AttributeValue> acct = accountItem(callerId).orElseThrow();
            if (!ACTIVE.equals(str(acct, "state"))) return null;
            String hash = str(acct, "tokenHash");
            Map<String, AttributeValue> next = new HashMap<>(acct);
            next.put("state", s(INACTIVE));
            next.put("deactivatedAt", s(at.toString()));
            next.put("lifecycle", s(Json.write(append(lifecycle(acct),
                    new LifecycleEvent("DEACTIVATED", at, by, null)))));
            try {
                Transactions.write(db, b -> b.transactItems(whileUnchanged(next, hash, ACTIVE), revoke(hash)));
            } catch (TransactionCanceledException e) {
                throw concurrent();
            }
            return null;
        });
    }

    @Override
    public void reactivate(String callerId, String newTokenHash, Instant at, String by, String reason) {
        Map<String, AttributeValue> acct = accountItem(callerId).orElseThrow();
        if (ACTIVE.equals(str(acct, "state"))) throw active();
        Caller caller = Json.read(str(acct, "doc"), Caller.class);
        String old = str(acct, "tokenHash");
        Map<String, AttributeValue> next = accountItem(caller, newTokenHash, true, at);
        keepLifecycle(acct, next);
        next.put("lifecycle", s(Json.write(append(lifecycle(acct),
                new LifecycleEvent("REACTIVATED", at, by, reason)))));
        try {
            // the revoked token stays revoked: the caller comes back with a new one only
            Transactions.write(db, b -> b.transactItems(whileUnchanged(next, old, INACTIVE),
                    put(tokenItem(newTokenHash, caller, ACTIVE), "attribute_not_exists(pk)")));
        } catch (TransactionCanceledException e) {
            if (accountItem(callerId).map(a -> ACTIVE.equals(str(a, "state"))).orElse(false)) throw active();
            throw concurrent();
        }
    }

    /** The account put, on condition that its token and state are those read. */
    private TransactWriteItem whileUnchanged(Map<String, AttributeValue> item, String tokenHash, String state) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("tokenHash = :h AND #s = :st")
                .expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":h", s(tokenHash), ":st", s(state))).build()).build();
    }

    private static void keepLifecycle(Map<String, AttributeValue> from, Map<String, AttributeValue> to) {
        for (String a : List.of("deactivatedAt", "lifecycle")) {
            if (from.containsKey(a)) to.put(a, from.get(a));
        }
    }

    private static List<LifecycleEvent> lifecycle(Map<String, AttributeValue> acct) {
        String json = str(acct, "lifecycle");
        return json == null ? List.of() : List.of(Json.read(json, LifecycleEvent[].class));
    }

    private static List<LifecycleEvent> append(List<LifecycleEvent> events, LifecycleEvent e) {
        List<LifecycleEvent> out = new ArrayList<>(events);
        out.add(e);
        return out;
    }

    private static DomainException deactivated() {
        return DomainException.conflict("CALLER_DEACTIVATED", "调用方已停用，须由管理员重新启用",
                "the caller is deactivated; an administrator must reactivate it (POST /v1/callers/{id}/reactivation)");
    }

    private static DomainException active() {
        return DomainException.conflict("CALLER_ACTIVE", "调用方未停用", "the caller is active");
    }

    private static DomainException concurrent() {
        return new ConcurrentUpdateException("调用方正被同时修改，请重试",
                "the caller was changed meanwhile; retry");
    }

    private Optional<Map<String, AttributeValue>> accountItem(String callerId) {
        GetItemResponse r = db.getItem(b -> b.tableName(table).key(Map.of("pk", s("CALLER#" + callerId)))
                .consistentRead(true));
        return !r.hasItem() || r.item().isEmpty() ? Optional.empty() : Optional.of(r.item());
    }

    private static Account account(Map<String, AttributeValue> i) {
        String issued = str(i, "tokenIssuedAt");
        String deactivated = str(i, "deactivatedAt");
        return new Account(Json.read(str(i, "doc"), Caller.class), ACTIVE.equals(str(i, "state")),
                issued == null ? null : Instant.parse(issued), deactivated == null ? null : Instant.parse(deactivated),
                lifecycle(i));
    }

    private static Map<String, AttributeValue> tokenItem(String hash, Caller caller, String state) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("TOKEN#" + hash));
        item.put("callerId", s(caller.id()));
        item.put("state", s(state));
        item.put("doc", s(Json.write(caller)));
        return item;
    }

    private static Map<String, AttributeValue> accountItem(Caller caller, String hash, boolean active, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("CALLER#" + caller.id()));
        item.put("tokenHash", s(hash));
        item.put("state", s(active ? ACTIVE : INACTIVE));
        item.put("tokenIssuedAt", s(at.toString()));
        item.put("doc", s(Json.write(caller)));
        return item;
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition) {
        Put.Builder p = Put.builder().tableName(table).item(item);
        if (condition != null) p.conditionExpression(condition);
        return TransactWriteItem.builder().put(p.build()).build();
    }

    private TransactWriteItem revoke(String hash) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(Map.of("pk", s("TOKEN#" + hash))).updateExpression("SET #s = :r")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":r", s("REVOKED"))).build()).build();
    }
}
