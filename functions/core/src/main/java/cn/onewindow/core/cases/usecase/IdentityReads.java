package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.access.PointTree;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.AccessLog;
import cn.onewindow.core.ports.CaseRepository;

import java.time.Clock;
import java.util.List;

/**
 * Who was shown an applicant's identity in clear: every such read is recorded, and only supervisors read the
 * record.
 */
public final class IdentityReads {
    private final CaseRepository cases;
    private final PointTree tree;
    private final AccessLog accessLog;
    private final Clock clock;

    /** @param accessLog where reads of a clear identity are recorded; may be null (nothing is recorded) */
    public IdentityReads(CaseRepository cases, PointTree tree, AccessLog accessLog, Clock clock) {
        this.cases = cases;
        this.tree = tree;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** Records that the caller was shown the applicant's identity in clear (when its role sees it so). */
    public void record(Caller caller, ServiceCase.Snapshot s, String what) {
        if (accessLog == null || s.applicant() == null || !AccessPolicy.seesClearIdentity(caller)) return;
        accessLog.record(new AccessLog.Entry(s.id(), caller.id(), caller.role().name(), caller.servicePointId(),
                caller.centerId(), clock.instant(), what));
    }

    /** Who read the applicant's identity in clear: supervisors only. */
    public List<AccessLog.Entry> of(Caller caller, String caseId) {
        if (!AccessPolicy.canReadIdentityLog(caller)) {
            cases.find(caseId).ifPresent(s -> {
                if (AccessPolicy.canRead(caller, s, tree)) {
                    throw DomainException.forbidden("FORBIDDEN", "仅电子监察可查看身份信息查阅记录",
                            "only supervisors read the identity access log");
                }
            });
            throw AccessPolicy.caseNotFound(caseId);
        }
        cases.find(caseId).orElseThrow(() -> AccessPolicy.caseNotFound(caseId));
        return accessLog == null ? List.of() : accessLog.of(caseId);
    }
}
