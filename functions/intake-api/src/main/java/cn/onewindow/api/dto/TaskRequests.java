package cn.onewindow.api.dto;

import cn.onewindow.core.approval.TaskCommand;

import java.util.List;

/** Bodies and pages of the department side of joint approval. */
public final class TaskRequests {
    private TaskRequests() {
    }

    /** {@code decision}: APPROVE, DENY (reasons required) or REQUEST_SUPPLEMENT (missing material codes required). */
    public record Decide(TaskCommand.Outcome decision, List<String> reasons, List<String> missing) {
    }

    public record TaskPage(List<TaskView> items, String nextCursor) {
    }

    /** A task with its case (materials, deadlines; the applicant's identity masked). */
    public record TaskDetailView(TaskView task, CaseView caseView) {
    }

    /** A decision's result: the task and the case after it. */
    public record DecisionView(TaskView task, CaseView caseView) {
    }
}
