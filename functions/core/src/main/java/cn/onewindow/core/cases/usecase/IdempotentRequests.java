package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.IdempotencyClaim;
import cn.onewindow.core.ports.IdempotencyRecord;
import cn.onewindow.core.ports.IdempotencyStore;
import cn.onewindow.core.privacy.PrivacyKeys;
import cn.onewindow.core.privacy.Pseudonyms;

import java.util.List;
import java.util.Optional;

/**
 * An Idempotency-Key binds one caller's one action (on one case) to one request: the same request sent again is
 * answered with the stored result, another request under the same key is refused.
 */
final class IdempotentRequests {
    private final IdempotencyStore store;
    private final PrivacyKeys keys;

    IdempotentRequests(IdempotencyStore store, PrivacyKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    /** The claim a write stores with its result; null without a key. */
    IdempotencyClaim claim(Caller caller, String op, String caseId, Object cmd, String key) {
        if (key == null) return null;
        if (key.isBlank() || key.length() > 128 || !key.chars().allMatch(ch -> ch > 32 && ch < 127)) {
            throw DomainException.validation(List.of(FieldError.of("Idempotency-Key",
                    "INVALID_IDEMPOTENCY_KEY", "幂等键应为1至128个可见ASCII字符",
                    "Idempotency-Key must be 1–128 visible ASCII characters")));
        }
        String scope = caller.id() + "#" + op + "#" + (caseId == null ? "" : caseId) + "#" + key;
        // a keyed fingerprint: the body holds the applicant's identity, which an unkeyed hash would give away
        List<String> hashes = keys.pseudonyms().candidates(Pseudonyms.REQUEST, String.valueOf(cmd));
        return new IdempotencyClaim(scope, hashes.get(0), hashes.subList(1, hashes.size()));
    }

    /** The stored answer to the same request; refuses a different request under the same key. */
    Optional<CaseWritten> replay(IdempotencyClaim claim) {
        if (claim == null) return Optional.empty();
        Optional<IdempotencyRecord> rec = store.findRecord(claim.scopeKey());
        if (rec.isEmpty()) return Optional.empty();
        if (!claim.sameRequestAs(rec.get().requestHash())) {
            throw DomainException.unprocessable("IDEMPOTENCY_KEY_REUSED", "该幂等键已用于另一个不同的请求",
                    "this Idempotency-Key was already used for a different request");
        }
        return Optional.of(new CaseWritten(rec.get().result(), true));
    }
}
