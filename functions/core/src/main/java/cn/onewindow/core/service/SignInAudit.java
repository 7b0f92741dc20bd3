package cn.onewindow.core.service;

import cn.onewindow.core.ports.AccessLog;
import cn.onewindow.core.privacy.PrivacyKeys;

import java.time.Clock;

/** The sign-in events of the access log: the user name only as a keyed hash, never in clear. */
final class SignInAudit {
    private final AccessLog audit;
    private final PrivacyKeys keys;
    private final Clock clock;

    SignInAudit(AccessLog audit, PrivacyKeys keys, Clock clock) {
        this.audit = audit;
        this.keys = keys;
        this.clock = clock;
    }

    void log(String event, String callerId, String username) {
        String key = username == null || !keys.hasPseudonyms() ? null
                : keys.pseudonyms().key(SessionService.USERNAME, username);
        audit.record(new AccessLog.SignInEvent(event, callerId, key, clock.instant()));
    }
}
