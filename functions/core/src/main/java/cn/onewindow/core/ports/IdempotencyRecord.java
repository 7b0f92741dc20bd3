package cn.onewindow.core.ports;

import cn.onewindow.core.cases.ServiceCase;

import java.time.Instant;

/** The first result of an idempotent write, returned again to every retry with the same key. */
public record IdempotencyRecord(String scopeKey, String requestHash, String caseId, ServiceCase.Snapshot result,
                                Instant createdAt) {
}
