package cn.onewindow.core.approval.usecase;

import cn.onewindow.core.access.AccessPolicy;
import cn.onewindow.core.approval.DepartmentTask;
import cn.onewindow.core.approval.TaskDetail;
import cn.onewindow.core.approval.TaskStatus;
import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.Page;
import cn.onewindow.core.ports.TaskQuery;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A department's inbox (its tasks by status) and one task with its case, as the deciding department reads them. */
public final class ShowTasks {
    private final CaseRepository cases;

    public ShowTasks(CaseRepository cases) {
        this.cases = cases;
    }

    public Page<DepartmentTask> inbox(Caller caller, String department, TaskStatus status, int limit, String cursor) {
        AccessPolicy.requireInbox(caller, department);
        Page<DepartmentTask> page = cases.tasks(new TaskQuery(department, status == null ? TaskStatus.PENDING : status,
                limit, cursor));
        if (!AccessPolicy.listsCutToOwnCity(caller)) return page;
        // a department code exists in every city: a department sees only the tasks of its own city's cases (a page
        // may then hold fewer than limit; the cursor still goes on)
        Map<String, Boolean> visible = new HashMap<>();
        return new Page<>(page.items().stream().filter(t -> visible.computeIfAbsent(t.caseId(),
                id -> AccessPolicy.canReadTask(caller, t.departmentCode(), cases.find(id).orElse(null)))).toList(),
                page.nextCursor());
    }

    public TaskDetail detail(Caller caller, String taskId) {
        DepartmentTask task = visibleTask(cases, caller, taskId);
        return new TaskDetail(task, cases.find(task.caseId()).orElseThrow());
    }

    /** The task, when the caller may open it; {@code TASK_NOT_FOUND} otherwise (its existence does not leak). */
    static DepartmentTask visibleTask(CaseRepository cases, Caller caller, String taskId) {
        Optional<DepartmentTask> task = DepartmentTask.caseIdOf(taskId) == null ? Optional.empty()
                : cases.findTask(taskId);
        boolean visible = task.isPresent() && AccessPolicy.canOpenTask(caller, task.get().departmentCode(),
                cases.find(task.get().caseId()).orElse(null));
        if (!visible) throw DomainException.notFound("TASK_NOT_FOUND", "审批任务不存在", "no task " + taskId);
        return task.get();
    }
}
