package cn.onewindow.core.evaluation.usecase;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.evaluation.Evaluation;
import cn.onewindow.core.evaluation.EvaluationBatch;
import cn.onewindow.core.evaluation.Rectification;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.EvaluationRepository;
import cn.onewindow.core.ports.EvaluationRepository.RatingState;
import cn.onewindow.core.ports.Page;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.stream.Collectors;

/** Reading ratings, batches and rectifications, each within the caller's reach (outside it: "not found"). */
public final class ShowEvaluations {
    private final EvaluationRepository repo;

    public ShowEvaluations(EvaluationRepository repo) {
        this.repo = repo;
    }

    public Evaluation rating(Caller caller, String caseId, int round) {
        RatingState st = repo.state(caseId);
        Evaluation e = st == null ? null : st.rating(round);
        if (e == null || !AccessPolicy.canReadEvaluation(caller, e.departmentCode(), e.regionCode(), e.centerId(),
                e.servicePointId(), e.source())) {
            throw DomainException.notFound("EVALUATION_NOT_FOUND", "评价不存在", "no such evaluation");
        }
        return e;
    }

    public EvaluationBatch.Status batch(Caller caller, String batchId, int limit, String cursor) {
        EvaluationBatch b = repo.batch(batchId).filter(x -> AccessPolicy.canReadBatch(caller, x.submittedBy()))
                .orElseThrow(() -> DomainException.notFound("BATCH_NOT_FOUND", "批次不存在", "no batch " + batchId));
        return repo.batchStatus(b, limit, cursor);
    }

    public Rectification rectification(Caller caller, String id) {
        String caseId = Rectification.caseIdOf(id);
        int round = Rectification.roundOf(id);
        Rectification r = caseId == null || round < 1 ? null : repo.rectification(caseId, round).orElse(null);
        if (r == null || !AccessPolicy.canReadRectification(caller, r.departmentCode(), regionOf(caller, r),
                r.centerId(), r.servicePointId())) {
            throw DomainException.notFound("RECTIFICATION_NOT_FOUND", "整改记录不存在", "no rectification " + id);
        }
        return r;
    }

    public Page<Rectification> rectifications(Caller caller, String scope, String scopeId, boolean open, int limit,
                                              String cursor) {
        if (!AccessPolicy.canListRectifications(caller, scope, scopeId)) {
            throw DomainException.forbidden("FORBIDDEN", "无权查看该范围的整改记录",
                    "your role may not list the rectifications of this " + scope);
        }
        Page<Rectification> page = repo.rectifications(scope, scopeId, open, limit, cursor);
        if (!AccessPolicy.listsCutToOwnCity(caller)) return page;
        // a department code exists in every city: keep only the rectifications of the caller's city (a page may
        // then hold fewer than limit; the cursor still goes on)
        Map<String, RatingState> states = repo.states(page.items().stream().map(Rectification::caseId)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        return new Page<>(page.items().stream().filter(r -> {
            RatingState st = states.get(r.caseId());
            return st != null && st.caseSnapshot() != null
                    && AccessPolicy.inCity(caller, st.caseSnapshot().regionCode());
        }).toList(), page.nextCursor());
    }

    /** The city of a rectification's case, read only for the callers whose scope depends on it (departments). */
    String regionOf(Caller caller, Rectification r) {
        if (!AccessPolicy.listsCutToOwnCity(caller)) return null;
        RatingState st = repo.state(r.caseId());
        return st == null || st.caseSnapshot() == null ? null : st.caseSnapshot().regionCode();
    }
}
