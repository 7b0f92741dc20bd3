package cn.onewindow.core.ports;

import java.util.Optional;

/** Reads recorded idempotent results; they are written together with the change they belong to. */
public interface IdempotencyStore {
    Optional<IdempotencyRecord> findRecord(String scopeKey);
}
