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
}
