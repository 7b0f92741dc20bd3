package cn.onewindow.core.ports;

import java.time.Instant;
import java.util.List;

/** Who read an applicant's identity in clear (身份信息查阅记录): one record per read, kept with the case. */
public interface AccessLog {

    /**
     * @param what the request that showed it, e.g. {@code GET /v1/cases/{id}}
     */
    record Entry(String caseId, String callerId, String role, String servicePointId, String centerId, Instant at,
                 String what) {
    }

    void record(Entry entry);

    /** Oldest first. */
    List<Entry> of(String caseId);

    /**
     * A staff sign-in event ({@code SIGN_IN}, {@code SIGN_IN_FAILED}, {@code LOCKED_OUT}, {@code SIGN_IN_LOCKED},
     * {@code SIGN_OUT}, {@code PASSWORD_CHANGED}, {@code CREDENTIALS_SET}): never a password or a token.
     *
     * @param callerId null for an unknown user name
     * @param userKey  the keyed pseudonym of the user name tried (never the name itself)
     */
    record SignInEvent(String event, String callerId, String userKey, Instant at) {
    }

    void record(SignInEvent event);

    /** The sign-in events of one UTC day, oldest first. */
    List<SignInEvent> signIns(java.time.LocalDate day);
}
