package cn.onewindow.memory;

import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.CallerDirectory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Callers by the hash of their token, and their accounts, in memory. Each change of token and state happens under
 * one lock, so a revoked token is refused by the very next request and only {@link #reactivate} makes a deactivated
 * caller active again, as in the DynamoDB directory.
 */
public final class MemoryCallerDirectory implements CallerDirectory {
    private enum TokenState { ACTIVE, REVOKED }

    private record Token(String callerId, TokenState state) {
    }

    private record Row(Caller caller, String tokenHash, boolean active, Instant tokenIssuedAt, Instant deactivatedAt,
                       List<LifecycleEvent> lifecycle) {
        Account account() {
            return new Account(caller, active, tokenIssuedAt, deactivatedAt, lifecycle);
        }
    }

    private final Map<String, Token> tokens = new HashMap<>();
    private final TreeMap<String, Row> accounts = new TreeMap<>();

    @Override
    public synchronized Optional<Caller> byTokenHash(String tokenHash) {
        Token t = tokens.get(tokenHash);
        if (t == null || t.state() != TokenState.ACTIVE) return Optional.empty();
        return Optional.of(accounts.get(t.callerId()).caller());
    }

    @Override
    public synchronized void put(String tokenHash, Caller caller) {
        Row row = accounts.get(caller.id());
        if (row != null && !row.active()) return; // seeding never reactivates anyone
        if (row != null && !row.tokenHash().equals(tokenHash)) revoke(row.tokenHash());
        tokens.put(tokenHash, new Token(caller.id(), TokenState.ACTIVE));
        accounts.put(caller.id(), new Row(caller, tokenHash, true, Instant.now(),
                row == null ? null : row.deactivatedAt(), row == null ? List.of() : row.lifecycle()));
    }

    @Override
    public synchronized Optional<Account> account(String callerId) {
        return Optional.ofNullable(accounts.get(callerId)).map(Row::account);
    }

    @Override
    public synchronized List<Account> accounts() {
        return accounts.values().stream().map(Row::account).toList();
    }

    @Override
    public synchronized void create(Caller caller, String tokenHash, Instant at) {
        if (accounts.containsKey(caller.id()) || tokens.containsKey(tokenHash)) {
            throw DomainException.conflict("CALLER_EXISTS", "该编号的调用方已存在", "a caller with this id exists");
        }
        tokens.put(tokenHash, new Token(caller.id(), TokenState.ACTIVE));
        accounts.put(caller.id(), new Row(caller, tokenHash, true, at, null, List.of()));
    }

    @Override
    public synchronized void rotate(String callerId, String newTokenHash, Instant at) {
        Row row = accounts.get(callerId);
        if (row == null) throw new java.util.NoSuchElementException("no caller " + callerId);
        if (!row.active()) throw deactivated();
        revoke(row.tokenHash());
        tokens.put(newTokenHash, new Token(callerId, TokenState.ACTIVE));
        accounts.put(callerId, new Row(row.caller(), newTokenHash, true, at, row.deactivatedAt(), row.lifecycle()));
    }

    @Override
    public synchronized void update(Caller caller) {
        Row row = accounts.get(caller.id());
        if (row == null) throw new java.util.NoSuchElementException("no caller " + caller.id());
        accounts.put(caller.id(), new Row(caller, row.tokenHash(), row.active(), row.tokenIssuedAt(),
                row.deactivatedAt(), row.lifecycle()));
    }

    @Override
    public synchronized void deactivate(String callerId, Instant at, String by) {
        Row row = accounts.get(callerId);
        if (row == null) throw new java.util.NoSuchElementException("no caller " + callerId);
        if (!row.active()) return;
        revoke(row.tokenHash());
        accounts.put(callerId, new Row(row.caller(), row.tokenHash(), false, row.tokenIssuedAt(), at,
                append(row.lifecycle(), new LifecycleEvent("DEACTIVATED", at, by, null))));
    }

    @Override
    public synchronized void reactivate(String callerId, String newTokenHash, Instant at, String by, String reason) {
        Row row = accounts.get(callerId);
        if (row == null) throw new java.util.NoSuchElementException("no caller " + callerId);
        if (row.active()) throw DomainException.conflict("CALLER_ACTIVE", "调用方未停用", "the caller is active");
        if (tokens.containsKey(newTokenHash)) {
            throw new cn.onewindow.core.common.ConcurrentUpdateException("调用方正被同时修改，请重试",
                    "the caller was changed meanwhile; retry");
        }
        // the revoked token stays revoked: the caller comes back with a new one only
        tokens.put(newTokenHash, new Token(callerId, TokenState.ACTIVE));
        accounts.put(callerId, new Row(row.caller(), newTokenHash, true, at, row.deactivatedAt(),
                append(row.lifecycle(), new LifecycleEvent("REACTIVATED", at, by, reason))));
    }

    private void revoke(String tokenHash) {
        Token t = tokens.get(tokenHash);
        if (t != null) tokens.put(tokenHash, new Token(t.callerId(), TokenState.REVOKED));
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
}
