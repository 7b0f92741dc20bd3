package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.access.PointTree;
import cn.onewindow.core.cases.HistoryEntry;
import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.CaseQuery;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.Page;

import java.util.List;

/**
 * The reads of cases: one case, its history, a list cut to the caller's scope. A case the caller may not read is
 * answered as not found (its existence does not leak).
 */
public final class ShowCases {
    private final CaseRepository cases;
    private final PointTree tree;

    /** @param tree where service points sit (township and county staff read their subtree) */
    public ShowCases(CaseRepository cases, PointTree tree) {
        this.cases = cases;
        this.tree = tree;
    }

    public ServiceCase.Snapshot get(Caller caller, String caseId) {
        ServiceCase.Snapshot s = cases.find(caseId).orElseThrow(() -> AccessPolicy.caseNotFound(caseId));
        AccessPolicy.requireCase(caller, s, null, tree);
        return s;
    }

    public List<HistoryEntry> history(Caller caller, String caseId) {
        get(caller, caseId);
        return cases.history(caseId);
    }

    public Page<ServiceCase.Snapshot> list(Caller caller, CaseQuery q) {
        CaseQuery scoped = AccessPolicy.listScope(caller, q, tree);
        return cases.list(scoped);
    }
}
