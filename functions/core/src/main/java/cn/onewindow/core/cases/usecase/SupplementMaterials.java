package cn.onewindow.core.cases.usecase;

import cn.onewindow.core.access.AccessPolicy.CaseAction;
import cn.onewindow.core.approval.usecase.ReturnWaitingTasks;
import cn.onewindow.core.cases.CaseStatus;
import cn.onewindow.core.cases.Suspension;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;
import cn.onewindow.core.common.Validator;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.intake.IntakeAssessment;
import cn.onewindow.core.intake.IntakeRules;

import java.util.List;

/**
 * The applicant hands in materials later (补正/补齐). A case waiting for materials is assessed again (and may now be
 * accepted); a case whose clock stands for a department's request resumes and its waiting tasks go back to their
 * departments; a 容缺 case whose last tolerable material came in is fully accepted.
 */
public final class SupplementMaterials {
    private final CaseWrites writes;

    public SupplementMaterials(CaseWrites writes) {
        this.writes = writes;
    }

    public CaseWritten supplement(Caller caller, String caseId, CaseCommands.Supplement cmd, String key) {
        Validator v = new Validator();
        v.require(!cmd.materials().isEmpty(), "materials", "REQUIRED", "请至少提交一项材料", "give at least one material");
        IntakeValidation.validateMaterials(v, cmd.materials());
        v.throwIfInvalid();
        return writes.change(caller, caseId, CaseAction.SUPPLEMENT, "supplement", cmd, key, (c, ctx) -> {
            ServiceItem item = writes.itemOf(c.snapshot());
            boolean waitingForDepartment = c.status() == CaseStatus.SUSPENDED
                    && c.currentSuspension().kind() == Suspension.Kind.SUPPLEMENT;
            List<String> unknown = IntakeRules.unknownMaterials(item, cmd.materials());
            if (!unknown.isEmpty()) {
                throw DomainException.validation(List.of(FieldError.of("materials",
                        "UNKNOWN_MATERIAL", "该事项没有此材料：" + String.join(",", unknown),
                        "the item has no material " + String.join(",", unknown))));
            }
            c.supplement(cmd.materials(), ctx.now(), ctx.actor());
            if (c.status() == CaseStatus.AWAITING_MATERIALS) {
                IntakeAssessment a = IntakeRules.assessMaterials(item, c.snapshot().materials());
                if (a.outcome() != IntakeAssessment.Outcome.AWAITING_MATERIALS) {
                    ctx.created().addAll(IntakeOutcome.apply(c, item, a, ctx.calc(), ctx.now(), ctx.actor()));
                }
            } else if (waitingForDepartment) {
                ctx.tasks().addAll(ReturnWaitingTasks.afterSupplement(c, writes.cases.tasksOf(c.id()), ctx.calc(),
                        ctx.now(), ctx.actor()));
            } else if (!c.snapshot().taskDepartments().isEmpty()) {
                ctx.tasks().addAll(ReturnWaitingTasks.whileClockStands(c, writes.cases.tasksOf(c.id()), ctx.calc(),
                        ctx.now(), ctx.actor()));
            }
        });
    }
}
